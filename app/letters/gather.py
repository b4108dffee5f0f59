"""Which letters a batch covers: the source rows per kind, with everything a template needs.

Reference data (stations, staff) is read once per batch into dicts, so 1,000 letters are
one query per kind plus two small ones, never a query per letter. Fields a record has no
value for are None; the batch decides whether the template needs them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement
from sqlalchemy import and_
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.letters.kinds import KINDS
from app.letters.kinds import METHODS
from app.letters.kinds import PROGRAMMES
from app.letters.kinds import WEEKDAYS
from app.letters.kinds import LetterKind
from app.letters.kinds import chinese_date
from db.models import Case
from db.models import Followup
from db.models import OrgUnit
from db.models import Patient
from db.models import Referral
from db.models import Screening
from db.models import User
from db.models.enums import FollowupStatus
from db.models.enums import OrgKind
from db.models.enums import ReferralState
from db.types import UTCDateTime

RESULTS_PICKUP_DAYS = 30  # how long a results letter gives the patient to collect
SLIP_STATES = (ReferralState.SENT, ReferralState.RECEIVED, ReferralState.ACCEPTED, ReferralState.SCHEDULED)
APPOINTMENT_STATES = (ReferralState.ACCEPTED, ReferralState.SCHEDULED)
INVITE_STAGES = ("prevent", "screen")


@dataclass(frozen=True)
class Scope:
    """Whose letters: everyone's, one station's patients, or the patients of one user."""

    station_id: str | None = None
    user_id: str | None = None


@dataclass
class LetterData:
    kind: LetterKind
    patient_id: str
    patient_name: str
    case_id: str | None
    ref_table: str
    ref_id: str
    on: dt.date  # the date the range selected on
    fields: dict[str, str | None]
    method: str | None = None  # a follow-up's phone / clinic / home: a clinic visit needs a working day
    moved_from: dt.date | None = None  # the record's date when the letter prints another (working_days.py)


def gather(session: Session, kind: LetterKind, date_from: dt.date | None, date_to: dt.date | None,
           scope: Scope = Scope(), letterhead: str = "", patient_id: str | None = None,
           patient_ids: list[str] | None = None) -> list[LetterData]:
    """Letters of `kind` whose date falls in [date_from, date_to] (either may be open);
    `patient_ids` (at most a few hundred) narrows it in SQL, for a list's selection."""
    build = _QUERIES[kind.code]
    stmt, on_col = build()
    if date_from is not None:
        stmt = stmt.where(on_col >= _bound(on_col, date_from))
    if date_to is not None:
        stmt = stmt.where(on_col < _bound(on_col, date_to + dt.timedelta(days=1)))
    if patient_id is not None:
        stmt = stmt.where(Patient.id == patient_id)
    if patient_ids is not None:
        stmt = stmt.where(Patient.id.in_(patient_ids))
    stmt = _scoped(stmt, kind, scope)
    ref = _Reference(session)
    letters = [_letter(kind, ref, letterhead, *row) for row in session.execute(stmt)]
    letters.sort(key=lambda x: (x.on, x.patient_name, x.ref_id))
    return letters


def for_patient(session: Session, kind: LetterKind, patient_id: str, letterhead: str = "") -> LetterData | None:
    """The one letter of `kind` to print for a patient now: the next upcoming record, else the latest."""
    letters = gather(session, kind, None, None, letterhead=letterhead, patient_id=patient_id)
    today = clock.today()
    upcoming = [x for x in letters if x.on >= today]
    if upcoming and kind.code != "missed_followup":
        return upcoming[0]
    return letters[-1] if letters else None


def _bound(column, day: dt.date):
    if isinstance(column.type, UTCDateTime):  # stored in UTC: the local day's bounds, converted
        return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.timezone.utc)
    return day


def _scoped(stmt, kind: LetterKind, scope: Scope):
    if scope.station_id:
        points = select(OrgUnit.id).where(OrgUnit.parent_id == scope.station_id)
        stmt = stmt.where(or_(Patient.community_id == scope.station_id, Patient.community_id.in_(points)))
    if scope.user_id:
        u = scope.user_id
        managed = select(Case.patient_id).where(
            Case.closed_at.is_(None), Case.deleted_at.is_(None),
            or_(Case.community_cm_id == u, Case.clinic_cm_id == u, Case.ward_cm_id == u))
        cond: ColumnElement[bool] = Patient.id.in_(managed)
        if kind.source == "followups":
            cond = or_(cond, Followup.assignee_id == u)
        stmt = stmt.where(cond)
    return stmt


def _q_followups(status_cond):
    def build():
        stmt = (select(Patient, Followup).join(Patient, Patient.id == Followup.patient_id)
                .where(status_cond(), Followup.deleted_at.is_(None), Patient.deleted_at.is_(None)))
        return stmt, Followup.due_date
    return build


def _missed():
    # Marked missed, or still planned past its date after calls that nobody answered.
    return or_(Followup.status == FollowupStatus.MISSED,
               and_(Followup.status == FollowupStatus.PLANNED, Followup.attempts >= 2,
                    Followup.due_date < clock.today()))


def _q_referrals(states, on):
    def build():
        stmt = (select(Patient, Referral).join(Patient, Patient.id == Referral.patient_id)
                .where(Referral.state.in_([str(s) for s in states]), Referral.deleted_at.is_(None),
                       Patient.deleted_at.is_(None), on.is_not(None)))
        return stmt, on
    return build


def _q_screenings():
    stmt = (select(Patient, Screening).join(Patient, Patient.id == Screening.patient_id)
            .where(Screening.deleted_at.is_(None), Patient.deleted_at.is_(None)))
    return stmt, Screening.screened_on


