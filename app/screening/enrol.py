"""A risk assessment recorded for a patient, and what a high-risk result sets in motion.

One transaction: the assessment (a Screening row with the criteria and rule version),
its timeline event and, when the result is high-risk, the person's enrolment in the
screening stage (a new case, or an open prevention case moved on) with the next task:
a follow-up to hand out the invitation letter and book the examination (LDCT for lung).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from app import clock
from app.pathway import for_profile
from app.pathway.actions import cancel_planned
from app.pathway.published import override_dir
from app.problems import refuse
from app.screening.family import confirmed_relatives
from app.screening.risk import RiskResult
from app.screening.risk import assess
from db.models import Case
from db.models import Followup
from db.models import OrgUnit
from db.models import Patient
from db.models import Screening
from db.models import TimelineEvent
from db.models import User
from db.models.enums import EventKind
from db.models.enums import FollowupStatus
from db.models.enums import Role
from db.models.enums import Stage

if TYPE_CHECKING:
    from app.profile import Profile

EARLY = (Stage.PREVENT.value, Stage.SCREEN.value)


@dataclass(frozen=True)
class Enrolment:
    result: RiskResult
    screening_id: str
    case_id: str | None
    followup_id: str | None
    enrolled: bool  # moved into (or opened in) the screening stage by this result


def assess_patient(profile: Profile, patient_id: str, cancer: str, answers: dict) -> Enrolment:
    """Assess, record, and enrol when high-risk. Age and sex come from the record unless answered;
    a first-degree household relative with a confirmed cancer of this kind answers the family
    history (the reason names them)."""
    store, today, now = profile.store, clock.today(), clock.now()
    with store.sessions() as s:
        patient = s.get(Patient, patient_id)
        if patient is None or patient.deleted_at is not None:
            raise refuse("screening.no_patient", "patient")
        facts = {"birth_date": patient.birth_date.isoformat(), "sex": patient.sex}
        relatives = confirmed_relatives(s, patient_id, cancer)  # a household relative's confirmed cancer
    result = assess(cancer, {**facts, **answers}, override_dir(profile.path, "risk"), today, relatives)
    rules = result.rules
    with store.write() as tx:
        s = tx.session
        patient = s.get_one(Patient, patient_id)  # found above
        case = s.scalars(select(Case).where(Case.patient_id == patient_id, Case.cancer_type == cancer,
                                            Case.closed_at.is_(None), Case.deleted_at.is_(None))
                         .order_by(Case.opened_at.desc())).first()
        station = (case.station_id if case else None) or _station_of(s, patient.community_id)
        hits = [h.id for h in result.fired]
        screening = tx.add(Screening(
            patient_id=patient_id, programme=result.programme, screened_on=today,
            result="high_risk" if result.high_risk else "normal", org_unit_id=patient.community_id or station,
            details={"kind": "risk_assessment", "level": result.level, "eligible": result.eligible,
                     "screen": result.screen, "relatives": [[r.patient_id, r.relation] for r in result.relatives],
                     "criteria": hits, "undetermined": list(result.undetermined),
                     "rule": rules.path.name, "version": rules.version, "source": str(rules.source),
                     "answers": result.answers, "reason": result.reason.to_json()}),
            note="audit_note.risk_assessment")
        if cancer == "lung" and ("pack_years" in answers or "pack_years" in result.computed):
            tx.update(patient, smoking_pack_years=float(result.answers["pack_years"]))
        enrolled, followup_id, next_step = False, None, None
        # High risk outside the screening ages (a 76-year-old with a family history of colorectal
        # cancer) is recorded and said, but no examination is booked for it.
        if result.high_risk and result.screen and (case is None or case.stage in EARLY):
            due = for_profile(profile).after(today, rules.next_due)
            cm = (case.community_cm_id if case else None) or _community_cm(s, station)
            if case is None:
                case = tx.add(Case(patient_id=patient_id, cancer_type=cancer, stage=Stage.SCREEN.value,
                                   risk_level="high", station_id=station, community_cm_id=cm, opened_at=now),
                              note="audit_note.risk_enrolled")
            else:
                if case.stage != Stage.SCREEN.value:
                    cancel_planned(tx, case.id, "audit_note.risk_moved_to_screening")
                    tx.add(TimelineEvent(
                        patient_id=patient_id, case_id=case.id, kind=EventKind.STAGE.value, occurred_at=now,
                        org_unit_id=station, author_id=store.user_id,
                        title="", title_code="timeline.stage.changed",
                        title_args={"from_stage": case.stage, "to_stage": Stage.SCREEN.value},
                        data={"from": case.stage, "to": Stage.SCREEN.value, "rule": rules.cite,
                              "body_code": "timeline.body.risk_reason", "body_args": {"risk": result.reason.to_json()}}))
                tx.update(case, stage=Stage.SCREEN.value, risk_level="high", note="audit_note.risk_result")
            followup_id = tx.add(Followup(
                patient_id=patient_id, case_id=case.id, due_date=due.date, method="phone",
                status=FollowupStatus.PLANNED.value, assignee_id=case.community_cm_id or case.clinic_cm_id,
                attempts=0, rule_id=f"risk-{cancer}")).id
            # What this follow-up is for is said by the assessment's event (and the rule it cites),
            # worded where shown: the follow-up's notes are left to people.
            next_step = {"next_action": {"code": "timeline.body.screening_next", "params": {
                             "programme": result.programme, "letter_kind": rules.next_letter}} if rules.next_letter
                         else {"code": "timeline.body.screening_next_plain", "params": {"programme": result.programme}},
                         "next_action_text": rules.next_text, "due_date": due.date.isoformat()}
            enrolled = True
        elif case is not None and case.stage in EARLY and case.risk_level != result.level:
            tx.update(case, risk_level=result.level, note="audit_note.risk_result")
        tx.add(TimelineEvent(
            patient_id=patient_id, case_id=case.id if case else None, kind=EventKind.SCREENING.value,
            occurred_at=now, org_unit_id=patient.community_id or station, author_id=store.user_id,
            title="", title_code="timeline.screening.risk", title_args={"cancer": cancer, "level": result.level},
            data={"level": result.level, "criteria": hits, "rule": rules.cite, "enrolled": enrolled,
                  "body_code": "timeline.body.risk_next" if enrolled else "timeline.body.risk",
                  "body_args": {"risk": result.reason.to_json(), **(next_step or {})}},
            ref_table="screenings", ref_id=screening.id))
    return Enrolment(result, screening.id, case.id if case else None, followup_id, enrolled)


def _station_of(session, unit_id: str | None) -> str | None:
    unit = session.get(OrgUnit, unit_id) if unit_id else None
    if unit is None:
        return None
    return unit.id if unit.kind == "street_station" else unit.parent_id


def _community_cm(session, station_id: str | None) -> str | None:
    if station_id is None:
        return None
    return session.scalar(select(User.id).where(User.org_unit_id == station_id, User.active.is_(True),
                                                User.role == Role.COMMUNITY_CM.value).order_by(User.username))
