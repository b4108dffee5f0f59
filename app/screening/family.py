"""Household relatives whose confirmed cancer answers a programme's family-history question.

A first-degree relative (parent, child, sibling: app/households.first_degree_relatives, which
keeps only the links the recorded relations make certain) counts when their cancer of this
programme's kind is confirmed: a case of that cancer past diagnosis (treatment, rehabilitation,
support — closed or not: a cancer once confirmed stays a family history), or a move into
treatment on their timeline (a case since moved back or closed still had its diagnosis). A
case still being diagnosed, or an MDT decision alone, is not counted: it may have found no cancer.
"""
from __future__ import annotations

from sqlalchemy import select

from app.screening.risk import Relative
from db.models import Case
from db.models import Patient
from db.models import TimelineEvent
from db.models.enums import EventKind

CONFIRMED_STAGES = ("treat", "rehab", "support")


def confirmed_relatives(session, patient_id: str, cancer: str) -> list[Relative]:
    from app.households import first_degree_relatives  # local: app.households reaches the pathway and worklist

    relations = dict(first_degree_relatives(session, patient_id))
    if not relations:
        return []
    ids = list(relations)
    live = (Case.patient_id.in_(ids), Case.cancer_type == cancer, Case.deleted_at.is_(None))
    confirmed = set(session.scalars(select(Case.patient_id).where(*live, Case.stage.in_(CONFIRMED_STAGES))))
    moves = session.execute(select(TimelineEvent.patient_id, TimelineEvent.data)
                            .join(Case, Case.id == TimelineEvent.case_id)
                            .where(*live, TimelineEvent.kind == EventKind.STAGE.value,
                                   TimelineEvent.deleted_at.is_(None), TimelineEvent.patient_id.not_in(confirmed)))
    confirmed |= {pid for pid, data in moves if isinstance(data, dict) and data.get("to") in CONFIRMED_STAGES}
    if not confirmed:
        return []
    people = session.execute(select(Patient.id, Patient.name, Patient.sex)
                             .where(Patient.id.in_(confirmed), Patient.deleted_at.is_(None)).order_by(Patient.name))
    return [Relative(pid, relations[pid], sex, name) for pid, name, sex in people]


def household_answers(store, patient_id: str, cancer: str) -> list[Relative]:
    """For a questionnaire being filled in: who in the household will answer the family history."""
    with store.sessions() as s:
        return confirmed_relatives(s, patient_id, cancer)
