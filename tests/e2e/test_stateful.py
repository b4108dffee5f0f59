"""Three desktops against one real server (a uvicorn process on PostgreSQL), driven by
hypothesis: random edits, deletes, registrations, conflicting field changes, a patient
moved between stations and expired sign-ins, synced in random order under random faults.

After each example, once the network heals: every committed edit is on the server or
visible as a conflict or rejection, nothing took effect twice, and every desktop equals
the server for its scope. One server process serves all examples; each example gets a
fresh copy of the demo database (CREATE DATABASE … TEMPLATE) and fresh profiles.
"""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import Phase
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine
from hypothesis.stateful import rule
from hypothesis.stateful import run_state_machine_as_test
from sqlalchemy import select
from sqlalchemy import text

from app import clock
from app import idcard
from app.sync.client import SyncError
from db.models import Followup
from db.models import OutboxEntry
from db.models import Patient
from db.models import TimelineEvent
from tests.e2e.conftest import users_by_role
from tests.e2e.desks import differences
from tests.e2e.desks import open_desk
from tests.e2e.faults import FAULTS
from tests.e2e.invariants import duplicated_effects
from tests.e2e.invariants import lost_edits

pytestmark = pytest.mark.usefixtures("keyring_ready")

ROLES = (("admin", "admin"), ("clinic", "clinic_cm"), ("station", "community_cm"))
VALUES = {
    "phone": ("13900000001", "13900000002", "13900000003"),
    "address": ("东路1号", "西路2号", None),
    "warning_flags": ("跌倒风险", "独居", None),
    "family_history": ("母亲乳腺癌", None),
}
BIRTH = dt.date(1960, 5, 17)
ID_POOL = tuple(idcard.make_id("330217", BIRTH, 500 + k, "M") for k in range(3))
some_faults = st.lists(st.sampled_from(FAULTS + ("ok",) * 4), max_size=5)


def test_random_work_under_random_faults_loses_and_doubles_nothing(shared_server, tmp_path):
    shared_server.reset()  # the database exists even when this test runs first
    roles = users_by_role(shared_server.db)
    users = [roles[role][0] for _, role in ROLES]
    examples = iter(range(10_000))
    snapshot = tmp_path / "snapshot"

    class Network(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            shared_server.reset()
            home = Path(tempfile.mkdtemp(dir=tmp_path, prefix=f"ex{next(examples)}-"))
            if not snapshot.exists():  # three desktops after their first sync, made once
                first = [open_desk(tmp_path / "first", name, shared_server.url, user)
                         for (name, _), user in zip(ROLES, users)]
                for desk in first:
                    desk.client.cycle()
                    desk.close()
                shutil.copytree(tmp_path / "first", snapshot)
            for name, _ in ROLES:
                shutil.copytree(snapshot / name, home / name)
            self.desks = [open_desk(home, name, shared_server.url, user) for (name, _), user in zip(ROLES, users)]
            self.mutations = [set() for _ in self.desks]
            self.communities = sorted({p.community_id for p in self._patients(self.desks[0])})

        def _patients(self, desk) -> list[Patient]:
            with desk.session() as s:
                return list(s.scalars(select(Patient).where(Patient.deleted_at.is_(None)).order_by(Patient.id)))

        def _write(self, d: int, action) -> None:
            desk = self.desks[d]
            with desk.session() as s:
                before = set(s.scalars(select(OutboxEntry.mutation_id)))
            action(desk)
            with desk.session() as s:
                self.mutations[d] |= set(s.scalars(select(OutboxEntry.mutation_id))) - before

        @rule(d=st.integers(0, 2), p=st.integers(0, 400), field=st.sampled_from(sorted(VALUES)),
              v=st.integers(0, 2))
        def edit(self, d, p, field, v):
            patients = self._patients(self.desks[d])
            if patients:
                pid, value = patients[p % len(patients)].id, VALUES[field][v % len(VALUES[field])]
                self._write(d, lambda desk: desk.edit(Patient, pid, **{field: value}))

        @rule(d=st.integers(0, 2), p=st.integers(0, 400))
        def delete_patient(self, d, p):
            patients = self._patients(self.desks[d])
            if patients:
                self._write(d, lambda desk: desk.delete(Patient, patients[p % len(patients)].id))

        @rule(d=st.integers(0, 2), f=st.integers(0, 400))
        def close_followup(self, d, f):
            with self.desks[d].session() as s:
                ids = list(s.scalars(select(Followup.id).where(Followup.deleted_at.is_(None)).order_by(Followup.id)))
            if ids:
                fid = ids[f % len(ids)]
                self._write(d, lambda desk: desk.edit(Followup, fid, status="done", notes=f"{desk.name} 完成"))

        @rule(d=st.integers(0, 2), p=st.integers(0, 400))
        def add_note(self, d, p):
            patients = self._patients(self.desks[d])
            if patients:
                pid = patients[p % len(patients)].id
                self._write(d, lambda desk: desk.add(TimelineEvent(
                    patient_id=pid, kind="note", title=f"{desk.name} 记录", occurred_at=clock.now())))

        @rule(d=st.integers(0, 2), k=st.integers(0, 2))
        def register(self, d, k):
            """The same person (one ID number of a small pool) may be registered anywhere."""
            patients = self._patients(self.desks[d])
            if patients:
                community = patients[0].community_id
                self._write(d, lambda desk: desk.add(Patient(
                    name="赵建国", name_pinyin="zhaojianguo", name_initials="zjg", sex="M", birth_date=BIRTH,
                    id_number=ID_POOL[k], community_id=community)))

        @rule(p=st.integers(0, 400), c=st.integers(0, 400))
        def move_patient(self, p, c):
            """The administrator moves someone to another community (maybe another station)."""
            patients = self._patients(self.desks[0])
            if patients:
                pid, community = patients[p % len(patients)].id, self.communities[c % len(self.communities)]
                self._write(0, lambda desk: desk.edit(Patient, pid, community_id=community))

        @rule()
        def expire_sign_ins(self):
            with shared_server.engine.begin() as conn:
                conn.execute(text("UPDATE auth_tokens SET expires_at = now() - interval '1 minute' "
                                  "WHERE kind = 'access'"))

        @rule(d=st.integers(0, 2), faults=some_faults)
        def sync(self, d, faults):
            desk = self.desks[d]
            desk.net.plan(*faults)
            try:
                desk.client.cycle()
            except SyncError as exc:
                assert exc.offline, f"{desk.name}: {exc}"  # only the network failed
            finally:
                desk.net.clear()

        def teardown(self):
            try:
                for _ in range(2):  # the network heals: everyone syncs, twice (merges travel)
                    for desk in self.desks:
                        desk.net.clear()
                        desk.net.flush_late()
                        desk.client.cycle()
                for desk in self.desks:
                    assert desk.client.check() == (0, []), f"{desk.name} needed a repair after settling"
                problems = lost_edits(zip(self.desks, self.mutations), shared_server.db)
                problems += duplicated_effects(shared_server.db)
                for desk in self.desks:
                    problems += differences(desk, shared_server.db)
                assert problems == [], "\n".join(problems[:30])
            finally:
                for desk in self.desks:
                    desk.close()

    run_state_machine_as_test(Network, settings=settings(
        max_examples=10, stateful_step_count=25, deadline=None, database=None,
        phases=(Phase.explicit, Phase.generate), suppress_health_check=list(HealthCheck)))
