"""Two and three desktops against a real server process on PostgreSQL, over HTTP."""
from __future__ import annotations

import pytest
from sqlalchemy import func
from sqlalchemy import select

import app.store
from app.problems import ProblemError
from app.profile import Profile
from app.sync.client import SyncClient
from app.sync.client import SyncError
from db.models import OutboxEntry
from db.models import Patient
from db.models import TimelineEvent
from tests.e2e.conftest import users_by_role

pytestmark = pytest.mark.usefixtures("keyring_ready")


@pytest.fixture
def desktops(tmp_path, demo_server, demo_db):
    made = []
    roles = users_by_role(demo_db)

    def make(name: str, username: str | None = None) -> tuple[Profile, SyncClient]:
        profile = Profile.open(tmp_path / name)
        client = SyncClient(profile, demo_server.url)
        user = username or roles["clinic_cm"][0]
        client.login(user, f"{user}-demo")
        made.append((profile, client))
        return profile, client

    make.roles = roles
    make.server = demo_server
    yield make
    for profile, client in made:
        client.close()
        profile.close()


def count(profile, model, *where) -> int:
    with profile.sessions() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def some_patient(profile) -> Patient:
    with profile.sessions() as s:
        return s.scalars(select(Patient).order_by(Patient.id).limit(1)).one()


def edit(profile, patient_id: str, **values) -> None:
    with profile.store.write() as tx:
        tx.update(tx.session.get(Patient, patient_id), **values)


def test_first_sync_pulls_the_whole_scope_and_the_check_agrees(desktops):
    profile, client = desktops("a")
    report = client.cycle()
    assert report.pulled > 0 and report.repaired == []
    assert count(profile, Patient) == 120
    community, c2 = desktops("b", desktops.roles["community_cm"][0])
    report = c2.cycle()
    assert 0 < count(community, Patient) < 120  # one street station's people only
    assert report.repaired == []


def test_an_edit_on_one_desktop_reaches_another(desktops):
    a, ca = desktops("a")
    b, cb = desktops("b")
    ca.cycle()
    cb.cycle()
    p = some_patient(a)
    edit(a, p.id, phone="13912345678")
    assert ca.cycle().pushed == {"applied": 1}
    assert count(a, OutboxEntry) == 0
    cb.cycle()
    with b.sessions() as s:
        assert s.get(Patient, p.id).phone == "13912345678"
        assert s.get(Patient, p.id).version == 2


def test_different_fields_merge_and_the_same_field_is_a_conflict_holding_both(desktops):
    a, ca = desktops("a")
    b, cb = desktops("b")
    ca.cycle()
    cb.cycle()
    p = some_patient(a)
    edit(a, p.id, phone="13900000001")
    edit(b, p.id, address="新城街道幸福路1号")
    ca.cycle()
    assert cb.cycle().pushed == {"merged": 1}
    ca.cycle()
    for desk in (a, b):  # both hold the merged row, at the same version
        with desk.sessions() as s:
            row = s.get(Patient, p.id)
            assert (row.phone, row.address, row.version) == ("13900000001", "新城街道幸福路1号", 3)
    edit(a, p.id, phone="13900000002")
    edit(b, p.id, phone="13900000003")
    ca.cycle()
    assert cb.cycle().pushed == {"conflict": 1}
    with b.sessions() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        assert entry.status == "conflict"
        assert entry.server_detail["fields"]["phone"] == {"server": "13900000002", "client": "13900000003"}
        assert s.get(Patient, p.id).phone == "13900000003"  # the local edit is kept, marked


def test_offline_edits_wait_and_go_when_the_server_is_back(desktops):
    a, ca = desktops("a")
    ca.cycle()
    p = some_patient(a)
    desktops.server.stop()
    edit(a, p.id, phone="13700000000")
    with pytest.raises(SyncError) as err:
        ca.cycle()
    assert err.value.offline and count(a, OutboxEntry) == 1
    desktops.server.start()
    assert ca.cycle().pushed == {"applied": 1}
    assert count(a, OutboxEntry) == 0


def test_a_community_case_manager_cannot_push_another_stations_patient(desktops):
    a, ca = desktops("a")  # network-wide
    ca.cycle()
    comm, cc = desktops("c", desktops.roles["community_cm"][0])
    cc.cycle()
    with comm.sessions() as s:
        mine = set(s.scalars(select(Patient.id)))
    with a.sessions() as s:
        other = s.scalars(select(Patient).where(Patient.id.not_in(mine)).limit(1)).one()
    with comm.sessions.begin() as s:  # a row smuggled into the local store, then edited
        s.merge(Patient(**{c.name: getattr(other, c.name) for c in Patient.__table__.columns}))
    edit(comm, other.id, phone="13600000000")
    assert cc.push() == {"rejected": 1}
    with comm.sessions() as s:
        entry = s.scalars(select(OutboxEntry)).one()
    assert entry.status == "rejected" and "scope" in entry.server_reason


def test_timeline_events_are_append_only_on_the_server(desktops, monkeypatch):
    a, ca = desktops("a")
    ca.cycle()
    with a.sessions() as s:
        event = s.scalars(select(TimelineEvent).limit(1)).one()
    with pytest.raises(ProblemError):  # this desktop's rule book refuses it ...
        with a.store.write() as tx:
            tx.update(tx.session.get(TimelineEvent, event.id), title="改过的标题")
    monkeypatch.setattr(app.store.rulebook, "check", lambda *args: [])  # ... an altered one would not
    with a.store.write() as tx:
        tx.update(tx.session.get(TimelineEvent, event.id), title="改过的标题")
    assert ca.push() == {"rejected": 1}
