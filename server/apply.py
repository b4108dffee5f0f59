"""One pushed mutation against the server's row: validate, check scope and rules, decide
by base version (app/sync/merge.py), and change the row — or record a conflict.

`Batch` loads what a whole batch reads in a few queries: its rows (locked FOR UPDATE in
id order, so two desktops' batches cannot deadlock on them), their change history, and the
patients a scope check asks about.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.serial import to_wire
from app.sync import merge
from app.sync.scope import Scope
from app.sync.wire import ADMIN_ONLY
from app.sync.wire import APPEND_ONLY
from app.sync.wire import SERVER_FIELDS
from app.sync.wire import from_wire
from db.ids import uuid7
from db.models import MODEL_BY_TABLE
from db.models import ChangeLog
from db.models import Patient
from db.models import SyncConflict
from db.models.enums import Role
from server.checks import Rejected
from server.checks import check_rules
from server.checks import check_scope
from server.checks import merge_candidate

CHUNK = 1000


class Batch:
    def __init__(self, session: Session, scope: Scope, mutations):
        self.rows: dict[tuple[str, str], Any] = {}
        self.history: dict[tuple[str, str], list] = defaultdict(list)
        wanted: dict[str, set[str]] = defaultdict(set)
        for m in mutations:
            if m.table in MODEL_BY_TABLE:
                wanted[m.table].add(m.row_id)
        for table, ids in wanted.items():
            model = MODEL_BY_TABLE[table]
            ordered = sorted(ids)
            for i in range(0, len(ordered), CHUNK):
                chunk = ordered[i:i + CHUNK]
                q = select(model).where(model.id.in_(chunk)).order_by(model.id).with_for_update()
                self.rows.update(((table, r.id), r) for r in session.scalars(q))
                found = [r for r in chunk if (table, r) in self.rows]
                if not found:
                    continue
                q = select(ChangeLog.row_id, ChangeLog.server_seq, ChangeLog.version, ChangeLog.device_id,
                           ChangeLog.user_id, ChangeLog.at, ChangeLog.fields).where(
                    ChangeLog.table_name == table, ChangeLog.row_id.in_(found))
                for row_id, *entry in session.execute(q):
                    self.history[(table, row_id)].append(entry)
        if scope.units is not None:  # the patients scope checks will ask about, in one query
            pids = {getattr(r, "patient_id", None) for (t, _), r in self.rows.items() if t != "patients"}
            for m in mutations:
                new = m.changes.get("patient_id", (None, None))[1]
                pids.add(new if isinstance(new, str) else None)
            pids = sorted(p for p in pids if p)
            for i in range(0, len(pids), CHUNK):
                list(session.scalars(select(Patient).where(Patient.id.in_(pids[i:i + CHUNK]))))

    def changed_since(self, table: str, row_id: str, base_version: int, device_id: str) -> set[str]:
        """Fields other desktops changed after `base_version` (this desktop's own are its history)."""
        return {f for _seq, version, device, _user, _at, fields in self.history.get((table, row_id), ())
                if version > base_version and device != device_id for f in fields}

    def last_change(self, table: str, row_id: str):
        entries = self.history.get((table, row_id))
        return max(entries, key=lambda e: e[0]) if entries else None


def apply(session: Session, batch: Batch, user, device_id: str, scope: Scope, m):
    """(answer, change) where change is (row, table, fields, version) or None."""
    table = m.table
    model = MODEL_BY_TABLE.get(table)
    if model is None:
        raise Rejected(f"unknown table {table!r}")
    if table == "audit_entries":
        raise Rejected("audit entries travel as a chain through /sync/audit, not as mutations")
    if table in ADMIN_ONLY and user.role != Role.ADMIN.value:
        raise Rejected(f"only an administrator may change {table}")
    values = {f: from_wire(table, f, new) for f, (_old, new) in m.changes.items() if f not in SERVER_FIELDS}
    row = batch.rows.get((table, m.row_id))
    now = clock.now()
    if m.op == "insert":
        if row is not None:
            raise Rejected("a record with this id already exists")
        check_scope(session, scope, table, None, values)
        check_rules(table, values, None)
        obj = model(id=m.row_id, **values, version=1, updated_at=now, updated_by=user.id, device_id=device_id)
        session.add(obj)
        batch.rows[(table, m.row_id)] = obj
        return _answer(session, merge.APPLIED, obj, table, values), (obj, table, sorted(values), 1)
    if row is None:
        raise Rejected("no such record on the server")
    check_scope(session, scope, table, row, values)
    if table in APPEND_ONLY:
        raise Rejected(f"{table} is append-only: records are never changed or deleted")
    since = batch.changed_since(table, row.id, m.base_version, device_id)
    deleted = row.deleted_at is not None
    if m.op == "delete":
        decision = merge.decide_delete(m.base_version, row.version, deleted, since)
        values = {} if deleted else {"deleted_at": now}  # the server's clock, not the desktop's
    else:
        server_values = {f: getattr(row, f) for f in values}
        decision = merge.decide_update(m.base_version, row.version, deleted, since, server_values, values)
    if decision.status == merge.CONFLICT:
        return _conflict(session, batch, user, device_id, m, row, decision), None
    if not values:
        return {"status": decision.status, "version": row.version}, None
    check_rules(table, values, {c.name: getattr(row, c.name) for c in model.__table__.columns})
    for field, value in values.items():
        setattr(row, field, value)
    row.version += 1
    row.updated_at, row.updated_by, row.device_id = now, user.id, device_id
    return _answer(session, decision.status, row, table, values), (row, table, sorted(values), row.version)


def _answer(session: Session, status: str, obj, table: str, values: dict) -> dict:
    # The server's own stamps, so the desktop's copy matches the row exactly without a fetch.
    answer: dict[str, Any] = {"status": status, "version": obj.version, "updated_at": to_wire(obj.updated_at)}
    if obj.deleted_at is not None:
        answer["deleted_at"] = to_wire(obj.deleted_at)
    other = merge_candidate(session, table, obj.id, values)
    if other is not None:
        answer["merge_candidate"] = other
    return answer


def _conflict(session: Session, batch: Batch, user, device_id: str, m, row, decision) -> dict:
    last = batch.last_change(m.table, row.id)
    fields = {f: {k: to_wire(v) for k, v in pair.items()} for f, pair in decision.conflicts.items()}
    session.add(SyncConflict(id=uuid7(), mutation_id=m.mutation_id, table_name=m.table, row_id=row.id,
                             fields=fields, base_version=m.base_version, server_version=row.version,
                             user_id=user.id, device_id=device_id, created_at=clock.now()))
    change = None
    if last is not None:
        _seq, _version, last_device, last_user, at, _fields = last
        change = {"user_id": last_user, "device_id": last_device, "at": to_wire(at)}
    return {"status": merge.CONFLICT, "reason": decision.reason, "version": row.version, "fields": fields,
            "server_change": change}
