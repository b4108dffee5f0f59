"""The patient view: header facts, the cross-institution timeline, and quick notes.

Opening a patient is an access to personal data and is audited as a read.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app import clock
from app.errors import ValidationError
from app.masking import mask_id_number
from app.masking import mask_phone
from app.store import Store
from db.models import Case
from db.models import OrgUnit
from db.models import Patient
from db.models import TimelineEvent
from db.models import User
from db.models.enums import EventKind

NOTE_MAX = 4000
# The timeline's event types as EventKind declares them, for ui/ (which never imports db/).
EVENT_KINDS: tuple[str, ...] = tuple(k.value for k in EventKind)


@dataclass(frozen=True)
class CaseSummary:
    case_id: str
    cancer_type: str
    stage: str
    risk_level: str
    next_action: str
    due_date: dt.date | None
    clinic_cm: str
    ward_cm: str
    community_cm: str


@dataclass(frozen=True)
class PatientHeader:
    patient_id: str
    name: str
    sex: str
    birth_date: dt.date
    age: int
    masked_id: str
    masked_phone: str
    address: str
    community: str
    family_doctor: str
    contract_signed: bool
    smoking_pack_years: float | None
    family_history: str
    occupational_exposure: str
    warning_flags: str
    cases: tuple[CaseSummary, ...]


@dataclass(frozen=True)
class TimelineItem:
    event_id: str
    kind: str
    occurred_at: dt.datetime
    title: str
    body: str
    place: str
    author: str


def _age(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


class PatientService:
    def __init__(self, store: Store):
        self.store = store

    def open(self, patient_id: str) -> PatientHeader:
        """The header for the patient view; records the read in the audit trail."""
        header = self.header(patient_id)
        self.store.record_access("read", "patients", patient_id)
        return header

    def header(self, patient_id: str) -> PatientHeader:
        community = aliased(OrgUnit)
        doctor = aliased(User)
        with self.store.sessions() as s:
            row = s.execute(
                select(Patient, community.name, doctor.display_name)
                .outerjoin(community, community.id == Patient.community_id)
                .outerjoin(doctor, doctor.id == Patient.family_doctor_id)
                .where(Patient.id == patient_id, Patient.deleted_at.is_(None))
            ).first()
            if row is None:
                raise ValidationError("患者不存在或已删除 / This patient does not exist or was deleted.")
            p, community_name, doctor_name = row
            cases = tuple(self._cases(s, patient_id))
        return PatientHeader(
            patient_id=p.id, name=p.name, sex=p.sex, birth_date=p.birth_date,
            age=_age(p.birth_date, clock.today()), masked_id=mask_id_number(p.id_number),
            masked_phone=mask_phone(p.phone), address=p.address or "",
            community=community_name or "", family_doctor=doctor_name or "",
            contract_signed=p.contract_signed, smoking_pack_years=p.smoking_pack_years,
            family_history=p.family_history or "", occupational_exposure=p.occupational_exposure or "",
            warning_flags=p.warning_flags or "", cases=cases,
        )

    @staticmethod
    def _cases(session, patient_id: str):
        names = dict(session.execute(select(User.id, User.display_name)).all())
        q = (select(Case).where(Case.patient_id == patient_id, Case.deleted_at.is_(None))
             .order_by(Case.closed_at.is_not(None), Case.opened_at.desc()))
        for c in session.scalars(q):
            yield CaseSummary(
                case_id=c.id, cancer_type=c.cancer_type, stage=c.stage, risk_level=c.risk_level,
                next_action=c.next_action or "", due_date=c.due_date,
                clinic_cm=names.get(c.clinic_cm_id, ""), ward_cm=names.get(c.ward_cm_id, ""),
                community_cm=names.get(c.community_cm_id, ""),
            )

    def reveal(self, patient_id: str, field: str) -> str:
        """The full ID number or phone, for a person who asked explicitly; audited."""
        column = {"id_number": Patient.id_number, "phone": Patient.phone}.get(field)
        if column is None:
            raise ValidationError(f"{field!r} cannot be revealed", field=field)
        with self.store.sessions() as s:
            value = s.scalar(select(column).where(Patient.id == patient_id))
        self.store.record_access("reveal", "patients", patient_id, detail={"field": field})
        return value or ""

    def timeline(self, patient_id: str, kinds: set[str] | None = None) -> list[TimelineItem]:
        """Every event of the patient, newest first; `kinds` narrows to some event types."""
        place = aliased(OrgUnit)
        author = aliased(User)
        q = (
            select(TimelineEvent.id, TimelineEvent.kind, TimelineEvent.occurred_at,
                   TimelineEvent.title, TimelineEvent.body, place.name, author.display_name)
            .outerjoin(place, place.id == TimelineEvent.org_unit_id)
            .outerjoin(author, author.id == TimelineEvent.author_id)
            .where(TimelineEvent.patient_id == patient_id, TimelineEvent.deleted_at.is_(None))
            .order_by(TimelineEvent.occurred_at.desc(), TimelineEvent.id.desc())
        )
        if kinds:
            q = q.where(TimelineEvent.kind.in_(sorted(kinds)))
        with self.store.sessions() as s:
            return [TimelineItem(eid, kind, at, title, body or "", pl or "", au or "")
                    for eid, kind, at, title, body, pl, au in s.execute(q)]

    def add_note(self, patient_id: str, text: str, kind: str = EventKind.NOTE.value,
                 case_id: str | None = None) -> str:
        """A note or a phone-call record on the timeline; a call also counts as contact."""
        text = (text or "").strip()
        if kind not in (EventKind.NOTE.value, EventKind.CALL.value):
            raise ValidationError(f"unknown note kind {kind!r}", field="kind")
        if not text:
            raise ValidationError("请填写内容 / Write something first.", field="text")
        if len(text) > NOTE_MAX:
            raise ValidationError(f"内容过长（最多{NOTE_MAX}字） / At most {NOTE_MAX} characters.", field="text")
        now = clock.now()
        title = text.splitlines()[0][:60]
        with self.store.write() as tx:
            if tx.session.get(Patient, patient_id) is None:
                raise ValidationError("患者不存在 / This patient does not exist.")
            event = tx.add(TimelineEvent(
                patient_id=patient_id, case_id=case_id, kind=kind, occurred_at=now,
                author_id=self.store.user_id, title=title, body=text))
            if kind == EventKind.CALL.value:
                open_cases = tx.session.scalars(select(Case).where(
                    Case.patient_id == patient_id, Case.closed_at.is_(None), Case.deleted_at.is_(None)))
                for c in open_cases:
                    tx.update(c, last_contact_at=now)
        return event.id
