"""Many new rows inside one `Store.write()` transaction, with what the store would add.

`WriteTx.add` flushes each object and appends its outbox and audit entries one at a
time: right for a form, about 2,000 rows a second. A list of 100,000 people needs the
same records at executemany speed, so this writes them in bulk: each row and its outbox
entry (the full insert, as `WriteTx.add` records it, which sync pushes row by row), and
the audit entries the caller asks for with `audit()` — one per imported person, naming
the rows written for them — chained on from this device's last entry with
`audit.entry_hash` itself, so `audit.verify` holds. All of it is in the caller's
transaction: all or nothing.

On SQLite the values go to the driver in their stored formats (as the demo generator
does); other databases get Python values through SQLAlchemy Core.
"""
from __future__ import annotations

import datetime as dt
import os
import random
from types import SimpleNamespace

import orjson
from sqlalchemy import JSON
from sqlalchemy import Boolean
from sqlalchemy import Date
from sqlalchemy import select
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from app import audit
from app import clock
from app.demo.rows import Ids
from app.problems import ProblemError
from app.serial import is_local_column
from db.models import AuditEntry
from db.models import Base
from db.models import OutboxEntry
from db.types import UTCDateTime

ORDER = ("patients", "cases", "tasks", "timeline_events", "screenings", "followups")


def _json(value) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


def _stamp(at: dt.datetime) -> str:
    return at.astimezone(dt.timezone.utc).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _wire_ts(at: dt.datetime) -> str:
    return at.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


