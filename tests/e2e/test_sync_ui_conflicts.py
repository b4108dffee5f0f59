"""Conflicts and rejections settled with app.sync.conflicts, two desktops, a real server:
the chosen values win, both desktops end equal to the server, nothing is lost."""
from __future__ import annotations

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app.errors import ValidationError
from app.profile import Profile
from app.sync import conflicts
from app.sync import service
from app.sync.client import SyncClient
from db.models import Case
from db.models import OutboxEntry
from db.models import Patient
from db.models import Task
from db.models import TimelineEvent
from tests.e2e.conftest import users_by_role

pytestmark = pytest.mark.usefixtures("keyring_ready")
FIELDS = ("phone", "address", "warning_flags", "version")


@pytest.fixture
def pair(tmp_path, demo_server, demo_db):
    user = users_by_role(demo_db)["clinic_cm"][0]
    made = []
    for name in ("a", "b"):
        profile = Profile.open(tmp_path / name)
        client = SyncClient(profile, demo_server.url)
        client.login(user, f"{user}-demo")
        client.cycle()
        made.append((profile, client))
    yield made
    for profile, client in made:
        client.close()
        profile.close()


def first_patient(profile) -> str:
    with profile.sessions() as s:
        return s.scalars(select(Patient.id).order_by(Patient.id).limit(1)).one()


def edit(profile, model, row_id, **values) -> None:
    with profile.store.write() as tx:
        tx.update(tx.session.get(model, row_id), **values)


def tamper(profile, **sent) -> None:
    """Make the last outbox entry carry values the rule book refuses, as a desktop without
    it (an older CaseDesk, or a changed one) would send them: the server must refuse them."""
    with profile.sessions.begin() as s:
        entry = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq.desc()).limit(1)).one()
        entry.changes = {**entry.changes, **{f: [entry.changes.get(f, [None])[0], v] for f, v in sent.items()}}


def values(profile, pid) -> tuple:
    with profile.sessions() as s:
        row = s.get(Patient, pid)
        return tuple(getattr(row, f) for f in FIELDS)


def outbox(profile) -> list[OutboxEntry]:
    with profile.sessions() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def make_conflict(pair, pid):
    (a, ca), (b, cb) = pair
    edit(a, Patient, pid, phone="13900000001")
    assert ca.cycle().pushed == {"applied": 1}
    edit(b, Patient, pid, phone="13900000002", address="城关镇解放路8号")  # address clashes with nobody
    assert cb.cycle().pushed == {"conflict": 1}
    edit(b, Patient, pid, warning_flags="听力差，请大声说话")  # a later edit waits behind the conflict
    cb.cycle()
    (entry,) = [e for e in outbox(b) if e.status == "conflict"]
    assert set(entry.server_detail["fields"]) == {"phone"}
    return entry


@pytest.mark.parametrize("choice, phone", [("server", "13900000001"), ("mine", "13900000002")])
def test_resolving_a_conflict_makes_both_desktops_equal_with_the_chosen_values(pair, choice, phone):
    (a, ca), (b, cb) = pair
    pid = first_patient(a)
    entry = make_conflict(pair, pid)
    conflicts.resolve(b, cb, entry.seq, {"phone": choice})
    assert all(e.status == "pending" for e in outbox(b))
    # Until sent, this desktop already shows the outcome, later edit included.
    assert values(b, pid)[:3] == (phone, "城关镇解放路8号", "听力差，请大声说话")
    cb.cycle()
    ca.cycle()
    assert outbox(b) == [] and outbox(a) == []
    assert values(a, pid) == values(b, pid)
    assert values(a, pid)[:3] == (phone, "城关镇解放路8号", "听力差，请大声说话")
    with a.sessions() as s:  # the settling reached the other desktop visibly: on the patient's timeline
        settled = s.scalars(select(TimelineEvent).where(TimelineEvent.patient_id == pid,
                                                        TimelineEvent.title_code == conflicts.RESOLVED_CODE)).one()
    assert settled.title_args["kept"] == choice and settled.title_args["fields"] == ["phone"]


def test_a_resolved_conflict_cannot_be_resolved_twice(pair):
    (a, _), (b, cb) = pair
    entry = make_conflict(pair, first_patient(a))
    conflicts.resolve(b, cb, entry.seq, {"phone": "mine"})
    with pytest.raises(ValidationError):
        conflicts.resolve(b, cb, entry.seq, {"phone": "mine"})


def test_choices_must_cover_every_clashing_field(pair):
    (a, _), (b, cb) = pair
    entry = make_conflict(pair, first_patient(a))
    with pytest.raises(ValueError):
        conflicts.resolve(b, cb, entry.seq, {})
    assert [e.status for e in outbox(b)][0] == "conflict"  # nothing changed


