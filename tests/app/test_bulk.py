"""Work on many cases at once (#17 item 1): a bulk assignment of 1,000 cases is one
transaction with progress, checked by the rule book row by row, all or nothing; a bulk task
gives each case its own task."""
from __future__ import annotations

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app import bulk
from app.demo import generate
from app.errors import CaseDeskError
from app.errors import ValidationError
from db.models import AuditEntry
from db.models import Case
from db.models import OutboxEntry
from db.models import Task
from db.models import User


@pytest.fixture(scope="module")
def thousand(tmp_path_factory, keyring_backend):
    from app.profile import Profile
    profile = Profile.open(tmp_path_factory.mktemp("bulk") / "p")
    generate(profile, 1000, 3, (1, 2), parallel=False)
    yield profile
    profile.close()


def counts(profile):
    with profile.sessions() as s:
        return (s.scalar(select(func.count()).select_from(OutboxEntry)),
                s.scalar(select(func.count()).select_from(AuditEntry)))


def test_a_thousand_cases_to_one_case_manager_in_one_transaction(thousand):
    profile = thousand
    with profile.sessions() as s:
        ids = list(s.scalars(select(Case.id).where(Case.closed_at.is_(None)).order_by(Case.id).limit(1000)))
        cm = s.scalars(select(User).where(User.role == "community_cm").order_by(User.username)).first()
        family = s.scalars(select(User.id).where(User.role == "family_doctor")).first()
    assert len(ids) == 1000
    outbox, audit = counts(profile)
    with pytest.raises(ValidationError) as exc:  # not a case manager: refused, nothing written
        bulk.assign(profile.store, ids, family)
    assert exc.value.field == "user_id" and counts(profile) == (outbox, audit)
    stop_after = []
    with pytest.raises(CaseDeskError):  # cancelled half way: nothing written either
        bulk.assign(profile.store, ids, cm.id, lambda d, t: stop_after.append(d), lambda: len(stop_after) >= 5)
    assert counts(profile) == (outbox, audit)
    seen = []
    changed = bulk.assign(profile.store, ids, cm.id, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (1000, 1000) and len(seen) == 20  # progress every 50 cases
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Case).where(
            Case.id.in_(ids), Case.community_cm_id == cm.id)) == 1000
    after = counts(profile)
    assert after[0] - outbox == changed and after[1] - audit == changed  # each change queued and audited


def test_a_task_for_each_selected_case(thousand):
    profile = thousand
    with profile.sessions() as s:
        ids = list(s.scalars(select(Case.id).where(Case.closed_at.is_(None)).order_by(Case.id.desc()).limit(30)))
        before = dict(s.execute(select(Case.id, Case.open_tasks).where(Case.id.in_(ids))).all())
    assert bulk.add_task(profile.store, ids, "home_visit", None) == 30
    with profile.sessions() as s:
        after = dict(s.execute(select(Case.id, Case.open_tasks).where(Case.id.in_(ids))).all())
        made = s.scalar(select(func.count()).select_from(Task).where(Task.case_id.in_(ids), Task.args["step"].as_string() == "home_visit"))
    assert made >= 30 and all(after[i] == before[i] + 1 for i in ids)
