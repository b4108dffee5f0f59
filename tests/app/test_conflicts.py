"""app.sync.conflicts and app.sync.service without a server: typed values, kinds of
conflict and of failure, the outbox in words, and settling that needs no network."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.sync import conflicts
from app.sync import service
from db.models import OutboxEntry
from db.models import Patient


def test_parse_value_reads_each_kind_and_says_why_not():
    assert conflicts.parse_value("patients", "birth_date", " 1958-03-12 ") == dt.date(1958, 3, 12)
    assert conflicts.parse_value("patients", "smoking_pack_years", "20.5") == 20.5
    assert conflicts.parse_value("patients", "contract_signed", conflicts.YES) is True
    assert conflicts.parse_value("patients", "contract_signed", conflicts.NO) is False
    assert conflicts.parse_value("patients", "phone", "") is None  # nullable: empty is none
    assert conflicts.parse_value("followups", "attempts", "3") == 3
    moment = conflicts.parse_value("cases", "last_contact_at", "2026-03-02 14:30")
    assert moment.tzinfo is not None  # typed as local time, stored as a moment
    with pytest.raises(ValidationError) as err:
        conflicts.parse_value("patients", "birth_date", "1958-13-40")
    assert err.value.field == "birth_date"
    for field, text in (("smoking_pack_years", "many"), ("contract_signed", "maybe"), ("phone", "1" * 40)):
        with pytest.raises(ValidationError):
            conflicts.parse_value("patients", field, text)


def test_kinds_of_conflict():
    assert conflicts.conflict_kind("delete", {"kind": "deleted_here"}) == conflicts.DELETED_HERE
    assert conflicts.conflict_kind("update", {"kind": "deleted_there"}) == conflicts.DELETED_THERE
    assert conflicts.conflict_kind("update", {"kind": "both_changed"}) == conflicts.FIELDS
    # the words of the reason decide nothing (an older server sends no kind: clashing fields)
    assert conflicts.conflict_kind("update", {"reason": "the record was deleted on the server"}) == conflicts.FIELDS


def test_editable_fields_never_offer_bookkeeping():
    fields = conflicts.editable_fields("patients", "insert", {})
    assert "name" in fields and not {"id", "version", "server_seq", "device_id", "deleted_at"} & set(fields)
    assert conflicts.editable_fields("patients", "update", {"phone": [1, 2], "version": [1, 2]}) == ["phone"]
    assert conflicts.editable_fields("patients", "delete", {"deleted_at": [None, "x"]}) == []


def _rejected_edit(profile) -> tuple[str, int]:
    with profile.store.write() as tx:
        p = tx.add(Patient(name="赵敏", sex="F", birth_date=dt.date(1970, 5, 6)))
    with profile.sessions.begin() as s:
        s.execute(OutboxEntry.__table__.delete())
        s.get(Patient, p.id).version = 3
    with profile.store.write() as tx:
        # valid here (the rule book lets nothing invalid into the outbox); the server refused it
        tx.update(tx.session.get(Patient, p.id), name="赵敏敏", phone="13500001111")
    with profile.sessions.begin() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        entry.status, entry.server_reason = "rejected", "name: a patient needs a name"
        return p.id, entry.seq


def test_counts_and_outbox_items_in_words(profile):
    pid, seq = _rejected_edit(profile)
    assert service.counts(profile) == service.Counts(pending=0, conflict=0, rejected=1)
    (item,) = service.outbox_items(profile)
    assert (item.seq, item.patient_name, item.fields, item.status) == (seq, "赵敏敏", ["name", "phone"], "rejected")
    assert service.outbox_item(profile, seq).reason == "name: a patient needs a name"


def test_resend_writes_the_whole_change_again_with_the_correction(profile):
    pid, seq = _rejected_edit(profile)
    new_seq = conflicts.resend(profile, seq, {"name": "赵敏"})
    with profile.sessions() as s:
        (entry,) = s.scalars(select(OutboxEntry)).all()
        row = s.get(Patient, pid)
    assert entry.seq == new_seq and entry.status == "pending" and entry.base_version == 3
    assert entry.changes == {"phone": [None, "13500001111"]}  # the name is back as it was: not a change
    assert (row.name, row.phone) == ("赵敏", "13500001111")
    with pytest.raises(ValidationError):
        conflicts.resend(profile, seq, {"name": "赵敏"})  # settled already


def test_resend_refuses_fields_outside_the_change(profile):
    _pid, seq = _rejected_edit(profile)
    with pytest.raises(ValueError):
        conflicts.resend(profile, seq, {"address": "x"})
    assert service.counts(profile).rejected == 1  # nothing changed
