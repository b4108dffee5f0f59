"""Places in the change sequence for rows the server writes: each changed row gets the next
server_seq and a change_log entry, so desktops pull it like any pushed change.

The numbers are taken with one UPDATE of the counter row, whose lock is held until the
caller commits: sequence numbers become visible in commit order (server/pull.py's safe
watermark). Call it last in a transaction, to keep that lock short.
"""
from __future__ import annotations

from typing import cast

import orjson
from sqlalchemy import Table
from sqlalchemy import insert
from sqlalchemy import text
from sqlalchemy import update
from sqlalchemy.orm import Session

from app import clock
from db.models import ChangeLog
from db.models import SeqCounter
from server import scope_marks


def stamp(session: Session, changed, user_id: str | None, device_id: str | None) -> list[int]:
    """`changed`: (row object, table name, changed field names, new version) per change, in
    order. Sets each row's server_seq (a row changed twice keeps the later number), logs the
    changes, raises the marks of the scopes that see them (server/scope_marks.py), and
    returns their numbers."""
    if not changed:
        return []
    with session.no_autoflush:  # the rows themselves may be written after (server/setwrite.py)
        counter = cast(Table, SeqCounter.__table__)  # the table, not the class: no search of the session's objects
        top = session.execute(
            update(counter).where(counter.c.id == 1)
            .values(value=counter.c.value + len(changed)).returning(counter.c.value)
        ).scalar_one()
        now = clock.now()
        log, seqs = [], []
        for seq, (obj, table, fields, version) in enumerate(changed, start=top - len(changed) + 1):
            obj.server_seq = seq
            log.append({"server_seq": seq, "table_name": table, "row_id": obj.id, "version": version,
                        "fields": fields})
            seqs.append(seq)
        _log(session, log, user_id, device_id, now)
        scope_marks.note(session, [(*change, seq) for change, seq in zip(changed, seqs)])
    return seqs


_LOG = text(
    "INSERT INTO change_log (server_seq, table_name, row_id, version, fields, user_id, device_id, at) "
    "SELECT v.server_seq, v.table_name, v.row_id, v.version, v.fields, :user, :device, :at "
    "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS v(server_seq bigint, table_name text, row_id text, "
    "version integer, fields jsonb)")


def _log(session: Session, log: list[dict], user_id: str | None, device_id: str | None, at) -> None:
    """The change_log entries (who and when are the same for all): on PostgreSQL one
    statement from one JSON document."""
    if session.get_bind().dialect.name != "postgresql":
        rows = [{**e, "user_id": user_id, "device_id": device_id, "at": at} for e in log]
        session.execute(insert(ChangeLog.__table__), rows)  # type: ignore[arg-type]  # a Table
        return
    session.execute(_LOG, {"rows": orjson.dumps(log).decode(), "user": user_id, "device": device_id,
                           "at": at.replace(tzinfo=None)})