class BulkInsert:
    """Collect rows per table with `add`, then `write()` once, inside `store.write()`."""

    def __init__(self, tx, store):
        self.tx = tx
        self.store = store
        self.now = clock.now()
        self.ids = Ids(random.Random(os.urandom(16)), int(self.now.timestamp() * 1000))
        self.rows: dict[str, list[dict]] = {t: [] for t in ORDER}
        self.audits: list[tuple[str, str, dict, str | None]] = []

    def new_id(self) -> str:
        return self.ids()

    def add(self, table: str, values: dict) -> str:
        """Queue a row (column -> Python value); returns its id."""
        values.setdefault("id", self.ids())
        self.rows[table].append(values)
        return values["id"]

    def audit(self, table: str, row_id: str, detail: dict, note: str | None = None) -> None:
        """Queue an audit entry (written after the rows, in queue order)."""
        self.audits.append((table, row_id, detail, note))

    def count(self) -> int:
        return sum(len(r) for r in self.rows.values())

    def write(self, progress=None) -> dict[str, int]:
        conn = self.tx.session.connection()
        if conn.dialect.name != "sqlite":
            return self._write(conn, False, progress)
        # A big page cache while indexes grow by 100,000s of rows, then the usual one again.
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql("PRAGMA cache_size=-262144")
        try:
            return self._write(conn, True, progress)
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size={int(cache)}")

    def _write(self, conn, raw: bool, progress) -> dict[str, int]:
        session = self.tx.session
        session.flush()  # ORM changes of this transaction first: the audit chain continues after them
        store = self.store
        last = session.execute(select(AuditEntry.seq, AuditEntry.entry_hash)
                               .where(AuditEntry.device_id == store.device_id)
                               .order_by(AuditEntry.seq.desc()).limit(1)).first()
        seq, prev = (last.seq, last.entry_hash) if last else (0, audit.GENESIS)
        now, stamp, wire_now = self.now, _stamp(self.now), _wire_ts(self.now)
        outbox, counts, done = [], {}, 0
        for table_name in ORDER:
            batch = self.rows[table_name]
            if not batch:
                continue
            table = Base.metadata.tables[table_name]
            columns = [c.name for c in table.columns]
            kinds = [_kind(c) for c in table.columns]
            base = {c.name: c.default.arg for c in table.columns if isinstance(c.default, ScalarElementColumnDefault)}
            base.update(version=0, server_seq=None, deleted_at=None, updated_at=now, updated_by=store.user_id,
                        device_id=store.device_id)
            special = [(i, kind) for i, kind in enumerate(kinds) if kind != "plain"]
            sent = [c.name for c in table.columns if not is_local_column(c)]  # as app/serial.py sends
            stored_now = stamp if raw else now
            stored_rows = []
            for values in batch:
                row = {**base, **values}
                problems = self.tx.problems(table_name, None, row)  # the same rule book as one row
                if problems:
                    raise ProblemError(problems)
                wire = [row.get(c) for c in columns]
                stored = wire.copy()
                for i, kind in special:  # wire: as WriteTx records it (app/serial.py); stored: as SQLite keeps it
                    v = wire[i]
                    if v is None:
                        continue
                    if kind == "ts":
                        if v is now:
                            stored[i], wire[i] = stored_now, wire_now
                        else:
                            stored[i], wire[i] = _stamp(v) if raw else v, _wire_ts(v)
                    elif kind == "date":
                        wire[i] = v.isoformat()
                        if raw:
                            stored[i] = wire[i]
                    elif raw:
                        stored[i] = _json(v) if kind == "json" else int(v)
                stored_rows.append(tuple(stored))
                row_id = row["id"]
                changes = orjson.dumps({c: [None, w] for c, w in zip(columns, wire) if c in sent}).decode()
                outbox.append((self.ids(), table_name, row_id, "insert", 0, changes, store.user_id,
                               store.device_id, store.schema_version, stamp, "pending"))
                self.tx.row_ids.add(row_id)
            self._insert(conn, table, columns, stored_rows, raw)
            self.tx.tables.add(table_name)
            counts[table_name] = len(batch)
            done += len(batch)
            if progress:
                progress(done, self.count())
        self._insert_outbox(conn, outbox, raw)
        audits = []
        for table_name, row_id, detail, note in self.audits:
            seq += 1
            entry = SimpleNamespace(id=self.ids(), seq=seq, at=now, user_id=store.user_id,
                                    device_id=store.device_id, action="write", table_name=table_name,
                                    row_id=row_id, detail=detail, note=note, prev_hash=prev)
            prev = entry.entry_hash = audit.entry_hash(entry)
            audits.append(entry)
        self._insert_audit(conn, audits, stamp, raw)
        return counts

    @staticmethod
    def _insert(conn, table, columns, rows, raw) -> None:
        if not rows:  # the driver refuses an executemany of nothing
            return
        if raw:
            sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            conn.exec_driver_sql(sql, rows)
        else:
            conn.execute(table.insert(), [dict(zip(columns, r)) for r in rows])

    def _insert_outbox(self, conn, rows, raw) -> None:
        cols = ("mutation_id", "table_name", "row_id", "op", "base_version", "changes", "user_id",
                "device_id", "schema_version", "created_at", "status")
        if not raw:
            rows = [r[:5] + (orjson.loads(r[5]),) + r[6:9] + (self.now,) + r[10:] for r in rows]
        self._insert(conn, OutboxEntry.__table__, cols, rows, raw)

    def _insert_audit(self, conn, entries, stamp, raw) -> None:
        cols = ("id", "version", "updated_at", "updated_by", "device_id", "seq", "at", "user_id", "action",
                "table_name", "row_id", "detail", "note", "prev_hash", "entry_hash")
        at = stamp if raw else self.now
        rows = [(e.id, 0, at, e.user_id, e.device_id, e.seq, at, e.user_id, e.action, e.table_name, e.row_id,
                 _json(e.detail) if raw else e.detail, e.note, e.prev_hash, e.entry_hash) for e in entries]
        self._insert(conn, AuditEntry.__table__, cols, rows, raw)


def _kind(column) -> str:
    t = column.type
    if isinstance(t, UTCDateTime):
        return "ts"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, JSON):
        return "json"
    if isinstance(t, Boolean):
        return "bool"
    return "plain"
