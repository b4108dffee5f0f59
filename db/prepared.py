"""SELECTs run straight on the DB-API cursor, compiled once: for the desktop's hot paths
(a keystroke in the worklist search, opening a patient) the ORM's statement building,
compiling and row processing cost more than SQLite itself. Rows come back as the driver
gives them; callers convert the few typed columns (`utc`, `date`).
"""
from __future__ import annotations

import datetime as dt
from typing import overload

from db.types import UTCDateTime

_UTC = UTCDateTime()
_SHAPES: dict = {}  # (dialect, statement shape) -> (compiled, its parameters in order)
_SHAPES_MAX = 256


class Prepared:
    """A fixed SELECT with named `bindparam`s, compiled once per dialect."""

    def __init__(self, stmt):
        self.stmt = stmt
        self._compiled: dict = {}

    def rows(self, session, **params) -> list[tuple]:
        conn = session.connection()
        found = self._compiled.get(conn.dialect.name)
        if found is None:
            compiled = self.stmt.compile(dialect=conn.dialect)
            if compiled.post_compile_params:  # constant IN lists, written out once (named
                # parameters need a stand-in value for this, and stay parameters)
                compiled = self.stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
            found = self._compiled[conn.dialect.name] = compiled, compiled.params
        compiled, constants = found
        return _run(conn, str(compiled), _ordered(compiled, {**constants, **params}))


def rows(session, stmt) -> list[tuple]:
    """Any SELECT built on the fly: each shape is compiled once, since a new statement of
    the same shape (another search text, another filter value) differs only in its values.
    The cache key lists a statement's parameters in the same order for every such copy."""
    conn = session.connection()
    key = stmt._generate_cache_key()
    slot = (conn.dialect.name, key.key)
    cached = _SHAPES.get(slot)
    if cached is None:
        compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        if not compiled.post_compile_params:  # an IN (list) takes its shape from the list
            if len(_SHAPES) >= _SHAPES_MAX:
                _SHAPES.clear()
            _SHAPES[slot] = (compiled, key.bindparams)
        values = compiled.params
    else:
        compiled, original = cached
        values = compiled.construct_params()
        for old, new in zip(original, key.bindparams):
            values[compiled.bind_names[old]] = new.effective_value
    return _run(conn, str(compiled), _ordered(compiled, values))


def first_column(session, stmt) -> list:
    return [row[0] for row in rows(session, stmt)]


def _ordered(compiled, values: dict) -> list:
    processors = compiled._bind_processors
    return [processors[k](values[k]) if k in processors else values[k] for k in compiled.positiontup]


def _run(conn, sql: str, params) -> list[tuple]:
    cursor = conn.connection.cursor()
    try:
        return cursor.execute(sql, params).fetchall()
    finally:
        cursor.close()


@overload
def utc(value: None) -> None: ...
@overload
def utc(value: str | dt.datetime) -> dt.datetime: ...
def utc(value: str | dt.datetime | None) -> dt.datetime | None:
    return _UTC.process_result_value(value, None)


@overload
def date(value: None) -> None: ...
@overload
def date(value: str | dt.date) -> dt.date: ...
def date(value: str | dt.date | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value
