"""The desktop side of sync that touches the local database: outbox batches, acks, pulled
pages applied with their cursor in one transaction, the scope checksum, purges, and the
merge candidates the server reported.

Pulled values arrive in the storage format (see server/pull.py), held as JSONB
(app/sync/pages.py), so a page's rows go into SQLite with one INSERT … SELECT per table
and no Python work per value.
"""
from __future__ import annotations

import datetime as dt
import json
from contextlib import contextmanager
from functools import cache
from typing import NamedTuple
from typing import cast

import orjson
from sqlalchemy import Engine
from sqlalchemy import Table
from sqlalchemy import Text
from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import type_coerce
from sqlalchemy import update
from sqlalchemy.engine import RootTransaction
from sqlalchemy.orm import Session

from app import clock
from app.sync.pages import Page
from app.sync.wire import COLUMNS
from app.sync.wire import ORDERED_COLUMNS
from app.sync.wire import from_wire
from db.lane import lane_for
from db.models import MODEL_BY_TABLE
from db.models import LocalState
from db.models import OutboxEntry

CURSOR_KEY = "sync.cursor"
MERGE_KEY = "sync.merge_candidates"
MIX_MUL, MIX_MOD = 2654435761, 4294967291  # as server/pull.py
WRITER_CACHE_KIB = -262_144  # 256 MiB of page cache while pages come in
CHECKPOINT_ROWS = 600_000  # rows pulled between checkpoints (~120 MB of WAL)
COMMIT_ROWS = 300_000
# Rows of one table written per statement: between slices a person's write may go first
# (db/lane.py); a slice is ~20 ms of writing, the longest such a write waits.
SLICE_ROWS = 1_500
SLICE_ROWS_ACTIVE = 200  # while a person is writing (db/lane.py people_active): small slices, each committed


def cursor(session: Session) -> int:
    row = session.get(LocalState, CURSOR_KEY)
    return int(row.value) if row else 0


class Waiting(NamedTuple):
    """An outbox entry as a push sends it: its place, its row, and the mutation as wire JSON."""

    seq: int
    mutation_id: str
    table_name: str
    row_id: str
    op: str
    wire: bytes


def pending_wire(session: Session, limit: int, after: int | None = None) -> list[Waiting]:
    """The next `limit` entries waiting to go, after outbox position `after` (a push's batch
    sent but not yet recorded; positions may be negative: app/sync/rewind.py), each with its
    mutation encoded for the wire. The changes go as
    stored (JSON text, not decoded and encoded again: that was a third of a push's desktop
    time); only text that standard JSON cannot carry (NaN, Infinity: Python's json writes
    them) is decoded and encoded as before, which writes them as null."""
    outbox = cast(Table, OutboxEntry.__table__)
    q = (select(outbox.c.seq, outbox.c.mutation_id, outbox.c.table_name, outbox.c.row_id, outbox.c.op,
                outbox.c.base_version, type_coerce(outbox.c.changes, Text))
         .where(outbox.c.status == "pending").order_by(outbox.c.seq).limit(limit))
    if after is not None:
        q = q.where(outbox.c.seq > after)
    out = []
    for seq, mutation_id, table, row_id, op, base_version, changes in session.execute(q).all():
        head = orjson.dumps({"mutation_id": mutation_id, "table": table, "row_id": row_id, "op": op,
                             "base_version": base_version})
        raw = b"null" if changes is None else changes.encode()
        if b"NaN" in raw or b"Infinity" in raw:
            raw = orjson.dumps(json.loads(changes))
        out.append(Waiting(seq, mutation_id, table, row_id, op, head[:-1] + b',"changes":' + raw + b"}"))
    return out


