"""A pushed batch's rows written set-based: one INSERT per table and one UPDATE per table and
set of changed columns, instead of the ORM's statement (or executemany row) per row.

The rule book, the merge and the server's own follow-ups (legacy tasks, slot counts) still
work on ORM objects, row by row, as they decide; only the writing of what they decided is
done here, on PostgreSQL, from one JSON document per statement (jsonb_to_recordset: the
database parses it; no Python work per value beyond building the document). The objects
written are then let go from the session, as a flush would have made them clean.

Anything this cannot write exactly as the ORM would (a deleted object, a column left to a
database default) stays in the session for the ORM to flush. A statement the database
refuses raises as a flush would, and the batch is redone carefully (server/push.py).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import cache

import orjson
from sqlalchemy import Column
from sqlalchemy import Table
from sqlalchemy import text
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import instance_state  # inspect() without its dispatch: 4 calls a row

from db.models.base import Base
from db.types import UTCDateTime

_ORDER = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}  # referenced tables first


def flush(session: Session) -> int:
    """Write the session's new and changed objects set-based; the number written. PostgreSQL
    only (0 elsewhere: the ORM flushes as before)."""
    if session.get_bind().dialect.name != "postgresql" or session.deleted:
        return 0
    inserts: dict[str, list] = defaultdict(list)
    updates: dict[tuple[str, tuple[str, ...]], list] = defaultdict(list)
    for obj in list(session.new):
        table = instance_state(obj).mapper.local_table
        if isinstance(table, Table) and _insertable(table, obj):
            inserts[table.name].append(obj)
    for obj in list(session.dirty):
        state = instance_state(obj)
        table = state.mapper.local_table
        changed = tuple(sorted(state.committed_state))
        if changed and isinstance(table, Table) and "id" not in changed and state.key is not None:
            updates[(table.name, changed)].append(obj)
    written: list = []
    with session.no_autoflush:  # a statement here must not flush what it is about to write
        for name in sorted(inserts, key=_ORDER.__getitem__):
            objs = inserts[name]
            spec = _spec(name, None)
            session.execute(spec.statement, {"rows": _document(spec, objs)})
            written.extend(objs)
        for (name, changed), objs in sorted(updates.items(), key=lambda item: (_ORDER[item[0][0]], item[0][1])):
            spec = _spec(name, changed)
            session.execute(spec.statement, {"rows": _document(spec, objs)})
            written.extend(objs)
    # Session.expunge walks each object's relationships for the "expunge" cascade; none of
    # the models' relationships has it (tests/server/test_set_based_push.py checks), so the
    # states go at once: the walk was a third of this function's time.
    session._expunge_states([instance_state(obj) for obj in written])
    return len(written)


def pending(session: Session, obj) -> None:
    """Session.add for a new row built from its columns (server/apply.py _new): no related
    object is set on it, so the "save-update" cascade that add walks (a fifth of the rule
    book's time per mutation) has nothing to find; the row is registered as add does."""
    session._save_impl(instance_state(obj))


class _Spec:
    def __init__(self, table: Table, attrs: list[tuple[str, Column]], statement):
        self.table, self.attrs, self.statement = table, attrs, statement
        # (attribute, column name, column, whether it stores a UTC datetime) per column
        self.fields = [(attr, column.name, column, isinstance(column.type, UTCDateTime)) for attr, column in attrs]


@cache
def _spec(name: str, changed: tuple[str, ...] | None) -> _Spec:
    """The statement for a table: an INSERT of every column, or an UPDATE by id of `changed`."""
    from sqlalchemy.dialects import postgresql

    dialect = postgresql.dialect()
    table = Base.metadata.tables[name]
    mapper = next(m for m in Base.registry.mappers if m.local_table is table)
    by_column = {prop.columns[0].name: prop.key for prop in mapper.column_attrs}
    quote = dialect.identifier_preparer.quote
    columns = [c for c in table.columns if changed is None or by_column[c.name] in changed or c.name == "id"]
    declared = ", ".join(f"{quote(c.name)} {c.type.compile(dialect=dialect)}" for c in columns)
    source = f"jsonb_to_recordset(CAST(:rows AS jsonb)) AS v({declared})"
    names = ", ".join(quote(c.name) for c in columns)
    if changed is None:
        sql = f"INSERT INTO {quote(name)} ({names}) SELECT {names} FROM {source}"
    else:
        sets = ", ".join(f"{quote(c.name)} = v.{quote(c.name)}" for c in columns if c.name != "id")
        sql = f"UPDATE {quote(name)} SET {sets} FROM {source} WHERE {quote(name)}.id = v.id"
    return _Spec(table, [(by_column[c.name], c) for c in columns], text(sql))


def _insertable(table: Table, obj) -> bool:
    """Whether every column has a value or a Python default (a database default would be
    left out by the ORM; a NULL written here would differ)."""
    values = obj.__dict__
    for attr, column in _spec(table.name, None).attrs:
        if attr not in values and column.default is None and column.server_default is not None:
            return False
    return True


def _document(spec: _Spec, objs: list) -> str:
    """The rows as one JSON document. orjson writes dates and datetimes itself (ISO 8601);
    an aware UTC datetime goes as it is: PostgreSQL reads "…+00:00" into a timestamp column
    as that UTC time, which is what the ORM would store (db/types.py UTCDateTime)."""
    rows = []
    for obj in objs:
        values = obj.__dict__
        row = {}
        for attr, name, column, utc in spec.fields:
            value = values[attr] if attr in values else _default(obj, attr, column)
            if utc and value is not None and value.tzinfo is not dt.timezone.utc:
                value = _naive_utc(column, value)
            row[name] = value
        rows.append(row)
    return orjson.dumps(rows).decode()


def _default(obj, attr: str, column: Column):
    """A column the object holds no value for: its Python default (set on the object, as a
    flush would), else NULL."""
    default = column.default
    if default is None:
        return None
    arg = default.arg  # type: ignore[attr-defined]  # a ColumnDefault: scalar or callable(context)
    value = arg(None) if default.is_callable else arg
    setattr(obj, attr, value)
    return value


def _naive_utc(column: Column, value) -> dt.datetime:
    """A datetime not in UTC already, as the ORM would store it (a naive one is refused)."""
    try:
        return column.type.process_bind_param(value, None)  # type: ignore[attr-defined]  # a UTCDateTime
    except (ValueError, AttributeError) as exc:  # what the ORM's flush would refuse
        raise StatementError(str(exc), None, None, exc) from exc


__all__ = ["flush"]
