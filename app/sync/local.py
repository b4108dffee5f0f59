"""The desktop side of sync that touches the local database: outbox batches, acks, and
pulled pages applied with their cursor in one transaction."""
from __future__ import annotations

import datetime as dt
import hashlib

import orjson

from sqlalchemy import Engine
from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from app.sync.wire import COLUMNS
from app.sync.wire import ORDERED_COLUMNS
from db.models import MODEL_BY_TABLE
from db.models import LocalState
from db.models import OutboxEntry

CURSOR_KEY = "sync.cursor"


def cursor(session: Session) -> int:
    row = session.get(LocalState, CURSOR_KEY)
    return int(row.value) if row else 0


def pending_batch(session: Session, limit: int) -> list[OutboxEntry]:
    q = select(OutboxEntry).where(OutboxEntry.status == "pending").order_by(OutboxEntry.seq).limit(limit)
    return list(session.scalars(q))


def record_results(session: Session, results: list[dict]) -> tuple[dict[str, int], set[tuple[str, str]]]:
    """Acks remove their outbox entries; conflicts and rejections stay, marked, for a person.

    Returns the counts per status and the (table, id) of merged rows: the server's row now
    holds other desktops' fields too, which this desktop must fetch."""
    counts: dict[str, int] = {}
    merged: set[tuple[str, str]] = set()
    by_id = {e.mutation_id: e for e in session.scalars(
        select(OutboxEntry).where(OutboxEntry.mutation_id.in_([r["mutation_id"] for r in results])))}
    for r in results:
        entry = by_id.get(r["mutation_id"])
        if entry is None:
            continue  # acknowledged before (a replayed answer)
        status = r["status"]
        counts[status] = counts.get(status, 0) + 1
        if status in ("applied", "merged"):
            model = MODEL_BY_TABLE[entry.table_name]
            values = {"version": r["version"]}
            if "server_seq" in r:
                values["server_seq"] = r["server_seq"]
            session.execute(update(model).where(model.id == entry.row_id).values(**values))
            session.delete(entry)
            if status == "merged":
                merged.add((entry.table_name, entry.row_id))
        else:
            entry.status = status
            entry.server_reason = r.get("reason")
            entry.server_detail = {k: r[k] for k in ("fields", "version", "server_change") if k in r} or None
    return counts, merged


def rows_with_local_edits(session: Session, table: str) -> set[str]:
    return set(session.scalars(select(OutboxEntry.row_id).where(OutboxEntry.table_name == table)))


def apply_page(engine: Engine, page: dict, expected_cursor: int, *, overwrite_local: bool = False) -> int:
    """Write a pulled page and its cursor in one transaction. Rows with local edits
    waiting to go out are left alone: the push decides about them (unless
    `overwrite_local`, for a conflict being resolved). Returns rows written."""
    written = 0
    with engine.connect() as conn:
        # Pages follow commit order, not reference order: a case may come a page before
        # its patient's latest version. The server holds the references; don't check here.
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()  # ends SQLAlchemy's autobegun block; the pragma itself ran outside any
        with conn.begin():
            session = Session(bind=conn)
            if cursor(session) != expected_cursor:
                raise RuntimeError("the sync cursor moved underneath this pull; run the cycle again")
            for table, block in page["tables"].items():
                written += _upsert(conn, session, table, block, overwrite_local)
            session.merge(LocalState(key=CURSOR_KEY, value=str(page["cursor"])))
            session.flush()
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        conn.commit()
    return written


def _upsert(conn, session: Session, table: str, block: dict, overwrite_local: bool = False) -> int:
    columns = [c for c in block["columns"] if c in ORDERED_COLUMNS[table]]
    index = [block["columns"].index(c) for c in columns]
    convert = [_STORE[COLUMNS[table][c].kind] for c in columns]
    id_at = columns.index("id")
    skip = set() if overwrite_local else rows_with_local_edits(session, table)
    rows = [tuple(None if raw[i] is None else conv(raw[i]) for i, conv in zip(index, convert))
            for raw in block["rows"] if raw[index[id_at]] not in skip]
    if not rows:
        return 0
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f"{c}=excluded.{c}" for c in columns if c != "id")
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}", rows)
    return len(rows)


def _stored_datetime(value: str) -> str:
    """Wire '2026-11-22T02:00:00Z' → the naive-UTC text UTCDateTime stores on SQLite."""
    text = value[:-1] if value.endswith("Z") else dt.datetime.fromisoformat(value).astimezone(
        dt.timezone.utc).replace(tzinfo=None).isoformat()
    text = text.replace("T", " ")
    return text if len(text) > 19 else text + ".000000"


# Pulled rows come from the authority in the wire format the server wrote with to_wire;
# turning them into SQLite's stored text directly is what makes a first sync fast.
_STORE = {
    "str": lambda v: v, "int": lambda v: v, "float": lambda v: v, "bool": lambda v: v,
    "date": lambda v: v, "datetime": _stored_datetime,
    "json": lambda v: orjson.dumps(v).decode(),
}


def purge(session: Session, table: str, ids: set[str]) -> int:
    """Rows that left this user's scope go, without generating deletes for the server."""
    model = MODEL_BY_TABLE[table]
    keep = rows_with_local_edits(session, table)
    gone = sorted(ids - keep)
    for i in range(0, len(gone), 500):
        session.execute(delete(model).where(model.id.in_(gone[i:i + 500])))
    return len(gone)


def local_digest(session: Session, table: str) -> dict:
    model = MODEL_BY_TABLE[table]
    h, n = hashlib.sha256(), 0
    q = select(model.id, model.version).where(model.server_seq.is_not(None)).order_by(model.id)
    for row_id, version in session.execute(q):
        h.update(f"{row_id}:{version};".encode())
        n += 1
    return {"count": n, "hash": h.hexdigest()}
