"""Receiving a desktop's audit chain: append-only, checked link by link, all or nothing.

A desktop sends its own entries in `seq` order, from just after the last one the server
holds for that desktop. Each entry must carry the hash of the one before it and a hash
that matches its content (app/audit.py), so the server's copy is the same chain and a
desktop whose trail was altered is refused, not half-stored. A resent entry the server
already has (the ack was lost) is ignored; an entry that starts after a gap stores
nothing, and the answer's `acked_seq` tells the desktop where to resume.

The database itself refuses UPDATE and DELETE on the table (migration 0005 on
PostgreSQL; `guard_sqlite` for the embedded server), so not even a bug here can rewrite
what was received.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import Session

from app import audit
from app import clock
from app import rulebook
from app.rulebook import audit as audit_rules
from app.rulebook.actor import Actor
from app.sync.audit_push import FIELDS
from app.sync.wire import WireError
from app.sync.wire import from_wire
from db.models import AuditEntry
from db.models import Device
from server import security_log
from server.refusal import Refusal

SKEW_FLAG_S = int(audit_rules.SKEW_TOLERANCE.total_seconds())
SKEW_LIMIT = 2**31 - 1
SKEW_JITTER_S = 5  # a request's own travel time moves the measured skew by a second or two


def last_link(session: Session, device_id: str) -> tuple[int, str]:
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).where(AuditEntry.device_id == device_id)
        .order_by(AuditEntry.seq.desc()).limit(1)).first()
    return (row.seq, row.entry_hash) if row else (0, audit.GENESIS)


def receive(session: Session, device_id: str, entries: list[dict], *, actor: Actor | None = None,
            client_time: str | None = None, client_addr: str | None = None) -> dict:
    """Store the new links of this desktop's chain; {"stored": n, "acked_seq": last seq held}.
    The entries' person must be the token's (or none), their time not after the desktop's
    own clock; the server stamps its receipt time and the desktop's skew beside them."""
    now = clock.now()
    skew = skew_of(client_time, now) if client_time else 0
    seq, prev = last_link(session, device_id)
    batch = sorted((_entry(device_id, wire) for wire in entries), key=lambda e: e.seq)
    _same_as_stored(session, device_id, [e for e in batch if e.seq <= seq])
    fresh = []
    lookup = rulebook.SessionLookup(session)
    for entry in (e for e in batch if e.seq > seq):
        if entry.seq != seq + 1:
            break  # a gap: the desktop resends from acked_seq + 1
        if entry.prev_hash != prev:
            raise _refused("audit.link_mismatch", f"audit entry {entry.seq} does not link to entry {seq}",
                           seq=entry.seq)
        if audit.entry_hash(entry) != entry.entry_hash:
            raise _refused("audit.hash_mismatch", f"audit entry {entry.seq} does not match its hash", seq=entry.seq)
        values = {f: getattr(entry, f) for f in FIELDS}
        for problem in rulebook.check("audit_entries", None, values, actor, lookup):
            raise _refused(problem.code, f"audit entry {entry.seq}: {problem}", seq=entry.seq)
        late = audit_rules.time_problem(entry.at, now, dt.timedelta(seconds=skew))
        if late is not None:
            raise _refused(late.code, f"audit entry {entry.seq} is dated after the desktop's own clock",
                           seq=entry.seq, at=late.params.get("at"))
        entry.received_at, entry.clock_skew_s = now, skew if client_time else None
        fresh.append(entry)
        seq, prev = entry.seq, entry.entry_hash
    if client_time and actor is not None:
        note_skew(session, actor.user_id, device_id, skew, client_addr)
    session.add_all(fresh)
    session.commit()
    return {"stored": len(fresh), "acked_seq": seq}


def skew_of(client_time: str, now: dt.datetime) -> int:
    """The desktop's clock minus the server's, in whole seconds."""
    try:
        sent = dt.datetime.fromisoformat(client_time.replace("Z", "+00:00"))
    except ValueError:
        raise Refusal(422, "request.invalid", f"client_time {client_time!r} is not an ISO 8601 time",
                      {"problems": ["client_time: not an ISO 8601 time"]}) from None
    if sent.tzinfo is None:
        sent = sent.replace(tzinfo=dt.timezone.utc)
    skew = round((sent - now).total_seconds())
    return max(-SKEW_LIMIT, min(SKEW_LIMIT, skew))  # a clock off by centuries still fits the column


def note_skew(session: Session, user_id: str, device_id: str, skew: int, client_addr: str | None) -> None:
    """Keep the desktop's skew on its Device row and log a skew over the tolerance
    (clock_skew) when it first appears or moves by more than a minute: not at every sync
    of a desktop whose clock stays wrong. Small jitter is not written at all."""
    device = session.get(Device, device_id)
    previous = device.clock_skew_s if device is not None else None
    if device is not None and (previous is None or abs(previous - skew) >= SKEW_JITTER_S):
        device.clock_skew_s = skew
    flagged_before = previous is not None and abs(previous) > SKEW_FLAG_S and abs(previous - skew) <= 60
    if abs(skew) > SKEW_FLAG_S and not flagged_before:
        security_log.record(session, "clock_skew", user_id=user_id, device_id=device_id, client_addr=client_addr,
                            detail={"skew_s": skew})


def _refused(code: str, detail: str, **params) -> Refusal:
    return Refusal(409, code, detail, params)


def _entry(device_id: str, wire: dict) -> AuditEntry:
    try:
        values = {f: from_wire("audit_entries", f, wire.get(f)) for f in FIELDS}
    except WireError as exc:
        raise Refusal(422, "request.invalid", str(exc), {"problems": [str(exc)]}) from None
    return AuditEntry(**values, device_id=device_id, version=1, updated_at=values["at"],
                      updated_by=values["user_id"])


def _same_as_stored(session: Session, device_id: str, resent: list[AuditEntry]) -> None:
    """Entries the server already holds (a lost answer) must be exactly those: one query."""
    if not resent:
        return
    stored = {seq: digest for seq, digest in session.execute(select(AuditEntry.seq, AuditEntry.entry_hash).where(
        AuditEntry.device_id == device_id, AuditEntry.seq.in_([e.seq for e in resent])))}
    for entry in resent:
        if stored.get(entry.seq) != entry.entry_hash:
            raise _refused("audit.differs", f"audit entry {entry.seq} differs from the one the server already "
                           "holds; the trail on this desktop was changed", seq=entry.seq)


SQLITE_GUARDS = [
    f"CREATE TRIGGER IF NOT EXISTS audit_entries_no_{op.lower()} BEFORE {op} ON audit_entries "
    "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END"
    for op in ("UPDATE", "DELETE")
]


def guard_sqlite(engine: Engine) -> None:
    """The embedded server's copy of migration 0005 (desktops share the schema but not this:
    their trail is guarded by its hash chain and the server's copy)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as conn:
        for statement in SQLITE_GUARDS:
            conn.execute(text(statement))
