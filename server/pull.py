"""Pull: pages of changed rows after a cursor, never past the safe watermark, and the
per-table count + checksum a desktop ends each cycle with.

Pages carry values in the desktop's storage format (app/sync/local.py): dates
'YYYY-MM-DD', datetimes naive UTC 'YYYY-MM-DD HH:MM:SS.ffffff', JSON as its text. The
database formats them (to_char, ::text) and rows go from the driver's tuples straight to
orjson, so a page costs no Python work per value on either side.
"""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Text
from sqlalchemy import cast
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy import type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.types import NullType

from app.sync.scope import PULL_EXCLUDED
from app.sync.scope import Scope
from app.sync.wire import COLUMNS
from app.sync.wire import ORDERED_COLUMNS
from db.models import MODEL_BY_TABLE
from db.models import SYNCED_MODELS
from db.models import ChangeLog
from db.models import SeqCounter
from db.models import ServerMeta
from server import scope_marks

PULLED = tuple(m.__tablename__ for m in SYNCED_MODELS if m.__tablename__ not in PULL_EXCLUDED)
# The checksum both sides compute in SQL: count, sum and a mixed sum of server_seq. Each
# change of a row gets a new server_seq, so (count, sums) moves with any missing, extra
# or stale row. The mix stays below 2^63 for any realistic table (seq < 3.4e9).
MIX_MUL, MIX_MOD = 2654435761, 4294967291
SCOPE_SCAN_LIMIT = 20_000
HISTORY_KEY = "history"


def watermark(session: Session) -> int:
    """Everything at or below it has committed: sequence numbers are taken under the
    counter row's lock and released only by commit, so they become visible in order."""
    return session.scalar(select(SeqCounter.value).where(SeqCounter.id == 1)) or 0


def history_id(session: Session) -> str | None:
    """The id of the server's history (server/backup.py): a restore gives it a new one, so a
    desktop comparing it with the one it last saw knows its cursor and rows are from a
    history the server no longer holds."""
    row = session.get(ServerMeta, HISTORY_KEY)
    return (row.value or {}).get("id") if row is not None else None


def pull(session: Session, scope: Scope, cursor: int, limit: int, since: int | None = None,
         marks: bool = True) -> dict:
    """A page of rows changed after `cursor`, up to `limit` changes, never past the watermark.
    With `since`, the last page also says whether the desktop's scope may have changed
    after that point (then its cycle ends with a full check).

    Nothing new for the scope (server/scope_marks.py): the same page, without building it."""
    empty = scope_marks.empty_page(session, scope, cursor, since) if marks else None
    if empty is not None:
        return empty
    mark, upper, touched = _bounds(session, cursor, limit)
    tables = {}
    count = 0
    for table in PULLED:
        if table not in touched:
            continue
        model = MODEL_BY_TABLE[table]
        q = select(*_wire_columns(session, table)).where(model.server_seq > cursor, model.server_seq <= upper)
        rows = _fetch(session, _scoped(q, scope, table))
        if rows:
            tables[table] = {"columns": list(ORDERED_COLUMNS[table]), "rows": rows}
            count += len(rows)
    page = {"cursor": upper, "watermark": mark, "more": upper < mark, "count": count, "tables": tables}
    if since is not None and upper >= mark:
        page["scope_changed"] = since > mark or scope_may_have_changed(session, since)
    return page


_BOUNDS = text("""
    WITH m AS (SELECT coalesce((SELECT value FROM seq_counter WHERE id = 1), 0) AS mark),
         u AS (SELECT coalesce((SELECT server_seq FROM change_log
                                WHERE server_seq > :cursor AND server_seq <= (SELECT mark FROM m)
                                ORDER BY server_seq OFFSET :skip LIMIT 1), (SELECT mark FROM m)) AS upper)
    SELECT (SELECT mark FROM m), (SELECT upper FROM u),
           ARRAY(SELECT DISTINCT table_name FROM change_log
                 WHERE server_seq > :cursor AND server_seq <= (SELECT upper FROM u))""")


def _bounds(session: Session, cursor: int, limit: int) -> tuple[int, int, set[str]]:
    """(watermark, the page's upper bound, tables changed in between): one round trip on
    PostgreSQL, three elsewhere."""
    if session.get_bind().dialect.name == "postgresql":
        mark, upper, touched = session.execute(_BOUNDS, {"cursor": cursor, "skip": limit - 1}).one()
        return mark, upper, set(touched)
    mark = watermark(session)
    nth = session.scalar(
        select(ChangeLog.server_seq).where(ChangeLog.server_seq > cursor, ChangeLog.server_seq <= mark)
        .order_by(ChangeLog.server_seq).offset(limit - 1).limit(1)) if cursor < mark else None
    upper = mark if nth is None else nth
    touched = set(session.scalars(select(ChangeLog.table_name).distinct().where(
        ChangeLog.server_seq > cursor, ChangeLog.server_seq <= upper))) if upper > cursor else set()
    return mark, upper, touched


