"""The one write path: row, outbox entry and audit entry commit together or not at all."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app import audit
from app.events import DataChanged
from db.models import AuditEntry
from db.models import OrgUnit
from db.models import OutboxEntry
from db.models import Patient


def _counts(profile):
    with profile.sessions() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Patient, OutboxEntry, AuditEntry))


def _patient(**kw):
    values = dict(name="李四", name_pinyin="lisi", name_initials="ls", sex="F",
                  birth_date=dt.date(1958, 2, 3))
    values.update(kw)
    return Patient(**values)


def test_insert_writes_row_outbox_and_audit_together(profile):
    seen = []
    profile.bus.subscribe(seen.append)
    with profile.store.write() as tx:
        p = tx.add(_patient())
    assert _counts(profile) == (1, 1, 1)
    with profile.sessions() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        assert (entry.table_name, entry.row_id, entry.op, entry.base_version) == ("patients", p.id, "insert", 0)
        assert entry.changes["name"] == [None, "李四"]
        assert entry.changes["birth_date"] == [None, "1958-02-03"]
        assert entry.device_id == profile.device_id
        logged = s.scalars(select(AuditEntry)).one()
        assert (logged.action, logged.table_name, logged.row_id) == ("write", "patients", p.id)
    assert seen == [DataChanged(frozenset({"patients"}), frozenset({p.id}))]


def test_a_failure_midway_leaves_none_of_the_three(profile):
    seen = []
    profile.bus.subscribe(seen.append)
    with pytest.raises(RuntimeError):
        with profile.store.write() as tx:
            tx.add(_patient())
            raise RuntimeError("power cut")
    assert _counts(profile) == (0, 0, 0)
    assert seen == []


def test_a_constraint_failure_in_the_second_row_rolls_back_the_first(profile):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        with profile.store.write() as tx:
            tx.add(OrgUnit(kind="centre", code="DUP", name="甲"))
            tx.add(OrgUnit(kind="centre", code="DUP", name="乙"))  # unique code violated
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(OrgUnit)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_update_records_only_changed_fields_with_old_and_new(profile):
    with profile.store.write() as tx:
        p = tx.add(_patient(phone="13800000001"))
    with profile.store.write() as tx:
        p = tx.session.get(Patient, p.id)
        changes = tx.update(p, phone="13900000002", name="李四")
    assert changes == {"phone": ["13800000001", "13900000002"]}
    with profile.store.write() as tx:
        assert tx.update(tx.session.get(Patient, p.id), phone="13900000002") == {}
    with profile.sessions() as s:
        ops = s.execute(select(OutboxEntry.op, OutboxEntry.changes).order_by(OutboxEntry.seq)).all()
    assert [op for op, _ in ops] == ["insert", "update"]
    assert ops[1].changes == {"phone": ["13800000001", "13900000002"]}


def test_update_refuses_unknown_fields(profile):
    with profile.store.write() as tx:
        p = tx.add(_patient())
    with pytest.raises(AttributeError, match="no field"):
        with profile.store.write() as tx:
            tx.update(tx.session.get(Patient, p.id), nmae="typo")
    assert _counts(profile) == (1, 1, 1)


def test_delete_is_a_tombstone_that_syncs(profile):
    with profile.store.write() as tx:
        p = tx.add(_patient())
    with profile.store.write() as tx:
        tx.delete(tx.session.get(Patient, p.id))
    with profile.sessions() as s:
        assert s.get(Patient, p.id).deleted_at is not None
        assert s.scalars(select(OutboxEntry.op).order_by(OutboxEntry.seq)).all() == ["insert", "delete"]
        assert s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all() == ["write", "delete"]


def test_audit_chain_verifies_and_a_tampered_entry_is_found(profile):
    with profile.store.write() as tx:
        p = tx.add(_patient())
    profile.store.record_access("read", "patients", p.id)
    profile.store.record_access("export", detail={"rows": 1})
    with profile.sessions() as s:
        assert audit.verify(s) is None
        second = s.scalars(select(AuditEntry).where(AuditEntry.seq == 2)).one()
        second.action = "write"  # someone edits the file behind CaseDesk's back
        s.commit()
    with profile.sessions() as s:
        broken = audit.verify(s)
    assert broken is not None and broken.seq == 2 and broken.problem.code == "audit.chain_changed"


def test_audit_chain_notices_a_removed_entry(profile):
    for _ in range(3):
        profile.store.record_access("read", "patients", "x")
    with profile.sessions.begin() as s:
        s.delete(s.scalars(select(AuditEntry).where(AuditEntry.seq == 2)).one())
    with profile.sessions() as s:
        broken = audit.verify(s)
    assert broken is not None and broken.seq == 2 and broken.problem.code == "audit.chain_gap"
