"""The referral form (转诊单): what a person fills in, cleaned, then checked by the rule book
(app/rulebook/referrals.py) field by field before any write.

`check()` returns the cleaned values or raises ProblemError naming every field that is
wrong, so the form shows each message next to its field and nothing is saved.
"""
from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from app import rulebook
from app.problems import Problem
from app.problems import ProblemError
from app.rulebook.referrals import LEVEL
from app.rulebook.referrals import URGENCIES
from db.models import Patient

DIRECTIONS = ("up", "down")
__all__ = ["DIRECTIONS", "LEVEL", "ReferralForm", "URGENCIES", "check", "values"]


@dataclass
class ReferralForm:
    patient_id: str
    direction: str = "up"
    case_id: str | None = None
    green_channel: bool = False
    urgency: str = "routine"
    from_org_id: str | None = None
    to_org_id: str | None = None
    to_department: str = ""
    reason: str = ""
    question: str = ""
    clinical_summary: str = ""
    findings: list[str] = field(default_factory=list)  # timeline event ids of this patient
    requested_exams: str = ""
    contact_person: str = ""
    # A 下转's handover (app/rulebook/referrals.py HANDOVER): empty for an up-referral.
    discharge_summary: str = ""
    treatment_plan: str = ""
    rehab_instructions: str = ""


def _text(form: ReferralForm, name: str) -> str | None:
    return (getattr(form, name) or "").strip() or None


def values(form: ReferralForm) -> dict:
    """The form's values as the referral row holds them (texts stripped, empty → None)."""
    return {
        "patient_id": form.patient_id, "case_id": form.case_id or None, "direction": form.direction,
        "green_channel": bool(form.green_channel),
        # The green channel is urgent by definition: the form does not ask twice.
        "urgency": "urgent" if form.green_channel else form.urgency,
        "from_org_id": form.from_org_id or None, "to_org_id": form.to_org_id or None,
        **{name: _text(form, name) for name in ("to_department", "reason", "question", "clinical_summary",
                                                 "requested_exams", "contact_person", "discharge_summary",
                                                 "treatment_plan", "rehab_instructions")},
        "findings": list(dict.fromkeys(i for i in form.findings or [] if i)) or None,
    }


def check(session, form: ReferralForm, actor=None, before: dict | None = None) -> dict:
    """The values to store, or ProblemError with every field that is wrong."""
    patient = session.get(Patient, form.patient_id) if form.patient_id else None
    if patient is None or patient.deleted_at is not None:
        raise ProblemError(Problem("record.not_found", "patient_id", {"table": "patients"}))
    new = values(form)
    after = {**(before or {"state": "draft"}), **new}
    problems = rulebook.check("referrals", before, after, actor, rulebook.SessionLookup(session))
    if problems:
        raise ProblemError(problems)
    return new
