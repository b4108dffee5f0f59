"""Client-generated time-ordered ids (UUID version 7, RFC 9562).

Python 3.11 has no uuid7; ids made here sort by creation time, which keeps B-tree
inserts local on both SQLite and PostgreSQL.
"""
from __future__ import annotations

import os
import time
import uuid


def uuid7(ms: int | None = None, rand: bytes | None = None) -> str:
    """A new UUIDv7 as canonical text. `ms`/`rand` make it deterministic (demo data)."""
    if ms is None:
        ms = time.time_ns() // 1_000_000
    if rand is None:
        rand = os.urandom(10)
    value = (ms & 0xFFFF_FFFF_FFFF) << 80
    value |= int.from_bytes(rand[:10], "big") & ((1 << 80) - 1)
    value &= ~(0xF << 76)
    value |= 0x7 << 76  # version
    value &= ~(0x3 << 62)
    value |= 0x2 << 62  # RFC 4122 variant
    return str(uuid.UUID(int=value))
