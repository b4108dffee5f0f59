"""Applying a pushed batch: one transaction, one savepoint per mutation, one answer each.

A mutation is applied, merged, a conflict (both values kept for a person to choose) or
rejected with a reason. Its answer is stored with its effect, so a replay — the desktop
never got the response — returns the same answer and changes nothing twice. Sequence
numbers are taken last, from the counter row, keeping its lock as short as possible.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from app import clock
from app import rules
from app.serial import to_wire
from app.sync import merge
from app.sync.scope import Scope
from app.sync.wire import ADMIN_ONLY
from app.sync.wire import APPEND_ONLY
from app.sync.wire import SERVER_FIELDS
from app.sync.wire import WireError
from app.sync.wire import from_wire
from db.ids import uuid7
from db.models import MODEL_BY_TABLE
from db.models import AppliedMutation
from db.models import ChangeLog
from db.models import SeqCounter
from db.models import SyncConflict
from db.models.enums import Role


class Rejected(Exception):
    pass


def push(session: Session, user, device_id: str, scope: Scope, mutations) -> list[dict]:
    results: list[dict] = []
    changed: list[tuple[Any, str, list[str], AppliedMutation]] = []
    for m in mutations:
        prior = session.get(AppliedMutation, m.mutation_id)
        if prior is not None:
            results.append(prior.result)
            continue
        savepoint = session.begin_nested()
        try:
            result, change = _apply(session, user, device_id, scope, m)
            savepoint.commit()
        except (Rejected, WireError) as exc:
            savepoint.rollback()
            result, change = {"status": merge.REJECTED, "reason": str(exc)}, None
        except (IntegrityError, StatementError) as exc:
            savepoint.rollback()
            result, change = {"status": merge.REJECTED, "reason": _integrity_reason(exc)}, None
        result = {"mutation_id": m.mutation_id, **result}
        record = AppliedMutation(mutation_id=m.mutation_id, device_id=device_id, user_id=user.id,
                                 result=result, applied_at=clock.now())
        session.add(record)
        results.append(result)
        if change is not None:
            changed.append((*change, record))
    if changed:
        _assign_sequence(session, user, device_id, changed)
    session.commit()
    return results


def _assign_sequence(session: Session, user, device_id: str, changed) -> None:
    top = session.execute(
        update(SeqCounter).where(SeqCounter.id == 1)
        .values(value=SeqCounter.value + len(changed)).returning(SeqCounter.value)
    ).scalar_one()
    now = clock.now()
    for seq, (obj, table, fields, record) in enumerate(changed, start=top - len(changed) + 1):
        obj.server_seq = seq
        session.add(ChangeLog(server_seq=seq, table_name=table, row_id=obj.id, version=obj.version,
                              fields=fields, user_id=user.id, device_id=device_id, at=now))
        record.result = {**record.result, "server_seq": seq}


def _apply(session: Session, user, device_id: str, scope: Scope, m):
    table = m.table
    model = MODEL_BY_TABLE.get(table)
    if model is None:
        raise Rejected(f"unknown table {table!r}")
    if table in ADMIN_ONLY and user.role != Role.ADMIN.value:
        raise Rejected(f"only an administrator may change {table}")
    values = {f: from_wire(table, f, new) for f, (_old, new) in m.changes.items() if f not in SERVER_FIELDS}
    row = session.get(model, m.row_id, with_for_update=True)
    now = clock.now()
    if m.op == "insert":
        if row is not None:
            raise Rejected("a record with this id already exists")
        _check_scope(session, scope, table, None, values)
        _check_rules(table, values, None)
        obj = model(id=m.row_id, **values, version=1, updated_at=now, updated_by=user.id, device_id=device_id)
        session.add(obj)
        session.flush()
        return {"status": merge.APPLIED, "version": 1}, (obj, table, sorted(values))
    if row is None:
        raise Rejected("no such record on the server")
    _check_scope(session, scope, table, row, values)
    if table in APPEND_ONLY:
        raise Rejected(f"{table} is append-only: records are never changed or deleted")
    since = _changed_since(session, table, row.id, m.base_version, device_id)
    deleted = row.deleted_at is not None
    if m.op == "delete":
        decision = merge.decide_delete(m.base_version, row.version, deleted, since)
        values = {} if deleted else {"deleted_at": now}
    else:
        server_values = {f: getattr(row, f) for f in values}
        decision = merge.decide_update(m.base_version, row.version, deleted, since, server_values, values)
    if decision.status == merge.CONFLICT:
        return _conflict(session, user, device_id, m, row, decision), None
    if not values:
        return {"status": decision.status, "version": row.version}, None
    _check_rules(table, values, {c.name: getattr(row, c.name) for c in model.__table__.columns})
    for field, value in values.items():
        setattr(row, field, value)
    row.version += 1
    row.updated_at, row.updated_by, row.device_id = now, user.id, device_id
    session.flush()
    return {"status": decision.status, "version": row.version}, (row, table, sorted(values))


def _changed_since(session: Session, table: str, row_id: str, base_version: int, device_id: str) -> set[str]:
    """Fields other desktops changed after `base_version` (this desktop's own are its history)."""
    q = select(ChangeLog.fields).where(ChangeLog.table_name == table, ChangeLog.row_id == row_id,
                                       ChangeLog.version > base_version,
                                       ChangeLog.device_id.is_distinct_from(device_id))
    return {f for fields in session.scalars(q) for f in fields}


def _conflict(session: Session, user, device_id: str, m, row, decision) -> dict:
    last = session.execute(
        select(ChangeLog.user_id, ChangeLog.device_id, ChangeLog.at)
        .where(ChangeLog.table_name == m.table, ChangeLog.row_id == row.id)
        .order_by(ChangeLog.server_seq.desc()).limit(1)).first()
    fields = {f: {k: to_wire(v) for k, v in pair.items()} for f, pair in decision.conflicts.items()}
    session.add(SyncConflict(id=uuid7(), mutation_id=m.mutation_id, table_name=m.table, row_id=row.id,
                             fields=fields, base_version=m.base_version, server_version=row.version,
                             user_id=user.id, device_id=device_id, created_at=clock.now()))
    return {"status": merge.CONFLICT, "reason": decision.reason, "version": row.version, "fields": fields,
            "server_change": {"user_id": last.user_id, "device_id": last.device_id, "at": to_wire(last.at)}
            if last else None}


def _check_scope(session: Session, scope: Scope, table: str, row, values: dict) -> None:
    if scope.units is None or table in ADMIN_ONLY or table == "audit_entries":
        return  # the audit trail carries no patient: every desktop's entries are kept
    if table == "patients":
        before = row is None or scope.allows_patient(session, row.id)
        after = values.get("community_id", row.community_id if row is not None else None) in scope.units
    else:
        before = row is None or scope.allows_patient(session, row.patient_id)
        after = "patient_id" not in values and row is not None or scope.allows_patient(session, values.get("patient_id"))
    if not (before and after):
        raise Rejected("this patient is outside your organisation's scope")


def _check_rules(table: str, values: dict, existing: dict | None) -> None:
    problems = rules.check(table, values, existing)
    if problems:
        raise Rejected("; ".join(f"{field}: {message}" for field, message in problems))


def _integrity_reason(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc)).lower()
    if "not null" in text or "null value" in text:
        return "a required field is missing"
    if "foreign key" in text:
        return "it refers to a record the server does not have"
    if "unique" in text or "duplicate" in text:
        return "it would duplicate a record that must be unique"
    return "the server could not store this change"
