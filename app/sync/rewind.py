"""A server restored from a backup: noticing it, and sending again what it lost.

After `server restore` the server holds an older state: rows, versions and sequence numbers
of the moment the backup was made, and a new history id (server/backup.py). A desktop that
synced after the backup holds rows the server lacks or holds at a lower version, and a pull
cursor from a history that no longer exists. Left alone, its push would be refused row by
row (a base version the server never gave, a reference to a lost patient), its pull would
skip the restored history's new changes, and its scope check would purge exactly the rows
the server lost.

So before it pushes (and before any purge) the desktop compares the server's history id
with the one it last saw, and the server's watermark with its cursor (a raw pg_restore keeps
the id but not the watermark). When either says "rewound" it lists the server's rows per
table (/sync/ids: id, version, server_seq), queues again every row it holds that the server
lacks (as an insert) or holds at a lower version (as an update from the server's version),
with the row's whole content, ahead of its other outbox entries, and pulls the restored
history again from the start. Rows it pulled from other desktops go again too: a second
desktop sending the same row finds it there and sends nothing, or the server takes an
identical insert as done (server/apply.py). Rows whose author or printer the server stamps
from the token (timeline events, letters) go only from their author's own desktops: sent
by anyone else they would carry the wrong name.

The person sees one notice (restore.history_rewound), never a conflict per row.
"""
from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from app import clock
from app.serial import row_fields
from app.sync import audit_push
from app.sync import local
from app.sync.errors import SyncError
from app.sync.scope import PULL_EXCLUDED
from app.sync.wire import ADMIN_ONLY
from app.sync.wire import SERVER_FIELDS
from db.ids import uuid7
from db.models import MODEL_BY_TABLE
from db.models import SYNCED_MODELS
from db.models import LocalState
from db.models import OutboxEntry
from db.models.base import Base

if TYPE_CHECKING:
    from app.profile import Profile

log = logging.getLogger("casedesk.sync.rewind")
HISTORY_KEY = "sync.history"
NOTICE_KEY = "sync.rewound"  # {"resent": n, "at": …}: the last rewind, for the sync status
NOTICE = "restore.history_rewound"
# Set from the token on the server (server/apply.py STAMPED): only their person's desktop resends them.
OWNER_FIELD = {"timeline_events": "author_id", "letters": "printed_by"}
# Where pulling, checking and sending the audit trail stood in the lost history: forgotten, so
# the restored history is pulled and checked anew and the audit chain is sent from its start
# (the server skips the links it still holds, after checking they are the same).
FORGET = (local.CURSOR_KEY, "sync.checked_seq", audit_push.ACKED_KEY)


def resent_tables() -> list[str]:
    """The tables a desktop sends, parents before children (a case after its patient)."""
    mine = {m.__tablename__ for m in SYNCED_MODELS} - set(PULL_EXCLUDED) - ADMIN_ONLY
    return [t.name for t in Base.metadata.sorted_tables if t.name in mine]


def settle(client) -> int | None:
    """Ask the server's history (POST /sync/history) and settle a rewind: the number of rows
    queued again, or None when the server's history is the one this desktop knows."""
    try:
        answer = client._post("/sync/history", {})
    except SyncError as exc:
        if exc.status == 404:  # a server from before backups (it accepts this schema for a while)
            return None
        raise
    return settle_answer(client, answer)


def settle_answer(client, answer: dict) -> int | None:
    """The same, from an answer that carries `history` and `watermark` (/sync/check too)."""
    profile = client.profile
    history, mark = answer.get("history"), answer.get("watermark")
    known = profile.get_local(HISTORY_KEY)
    with profile.sessions() as s:
        at = local.cursor(s)
    if not rewound(known, history, at, mark):
        if history and history != known:
            profile.set_local(HISTORY_KEY, history)  # first contact with a server that tells it
        return None
    return recover(client, history)


def rewound(known: str | None, history: str | None, cursor: int, watermark: int | None) -> bool:
    """Another history than the last one seen, or a watermark below what was already pulled."""
    changed = known is not None and history is not None and history != known
    return changed or (watermark is not None and watermark < cursor)