def record_results(session: Session, results: list[dict]) -> tuple[dict[str, int], set[tuple[str, str]]]:
    """Acks remove their outbox entries; conflicts and rejections stay, marked, for a person.

    Returns the counts per status and the (table, id) of merged rows: the server's row now
    holds other desktops' fields too, which this desktop must fetch. Acknowledged rows get
    the server's version, sequence number and stamps in one UPDATE per table."""
    counts: dict[str, int] = {}
    merged: set[tuple[str, str]] = set()
    # The entries' places and rows only: their changes (JSON) are not needed to record an answer.
    outbox = cast(Table, OutboxEntry.__table__)
    by_id = {mid: (seq, table, row_id) for mid, seq, table, row_id in session.execute(
        select(outbox.c.mutation_id, outbox.c.seq, outbox.c.table_name, outbox.c.row_id)
        .where(outbox.c.mutation_id.in_([r["mutation_id"] for r in results]))).all()}
    stamps: dict[str, dict[str, dict]] = {}  # table -> row id -> the latest ack's values, as stored
    dialect = session.get_bind().dialect
    done: list[int] = []
    for r in results:
        entry = by_id.pop(r["mutation_id"], None)
        if entry is None:
            continue  # acknowledged before (a replayed answer), or twice in one answer
        seq, table, row_id = entry
        status = r["status"]
        counts[status] = counts.get(status, 0) + 1
        if status in ("applied", "merged"):
            row = stamps.setdefault(table, {}).setdefault(row_id, {"_id": row_id})
            row["version"] = r["version"]
            for key in ("server_seq", "updated_at", "deleted_at"):
                if key in r:
                    row[key] = _stored(dialect, table, key, r[key])
            for key, value in (r.get("stamped") or {}).items():  # who and when, as the server says
                row[key] = _stored(dialect, table, key, value)
            done.append(seq)
            if status == "merged":
                merged.add((table, row_id))
            if r.get("merge_candidate"):
                add_merge_candidate(session, table, row_id, r["merge_candidate"])
        else:
            # A conflict's two sides, or a rejection's problems as codes (worded in ui/ in the
            # reader's language; an older server sends only the English reason, kept for logs).
            detail = {k: r[k] for k in ("fields", "version", "server_change", "problems", "kind") if k in r}
            session.execute(update(outbox).where(outbox.c.seq == seq).values(
                status=status, server_reason=r.get("reason"), server_detail=detail or None))
    for table, rows in stamps.items():
        t = MODEL_BY_TABLE[table].__table__
        by_shape: dict[tuple, list[dict]] = {}
        for values in rows.values():
            by_shape.setdefault(tuple(sorted(values)), []).append(values)
        for shape, params in by_shape.items():
            _update_rows(session, t, [k for k in shape if k != "_id"], params)
    for i in range(0, len(done), 500):
        session.execute(delete(OutboxEntry).where(OutboxEntry.seq.in_(done[i:i + 500])))
    return counts, merged


def _update_rows(session: Session, table: Table, columns: list[str], rows: list[dict]) -> None:
    """UPDATE `table` SET `columns` WHERE id, once per row, as the driver's executemany of
    values already in the profile's storage format (_stored): SQLAlchemy's executemany built
    and processed each row's parameters in Python, a third of recording a batch's answers."""
    conn = session.connection()
    quote = conn.dialect.identifier_preparer.quote  # a profile is SQLite (SQLCipher): qmark parameters
    sql = f"UPDATE {quote(table.name)} SET {', '.join(f'{quote(c)} = ?' for c in columns)} WHERE id = ?"
    conn.exec_driver_sql(sql, [(*(row[c] for c in columns), row["_id"]) for row in rows])


def _stored(dialect, table: str, field: str, value):
    """An answer's value as the profile stores it. A time as the server writes it (UTC,
    'YYYY-MM-DDTHH:MM:SS.ffffffZ': app/serial.py) becomes SQLite's text of it once
    fromisoformat has checked it; the general path (parse, convert to UTC, format again: 2.9 µs)
    was a tenth of the desktop's work in a big push. Anything else: from_wire, then the
    column type's own conversion, as SQLAlchemy would bind it."""
    if type(value) is str and len(value) == 27 and value[10] == "T" and value[19] == "." and value[26] == "Z" \
            and field in _DATETIME_FIELDS.get(table, ()):
        try:
            dt.datetime.fromisoformat(value[:26])
        except ValueError:
            pass  # not a time after all: from_wire says what is wrong
        else:
            return f"{value[:10]} {value[11:26]}"
    convert = _bind(dialect, table, field)
    python = from_wire(table, field, value)
    return python if convert is None or python is None else convert(python)


