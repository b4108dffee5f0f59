"""The patient view's data: header, timeline, quick notes and the read audit."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app import clock
from app.errors import ValidationError
from app.patients import PatientService
from db.models import AuditEntry
from db.models import TimelineEvent
from tests.app import worklist_data as data


@pytest.fixture
def seeded(profile):
    clock.pin(dt.datetime.combine(data.TODAY, dt.time(4), tzinfo=dt.timezone.utc))
    ids = data.load(profile)
    pid = ids["张三"][0]
    with profile.sessions.begin() as s:
        for day, kind, title in [(1, "screening", "低剂量CT：右上肺结节8mm"), (5, "referral", "上转至县肿瘤防治中心"),
                                 (3, "exam", "增强CT"), (9, "mdt", "MDT：建议手术")]:
            s.add(TimelineEvent(patient_id=pid, kind=kind, title=title,
                                occurred_at=dt.datetime(2026, 10, day, 2, tzinfo=dt.timezone.utc)))
    yield profile, ids, PatientService(profile.store)
    clock.pin(None)


def test_header_shows_masked_numbers_stage_and_case_managers(seeded):
    _, ids, svc = seeded
    h = svc.header(ids["张三"][0])
    assert (h.name, h.age, h.masked_id, h.masked_phone) == ("张三", 66, "330206********123X", "138****1234")
    assert [(c.cancer_type, c.stage, c.community_cm, c.clinic_cm) for c in h.cases] == [("lung", "screen", "陈敏", "周杰")]


def test_opening_a_patient_is_audited_as_a_read(seeded):
    profile, ids, svc = seeded
    svc.open(ids["张三"][0])
    with profile.sessions() as s:
        entry = s.scalars(select(AuditEntry)).one()
    assert (entry.action, entry.table_name, entry.row_id) == ("read", "patients", ids["张三"][0])


def test_timeline_is_newest_first_and_filters_by_kind(seeded):
    _, ids, svc = seeded
    items = svc.timeline(ids["张三"][0])
    assert [i.kind for i in items] == ["mdt", "referral", "exam", "screening"]
    assert [i.kind for i in svc.timeline(ids["张三"][0], kinds={"exam", "screening"})] == ["exam", "screening"]


def test_a_note_lands_on_top_of_the_timeline_and_a_call_is_not_free_text(seeded):
    _, ids, svc = seeded
    pid = ids["张三"][0]
    svc.add_note(pid, "患者询问复查时间\n下次复查12月")
    top = svc.timeline(pid)[0]
    assert (top.kind, top.title) == ("note", "患者询问复查时间") and "下次复查12月" in top.body
    with pytest.raises(ValidationError) as err:  # calls go through app/calls.py, with their outcome
        svc.add_note(pid, "电话随访：未接通", kind="call")
    assert err.value.field == "kind"


@pytest.mark.parametrize("text, kind, field", [("", "note", "text"), ("   ", "note", "text"),
                                               ("x" * 5000, "note", "text"), ("ok", "letter", "kind")])
def test_bad_notes_are_refused_at_the_field_and_nothing_is_saved(seeded, text, kind, field):
    profile, ids, svc = seeded
    before = len(svc.timeline(ids["张三"][0]))
    with pytest.raises(ValidationError) as err:
        svc.add_note(ids["张三"][0], text, kind=kind)
    assert err.value.field == field
    assert len(svc.timeline(ids["张三"][0])) == before