def _q_cases():
    stmt = (select(Patient, Case).join(Patient, Patient.id == Case.patient_id)
            .where(Case.stage.in_(INVITE_STAGES), Case.closed_at.is_(None), Case.deleted_at.is_(None),
                   Patient.deleted_at.is_(None), Case.due_date.is_not(None)))
    return stmt, Case.due_date


_QUERIES = {
    "followup_reminder": _q_followups(lambda: Followup.status == FollowupStatus.PLANNED),
    "missed_followup": _q_followups(_missed),
    "appointment_notice": _q_referrals(APPOINTMENT_STATES, Referral.scheduled_at),
    "referral_slip": _q_referrals(SLIP_STATES, Referral.sent_at),
    "results_ready": _q_screenings,
    "screening_invitation": _q_cases,
}
assert set(_QUERIES) == set(KINDS)


class _Reference:
    """Org units and staff by id, loaded once per batch."""

    def __init__(self, session: Session):
        self.units = {u.id: u for u in session.scalars(select(OrgUnit))}
        self.users = {u.id: u for u in session.scalars(select(User))}

    def station_of(self, patient: Patient, preferred: str | None = None) -> OrgUnit | None:
        if preferred in self.units:
            return self.units[preferred]
        unit = self.units.get(patient.community_id) if patient.community_id else None
        if unit is not None and unit.kind == OrgKind.COMMUNITY_POINT and unit.parent_id in self.units:
            return self.units[unit.parent_id]
        return unit

    def name(self, unit_id: str | None) -> str | None:
        unit = self.units.get(unit_id) if unit_id else None
        return unit.name if unit else None


def _letter(kind: LetterKind, ref: _Reference, letterhead: str, patient: Patient, row) -> LetterData:
    station = ref.station_of(patient, getattr(row, "station_id", None))
    f: dict[str, str | None] = {
        "letterhead": letterhead or None,
        "patient_name": patient.name,
        "honorific": {"M": "先生", "F": "女士"}.get(patient.sex, ""),
        "address": (patient.address or "").strip() or None,
        "print_date": chinese_date(clock.today()),
        "station": station.name if station else None,
        "station_address": station.address if station else None,
        "station_phone": station.phone if station else None,
    }
    staff = None
    if kind.source == "followups":
        staff = ref.users.get(row.assignee_id)
        on = row.due_date
        f["method"] = METHODS.get(row.method, row.method)
        f["attempts"] = str(max(row.attempts or 0, 1))
        place = {"phone": "电话随访，无需到场", "home": f"上门访视：{f['address'] or ''}"}.get(row.method)
        f["place"] = place or _place(station)
    elif kind.source == "referrals":
        on = (row.scheduled_at if kind.code == "appointment_notice" else row.sent_at).astimezone()
        f["due_time"] = f"{on:%H:%M}"
        on = on.date()
        f["place"] = row.scheduled_place or ref.name(row.to_org_id)
        f["department"] = row.to_department
        f["from_org"], f["to_org"] = ref.name(row.from_org_id), ref.name(row.to_org_id)
        f["direction"] = "上转（社区→医院）" if row.direction == "up" else "下转（医院→社区）"
        f["green_channel"] = "（绿色通道）" if row.green_channel else ""
        f["reason"], f["requested_exams"] = row.reason, row.requested_exams or "遵接诊医生意见"
        f["referral_code"] = row.short_code
        if row.contact_person:
            name, _, phone = row.contact_person.partition(" ")
            f["case_manager"], f["contact_phone"] = name, phone.strip() or None
    elif kind.source == "screenings":
        on = row.screened_on
        f["exam_date"] = chinese_date(on)
        f["programme"] = (row.details or {}).get("test") or PROGRAMMES.get(row.programme, row.programme)
        pickup = on + dt.timedelta(days=RESULTS_PICKUP_DAYS)
        f["due_date"], f["due_weekday"] = chinese_date(pickup), WEEKDAYS[pickup.weekday()]
        unit = ref.units.get(row.org_unit_id) or station
        f["place"] = _place(unit)
        f["contact_phone"] = unit.phone if unit else None
    else:  # cases: screening invitations
        staff = ref.users.get(row.community_cm_id) or ref.users.get(row.clinic_cm_id)
        on = row.due_date
        f["programme"] = PROGRAMMES.get(row.cancer_type, row.cancer_type)
        f["place"] = _place(station)
    if kind.source != "screenings":  # a results letter's due date is the pick-up deadline
        f["due_date"], f["due_weekday"] = chinese_date(on), WEEKDAYS[on.weekday()]
    if staff is not None:
        f.setdefault("case_manager", staff.display_name)
        f.setdefault("contact_phone", staff.phone or f["station_phone"])
    f.setdefault("case_manager", "个案管理师")
    f.setdefault("contact_phone", f["station_phone"])
    return LetterData(kind, patient.id, patient.name, getattr(row, "case_id", None) if kind.source != "cases"
                      else row.id, kind.source, row.id, on, f,
                      method=row.method if kind.source == "followups" else None)


def _place(unit: OrgUnit | None) -> str | None:
    if unit is None:
        return None
    return f"{unit.name}（{unit.address}）" if unit.address else unit.name


def stations(session: Session) -> list[tuple[str, str, str]]:
    """(id, code, name) of every street station, for choosing a batch's scope."""
    rows = session.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name).where(
        OrgUnit.kind == OrgKind.STREET_STATION, OrgUnit.deleted_at.is_(None)).order_by(OrgUnit.code))
    return [(r.id, r.code, r.name) for r in rows]