def rows(session: Session, scope: Scope, table: str, row_ids: list[str]) -> dict:
    model = MODEL_BY_TABLE[table]
    q = select(*_wire_columns(session, table)).where(model.id.in_(row_ids))
    found = _fetch(session, _scoped(q, scope, table)) if row_ids else []
    return {"columns": list(ORDERED_COLUMNS[table]), "rows": found}


def ids(session: Session, scope: Scope, table: str) -> list[list]:
    """[id, version, server_seq] of every row in scope: what a repair compares."""
    model = MODEL_BY_TABLE[table]
    q = select(model.id, model.version, model.server_seq).order_by(model.id)
    return [list(r) for r in _fetch(session, _scoped(q, scope, table))]


def scope_check(session: Session, scope: Scope, tables: list[str], exclude: dict[str, list[str]],
                since: int | None = None) -> dict:
    """Count and checksum of server_seq per table within scope, leaving out the rows the
    desktop holds unsent or unsettled edits for; the desktop computes the same.

    With `since` (the watermark of the desktop's last full check) and nothing after it
    that could move rows into or out of a scope, the answer is only `skipped`."""
    mark = watermark(session)
    history = history_id(session)  # the desktop settles a rewound history before it purges anything
    if since is not None and since <= mark and not scope_may_have_changed(session, since):
        return {"tables": {}, "watermark": mark, "skipped": True, "history": history}
    return {"tables": _digests(session, scope, tables, exclude), "watermark": mark, "skipped": False,
            "history": history}


def scope_may_have_changed(session: Session, since: int) -> bool:
    """Whether a change after `since` could alter who sees which rows: the organisation
    tree, a user, or a patient's community or family doctor (a new patient is simply pulled)."""
    q = select(ChangeLog.table_name, ChangeLog.version, ChangeLog.fields).where(
        ChangeLog.server_seq > since, ChangeLog.table_name.in_(scope_marks.SCOPE_TABLES)).limit(SCOPE_SCAN_LIMIT + 1)
    rows = session.execute(q).all()
    if len(rows) > SCOPE_SCAN_LIMIT:
        return True
    return any(scope_marks.moves_scope(table, version, fields) for table, version, fields in rows)


def _digests(session: Session, scope: Scope, tables: list[str], exclude: dict[str, list[str]]) -> dict:
    out = {}
    for table in tables or PULLED:
        if table not in PULLED:
            continue
        model = MODEL_BY_TABLE[table]
        seq = model.server_seq
        q = select(func.count(), func.coalesce(func.sum(seq), 0),
                   func.coalesce(func.sum(seq * MIX_MUL % MIX_MOD), 0)).where(seq.is_not(None))
        held = exclude.get(table) or []
        if held:
            q = q.where(model.id.not_in(held))
        n, total, mix = session.execute(_scoped(q, scope, table)).one()
        out[table] = {"count": int(n), "sum": int(total), "mix": int(mix), "outside": _outside(session, scope, table, held)}
    return out


def _outside(session: Session, scope: Scope, table: str, held: list[str]) -> list[str]:
    """Of the rows the desktop holds edits for, those not in its scope: the checksum cannot
    see them (both sides leave them out), so they are named, and the desktop purges those it
    had from the server (app/sync/local.known_rows) and keeps its own unsent ones.

    Whether a named id exists is not told: an id that exists outside the scope and one that
    exists nowhere get the same answer, so listing ids in `exclude` reveals nothing."""
    if not held or scope.condition(table) is None:
        return []
    model = MODEL_BY_TABLE[table]
    inside = set(session.scalars(_scoped(select(model.id).where(model.id.in_(held)), scope, table)))
    return sorted(set(held) - inside)


def _scoped(q, scope: Scope, table: str):
    cond = scope.condition(table)
    return q if cond is None else q.where(cond)


def _wire_columns(session: Session, table: str) -> list:
    model = MODEL_BY_TABLE[table]
    if session.get_bind().dialect.name != "postgresql":
        # SQLite already stores the wire format: read the stored values unprocessed.
        return [type_coerce(model.__table__.c[c], NullType()) for c in ORDERED_COLUMNS[table]]
    out = []
    for name in ORDERED_COLUMNS[table]:
        col = model.__table__.c[name]
        kind = COLUMNS[table][name].kind
        if kind == "datetime":
            col = func.to_char(col, "YYYY-MM-DD HH24:MI:SS.US")
        elif kind == "date":
            col = func.to_char(col, "YYYY-MM-DD")
        elif kind == "json":
            col = cast(col, Text)
        out.append(col)
    return out


def _fetch(session: Session, stmt) -> Sequence[tuple]:
    """Run on the session's connection (and snapshot), statement compiled once and cached,
    rows taken from the driver's cursor: plain tuples that orjson serialises directly,
    no per-row Row objects or type processing."""
    result = session.connection().execute(stmt)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


__all__ = ["PULLED", "history_id", "ids", "pull", "rows", "scope_check", "watermark"]
