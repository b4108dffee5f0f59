"""The situations a county network meets: skewed desktop clocks, a desktop offline for
weeks, a patient moved to another station while edits wait, and one person registered
twice offline. Real server process, PostgreSQL, HTTP."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app import clock
from app import idcard
from app.sync import local
from db.models import Case
from db.models import Followup
from db.models import Patient
from db.models import TimelineEvent
from tests.e2e.desks import differences

pytestmark = pytest.mark.usefixtures("keyring_ready")


@pytest.fixture
def pinned():
    """`with pinned(days):` runs desktop code with its clock moved; the server process keeps its own."""
    from contextlib import contextmanager

    @contextmanager
    def at(days: float):
        clock.pin(dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=days))
        try:
            yield
        finally:
            clock.pin(None)

    yield at
    clock.pin(None)


def test_desktop_clocks_days_apart_do_not_decide_anything(fleet, pinned):
    ahead, behind = fleet("ahead"), fleet("behind", index=1)
    for desk in (ahead, behind):
        desk.client.cycle()
    pid, other = ahead.patient_ids()[:2]
    with pinned(+3):
        ahead.edit(Patient, pid, phone="13900000003")
    with pinned(-3):  # edited "earlier" by its clock, but sent later: still a conflict
        behind.edit(Patient, pid, phone="13900000004")
        behind.edit(Patient, other, address="钟慢路1号")
    with pinned(+3):
        assert ahead.client.cycle().pushed == {"applied": 1}
    with pinned(-3):
        assert behind.client.cycle().pushed == {"conflict": 1, "applied": 1}
    conflict, = behind.outbox()
    assert conflict.status == "conflict" and conflict.server_detail["fields"]["phone"] == {
        "server": "13900000003", "client": "13900000004"}
    stamps = fleet.sql("SELECT updated_at FROM patients WHERE id IN (:a, :b)", a=pid, b=other)
    stamps += fleet.sql("SELECT at FROM change_log WHERE row_id IN (:a, :b) AND device_id IS NOT NULL",
                        a=pid, b=other)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    assert all(abs(t - now) < dt.timedelta(minutes=5) for (t,) in stamps)  # the server's clock only
    with pinned(+40):  # a desktop clock far ahead does not expire its sign-in
        ahead.client.cycle()
    with pinned(-3):
        behind.client.cycle()
    assert differences(ahead, fleet.db) == [] and differences(behind, fleet.db) == []
    assert abs(behind.get(Patient, other).updated_at.replace(tzinfo=None) - now) < dt.timedelta(minutes=5)


def test_weeks_offline_then_one_sync(fleet, pinned):
    away, office = fleet("away"), fleet("office", index=1)
    away.client.cycle()
    office.client.cycle()
    ids = away.patient_ids()
    with away.session() as s:
        followups = list(s.scalars(select(Followup.id).where(Followup.status == "planned").limit(3)))
    for day in range(21):  # three weeks of work, nothing sent
        with pinned(day - 21):
            for k in range(12):
                pid = ids[(day * 12 + k) % 60]
                away.edit(Patient, pid, warning_flags=f"第{day}天 {k}")
            away.add(TimelineEvent(patient_id=ids[day], kind="note", title=f"离线随访 {day}",
                                   occurred_at=clock.now()))
    for fid in followups:
        away.delete(Followup, fid)
    for pid in ids[:10]:  # the office changes the same people meanwhile
        office.edit(Patient, pid, phone="13500000000")
    for pid in ids[10:13]:
        office.edit(Patient, pid, warning_flags="办公室的标记")
    office.client.cycle()
    fleet.sql("UPDATE auth_tokens SET expires_at = now() - interval '1 day' WHERE kind = 'access'")
    waiting = len(away.outbox())
    report = away.client.cycle()
    assert sum(report.pushed.values()) == waiting == 21 * 12 + 21 + 3
    conflicts = away.outbox()
    # Only the three patients whose warning flags the office changed too are in conflict
    # (each with every later edit of that field); different fields merged.
    assert {e.row_id for e in conflicts} == set(ids[10:13])
    assert all(e.status == "conflict" for e in conflicts)
    assert report.pushed.get("merged", 0) >= 10
    office.client.cycle()
    assert fleet.sql("SELECT count(*) FROM timeline_events WHERE title LIKE '离线随访 %'") == [(21,)]
    assert differences(away, fleet.db) == [] and differences(office, fleet.db) == []


def test_a_patient_moved_to_another_station_while_an_edit_waits(fleet):
    admin, community = fleet("admin", role="admin"), fleet("station", role="community_cm")
    admin.client.cycle()
    community.client.cycle()
    mine = set(community.patient_ids())
    pid = sorted(mine)[0]
    elsewhere = next(p for p in admin.patient_ids() if p not in mine)
    with community.session() as s:
        case_id = s.scalars(select(Case.id).where(Case.patient_id == pid).limit(1)).one()
    community.edit(Patient, pid, phone="13311112222")
    risk = community.get(Case, case_id).risk_level
    community.edit(Case, case_id, risk_level="low" if risk != "low" else "medium")
    admin.edit(Patient, pid, community_id=admin.get(Patient, elsewhere).community_id)
    assert admin.client.cycle().pushed == {"applied": 1}
    report = community.client.cycle()
    assert report.pushed == {"rejected": 2}
    entries = community.outbox()
    assert {e.status for e in entries} == {"rejected"}
    assert all("scope" in e.server_reason for e in entries)  # the reason, in words, kept
    assert {e.changes.get("phone", [None, None])[1] for e in entries} >= {"13311112222"}  # not lost
    assert community.get(Patient, pid) is None and community.get(Case, case_id) is None  # purged
    assert community.count(TimelineEvent, TimelineEvent.patient_id == pid) == 0
    assert report.purged > 0
    assert fleet.sql("SELECT count(*) FROM patients WHERE id = :i AND deleted_at IS NULL", i=pid) == [(1,)]
    again = community.client.cycle()  # settled: no repair loop, no deletes sent
    assert again.repaired == [] and again.pushed == {} and community.client.check() == (0, [])
    assert differences(community, fleet.db) == []


def test_one_person_registered_on_two_desktops_offline_is_flagged_not_merged(fleet):
    a, b = fleet("a"), fleet("b", index=1)
    a.client.cycle()
    b.client.cycle()
    community = a.get(Patient, a.patient_ids()[0]).community_id
    birth = dt.date(1958, 4, 12)
    number = idcard.make_id("330217", birth, 123, "F")

    def register(desk, name):
        return desk.add(Patient(name=name, name_pinyin="", name_initials="", sex="F", birth_date=birth,
                                id_number=number, community_id=community)).id

    first, second = register(a, "王秀英"), register(b, "王秀瑛")
    assert first != second
    assert a.client.cycle().pushed == {"applied": 1}
    assert b.client.cycle().pushed == {"applied": 1}
    with b.session() as s:
        assert local.merge_candidates(s) == [
            {"table": "patients", "row_id": second, "other_id": first, "at": local.merge_candidates(s)[0]["at"]}]
    (result,), = fleet.sql("SELECT result FROM applied_mutations WHERE result->>'merge_candidate' = :o", o=first)
    assert result["status"] == "applied" and result["version"] == 1
    assert fleet.sql("SELECT count(*) FROM patients WHERE id_number = :n AND deleted_at IS NULL", n=number) == [(2,)]
    a.client.cycle()
    assert a.get(Patient, second) is not None and b.get(Patient, first) is not None  # both kept everywhere
    with b.profile.sessions.begin() as s:
        local.dismiss_merge_candidate(s, second, first)
    with b.session() as s:
        assert local.merge_candidates(s) == []
