"""The audit trail: append-only and hash-chained, synced to the server."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from db.models.base import Base
from db.models.base import Synced
from db.types import JSONDoc
from db.types import UTCDateTime
from db.types import UUIDStr


class AuditEntry(Synced, Base):
    """Who did what to which record. `seq` orders the chain on the device that wrote it;
    `entry_hash` covers the entry and `prev_hash`, so an edit anywhere breaks the chain."""

    __tablename__ = "audit_entries"
    # A fork of the chain (two writers appending the same seq) fails loudly instead.
    __table_args__ = (UniqueConstraint("device_id", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[str | None] = mapped_column(UUIDStr)
    action: Mapped[str] = mapped_column(String(16))  # read / write / delete / print / export
    table_name: Mapped[str | None] = mapped_column(String(32))
    row_id: Mapped[str | None] = mapped_column(UUIDStr)
    detail: Mapped[dict | None] = mapped_column(JSONDoc)
    note: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
    # The server's word beside the desktop's (`at` is the desktop's, inside the hash):
    # when the entry arrived, and the desktop's clock minus the server's at that moment.
    received_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    clock_skew_s: Mapped[int | None] = mapped_column(Integer)
