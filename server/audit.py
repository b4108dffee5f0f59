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

from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import Session

from app import audit
from app.sync.audit_push import FIELDS
from app.sync.wire import from_wire
from db.models import AuditEntry
from server.checks import Rejected



def last_link(session: Session, device_id: str) -> tuple[int, str]:
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).where(AuditEntry.device_id == device_id)
        .order_by(AuditEntry.seq.desc()).limit(1)).first()
    return (row.seq, row.entry_hash) if row else (0, audit.GENESIS)


def receive(session: Session, device_id: str, entries: list[dict]) -> dict:
    """Store the new links of this desktop's chain; {"stored": n, "acked_seq": last seq held}."""
    seq, prev = last_link(session, device_id)
    batch = sorted((_entry(device_id, wire) for wire in entries), key=lambda e: e.seq)
    _same_as_stored(session, device_id, [e for e in batch if e.seq <= seq])
    fresh = []
    for entry in (e for e in batch if e.seq > seq):
        if entry.seq != seq + 1:
            break  # a gap: the desktop resends from acked_seq + 1
        if entry.prev_hash != prev:
            raise Rejected(f"审计记录链接不符 / audit entry {entry.seq} does not link to entry {seq}")
        if audit.entry_hash(entry) != entry.entry_hash:
            raise Rejected(f"审计记录内容与其哈希不符 / audit entry {entry.seq} does not match its hash")
        fresh.append(entry)
        seq, prev = entry.seq, entry.entry_hash
    session.add_all(fresh)
    session.commit()
    return {"stored": len(fresh), "acked_seq": seq}


def _entry(device_id: str, wire: dict) -> AuditEntry:
    values = {f: from_wire("audit_entries", f, wire.get(f)) for f in FIELDS}  # WireError: a 422
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
            raise Rejected(f"审计记录 {entry.seq} 与服务器已存的不同 / audit entry {entry.seq} differs "
                           "from the one the server already holds; the trail on this desktop was changed")


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