def recover(client, history: str | None) -> int:
    """Queue again what the server lost, forget the pull cursor, remember the new history:
    one local transaction, so an interruption leaves either all of it or none (and the next
    cycle notices the rewind again)."""
    profile = client.profile
    theirs = {t: {r[0]: int(r[1]) for r in client._post("/sync/ids", {"table": t})["rows"]}
              for t in resent_tables()}
    with profile.sessions.begin() as s:
        queued = queue_again(s, theirs, profile.store.user_id, profile.device_id, profile.store.schema_version)
        forget_numbers(s)
        for key in FORGET:
            s.execute(delete(LocalState).where(LocalState.key == key))
        if history:
            s.merge(LocalState(key=HISTORY_KEY, value=history))
        s.merge(LocalState(key=NOTICE_KEY, value=json.dumps({"resent": queued, "at": clock.now().isoformat()})))
    log.warning("the server's history was rewound (restored from a backup): %d row(s) queued again, "
                "pulling the restored history from the start", queued)
    return queued


def forget_numbers(session: Session) -> None:
    """The rows' sequence numbers are the lost history's: a pulled row never replaces one with
    a higher number (app/sync/local.py), and the restored history numbers from further back.
    0 keeps them marked as the server's (purges and checks tell them from rows made here)."""
    from app.sync.scope import PULL_EXCLUDED
    from db.models import SYNCED_MODELS

    for model in SYNCED_MODELS:
        if model.__tablename__ not in PULL_EXCLUDED:
            session.execute(update(model).where(model.server_seq.is_not(None)).values(server_seq=0))


def queue_again(session: Session, theirs: dict[str, dict[str, int]], user_id: str | None, device_id: str,
                schema_version: str) -> int:
    """Outbox entries for every row held here that the server lacks or holds at a lower
    version, placed before the entries already waiting (which may build on them). A row's
    pending entries are folded into its resend (its content already holds them, and their
    base versions are from the lost history); a row with an open conflict or rejection
    stays as it is, for its person."""
    waiting: dict[tuple[str, str], set[str]] = {}
    for table, row_id, status in session.execute(select(OutboxEntry.table_name, OutboxEntry.row_id,
                                                        OutboxEntry.status)):
        waiting.setdefault((table, row_id), set()).add(status)
    entries: list[OutboxEntry] = []
    folded: list[tuple[str, str]] = []
    now = clock.now()
    for table in resent_tables():
        model = MODEL_BY_TABLE[table]
        server = theirs.get(table, {})
        owner = OWNER_FIELD.get(table)
        columns = [model.id, model.version] + ([getattr(model, owner)] if owner else [])
        held = session.execute(select(*columns).where(model.server_seq.is_not(None)).order_by(model.server_seq))
        wanted = []
        for row_id, version, *who in held:
            there = server.get(row_id)
            if there is not None and there >= version:
                continue
            if waiting.get((table, row_id), {"pending"}) != {"pending"}:
                continue  # a conflict or rejection waits for a person
            if owner and who[0] not in (None, user_id):
                continue  # the author's own desktop sends it, under the author's name
            wanted.append((row_id, there))
        for start in range(0, len(wanted), 500):
            chunk = dict(wanted[start:start + 500])
            for row in session.scalars(select(model).where(model.id.in_(list(chunk)))):
                there = chunk[row.id]
                values = row_fields(row)
                if there is None:
                    op, base, changes = "insert", 0, {k: [None, v] for k, v in values.items()}
                else:
                    op, base = "update", there
                    changes = {k: [None, v] for k, v in values.items() if k not in SERVER_FIELDS}
                entries.append(OutboxEntry(mutation_id=uuid7(), table_name=table, row_id=row.id, op=op,
                                           base_version=base, changes=changes, user_id=user_id,
                                           device_id=device_id, schema_version=schema_version, created_at=now))
                if (table, row.id) in waiting:
                    folded.append((table, row.id))
    for table, row_id in folded:
        session.execute(delete(OutboxEntry).where(OutboxEntry.table_name == table, OutboxEntry.row_id == row_id,
                                                  OutboxEntry.status == "pending"))
    first = session.scalar(select(func.min(OutboxEntry.seq)))
    start = (first if first is not None else 1) - len(entries)
    for i, entry in enumerate(entries):
        entry.seq = start + i  # ahead of what was waiting: a pending case may need its resent patient
    session.add_all(entries)
    session.flush()
    return len(entries)


def last_notice(profile: Profile) -> dict | None:
    """The last rewind this desktop settled ({"resent": n, "at": …}), for the sync status."""
    raw = profile.get_local(NOTICE_KEY)
    return json.loads(raw) if raw else None


__all__ = ["NOTICE", "last_notice", "recover", "rewound", "settle", "settle_answer"]