def test_delete_here_edit_there(pair):
    (a, ca), (b, cb) = pair
    with a.sessions() as s:
        case_id = s.scalars(select(Case.id).order_by(Case.id).limit(1)).one()
    edit(a, Case, case_id, risk_level="high")
    ca.cycle()
    with b.store.write() as tx:
        tx.delete(tx.session.get(Case, case_id))
    assert cb.push() == {"conflict": 1}
    (entry,) = outbox(b)
    assert conflicts.conflict_kind(entry.op, entry.server_detail) == conflicts.DELETED_HERE
    conflicts.resolve(b, cb, entry.seq, {conflicts.RECORD: "server"})  # keep the record
    assert [e.table_name for e in outbox(b)] == ["timeline_events"]  # only the note that it was settled
    with b.sessions() as s:
        row = s.get(Case, case_id)
        assert row.deleted_at is None and row.risk_level == "high"


def test_a_rejected_change_is_corrected_and_resent(pair):
    (a, ca), (b, cb) = pair
    with b.sessions() as s:
        case_id = s.scalars(select(Case.id).order_by(Case.id).limit(1)).one()
    edit(b, Case, case_id, stage="treat", risk_level="high")
    tamper(b, stage="bogus")
    assert cb.push() == {"rejected": 1}
    (item,) = service.outbox_items(b, ("rejected",))
    assert "stage" in [p.field for p in item.problems]  # the rule, by code and field
    conflicts.resend(b, item.seq, {"stage": conflicts.parse_value("cases", "stage", "treat")})
    (again,) = outbox(b)
    assert again.status == "pending" and again.changes["stage"][1] == "treat"
    assert again.changes["risk_level"][1] == "high"  # the rest of the change goes too
    assert cb.push() == {"applied": 1}
    ca.cycle()
    with a.sessions() as s:
        assert (s.get(Case, case_id).stage, s.get(Case, case_id).risk_level) == ("treat", "high")


def test_discarding_a_rejected_change_brings_back_the_servers_row(pair):
    (_, _), (b, cb) = pair
    pid = first_patient(b)
    before = values(b, pid)
    edit(b, Patient, pid, phone="13511112222")
    tamper(b, sex="?")
    assert cb.push() == {"rejected": 1}
    (entry,) = outbox(b)
    conflicts.discard(b, cb, entry.seq)
    assert outbox(b) == []
    assert values(b, pid) == before
    assert cb.cycle().repaired == []  # the desktop equals the server


def test_discarding_a_record_the_server_never_took_removes_it_here(pair):
    (_, _), (b, cb) = pair
    pid = first_patient(b)
    with b.store.write() as tx:
        case = Case(patient_id=pid, cancer_type="lung", stage="screen", opened_at=_now())
        tx.add(case)
    tamper(b, cancer_type="not-a-cancer")
    assert cb.push() == {"rejected": 1}
    (entry,) = outbox(b)
    conflicts.discard(b, cb, entry.seq)
    with b.sessions() as s:
        assert s.get(Case, case.id) is None
    assert outbox(b) == []


def _now():
    from app import clock
    return clock.now()


def test_five_hundred_refused_changes_are_discarded_in_one_go(pair):
    """#17 item 1: 500 refused changes, one call, one transaction, progress; the desktop ends
    equal to the server."""
    from app.tasks import TaskService

    (_, _), (b, cb) = pair
    with b.sessions() as s:
        case_id = s.scalars(select(Case.id).where(Case.closed_at.is_(None)).order_by(Case.id).limit(1)).one()
    tasks = TaskService(b.store)
    made = [tasks.add(case_id, f"批量 {n}", None) for n in range(500)]
    with b.sessions.begin() as s:  # as an older desktop would send them: a kind the rules refuse
        for entry in s.scalars(select(OutboxEntry).where(OutboxEntry.row_id.in_(made))):
            entry.changes = {**entry.changes, "kind": [None, "bogus"]}
    assert cb.push() == {"rejected": 500}
    seqs = [e.seq for e in outbox(b)]
    seen = []
    assert conflicts.discard_many(b, cb, seqs, lambda done, total: seen.append((done, total))) == 500
    assert seen[-1] == (500, 500) and len(seen) == 10
    assert outbox(b) == []
    with b.sessions() as s:  # never reached the server: gone here too
        assert s.scalar(select(func.count()).select_from(Task).where(Task.id.in_(made))) == 0
    assert cb.cycle().repaired == []


def test_a_bulk_discard_naming_a_change_already_settled_changes_nothing(pair):
    (_, _), (b, cb) = pair
    pid = first_patient(b)
    edit(b, Patient, pid, phone="13511112222")
    tamper(b, sex="?")
    edit(b, Patient, pid, address="新地址 1 号")  # a later change on the same record waits behind it
    tamper(b, sex="?")
    cb.push()
    rejected = [e.seq for e in outbox(b) if e.status == "rejected"]
    with b.sessions() as s:
        queued = s.scalar(select(func.count()).select_from(OutboxEntry))
    assert rejected
    with pytest.raises(ValidationError):
        conflicts.discard_many(b, cb, rejected + [10**9])  # one of them is not there any more
    with b.sessions() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == queued
