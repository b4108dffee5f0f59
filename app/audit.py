"""The audit chain: append-only, hash-chained per device.

Each entry's hash covers its content and the previous entry's hash, so changing or
removing any entry breaks every link after it. Chains are per device because entries
from other desktops arrive through sync with their own order.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.problems import Problem
from app.serial import to_wire
from db.ids import uuid7
from db.models import AuditEntry

GENESIS = "0" * 64


def entry_hash(entry: AuditEntry | SimpleNamespace) -> str:
    """`entry` may be a stand-in with the same attributes (the bulk writer's, app/screening/bulk.py)."""
    content = {
        "id": entry.id, "seq": entry.seq, "at": to_wire(entry.at), "user_id": entry.user_id,
        "device_id": entry.device_id, "action": entry.action, "table": entry.table_name,
        "row_id": entry.row_id, "detail": entry.detail, "note": entry.note,
    }
    payload = entry.prev_hash + json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(session: Session, *, device_id: str, user_id: str | None, action: str,
           table: str | None = None, row_id: str | None = None,
           detail: dict | None = None, note: str | None = None) -> AuditEntry:
    """Add the next entry of this device's chain to `session` (the caller commits)."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash)
        .where(AuditEntry.device_id == device_id)
        .order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last.seq + 1, last.entry_hash) if last else (1, GENESIS)
    at = clock.now()
    entry = AuditEntry(
        id=uuid7(), seq=seq, at=at, user_id=user_id, device_id=device_id, action=action,
        table_name=table, row_id=row_id, detail=detail, note=note, prev_hash=prev,
        version=0, updated_at=at, updated_by=user_id,
    )
    entry.entry_hash = entry_hash(entry)
    session.add(entry)
    return entry


@dataclass(frozen=True)
class BrokenLink:
    device_id: str
    seq: int
    entry_id: str
    problem: Problem  # why: audit.chain_gap / audit.chain_link / audit.chain_changed, worded in ui/


def verify(session: Session) -> BrokenLink | None:
    """The first broken link of any device's chain, or None when every chain holds."""
    devices = session.scalars(select(AuditEntry.device_id).distinct()).all()
    for device_id in sorted(d for d in devices if d is not None):
        prev, expected_seq = GENESIS, 1
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.device_id == device_id).order_by(AuditEntry.seq)
        )
        for entry in rows:
            if entry.seq != expected_seq:
                return BrokenLink(device_id, expected_seq, entry.id,
                                  Problem("audit.chain_gap", None, {"seq": expected_seq, "found": entry.seq}))
            if entry.prev_hash != prev:
                return BrokenLink(device_id, entry.seq, entry.id, Problem("audit.chain_link", None, {"seq": entry.seq}))
            if entry_hash(entry) != entry.entry_hash:
                return BrokenLink(device_id, entry.seq, entry.id,
                                  Problem("audit.chain_changed", None, {"seq": entry.seq}))
            prev, expected_seq = entry.entry_hash, expected_seq + 1
    return None
