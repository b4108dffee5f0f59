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
    """Every column of an ORM object a desktop sends, as wire values: not the ones each
    desktop derives for itself, nor the legacy ones only desktops before 0008 send
    (db/models/people.py)."""
    return {attr.key: to_wire(getattr(obj, attr.key)) for attr in inspect(obj).mapper.column_attrs
            if not is_local_column(attr.columns[0])}


def is_local_column(column) -> bool:
    return bool(column.info.get("derived") or column.info.get("legacy"))
