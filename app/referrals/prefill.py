"""A new referral starts filled in: the patient, where from and where to, and a clinical
summary written from the timeline, so a case manager edits rather than types.

The findings a referral can cite are the patient's screening, examination, MDT and
treatment events; the latest screening or examination results are attached by default.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from app import clock
from app.referrals.forms import ReferralForm
from app.rulebook.referrals import LEVEL
from db.models import Case
from db.models import OrgUnit
from db.models import Patient
from db.models import TimelineEvent
from db.models import User
from db.models.enums import OrgKind

FINDING_KINDS = ("screening", "exam", "mdt", "treatment")
CHOICES = 20  # findings offered
SUMMARY_EVENTS = 4
DEFAULT_DEPARTMENT = {"up": "肿瘤一体化门诊", "down": "社区康复管理"}
CANCER_ZH = {"lung": "肺癌", "colorectal": "结直肠癌", "breast": "乳腺癌", "cervical": "宫颈癌", "stomach": "胃癌",
             "liver": "肝癌", "oesophagus": "食管癌", "prostate": "前列腺癌", "thyroid": "甲状腺癌",
             "nasopharynx": "鼻咽癌"}
STAGE_ZH = {"prevent": "预防", "screen": "筛查", "diagnose": "诊断", "treat": "治疗", "rehab": "康复",
            "support": "帮扶"}


@dataclass(frozen=True)
class Finding:
    event_id: str
    kind: str
    occurred_at: dt.datetime
    title: str  # a person's own title, or "" when the software wrote a code (ui/timeline_words.py)
    title_code: str | None = None
    title_args: dict | None = None


# A finding's title in words; ui/ passes one (app/ holds no words). Without it, the stored text.
TitleWords = Callable[[Finding], str]


@dataclass(frozen=True)
class OrgChoice:
    id: str
    kind: str
    code: str
    name: str


def org_choices(session, direction: str | None = None, side: str = "to") -> list[OrgChoice]:
    """Organisations a referral can go to (side="to") or come from, hospitals first."""
    rows = session.execute(select(OrgUnit.id, OrgUnit.kind, OrgUnit.code, OrgUnit.name)
                           .where(OrgUnit.deleted_at.is_(None)).order_by(OrgUnit.code))
    out = [OrgChoice(*r) for r in rows if r[1] in LEVEL]
    if direction is not None:
        hospital = (direction == "up") == (side == "to")
        out = [o for o in out if (LEVEL[o.kind] >= LEVEL[OrgKind.SUB_CENTRE.value]) == hospital]
    return sorted(out, key=lambda o: (-LEVEL[o.kind], o.code))


def findings(session, patient_id: str) -> list[Finding]:
    q = (select(TimelineEvent.id, TimelineEvent.kind, TimelineEvent.occurred_at, TimelineEvent.title,
                TimelineEvent.title_code, TimelineEvent.title_args)
         .where(TimelineEvent.patient_id == patient_id, TimelineEvent.kind.in_(FINDING_KINDS),
                TimelineEvent.deleted_at.is_(None))
         .order_by(TimelineEvent.occurred_at.desc(), TimelineEvent.id.desc()).limit(CHOICES))
    return [Finding(*r) for r in session.execute(q)]


def prefill(session, patient_id: str, direction: str, user_id: str | None,
            case_id: str | None = None, words: TitleWords | None = None) -> tuple[ReferralForm, list[Finding]]:
    patient = session.get(Patient, patient_id)
    case = _case(session, patient_id, case_id)
    user = session.get(User, user_id) if user_id else None
    mine = session.get(OrgUnit, user.org_unit_id) if user else None
    community = (case.station_id if case else None) or patient.community_id
    centre = session.scalar(select(OrgUnit.id).where(OrgUnit.kind == OrgKind.CENTRE.value,
                                                     OrgUnit.deleted_at.is_(None)).order_by(OrgUnit.code).limit(1))
    hospital_user = mine is not None and LEVEL.get(mine.kind, 0) >= LEVEL[OrgKind.SUB_CENTRE.value]
    if direction == "up":
        source = mine.id if mine is not None and not hospital_user else community
        target = centre
    else:
        source = mine.id if mine is not None and hospital_user else centre
        target = community
    found = findings(session, patient_id)
    latest = [f.event_id for f in found if f.kind in ("screening", "exam")][:2]
    form = ReferralForm(
        patient_id=patient_id, direction=direction, case_id=case.id if case else None,
        from_org_id=source, to_org_id=target, to_department=DEFAULT_DEPARTMENT[direction],
        clinical_summary=summary(patient, case, found, words),
        findings=latest,
        contact_person=f"{user.display_name} {user.phone or ''}".strip() if user else "",
    )
    return form, found


def _case(session, patient_id: str, case_id: str | None) -> Case | None:
    if case_id:
        return session.get(Case, case_id)
    return session.scalars(select(Case).where(Case.patient_id == patient_id, Case.closed_at.is_(None),
                                              Case.deleted_at.is_(None)).order_by(Case.opened_at.desc())).first()


def summary(patient: Patient, case: Case | None, found: list[Finding], words: TitleWords | None = None) -> str:
    """One paragraph a receiving doctor reads first: who, which pathway, what was found.
    `words` gives a finding's title as the paragraph's language needs it."""
    words = words or _stored_title
    today = clock.today()
    age = today.year - patient.birth_date.year - ((today.month, today.day) < (patient.birth_date.month,
                                                                              patient.birth_date.day))
    parts = [f"{age}岁{'男' if patient.sex == 'M' else '女'}"]
    if case is not None:
        parts.append(f"{CANCER_ZH.get(case.cancer_type, case.cancer_type)}路径，"
                     f"{STAGE_ZH.get(case.stage, case.stage)}阶段")
    text = "，".join(parts) + "。"
    if found:
        recent = "；".join(f"{f.occurred_at.astimezone():%Y-%m-%d} {words(f)}" for f in found[:SUMMARY_EVENTS])
        text += f"近期：{recent}。"
    risks = []
    if patient.smoking_pack_years:
        risks.append(f"吸烟{patient.smoking_pack_years:g}包年")
    if patient.family_history:
        risks.append(f"家族史：{patient.family_history}")
    if risks:
        text += "，".join(risks) + "。"
    return text


def _stored_title(f: Finding) -> str:
    return f.title or f.title_code or ""
