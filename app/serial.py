"""Values as they travel in outbox entries and sync payloads (JSON)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import inspect


def to_wire(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def row_fields(obj) -> dict[str, Any]:
    """Every mapped column of an ORM object, as wire values."""
    return {attr.key: to_wire(getattr(obj, attr.key)) for attr in inspect(obj).mapper.column_attrs}
