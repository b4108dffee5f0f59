"""Sending this desktop's audit chain to the server (server/audit.py keeps it).

The chain is already ordered and tamper-evident, so it travels as itself rather than
through the outbox: entries after the last one the server acknowledged, in `seq` order.
The acknowledged seq is kept locally only as a starting point: the server's answer is
the truth, so a lost ack or a server restored from backup just moves where sending resumes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.serial import to_wire
from db.models import AuditEntry

if TYPE_CHECKING:
    from app.profile import Profile

ACKED_KEY = "sync.audit_acked_seq"
BATCH = 1000
FIELDS = ("id", "seq", "at", "user_id", "action", "table_name", "row_id", "detail", "note",
          "prev_hash", "entry_hash")


def entries_after(session: Session, device_id: str, seq: int, limit: int = BATCH) -> list[dict]:
    rows = session.scalars(select(AuditEntry).where(AuditEntry.device_id == device_id, AuditEntry.seq > seq)
                           .order_by(AuditEntry.seq).limit(limit))
    return [{f: to_wire(getattr(e, f)) for f in FIELDS} for e in rows]


def send(profile: Profile, post) -> int:
    """Send the entries unsent when this step began with `post(path, body)`; the number the
    server stored. The end is fixed at the start: a person reading records while the sync runs
    writes an entry every few milliseconds, and "until none is left" would never end."""
    stored = 0
    with profile.sessions() as s:
        last = s.scalar(select(func.max(AuditEntry.seq)).where(AuditEntry.device_id == profile.device_id)) or 0
    while True:
        acked = int(profile.get_local(ACKED_KEY) or 0)
        if acked >= last:
            return stored
        with profile.sessions() as s:
            batch = entries_after(s, profile.device_id, acked, limit=min(BATCH, last - acked))
        if not batch:
            return stored
        answer = post("/sync/audit", {"entries": batch})
        profile.set_local(ACKED_KEY, str(answer["acked_seq"]))
        stored += answer["stored"]
        if answer["acked_seq"] == acked and not answer["stored"]:
            return stored  # nothing moved (cannot happen with a sound server): try next cycle
