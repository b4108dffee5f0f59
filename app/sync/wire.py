"""Rows and values as they cross the wire, checked against the models.

The server uses this to validate every pushed field; the desktop uses it to apply
pulled rows. Both therefore agree on what a well-formed value is.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy import Boolean
from sqlalchemy import Date
from sqlalchemy import Float
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text

from db.models import MODEL_BY_TABLE
from db.models.base import SYNC_COLUMNS
from db.types import JSONDoc
from db.types import UTCDateTime

SCHEMA_VERSIONS_ACCEPTED = 2  # the server accepts the current schema and the one before
APPEND_ONLY = frozenset({"timeline_events", "audit_entries", "letters"})
# Reference data only an administrator pushes; everyone pulls it.
ADMIN_ONLY = frozenset({"org_units", "users"})
# Set by the server, never taken from a push.
SERVER_FIELDS = frozenset({"id", "version", "server_seq", "updated_at", "updated_by", "device_id"})
MAX_TEXT = 20_000


class WireError(ValueError):
    """A pushed value or field the model cannot take; the reason goes back to the desktop."""


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: str  # str, int, float, bool, date, datetime, json
    nullable: bool
    max_length: int | None


def _kind(col) -> str:
    t = col.type
    if isinstance(t, UTCDateTime):
        return "datetime"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, (Integer, BigInteger)):
        return "int"
    if isinstance(t, Float):
        return "float"
    if isinstance(t, (String, Text)):
        return "str"
    if t.__class__.__name__ in ("JSON", "JSONB", "Variant") or t is JSONDoc:
        return "json"
    return "json"


def _specs(model) -> dict[str, ColumnSpec]:
    out = {}
    for col in model.__table__.columns:
        length = getattr(col.type, "length", None)
        out[col.name] = ColumnSpec(col.name, _kind(col), bool(col.nullable), length)
    return out


COLUMNS: dict[str, dict[str, ColumnSpec]] = {t: _specs(m) for t, m in MODEL_BY_TABLE.items()}
CLIENT_FIELDS = {t: tuple(c for c in cols if c not in SERVER_FIELDS) for t, cols in COLUMNS.items()}
ORDERED_COLUMNS = {t: tuple(cols) for t, cols in COLUMNS.items()}


def from_wire(table: str, field: str, value: Any) -> Any:
    """The Python value for a pushed or pulled field; WireError says what is wrong."""
    spec = COLUMNS[table].get(field)
    if spec is None:
        raise WireError(f"{table} has no field {field!r}")
    if value is None:
        if not spec.nullable:
            raise WireError(f"{table}.{field} cannot be empty")
        return None
    try:
        if spec.kind == "str":
            if not isinstance(value, str):
                raise WireError(f"{table}.{field} must be text")
            limit = spec.max_length or MAX_TEXT
            if len(value) > limit:
                raise WireError(f"{table}.{field} is longer than {limit} characters")
            return value
        if spec.kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                raise WireError(f"{table}.{field} must be a whole number")
            return value
        if spec.kind == "float":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise WireError(f"{table}.{field} must be a number")
            return float(value)
        if spec.kind == "bool":
            if not isinstance(value, bool):
                raise WireError(f"{table}.{field} must be true or false")
            return value
        if spec.kind == "date":
            return dt.date.fromisoformat(value)
        if spec.kind == "datetime":
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            if parsed.tzinfo is None:
                raise WireError(f"{table}.{field} needs a time zone")
            return parsed
        return value  # json: any JSON value
    except (TypeError, ValueError, AttributeError) as exc:
        if isinstance(exc, WireError):
            raise
        raise WireError(f"{table}.{field}: {value!r} is not a valid {spec.kind}") from exc
