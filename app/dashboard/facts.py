"""The facts each dashboard number is computed from, read from the timeline and the
records its events point at (screenings, MDT requests, referrals, follow-ups).

One aggregate query per fact, grouped by case in SQL, so a county's 100,000 cases cost
a few scans rather than a Python pass over millions of events. A case's step dates:

- pushed: first sign that the case is in a screening population: a "pushed for
  screening" event (list import), any screening event, a stage change into or out of
  prevention/screening, or the case sitting in prevention/screening now.
- screened: first screening event backed by a screening record.
- positive: first screening whose result is high-risk or abnormal (the "abnormal screen").
- examined / diagnosed / treated: the first examination, diagnosis (a decided MDT, or a
  move into treatment) and treatment at or after the positive screen.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_
from sqlalchemy import case as when
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select

from db.models import Case
from db.models import Followup
from db.models import MdtRequest
from db.models import OrgUnit
from db.models import Referral
from db.models import Screening
from db.models import TimelineEvent as TE
from db.models.enums import OrgKind

EARLY = ("prevent", "screen")
POSITIVE = ("high_risk", "abnormal")


@dataclass(slots=True)
class CaseFacts:
    case_id: str
    patient_id: str
    cancer: str
    stage: str
    station_id: str | None
    cm_id: str | None  # who holds the case (the worklist's rule)
    pushed: dt.datetime | None = None
    screened: dt.datetime | None = None
    positive: dt.datetime | None = None
    examined: dt.datetime | None = None
    diagnosed: dt.datetime | None = None
    treated: dt.datetime | None = None
    first_treatment: dt.datetime | None = None
    local_share: float | None = None  # share of its treatment events inside the county network


@dataclass(slots=True)
class ReferralFacts:
    patient_id: str
    case_id: str | None
    sent_at: dt.datetime | None
    scheduled_at: dt.datetime | None
    state: str


@dataclass(slots=True)
class FollowupFacts:
    patient_id: str
    case_id: str | None
    assignee_id: str | None
    due_date: dt.date
    status: str
    attempts: int


def _live(model):
    return model.deleted_at.is_(None)


def load_cases(session) -> dict[str, CaseFacts]:
    from app.pathway.service import responsible_cm  # the worklist's "who holds it" rule

    out: dict[str, CaseFacts] = {}
    rows = session.execute(select(Case.id, Case.patient_id, Case.cancer_type, Case.stage, Case.station_id,
                                  Case.clinic_cm_id, Case.ward_cm_id, Case.community_cm_id, Case.opened_at)
                           .where(_live(Case)))
    for c in rows:
        f = out[c.id] = CaseFacts(c.id, c.patient_id, c.cancer_type, c.stage, c.station_id, responsible_cm(c))
        if c.stage in EARLY:
            f.pushed = c.opened_at
    data_from, data_to = TE.data["from"].as_string(), TE.data["to"].as_string()
    base = and_(_live(TE), TE.case_id.is_not(None))
    is_screening = and_(TE.kind == "screening", TE.ref_table == "screenings")
    # A list import's "pushed for screening" marker is a screening event too (data.step = "pushed").
    pushed = or_(TE.kind == "screening", and_(TE.kind == "stage", or_(data_from.in_(EARLY), data_to.in_(EARLY))))
    treatment = TE.kind == "treatment"
    partner = and_(treatment, OrgUnit.kind == OrgKind.PARTNER_HOSPITAL.value)
    first = select(  # one scan: the first pushed, screened, positive and treatment dates per case
        TE.case_id, func.min(when((pushed, TE.occurred_at))), func.min(when((is_screening, TE.occurred_at))),
        func.min(when((and_(is_screening, Screening.result.in_(POSITIVE)), TE.occurred_at))),
        func.min(when((treatment, TE.occurred_at))), func.sum(when((partner, 1), else_=0)),
        func.sum(when((treatment, 1), else_=0)),
    ).outerjoin(Screening, and_(TE.ref_table == "screenings", Screening.id == TE.ref_id)) \
        .outerjoin(OrgUnit, and_(treatment, OrgUnit.id == TE.org_unit_id)) \
        .where(base, or_(pushed, treatment)).group_by(TE.case_id)
    for case_id, p, screened, positive, treated, away, n_treat in session.execute(first):
        held = out.get(case_id)
        if held is None:
            continue
        held.pushed = p if held.pushed is None or (p is not None and p < held.pushed) else held.pushed
        held.screened, held.positive, held.first_treatment = screened, positive, treated
        if n_treat:
            held.local_share = 1 - (away or 0) / n_treat
    if not any(f.positive for f in out.values()):
        return out
    pos = (select(TE.case_id.label("case_id"), func.min(TE.occurred_at).label("at"))
           .join(Screening, Screening.id == TE.ref_id)
           .where(base, is_screening, Screening.result.in_(POSITIVE)).group_by(TE.case_id).cte("pos"))
    decided = select(MdtRequest.id).where(MdtRequest.state == "decided").scalar_subquery()
    diagnosed = or_(and_(TE.kind == "mdt", TE.ref_id.in_(decided)), and_(TE.kind == "stage", data_to == "treat"))
    after = select(  # the first examination, diagnosis and treatment at or after the positive screen
        TE.case_id, func.min(when((TE.kind == "exam", TE.occurred_at))), func.min(when((diagnosed, TE.occurred_at))),
        func.min(when((treatment, TE.occurred_at))),
    ).join(pos, and_(pos.c.case_id == TE.case_id, TE.occurred_at >= pos.c.at)) \
        .where(base, or_(TE.kind.in_(("exam", "treatment")), diagnosed)).group_by(TE.case_id)
    for case_id, examined, diagnosis, treated in session.execute(after):
        held = out.get(case_id)
        if held is not None:
            held.examined, held.diagnosed, held.treated = examined, diagnosis, treated
    return out


def load_referrals(session) -> list[ReferralFacts]:
    q = select(Referral.patient_id, Referral.case_id, Referral.sent_at, Referral.scheduled_at, Referral.state) \
        .where(_live(Referral), Referral.sent_at.is_not(None))
    return [ReferralFacts(*r) for r in session.execute(q)]


def load_followups(session, today: dt.date) -> list[FollowupFacts]:
    q = select(Followup.patient_id, Followup.case_id, Followup.assignee_id, Followup.due_date, Followup.status,
               Followup.attempts).where(_live(Followup), Followup.due_date <= today, Followup.status != "cancelled")
    return [FollowupFacts(*r) for r in session.execute(q)]


def unit_names(session) -> dict[str, str]:
    from db.models import User

    names = dict(session.execute(select(OrgUnit.id, OrgUnit.name)).all())
    names.update(dict(session.execute(select(User.id, User.display_name)).all()))
    return names
