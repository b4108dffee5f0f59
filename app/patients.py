"""The patient view: header facts, the cross-institution timeline, and quick notes.

Opening a patient is an access to personal data and is audited as a read.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import bindparam
from sqlalchemy import select
from sqlalchemy.orm import aliased

from app import clock
from app.masking import mask_id_number
from app.masking import mask_phone
from app.problems import refuse
from app.store import Store
from app.tasks import WorkItem
from app.worklist import next_work as _next_work
from db import prepared
from db.models import Case
from db.models import Followup
from db.models import OrgUnit
from db.models import Patient
from db.models import Task
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
    next_work: WorkItem | None  # the open task or follow-up due first
    due_date: dt.date | None
    clinic_cm: str
    ward_cm: str
    community_cm: str
    open_tasks: int = 0
    closed: bool = False


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
    title: str  # a person's own title; "" when the software wrote a code instead
    body: str
    place: str
    author: str
    # The title the software wrote, worded in the reader's language by ui/timeline_words.py.
    title_code: str | None = None
    title_args: dict | None = None
    # A body the software wrote as a code (data["body_code"], data["body_args"]), worded the same way.
    body_code: str | None = None
    body_args: dict | None = None


def _args(value) -> dict | None:
    """A JSON column as the driver gives it to a raw cursor: text on SQLite, parsed on PostgreSQL."""
    return json.loads(value) if isinstance(value, str) else value


def _body_code(data) -> tuple[str | None, dict | None]:
    data = data if isinstance(data, dict) else {}
    return data.get("body_code"), data.get("body_args")


def _age(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _header_query() -> prepared.Prepared:
    community = aliased(OrgUnit)
    doctor = aliased(User)
    return prepared.Prepared(
        select(Patient.id, Patient.name, Patient.sex, Patient.birth_date, Patient.id_number,
               Patient.phone, Patient.address, community.name, doctor.display_name,
               Patient.contract_signed, Patient.smoking_pack_years, Patient.family_history,
               Patient.occupational_exposure, Patient.warning_flags)
        .outerjoin(community, community.id == Patient.community_id)
        .outerjoin(doctor, doctor.id == Patient.family_doctor_id)
        .where(Patient.id == bindparam("patient_id"), Patient.deleted_at.is_(None)))


def _cases_query() -> prepared.Prepared:
    clinic, ward, community = aliased(User), aliased(User), aliased(User)
    task, followup = aliased(Task), aliased(Followup)
    return prepared.Prepared(
        select(Case.id, Case.cancer_type, Case.stage, Case.risk_level,
               Case.due_date, clinic.display_name, ward.display_name, community.display_name,
               Case.open_tasks, Case.closed_at, Case.next_task_id, task.kind, task.title, task.args,
               followup.method, followup.status, followup.attempts)
        .outerjoin(task, task.id == Case.next_task_id)
        .outerjoin(followup, followup.id == Case.next_task_id)
        .outerjoin(clinic, clinic.id == Case.clinic_cm_id)
        .outerjoin(ward, ward.id == Case.ward_cm_id)
        .outerjoin(community, community.id == Case.community_cm_id)
        .where(Case.patient_id == bindparam("patient_id"), Case.deleted_at.is_(None))
        .order_by(Case.closed_at.is_not(None), Case.opened_at.desc()))


def _timeline_query() -> prepared.Prepared:
    place = aliased(OrgUnit)
    author = aliased(User)
    return prepared.Prepared(
        select(TimelineEvent.id, TimelineEvent.kind, TimelineEvent.occurred_at,
               TimelineEvent.title, TimelineEvent.body, place.name, author.display_name,
               TimelineEvent.title_code, TimelineEvent.title_args, TimelineEvent.data)
        .outerjoin(place, place.id == TimelineEvent.org_unit_id)
        .outerjoin(author, author.id == TimelineEvent.author_id)
        .where(TimelineEvent.patient_id == bindparam("patient_id"), TimelineEvent.deleted_at.is_(None))
        .order_by(TimelineEvent.occurred_at.desc(), TimelineEvent.id.desc()))


_HEADER = _header_query()
_CASES = _cases_query()
_TIMELINE = _timeline_query()


class PatientService:
    def __init__(self, store: Store):
        self.store = store

    def open(self, patient_id: str) -> PatientHeader:
        """The header for the patient view; records the read in the audit trail."""
        header = self.header(patient_id)
        self.store.record_access("read", "patients", patient_id)
        return header

    def header(self, patient_id: str) -> PatientHeader:
        with self.store.sessions() as s:
            found = _HEADER.rows(s, patient_id=patient_id)
            if not found:
                raise refuse("record.not_found", "patient", table="patients")
            cases = tuple(
                CaseSummary(case_id=cid, cancer_type=cancer, stage=stage, risk_level=risk,
                            next_work=None if closed else _next_work(
                                next_id, prepared.date(due), kind, title, args, method, status, attempts),
                            due_date=prepared.date(due), clinic_cm=clinic or "",
                            ward_cm=ward or "", community_cm=community_cm or "", open_tasks=int(n_open or 0),
                            closed=closed is not None)
                for (cid, cancer, stage, risk, due, clinic, ward, community_cm, n_open, closed, next_id, kind,
                     title, args, method, status, attempts) in _CASES.rows(s, patient_id=patient_id))
        (pid, name, sex, birth, id_number, phone, address, community, doctor, contract, smoking,
         family_history, exposure, flags) = found[0]
        birth = prepared.date(birth)
        return PatientHeader(
            patient_id=pid, name=name, sex=sex, birth_date=birth, age=_age(birth, clock.today()),
            masked_id=mask_id_number(id_number), masked_phone=mask_phone(phone),
            address=address or "", community=community or "", family_doctor=doctor or "",
            contract_signed=bool(contract), smoking_pack_years=smoking,
            family_history=family_history or "", occupational_exposure=exposure or "",
            warning_flags=flags or "", cases=cases,
        )

    def reveal(self, patient_id: str, field: str) -> str:
        """The full ID number or phone, for a person who asked explicitly; audited."""
        column = {"id_number": Patient.id_number, "phone": Patient.phone}.get(field)
        if column is None:
            raise refuse("patient.not_revealable", field)
        with self.store.sessions() as s:
            value = s.scalar(select(column).where(Patient.id == patient_id))
        self.store.record_access("reveal", "patients", patient_id, detail={"field": field})
        return value or ""

    def timeline(self, patient_id: str, kinds: set[str] | None = None) -> list[TimelineItem]:
        """Every event of the patient, newest first; `kinds` narrows to some event types
        (in Python: one statement to prepare, and a patient has hundreds of events, not more)."""
        with self.store.sessions() as s:
            found = _TIMELINE.rows(s, patient_id=patient_id)
        return [TimelineItem(eid, kind, prepared.utc(at), title, body or "", place or "", author or "",
                             code, _args(args), *_body_code(_args(data)))
                for eid, kind, at, title, body, place, author, code, args, data in found
                if not kinds or kind in kinds]

    def add_note(self, patient_id: str, text: str, kind: str = EventKind.NOTE.value,
                 case_id: str | None = None) -> str:
        """A note on the timeline. A telephone call is recorded with its outcome (app/calls.py):
        only a call that reached the patient is a contact, so free text is never one."""
        text = (text or "").strip()
        if kind != EventKind.NOTE.value:
            raise refuse("field.not_allowed", "kind", value=str(kind))
        if not text:
            raise refuse("patient.note_empty", "text")
        if len(text) > NOTE_MAX:
            raise refuse("field.too_long", "text", max=NOTE_MAX)
        now = clock.now()
        title = text.splitlines()[0][:60]
        with self.store.write() as tx:
            if tx.session.get(Patient, patient_id) is None:
                raise refuse("record.not_found", "patient", table="patients")
            event = tx.add(TimelineEvent(
                patient_id=patient_id, case_id=case_id, kind=kind, occurred_at=now,
                author_id=self.store.user_id, title=title, body=text))
        return event.id