@cache
def _bind(dialect, table: str, field: str):
    """The column type's conversion to the profile's storage, None if none."""
    column = MODEL_BY_TABLE[table].__table__.c[field]
    return column.type.dialect_impl(dialect).bind_processor(dialect)


_DATETIME_FIELDS = {t: frozenset(f for f, spec in specs.items() if spec.kind == "datetime")
                    for t, specs in COLUMNS.items()}


def rows_with_local_edits(session: Session, table: str, pending_only: bool = False) -> set[str]:
    q = select(OutboxEntry.row_id).where(OutboxEntry.table_name == table)
    if pending_only:
        q = q.where(OutboxEntry.status == "pending")
    return set(session.scalars(q))


def edited_rows(session: Session) -> dict[str, list[str]]:
    """Rows with any outbox entry, by table: the scope check leaves them out."""
    out: dict[str, set[str]] = {}
    for table, row_id in session.execute(select(OutboxEntry.table_name, OutboxEntry.row_id)):
        out.setdefault(table, set()).add(row_id)
    return {t: sorted(ids) for t, ids in out.items()}


def known_rows(session: Session, table: str, ids) -> set[str]:
    """Those of `ids` this desktop holds as rows the server gave it (not made here)."""
    model = MODEL_BY_TABLE[table]
    ids = list(ids)
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        found.update(session.scalars(select(model.id).where(model.id.in_(ids[i:i + 500]),
                                                            model.server_seq.is_not(None))))
    return found


def page_ids(engine: Engine, page: Page, table: str) -> set[str]:
    """The ids of `table`'s rows in a page (read out of the page by SQLite, as _upsert does)."""
    if table not in page.tables:
        return set()
    columns, path = page.tables[table]
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT value ->> ? FROM jsonb_each(?, ?)",
                                    (columns.index("id"), page.blob, path)).fetchall()
    return {r[0] for r in rows}


def apply_page(engine: Engine, page: Page, expected_cursor: int, *, overwrite_local: bool = False) -> int:
    """Write a pulled page and its cursor in one transaction. Rows with local edits
    waiting to go out are left alone: the push decides about them (unless
    `overwrite_local`, for a conflict being resolved). Returns rows written."""
    with page_writer(engine) as writer:
        written = writer.apply(page, expected_cursor, overwrite_local=overwrite_local)
        writer.commit()
        return written


@contextmanager
def page_writer(engine: Engine):
    """One connection for all the pages of a pull: its page cache stays warm from page to
    page (a connection per page re-reads and decrypts the B-tree pages every time, a
    third of a first sync's time). Pages commit with their cursor; a pull that ends
    without `commit()` (an error) leaves only what was committed before."""
    writer = PageWriter(engine)
    try:
        yield writer
    finally:
        writer.close()


