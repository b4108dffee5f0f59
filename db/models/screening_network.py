"""Households (家庭单元) and the examination slot pool (号源池) of the screening programmes."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from db.models.base import Base
from db.models.base import Synced
from db.types import UTCDateTime
from db.types import UUIDStr


class Household(Synced, Base):
    """A family a family doctor serves as one (many cancers and chronic illnesses cluster in
    families). `patient_id` is the member it was started from: the sync scope follows it.
    The health supervisor (家庭健康监督员) is a trained family member, a patient or not."""

    __tablename__ = "households"

    patient_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("patients.id"), index=True)
    name: Mapped[str | None] = mapped_column(String(64))
    address: Mapped[str | None] = mapped_column(String(200))
    supervisor_patient_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("patients.id"))
    supervisor_name: Mapped[str | None] = mapped_column(String(64))
    supervisor_phone: Mapped[str | None] = mapped_column(String(32))
    notes: Mapped[str | None] = mapped_column(Text)


class HouseholdMember(Synced, Base):
    """A patient in a household, with the relationship to the member the household was started
    from (`relation`: self, spouse, parent, child, sibling, grandparent, grandchild, other)."""

    __tablename__ = "household_members"
    __table_args__ = (Index("ix_household_members_household", "household_id", "patient_id"),)

    household_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("households.id"))
    patient_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("patients.id"), index=True)
    relation: Mapped[str] = mapped_column(String(16))


class ExamSlot(Synced, Base):
    """Examination slots a hospital publishes for the community stations (专用号源池): LDCT,
    gastroscopy, colonoscopy, ultrasound + AFP, mammography … Reference data every desktop
    pulls; the server never books one beyond its capacity."""

    __tablename__ = "exam_slots"
    __table_args__ = (Index("ix_exam_slots_modality_time", "modality", "starts_at"),)

    org_unit_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("org_units.id"))
    modality: Mapped[str] = mapped_column(String(16))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    minutes: Mapped[int] = mapped_column(Integer, default=30)
    capacity: Mapped[int] = mapped_column(Integer)
    place: Mapped[str | None] = mapped_column(String(120))
    instructions: Mapped[str | None] = mapped_column(Text)  # what to bring, fasting …
    # Places held network-wide, kept by the server with each booking it takes or ends (a
    # station's desktop sees only its own residents' bookings, so it could not count them).
    # Pulled like any column, never pushed: desktops add their own bookings not yet sent.
    booked_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0",
                                              info={"derived": True})


class SlotBooking(Synced, Base):
    """A resident booked into a slot. Made offline it waits in the outbox (tentative); the
    server takes it while the slot has room, else refuses it with the nearest free slots.
    The hospital registers attendance or a no-show (`state`: booked, attended, no_show,
    cancelled)."""

    __tablename__ = "slot_bookings"
    __table_args__ = (Index("ix_slot_bookings_slot_state", "slot_id", "state"),)

    slot_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("exam_slots.id"))
    patient_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("patients.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("cases.id"))
    state: Mapped[str] = mapped_column(String(12), default="booked")
    booked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    booked_by: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("users.id"))  # the server's word
    attended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    state_reason: Mapped[str | None] = mapped_column(Text)
