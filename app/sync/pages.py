"""Pulled pages held as SQLite JSONB: SQLite parses an answer once, in C, and the page
writer (app/sync/local.py) inserts its rows straight from it with INSERT … SELECT over
jsonb_each — no Python object per value.

A first sync of 1.7M rows spent ~4 s in orjson.loads and most of its executemany time
binding Python values one by one; SQLite does both here, and does them with the GIL
released, so the next page is parsed on the fetching thread while this one is written.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from dataclasses import field

import orjson

from app.sync.wire import ORDERED_COLUMNS


class BadPage(ValueError):
    """The answer is not a page this desktop can read."""


@dataclass(frozen=True)
class Page:
    blob: bytes  # the whole answer as JSONB
    # table -> (the columns the server sent, the JSON path of its rows in `blob`); only
    # tables this build knows (a newer server may send more)
    tables: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    cursor: int = 0
    watermark: int = 0
    more: bool = False
    scope_changed: bool | None = None  # None: the page does not say (not the last page)


_local = threading.local()


def _parser():
    """A keyless in-memory connection per thread: jsonb() needs no database."""
    conn = getattr(_local, "conn", None)
    if conn is None:
        import sqlcipher3  # the desktop's SQLite build (3.45+: JSONB); profiles use it too

        conn = _local.conn = sqlcipher3.connect(":memory:")
    return conn


def _jsonb(conn, raw: bytes) -> bytes:
    try:
        blob = conn.execute("SELECT jsonb(CAST(? AS TEXT))", (raw,)).fetchone()[0]
    except Exception as exc:  # sqlcipher3.OperationalError: malformed JSON
        raise BadPage(f"not JSON: {exc}") from exc
    if conn.execute("SELECT json_type(?)", (blob,)).fetchone()[0] != "object":
        raise BadPage("not a JSON object")
    return blob


def _table(conn, blob: bytes, at: str) -> tuple[list[str], str]:
    """(column names, path of the rows) of the {columns, rows} object at `at`, checked."""
    kind, text, rows_kind = conn.execute(
        "SELECT json_type(?1, ?2), json(?1 -> ?2), json_type(?1, ?3)",
        (blob, f"{at}.columns", f"{at}.rows")).fetchone()
    if kind != "array":
        raise BadPage(f"{at}.columns is not a list")
    columns = orjson.loads(text)
    if not all(isinstance(c, str) for c in columns) or "id" not in columns:
        raise BadPage(f"{at}.columns is not a list of column names with id")
    if rows_kind != "array":
        raise BadPage(f"{at}.rows is not a list of rows")
    return columns, f"{at}.rows"


def parse_pull(raw: bytes) -> Page:
    """An answer of /sync/pull: {cursor, watermark, more, scope_changed?, tables: {name:
    {columns, rows}}}."""
    conn = _parser()
    blob = _jsonb(conn, raw)
    cursor, watermark, more, changed, kind = conn.execute(
        "SELECT ?1 ->> 'cursor', ?1 ->> 'watermark', ?1 ->> 'more', ?1 ->> 'scope_changed', "
        "json_type(?1, '$.tables')", (blob,)).fetchone()
    if not isinstance(cursor, int) or not isinstance(watermark, int) or kind != "object":
        raise BadPage("a page without its cursor, watermark or tables")
    tables = {}
    for (name,) in conn.execute("SELECT key FROM jsonb_each(?, '$.tables')", (blob,)).fetchall():
        if name in ORDERED_COLUMNS:  # a name this build knows is a plain identifier: safe in a path
            tables[name] = _table(conn, blob, f'$.tables."{name}"')
    return Page(blob, tables, cursor, watermark, bool(more), None if changed is None else bool(changed))


def parse_rows(raw: bytes, table: str, cursor: int) -> Page:
    """An answer of /sync/rows for `table`: {columns, rows}; `cursor` stays where it is."""
    conn = _parser()
    blob = _jsonb(conn, raw)
    tables = {table: _table(conn, blob, "$")} if table in ORDERED_COLUMNS else {}
    return Page(blob, tables, cursor, cursor)
