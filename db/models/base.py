"""Declarative base and the sync columns every synced table carries."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from typing import ClassVar

from sqlalchemy import BigInteger
from sqlalchemy import FromClause
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from db.ids import uuid7
from db.types import UTCDateTime
from db.types import UUIDStr

# Stable constraint names so Alembic migrations are identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def desktop_only(index: Index) -> Index:
    """An index only a desktop's screens read (the search box). The server's PostgreSQL does not
    keep it: there every pushed change of the row would write one more entry for nothing (the
    patients' five search indexes were two thirds of the time of an UPDATE of pushed patient
    edits). Created on SQLite only; db/migrations/env.py drops one a server still holds."""
    index.info["desktop_only"] = True
    return index.ddl_if(dialect="sqlite")


def desktop_only_indexes() -> list[Index]:
    return [i for t in Base.metadata.tables.values() for i in t.indexes if i.info.get("desktop_only")]


class Synced:
    """Columns of the sync protocol (../shared/ARCHITECTURE.md).

    `version` and `server_seq` are assigned by the server; a row created offline has
    version 0 and no server_seq until its first push is acknowledged.
    """

    __synced__ = True
    if TYPE_CHECKING:  # every synced model is a mapped Base subclass too
        __tablename__: str
        __table__: ClassVar[FromClause]

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True, default=uuid7)
    version: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    server_seq: Mapped[int | None] = mapped_column(BigInteger, index=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    updated_by: Mapped[str | None] = mapped_column(UUIDStr)
    device_id: Mapped[str | None] = mapped_column(String(64))


SYNC_COLUMNS = ("id", "version", "server_seq", "deleted_at", "updated_at", "updated_by", "device_id")