class PageWriter:
    """Pages are written in transactions of about COMMIT_ROWS rows, each holding the cursor
    of its last page: a commit writes every index page it touched to the WAL, so committing
    each 10,000-row page of a first sync wrote the hot index pages out again and again (a
    third of the load; 100,000 rows a transaction measured 18% faster end to end, and 300,000
    (checkpoints every 600,000) another 7%: 1.8M rows, six pairs of first syncs alternated, each
    pair faster, +2 to +8%). An interruption loses at most one transaction's pages (a few
    seconds of pulling), which the next pull fetches again. A person's write waits for one slice
    and the commit of what is written so far (_step_aside), then the writer goes on in short
    transactions while people are active."""

    def __init__(self, engine: Engine, commit_rows: int | None = None):
        self.conn = engine.connect()
        self.lane = lane_for(engine)
        self.commit_rows = commit_rows or COMMIT_ROWS
        self.pending_rows = 0
        self._tx: RootTransaction | None = None
        # Pages follow commit order, not reference order: a case may come a page before
        # its patient's latest version. The server holds the references; don't check here.
        self.conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        self.conn.exec_driver_sql(f"PRAGMA cache_size={WRITER_CACHE_KIB}")
        # No checkpoint inside a commit (db/engine.py): it ran while a person's write waited for
        # the commit to end, 100–400 ms. The writer checkpoints after its big commits instead,
        # with the transaction over, so a person's write goes on meanwhile (a checkpoint does
        # not hold the write lock); rarely (every ~40 MB of WAL), as pages of a first sync touch
        # every table and index, and each checkpoint writes those hot pages again.
        self.conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
        self._since_checkpoint = 0
        self.conn.commit()  # ends SQLAlchemy's autobegun block; the pragmas ran outside any

    def apply(self, page: Page, expected_cursor: int, *, overwrite_local: bool = False) -> int:
        """Write the page and its cursor into the open transaction (`due()`: time to commit)."""
        if self._tx is None:
            self._begin()
        session = Session(bind=self.conn)
        if cursor(session) != expected_cursor:
            raise RuntimeError("the sync cursor moved underneath this pull; run the cycle again")
        written = 0
        for table, (columns, path) in page.tables.items():
            rows = self.conn.exec_driver_sql("SELECT json_array_length(?, ?)", (page.blob, path)).scalar() or 0
            first = 0
            while first < rows:
                if first:
                    self._step_aside()
                size = SLICE_ROWS_ACTIVE if self.lane.people_active() else SLICE_ROWS
                written += _upsert(self.conn, table, columns, page.blob, path, overwrite_local, (first, first + size))
                first += size
        self._step_aside()
        session = Session(bind=self.conn)
        _set_cursor(session, page.cursor)
        self.pending_rows += written + 1
        return written

    def _step_aside(self) -> None:
        """Commit what is written so far and let a person's waiting write go first. The
        cursor moves only with a page's last slice: an interruption re-applies the page
        (the upserts are idempotent; rows a person edited meanwhile are left to the push)."""
        if self.lane.yield_to_people(self._end_transaction):
            self._begin()
        elif self.lane.people_active():  # short transactions while someone works
            self._end_transaction()
            self._begin()

    def _begin(self) -> None:
        self.lane.bulk_begins()
        self._tx = self.conn.begin()

    def _end_transaction(self) -> None:
        try:
            if self._tx is not None:
                self._tx.commit()
        finally:
            self._tx = None
            self.lane.bulk_ends()

    def due(self) -> bool:
        return self.pending_rows >= self.commit_rows

    def commit(self) -> None:
        self._end_transaction()
        self._since_checkpoint += self.pending_rows
        self.pending_rows = 0
        if self._since_checkpoint >= CHECKPOINT_ROWS:  # outside any transaction: people write meanwhile
            self.conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
            self.conn.commit()
            self._since_checkpoint = 0


    def close(self) -> None:
        try:
            if self._tx is not None:
                self._tx.rollback()  # not committed: an error ended the pull
                self._tx = None
                self.lane.bulk_ends()
            self.conn.rollback()
            self.conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            self.conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")  # back to the pool as it came (db/engine.py)
            self.conn.commit()
        finally:
            self.conn.close()


def _set_cursor(session: Session, value: int) -> None:
    session.merge(LocalState(key=CURSOR_KEY, value=str(value)))
    session.flush()


