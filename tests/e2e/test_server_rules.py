"""The server checks every pushed change with the desktop's own rule book (app/rulebook/): a
desktop that skips a referral step, or creates one past its draft, is refused with the
code the referral form would give, and its outbox keeps the change for a person."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import Case
from db.models import OrgUnit
from db.models import Patient
from db.models import Referral

pytestmark = pytest.mark.usefixtures("keyring_ready")


@pytest.fixture
def altered(monkeypatch):
    """An old or altered desktop: its write path does not run the rule book."""
    import app.store

    def skipping():
        monkeypatch.setattr(app.store.rulebook, "check", lambda *args: [])
    return skipping


def refused_codes(entry) -> list[str]:
    return [p["code"] for p in (entry.server_detail or {}).get("problems", [])]


def new_referral(desk, code: str, state: str = "draft") -> Referral:
    """A referral for one of the desktop's cases, from its patient's station to another unit."""
    with desk.session() as s:
        case = s.scalar(select(Case).order_by(Case.id).limit(1))
        patient = s.get(Patient, case.patient_id)
        other = s.scalar(select(OrgUnit.id).where(OrgUnit.id != patient.community_id).limit(1))
    return desk.add(Referral(patient_id=case.patient_id, case_id=case.id, direction="up",
                             from_org_id=patient.community_id, to_org_id=other, reason="复查",
                             state=state, short_code=code))


def test_a_skipped_referral_step_is_rejected_with_the_forms_reason(fleet, altered):
    desk = fleet("a")
    desk.client.cycle()
    ref = new_referral(desk, "T-0001")
    desk.edit(Referral, ref.id, state="sent")
    assert desk.client.cycle().pushed == {"applied": 2}
    altered()
    desk.edit(Referral, ref.id, state="closed")  # not through the service: an old or altered desktop
    report = desk.client.cycle()
    assert report.pushed == {"rejected": 1}
    (entry,) = desk.outbox()
    assert entry.status == "rejected" and entry.row_id == ref.id
    assert refused_codes(entry) == ["referral.step_order"]
    (state,), = fleet.sql("SELECT state FROM referrals WHERE id = :i", i=ref.id)
    assert state == "sent"


def test_a_legal_step_and_a_new_draft_are_applied_but_a_new_closed_referral_is_not(fleet, altered):
    desk = fleet("a")
    desk.client.cycle()
    draft = new_referral(desk, "T-0001")
    altered()
    closed = new_referral(desk, "T-0002", state="closed")
    report = desk.client.cycle()
    assert report.pushed == {"applied": 1, "rejected": 1}
    (entry,) = desk.outbox()
    assert entry.row_id == closed.id and refused_codes(entry) == ["referral.starts_as_draft"]
    (state,), = fleet.sql("SELECT state FROM referrals WHERE id = :i", i=draft.id)
    assert state == "draft"
