"""Pull: pages of changed rows after a cursor, never past the safe watermark, and the
per-table count + hash check a desktop ends each cycle with."""
from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.serial import to_wire
from app.sync.scope import PULL_EXCLUDED
from app.sync.scope import Scope
from app.sync.wire import ORDERED_COLUMNS
from db.models import MODEL_BY_TABLE
from db.models import SYNCED_MODELS
from db.models import ChangeLog
from db.models import SeqCounter

PULLED = tuple(m.__tablename__ for m in SYNCED_MODELS if m.__tablename__ not in PULL_EXCLUDED)


def watermark(session: Session) -> int:
    """Everything at or below it has committed: sequence numbers are taken under the
    counter row's lock and released only by commit, so they become visible in order."""
    return session.scalar(select(SeqCounter.value).where(SeqCounter.id == 1)) or 0


def pull(session: Session, scope: Scope, cursor: int, limit: int) -> dict:
    mark = watermark(session)
    nth = session.scalar(
        select(ChangeLog.server_seq).where(ChangeLog.server_seq > cursor, ChangeLog.server_seq <= mark)
        .order_by(ChangeLog.server_seq).offset(limit - 1).limit(1))
    upper = mark if nth is None else nth
    tables = {}
    count = 0
    for table in PULLED:
        model = MODEL_BY_TABLE[table]
        columns = ORDERED_COLUMNS[table]
        q = select(*(model.__table__.c[c] for c in columns)).where(
            model.server_seq > cursor, model.server_seq <= upper)
        cond = scope.condition(table)
        if cond is not None:
            q = q.where(cond)
        rows = [[to_wire(v) for v in row] for row in session.execute(q)]
        if rows:
            tables[table] = {"columns": list(columns), "rows": rows}
            count += len(rows)
    return {"cursor": upper, "watermark": mark, "more": upper < mark, "count": count, "tables": tables}


def scope_check(session: Session, scope: Scope, tables: list[str]) -> dict:
    """Count and hash of (id, version) per table within scope; a desktop compares its own."""
    out = {}
    for table in tables or PULLED:
        if table not in PULLED:
            continue
        model = MODEL_BY_TABLE[table]
        q = select(model.id, model.version).order_by(model.id)
        cond = scope.condition(table)
        if cond is not None:
            q = q.where(cond)
        out[table] = digest(session.execute(q))
    return out


def ids(session: Session, scope: Scope, table: str) -> list[list]:
    model = MODEL_BY_TABLE[table]
    q = select(model.id, model.version).order_by(model.id)
    cond = scope.condition(table)
    if cond is not None:
        q = q.where(cond)
    return [list(r) for r in session.execute(q)]


def rows(session: Session, scope: Scope, table: str, row_ids: list[str]) -> dict:
    model = MODEL_BY_TABLE[table]
    columns = ORDERED_COLUMNS[table]
    q = select(*(model.__table__.c[c] for c in columns)).where(model.id.in_(row_ids))
    cond = scope.condition(table)
    if cond is not None:
        q = q.where(cond)
    return {"columns": list(columns), "rows": [[to_wire(v) for v in r] for r in session.execute(q)]}


def digest(rows) -> dict:
    h = hashlib.sha256()
    n = 0
    for row_id, version in rows:
        h.update(f"{row_id}:{version};".encode())
        n += 1
    return {"count": n, "hash": h.hexdigest()}


__all__ = ["PULLED", "digest", "ids", "pull", "rows", "scope_check", "watermark"]
