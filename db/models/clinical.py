"""What happens to a patient: timeline events, follow-ups, referrals, MDT, screening, letters."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean
from sqlalchemy import Date
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import LargeBinary
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from db.models.base import Base
from db.models.base import Synced
from db.types import JSONDoc
from db.types import UTCDateTime
from db.types import UUIDStr


class TimelineEvent(Synced, Base):
    """Append-only: one thing that happened, at any institution. Never conflicts in sync."""

    __tablename__ = "timeline_events"
    __table_args__ = (Index("ix_timeline_events_patient_time", "patient_id", "occurred_at"),
                      # The dashboard reads milestones (screening, referral, treatment ...) by kind.
                      Index("ix_timeline_events_kind_case_time", "kind", "case_id", "occurred_at"))

    patient_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("patients.id"))
    case_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    org_unit_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("org_units.id"))
    author_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(200))  # free text typed by a person, or ""
    # A title the software wrote: a code and its parameters, worded at display time in the
    # reader's language (ui/); `title` then holds nothing a reader depends on.
    title_code: Mapped[str | None] = mapped_column(String(48))
    title_args: Mapped[dict | None] = mapped_column(JSONDoc)
    body: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict | None] = mapped_column(JSONDoc)
    # The record this event is about (a referral, a follow-up ...), if any.
    ref_table: Mapped[str | None] = mapped_column(String(32))
    ref_id: Mapped[str | None] = mapped_column(UUIDStr)


class Followup(Synced, Base):
    __tablename__ = "followups"
    __table_args__ = (Index("ix_followups_status_due", "status", "due_date"),
                      # A case's open follow-ups, for its derived summary (db/summary.py): without it
                      # each recompute walked every planned follow-up of the desktop.
                      Index("ix_followups_case_open", "case_id", "status", "due_date"))

    patient_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("patients.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("cases.id"), index=True)
    due_date: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(16), default="phone")  # phone / clinic / home
    status: Mapped[str] = mapped_column(String(16), default="planned")
    assignee_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("users.id"), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    completed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    reached: Mapped[bool | None] = mapped_column(Boolean)
    outcome: Mapped[str | None] = mapped_column(String(32))
    notes: Mapped[str | None] = mapped_column(Text)
    rule_id: Mapped[str | None] = mapped_column(String(64))


class Referral(Synced, Base):
    __tablename__ = "referrals"
    __table_args__ = (Index("ix_referrals_case_state", "case_id", "state"),)

    patient_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("patients.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("cases.id"))
    direction: Mapped[str] = mapped_column(String(8))
    green_channel: Mapped[bool] = mapped_column(default=False)
    urgency: Mapped[str] = mapped_column(String(16), default="routine")
    from_org_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("org_units.id"))
    to_org_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("org_units.id"))
    to_department: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    question: Mapped[str | None] = mapped_column(Text)
    clinical_summary: Mapped[str | None] = mapped_column(Text)
    findings: Mapped[list | None] = mapped_column(JSONDoc)  # ids of timeline events
    requested_exams: Mapped[str | None] = mapped_column(Text)
    contact_person: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default="draft")
    state_reason: Mapped[str | None] = mapped_column(Text)
    short_code: Mapped[str] = mapped_column(String(12), unique=True)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    scheduled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    scheduled_place: Mapped[str | None] = mapped_column(String(120))
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    breach_reason: Mapped[str | None] = mapped_column(String(32))
    # What a 下转 hands to the community (0009): the hospital's discharge summary, the
    # treatment plan that goes on, and what rehabilitation the community takes over.
    discharge_summary: Mapped[str | None] = mapped_column(Text)
    treatment_plan: Mapped[str | None] = mapped_column(Text)
    rehab_instructions: Mapped[str | None] = mapped_column(Text)


class ReferralAttachment(Synced, Base):
    """A report attached to a referral (a PDF or an image). The row travels with sync like any
    other; its content does not (a page of rows stays small): it is uploaded before the row is
    pushed and fetched after the row is pulled (app/sync/attachments.py), and kept in
    `attachment_contents` — inside the encrypted database on a desktop."""

    __tablename__ = "referral_attachments"

    patient_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("patients.id"), index=True)
    referral_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("referrals.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(120))
    media_type: Mapped[str] = mapped_column(String(32))  # application/pdf, image/png, image/jpeg
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    added_by: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("users.id"))  # the server's word


class AttachmentContent(Base):
    """The bytes of one attachment, by the attachment's id. Not a synced row: on a desktop it
    lives in the SQLCipher database (encrypted like every record); on the server it is
    written by PUT /attachments/{id}/content before the row may be pushed."""

    __tablename__ = "attachment_contents"

    attachment_id: Mapped[str] = mapped_column(UUIDStr, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    stored_by: Mapped[str | None] = mapped_column(UUIDStr)  # the uploader (server) / None (desktop)


class MdtRequest(Synced, Base):
    __tablename__ = "mdt_requests"
    __table_args__ = (Index("ix_mdt_requests_case_state", "case_id", "state"),)

    patient_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("patients.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("cases.id"))
    question: Mapped[str] = mapped_column(Text)
    specialties: Mapped[list] = mapped_column(JSONDoc, default=list)
    checklist: Mapped[dict] = mapped_column(JSONDoc, default=dict)
    state: Mapped[str] = mapped_column(String(16), default="requested")
    slot_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    decision: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Screening(Synced, Base):
    __tablename__ = "screenings"

    patient_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("patients.id"), index=True)
    programme: Mapped[str] = mapped_column(String(32))  # lung_ldct, colorectal_fit ...
    screened_on: Mapped[dt.date] = mapped_column(Date)
    result: Mapped[str] = mapped_column(String(16))  # normal / abnormal / high_risk
    details: Mapped[dict | None] = mapped_column(JSONDoc)
    org_unit_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("org_units.id"))


class Letter(Synced, Base):
    __tablename__ = "letters"

    patient_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("patients.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    template_version: Mapped[str] = mapped_column(String(32))
    printed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)  # the server's clock once synced
    printed_by: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("users.id"))  # the server's word
    printed_at_desktop: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # the desktop's own clock
    reprint_reason: Mapped[str | None] = mapped_column(Text)
    fields: Mapped[dict | None] = mapped_column(JSONDoc)


class Task(Synced, Base):
    """One piece of open work on a case (chase a result, attend an MDT, call back …).

    A case holds any number; finishing or cancelling one never touches another. Planned
    follow-ups are work too but stay in `followups` (their own record, with its calendar);
    the case's summary of both is derived on each desktop (db/summary.py)."""

    __tablename__ = "tasks"
    __table_args__ = (Index("ix_tasks_case_open", "case_id", "state", "due_date"),
                      Index("ix_tasks_source", "source_id"))

    patient_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("patients.id"), index=True)
    case_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(16))  # app/tasks.py KINDS: worded in ui/ from kind + args
    title: Mapped[str] = mapped_column(String(200), default="")  # typed by a person (kind "person")
    args: Mapped[dict | None] = mapped_column(JSONDoc)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    owner_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("users.id"), index=True)
    # What made it: a referral, an MDT request, a call … (None: a person, or a pathway rule).
    source_table: Mapped[str | None] = mapped_column(String(32))
    source_id: Mapped[str | None] = mapped_column(UUIDStr)
    rule_id: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(12), default="open")  # open / done / cancelled
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    close_note: Mapped[str | None] = mapped_column(Text)


class Call(Synced, Base):
    """One telephone call, reached or not. Append-only: a call happened as it was recorded.
    Only a call that reached the patient (connected, rescheduled) is a contact."""

    __tablename__ = "calls"
    __table_args__ = (Index("ix_calls_patient_time", "patient_id", "called_at"),
                      Index("ix_calls_followup", "followup_id"))

    patient_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("patients.id"))
    case_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("cases.id"))
    followup_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("followups.id"))
    called_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    caller_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("users.id"))  # the server's word
    outcome: Mapped[str] = mapped_column(String(16))  # app/calls.py OUTCOMES
    duration_s: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    call_back_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
