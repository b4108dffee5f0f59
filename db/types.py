"""Column types that behave the same on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON
from sqlalchemy import DateTime
from sqlalchemy import String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator

# Canonical text UUIDs: the sync protocol carries ids as JSON strings, so storing the
# same text avoids a conversion per row on the hot bulk paths (pull, demo generation).
UUIDStr = String(36)

JSONDoc = JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores naive UTC, returns aware UTC.

    SQLite has no time zones; without this a desktop in UTC+8 and the server would
    compare wall-clock strings and sync ordering would drift by eight hours.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; CaseDesk stores aware UTC datetimes only")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, str):  # raw SQL paths on SQLite
            value = dt.datetime.fromisoformat(value)
        return value.replace(tzinfo=dt.timezone.utc)
