"""One referral as the form and the detail pane show it, and the slip's short-code lookup."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select

from app.problems import refuse
from app.referrals import codes
from app.referrals import states
from app.referrals.deadline import Countdown
from app.referrals.deadline import countdown
from app.referrals.forms import ReferralForm
from db.models import OrgUnit
from db.models import Patient
from db.models import Referral
from db.models import TimelineEvent

# Slips print "K7P-3XH9Q" (app/referrals/codes.py) or, older and demo ones, six characters;
# imported codes may differ, so only the shape is checked and the database decides.
_CODE_RE = re.compile(r"^[A-Z0-9]{4,12}$")


class FindingTitle(NamedTuple):
    """A cited timeline event: a person's own title, or a code and its arguments that ui/
    words in the reader's language (ui/timeline_words.py)."""
    event_id: str
    title: str
    title_code: str | None = None
    title_args: dict | None = None


@dataclass(frozen=True)
class ReferralView:
    id: str
    patient_id: str
    patient_name: str
    case_id: str | None
    direction: str
    green_channel: bool
    urgency: str
    from_org_id: str
    from_org: str
    to_org_id: str
    to_org: str
    to_department: str
    reason: str
    question: str
    clinical_summary: str
    findings: tuple[FindingTitle, ...]
    requested_exams: str
    contact_person: str
    state: str
    state_reason: str
    short_code: str
    sent_at: dt.datetime | None
    scheduled_at: dt.datetime | None
    scheduled_place: str
    closed_at: dt.datetime | None
    breach_reason: str | None
    discharge_summary: str = ""  # a 下转's handover
    treatment_plan: str = ""
    rehab_instructions: str = ""

    @property
    def actions(self) -> list[str]:
        return states.actions(self.state)

    def clock(self, now: dt.datetime | None = None) -> Countdown:
        return countdown(self.state, self.sent_at, self.breach_reason, now)

    def form(self) -> ReferralForm:
        """The draft's values, to edit it in the form again."""
        return ReferralForm(
            patient_id=self.patient_id, direction=self.direction, case_id=self.case_id,
            green_channel=self.green_channel, urgency=self.urgency, from_org_id=self.from_org_id,
            to_org_id=self.to_org_id, to_department=self.to_department, reason=self.reason,
            question=self.question, clinical_summary=self.clinical_summary,
            findings=[f.event_id for f in self.findings], requested_exams=self.requested_exams,
            contact_person=self.contact_person, discharge_summary=self.discharge_summary,
            treatment_plan=self.treatment_plan, rehab_instructions=self.rehab_instructions)


def load_view(session, referral_id: str) -> ReferralView:
    ref = session.get(Referral, referral_id)
    if ref is None or ref.deleted_at is not None:
        raise refuse("record.not_found", "referral", table="referrals")
    return _view(session, ref)


def lookup_code(session, text: str) -> ReferralView | None:
    """The referral whose slip carries `text` as a person types it: any case, with or without
    the hyphen or spaces ("k7p3xh9q" finds "K7P-3XH9Q"); older six-character codes as before."""
    if not _CODE_RE.match(codes.normalise(text)):
        raise refuse("referral_code.shape", "code")
    ref = session.scalars(select(Referral).where(Referral.short_code.in_(codes.stored_forms(text)),
                                                 Referral.deleted_at.is_(None))).first()
    return None if ref is None else _view(session, ref)


def _view(session, ref: Referral) -> ReferralView:
    names = dict(session.execute(select(OrgUnit.id, OrgUnit.name).where(
        OrgUnit.id.in_([ref.from_org_id, ref.to_org_id]))).all())
    patient = session.get(Patient, ref.patient_id)
    titles = {}
    if ref.findings:
        titles = {r[0]: FindingTitle(*r) for r in session.execute(select(
            TimelineEvent.id, TimelineEvent.title, TimelineEvent.title_code, TimelineEvent.title_args).where(
            TimelineEvent.id.in_(ref.findings)))}
    return ReferralView(
        id=ref.id, patient_id=ref.patient_id, patient_name=patient.name if patient else "", case_id=ref.case_id,
        direction=ref.direction, green_channel=bool(ref.green_channel), urgency=ref.urgency,
        from_org_id=ref.from_org_id, from_org=names.get(ref.from_org_id, ""),
        to_org_id=ref.to_org_id, to_org=names.get(ref.to_org_id, ""), to_department=ref.to_department or "",
        reason=ref.reason or "", question=ref.question or "", clinical_summary=ref.clinical_summary or "",
        findings=tuple(titles.get(f) or FindingTitle(f, "") for f in ref.findings or ()),
        requested_exams=ref.requested_exams or "", contact_person=ref.contact_person or "",
        state=ref.state, state_reason=ref.state_reason or "", short_code=ref.short_code,
        sent_at=ref.sent_at, scheduled_at=ref.scheduled_at, scheduled_place=ref.scheduled_place or "",
        closed_at=ref.closed_at, breach_reason=ref.breach_reason, discharge_summary=ref.discharge_summary or "",
        treatment_plan=ref.treatment_plan or "", rehab_instructions=ref.rehab_instructions or "")