def _upsert(conn, table: str, columns: list[str], blob: bytes, path: str, overwrite_local: bool = False,
            keys: tuple[int, int] | None = None) -> int:
    """One INSERT … SELECT over the page's JSONB rows (those at array positions `keys`,
    first inclusive): SQLite reads each value out of the page itself (`value ->> i`), in
    storage format already (server/pull.py)."""
    known = ORDERED_COLUMNS[table]
    picked = [(i, c) for i, c in enumerate(columns) if c in known]  # a newer or older server
    names = ", ".join(c for _, c in picked)
    values = ", ".join(f"value ->> {i}" for i, _ in picked)
    updates = ", ".join(f"{c}=excluded.{c}" for _, c in picked if c != "id")
    keep = "true" if overwrite_local else (  # rows with local edits: the push decides about them
        f"value ->> {columns.index('id')} NOT IN (SELECT row_id FROM {OutboxEntry.__tablename__} "
        f"WHERE table_name = '{table}')")
    window, args = ("", (blob, path)) if keys is None else (" AND key >= ? AND key < ?", (blob, path, *keys))
    # Never an older version over a newer one held here: every change of a row gets a higher
    # server_seq, and a page read from a replica that lags may carry a version this desktop
    # has already had back from its own push (server/app.py reads pulls from a replica).
    newer = f" WHERE excluded.server_seq >= {table}.server_seq OR {table}.server_seq IS NULL" \
        if any(c == "server_seq" for _, c in picked) else ""
    done = conn.connection.driver_connection.execute(
        f"INSERT INTO {table} ({names}) SELECT {values} FROM jsonb_each(?, ?) WHERE {keep}{window} "
        f"ON CONFLICT(id) DO UPDATE SET {updates}{newer}", args)
    return done.rowcount


def purge(engine: Engine, gone: dict[str, set[str]]) -> int:
    """Rows that left this user's scope go, without generating deletes for the server.
    Rows with edits still waiting to be sent stay until the server has answered them, and
    rows the server never had (made here, not yet accepted) are never touched.
    One transaction for every table, references unchecked: a patient and its cases
    leave together, whichever table's check noticed first."""
    removed = 0
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        try:
            with conn.begin():
                session = Session(bind=conn)
                for table, ids in gone.items():
                    doomed = sorted(ids - rows_with_local_edits(session, table, pending_only=True))
                    for i in range(0, len(doomed), 500):
                        chunk = doomed[i:i + 500]
                        conn.exec_driver_sql(
                            f"DELETE FROM {table} WHERE server_seq IS NOT NULL "  # never a row made here
                            f"AND id IN ({', '.join('?' for _ in chunk)})", tuple(chunk))
                    removed += len(doomed)
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()
    return removed


def local_digest(session: Session, table: str, exclude: list[str] | None = None) -> dict:
    """The same count and checksums the server computes (server/pull.py)."""
    model = MODEL_BY_TABLE[table]
    seq = model.server_seq
    q = select(func.count(), func.coalesce(func.sum(seq), 0),
               func.coalesce(func.sum(seq * MIX_MUL % MIX_MOD), 0)).where(seq.is_not(None))
    if exclude:
        q = q.where(model.id.not_in(exclude))
    n, total, mix = session.execute(q).one()
    return {"count": int(n), "sum": int(total), "mix": int(mix)}


# -- merge candidates: two registrations of one person, for a person to confirm ----------
def merge_candidates(session: Session) -> list[dict]:
    """[{table, row_id, other_id, at}] the server flagged and nobody has settled yet."""
    row = session.get(LocalState, MERGE_KEY)
    return json.loads(row.value) if row else []


def add_merge_candidate(session: Session, table: str, row_id: str, other_id: str) -> None:
    found = merge_candidates(session)
    if any(c["row_id"] == row_id and c["other_id"] == other_id for c in found):
        return
    found.append({"table": table, "row_id": row_id, "other_id": other_id, "at": clock.now().isoformat()})
    session.merge(LocalState(key=MERGE_KEY, value=json.dumps(found)))


def dismiss_merge_candidate(session: Session, row_id: str, other_id: str) -> None:
    """A person looked and decided (merged by hand, or not the same person)."""
    kept = [c for c in merge_candidates(session) if not (c["row_id"] == row_id and c["other_id"] == other_id)]
    session.merge(LocalState(key=MERGE_KEY, value=json.dumps(kept)))
