"""What rules ask of other records, answered from the database that runs the check (the
desktop's profile or the server's PostgreSQL): both hold the same models."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import and_
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AttachmentContent
from db.models import Case
from db.models import ExamSlot
from db.models import Household
from db.models import HouseholdMember
from db.models import OrgUnit
from db.models import OutboxEntry
from db.models import Patient
from db.models import Referral
from db.models import SlotBooking
from db.models import TimelineEvent
from db.models import User


@dataclass(frozen=True)
class Org:
    id: str
    kind: str
    parent_id: str | None


@dataclass(frozen=True)
class Person:
    id: str
    role: str
    org_unit_id: str | None
    active: bool


@dataclass(frozen=True)
class PatientFacts:
    id: str
    community_id: str | None
    family_doctor_id: str | None
    contract_signed: bool


@dataclass(frozen=True)
class ReferralFacts:
    id: str
    patient_id: str
    from_org_id: str
    to_org_id: str
    state: str


@dataclass(frozen=True)
class HouseholdFacts:
    id: str
    patient_id: str  # the member it was started from
    deleted: bool


@dataclass(frozen=True)
class MemberFacts:
    id: str
    household_id: str
    patient_id: str
    relation: str


@dataclass(frozen=True)
class SlotFacts:
    id: str
    org_unit_id: str
    modality: str
    starts_at: dt.datetime
    capacity: int


# A booking that holds a place in its slot (a cancelled one gave it back).
LIVE_BOOKINGS = ("booked", "attended", "no_show")


class Lookup(Protocol):
    def org(self, unit_id: str | None) -> Org | None: ...
    def user(self, user_id: str | None) -> Person | None: ...
    def patient(self, patient_id: str | None) -> PatientFacts | None: ...
    def events_of_patient(self, patient_id: str, ids: list[str]) -> set[str]: ...
    def referral(self, referral_id: str | None) -> ReferralFacts | None: ...
    def content_hash(self, attachment_id: str | None) -> str | None: ...
    def household(self, household_id: str | None) -> HouseholdFacts | None: ...
    def household_members(self, *, household_id: str | None = None,
                          patient_id: str | None = None) -> list[MemberFacts]: ...
    def station_of(self, unit_id: str | None) -> str | None: ...
    def working_day(self, day: dt.date) -> bool: ...
    def now(self) -> dt.datetime: ...
    def case_patient(self, case_id: str | None) -> str | None: ...
    def slot(self, slot_id: str | None) -> SlotFacts | None: ...
    def slot_held(self, slot_id: str, except_booking: str | None = None) -> int: ...
    def free_slots(self, modality: str, near: dt.datetime, except_slot: str | None,
                   limit: int) -> list[tuple[str, dt.datetime, int]]: ...


class SessionLookup:
    """Answers from a SQLAlchemy session. The rows it reads are held here for the lookup's
    life (one transaction): the identity map keeps objects only while someone holds them, so
    without this every question was a query again (a 100,000-row import paid one per row).
    Held objects are the session's own, so they show this transaction's changes."""

    def __init__(self, session: Session, calendar=None):
        self.session = session
        self._calendar = calendar  # the profile's work calendar (its holiday files), else the bundled one
        self._held: dict[tuple[type, str], object] = {}

    def _get(self, model, key):
        if not key:
            return None
        found = self._held.get((model, key))
        if found is None:
            found = self.session.get(model, key)
            if found is not None:
                self._held[(model, key)] = found
        return found

    def org(self, unit_id):
        unit = self._get(OrgUnit, unit_id)
        if unit is None or unit.deleted_at is not None:
            return None
        return Org(unit.id, unit.kind, unit.parent_id)

    def user(self, user_id):
        user = self._get(User, user_id)
        return Person(user.id, user.role, user.org_unit_id, bool(user.active)) if user is not None else None

    def patient(self, patient_id):
        p = self._get(Patient, patient_id)
        if p is None:
            return None
        return PatientFacts(p.id, p.community_id, p.family_doctor_id, bool(p.contract_signed))

    def events_of_patient(self, patient_id, ids):
        if not ids:
            return set()
        return set(self.session.scalars(select(TimelineEvent.id).where(
            TimelineEvent.id.in_(list(ids)), TimelineEvent.patient_id == patient_id,
            TimelineEvent.deleted_at.is_(None))))

    def referral(self, referral_id):
        r = self._get(Referral, referral_id)
        if r is None or r.deleted_at is not None:
            return None
        return ReferralFacts(r.id, r.patient_id, r.from_org_id, r.to_org_id, r.state)

    def content_hash(self, attachment_id):
        """The sha256 of the bytes stored for an attachment (None: none stored here yet)."""
        if not attachment_id:
            return None
        return self.session.scalar(select(AttachmentContent.sha256).where(
            AttachmentContent.attachment_id == attachment_id))

    def household(self, household_id):
        h = self._get(Household, household_id)
        return HouseholdFacts(h.id, h.patient_id, h.deleted_at is not None) if h is not None else None

    def household_members(self, *, household_id=None, patient_id=None):
        """The live memberships of a household or of a patient (queried each time: the rows
        this transaction adds are the question)."""
        q = select(HouseholdMember).where(HouseholdMember.deleted_at.is_(None))
        if household_id is not None:
            q = q.where(HouseholdMember.household_id == household_id)
        if patient_id is not None:
            q = q.where(HouseholdMember.patient_id == patient_id)
        return [MemberFacts(m.id, m.household_id, m.patient_id, m.relation)
                for m in self.session.scalars(q.order_by(HouseholdMember.id))]

    def station_of(self, unit_id):
        """The street station a unit belongs to (itself for a station), else None: the unit
        of "the same station" in the rules about moving patients between communities."""
        seen = set()
        while unit_id and unit_id not in seen:
            seen.add(unit_id)
            unit = self._get(OrgUnit, unit_id)
            if unit is None:
                return None
            if unit.kind == "street_station":
                return unit.id
            unit_id = unit.parent_id
        return None

    def working_day(self, day):
        if self._calendar is None:
            from app import pathway  # local: the pathway package reads rule files on first use
            self._calendar = pathway.load().calendar
        elif callable(self._calendar):  # the profile's, loaded on first need (start-up stays fast)
            self._calendar = self._calendar()
        return self._calendar.info(day).working

    def now(self):
        from app import clock  # local: read the (test-pinnable) clock at the moment of asking
        return clock.now()

    # -- the slot pool (app/rulebook/slots.py) ---------------------------------------------

    def case_patient(self, case_id):
        case = self._get(Case, case_id)
        return case.patient_id if case is not None and case.deleted_at is None else None

    def slot(self, slot_id):
        """A living slot, its row LOCKED (FOR UPDATE) until the transaction ends: on the server
        two pushes booking the same slot count its bookings one after the other, so the second
        sees the first's (READ COMMITTED: the count after the lock reads what committed before
        it). SQLite, the desktop's, has no row locks: its writer holds the whole file."""
        if not slot_id:
            return None
        row = self.session.scalar(select(ExamSlot).where(ExamSlot.id == slot_id).with_for_update()
                                  .execution_options(populate_existing=True))
        if row is None or row.deleted_at is not None:
            return None
        return SlotFacts(row.id, row.org_unit_id, row.modality, row.starts_at, row.capacity)

    def slot_held(self, slot_id, except_booking=None):
        """Bookings holding a place in the slot: on a desktop, not those the server refused."""
        q = select(func.count()).select_from(SlotBooking).where(SlotBooking.slot_id == slot_id, _holds())
        if except_booking:
            q = q.where(SlotBooking.id != except_booking)
        return int(self.session.scalar(q) or 0)

    def free_slots(self, modality, near, except_slot, limit):
        """Up to `limit` slots of `modality` with room, not yet begun, nearest to `near` in time:
        (id, starts_at, free places)."""
        held = (select(func.count()).select_from(SlotBooking)
                .where(SlotBooking.slot_id == ExamSlot.id, _holds()).correlate(ExamSlot).scalar_subquery())
        base = (select(ExamSlot.id, ExamSlot.starts_at, ExamSlot.capacity - held)
                .where(ExamSlot.modality == modality, ExamSlot.deleted_at.is_(None),
                       ExamSlot.starts_at > self.now(), ExamSlot.capacity > held))
        if except_slot:
            base = base.where(ExamSlot.id != except_slot)
        after = self.session.execute(base.where(ExamSlot.starts_at >= near)
                                     .order_by(ExamSlot.starts_at, ExamSlot.id).limit(limit)).all()
        before = self.session.execute(base.where(ExamSlot.starts_at < near)
                                      .order_by(ExamSlot.starts_at.desc(), ExamSlot.id).limit(limit)).all()
        found = sorted([*after, *before], key=lambda r: (abs((_aware(r[1]) - _aware(near)).total_seconds()), r[1]))
        return [(r[0], r[1], int(r[2])) for r in found[:limit]]


def _holds():
    refused = select(OutboxEntry.seq).where(
        OutboxEntry.table_name == "slot_bookings", OutboxEntry.row_id == SlotBooking.id,
        OutboxEntry.op == "insert", OutboxEntry.status == "rejected").correlate(SlotBooking)
    return and_(SlotBooking.state.in_(LIVE_BOOKINGS), SlotBooking.deleted_at.is_(None), ~exists(refused))


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
