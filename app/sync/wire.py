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
from db.types import JSONDoc
from db.types import UTCDateTime

SCHEMA_VERSIONS_ACCEPTED = 2  # the server accepts the current schema and the one before
APPEND_ONLY = frozenset({"timeline_events", "audit_entries", "letters", "calls"})
# Reference data only an administrator pushes; everyone pulls it.
ADMIN_ONLY = frozenset({"org_units", "users"})
# Set by the server, never taken from a push.
SERVER_FIELDS = frozenset({"id", "version", "server_seq", "updated_at", "updated_by", "device_id",
                           "booked_count"})  # exam_slots: the server counts the bookings it holds
MAX_TEXT = 20_000
MAX_JSON_DEPTH = 32
INT32 = 2**31 - 1
INT64 = 2**63 - 1


class WireError(ValueError):
    """A pushed value or field the model cannot take. `problem` is what the desktop is told
    (a code, the field, parameters); the message is for logs."""

    def __init__(self, message: str, code: str = "field.invalid", field: str | None = None, **params):
        super().__init__(message)
        self.code, self.field, self.params = code, field, params

    @property
    def problem(self):
        from app.problems import Problem  # local: problems imports app.errors only; kept light here
        return Problem(self.code, self.field, self.params)


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: str  # str, int, float, bool, date, datetime, json
    nullable: bool
    max_length: int | None
    wide: bool = False  # a 64-bit integer column


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
        out[col.name] = ColumnSpec(col.name, _kind(col), bool(col.nullable), length,
                                   isinstance(col.type, BigInteger))
    return out


COLUMNS: dict[str, dict[str, ColumnSpec]] = {t: _specs(m) for t, m in MODEL_BY_TABLE.items()}
CLIENT_FIELDS = {t: tuple(c for c in cols if c not in SERVER_FIELDS) for t, cols in COLUMNS.items()}
ORDERED_COLUMNS = {t: tuple(cols) for t, cols in COLUMNS.items()}


def from_wire(table: str, field: str, value: Any) -> Any:
    """The Python value for a pushed or pulled field; WireError says what is wrong."""
    spec = COLUMNS[table].get(field)
    if spec is None:
        raise WireError(f"{table} has no field {field!r}", "sync.unknown_field", field)
    if value is None:
        if not spec.nullable:
            raise WireError(f"{table}.{field} cannot be empty", "field.required", field)
        return None
    try:
        return _CONVERT[spec.kind](spec, value)
    except WireError as exc:
        raise WireError(f"{table}.{field} {exc}", exc.code, field, **exc.params) from None
    except (TypeError, ValueError, AttributeError, OverflowError) as exc:
        shown = repr(value)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        raise WireError(f"{table}.{field}: {shown} is not a valid {spec.kind}", "field.invalid", field) from exc


def _text(spec: ColumnSpec, value: Any) -> str:
    if not isinstance(value, str):
        raise WireError("must be text")
    limit = spec.max_length or MAX_TEXT
    if len(value) > limit:
        raise WireError(f"is longer than {limit} characters", "field.too_long", max=limit)
    if "\x00" in value:
        raise WireError("must not contain NUL characters")
    return value


def _int(spec: ColumnSpec, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise WireError("must be a whole number")
    limit = INT64 if spec.wide else INT32
    if not -limit <= value <= limit:
        raise WireError("is out of range")
    return value


def _float(_spec: ColumnSpec, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise WireError("must be a number")
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise WireError("must be a finite number")
    return number


def _bool(_spec: ColumnSpec, value: Any) -> bool:
    if not isinstance(value, bool):
        raise WireError("must be true or false")
    return value


def _datetime(_spec: ColumnSpec, value: Any) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise WireError("needs a time zone")
    return parsed.astimezone(dt.timezone.utc)  # OverflowError at the calendar's ends


def _json(_spec: ColumnSpec, value: Any, depth: int = 0) -> Any:
    """Any JSON value PostgreSQL's jsonb can hold: no NUL in strings or keys."""
    if depth > MAX_JSON_DEPTH:
        raise WireError("is nested too deeply")
    if isinstance(value, str):
        if "\x00" in value:
            raise WireError("must not contain NUL characters")
    elif isinstance(value, float):
        _float(_spec, value)
    elif isinstance(value, list):
        for item in value:
            _json(_spec, item, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or "\x00" in key:
                raise WireError("has a bad key")
            _json(_spec, item, depth + 1)
    return value


_CONVERT = {
    "str": _text, "int": _int, "float": _float, "bool": _bool, "json": _json, "datetime": _datetime,
    "date": lambda _spec, value: dt.date.fromisoformat(value),
}
