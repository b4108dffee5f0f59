"""What rules ask of other records, answered from the database that runs the check (the
desktop's profile or the server's PostgreSQL): both hold the same models."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AttachmentContent
from db.models import Household
from db.models import HouseholdMember
from db.models import OrgUnit
from db.models import Patient
from db.models import Referral
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
