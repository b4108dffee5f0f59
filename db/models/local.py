"""Desktop-only tables: the outbox of unsent changes and small local state."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from db.models.base import Base
from db.types import JSONDoc
from db.types import UTCDateTime
from db.types import UUIDStr


class OutboxEntry(Base):
    """One local mutation waiting for the server's ack; removed only after the ack."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mutation_id: Mapped[str] = mapped_column(UUIDStr, unique=True)
    table_name: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(UUIDStr, index=True)
    op: Mapped[str] = mapped_column(String(8))  # insert / update / delete
    base_version: Mapped[int] = mapped_column(Integer)
    changes: Mapped[dict] = mapped_column(JSONDoc)  # field -> [old, new]
    user_id: Mapped[str | None] = mapped_column(UUIDStr)
    device_id: Mapped[str] = mapped_column(String(64))
    schema_version: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # Filled when the server answered rejected/conflict: shown to a person, never dropped.
    status: Mapped[str] = mapped_column(String(16), default="pending")
    server_reason: Mapped[str | None] = mapped_column(Text)
    server_detail: Mapped[dict | None] = mapped_column(JSONDoc)  # a conflict's two sides


class LocalState(Base):
    """Key/value facts about this profile: device id, sync cursor, demo flag."""

    __tablename__ = "local_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
