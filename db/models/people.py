"""Patients and their cases (a patient on one cancer pathway)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Date
from sqlalchemy import Float
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import func
from sqlalchemy import text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from db.models.base import Base
from db.models.base import Synced
from db.models.base import desktop_only
from db.types import UTCDateTime
from db.types import UUIDStr


class Patient(Synced, Base):
    __tablename__ = "patients"
    # The search box (app/worklist.py) reads only indexes: pinyin prefixes are ranges of
    # covering indexes (no lookup into the wide rows for each of thousands of matches),
    # "name contains" scans a narrow one, a phone or ID tail of 4+ looks up its last four.
    # The server never searches patients: there they would only be written (db/models/base.py).
    __table_args__ = (
        desktop_only(Index("ix_patients_initials_search", "name_initials", "deleted_at", "id")),
        desktop_only(Index("ix_patients_pinyin_search", "name_pinyin", "deleted_at", "id")),
        desktop_only(Index("ix_patients_name_search", "name", "deleted_at", "id")),
        desktop_only(Index("ix_patients_phone_tail", func.substr(text("phone"), -4))),
        desktop_only(Index("ix_patients_id_tail", func.substr(text("id_number"), -4))),
    )

    name: Mapped[str] = mapped_column(String(64))
    # Search keys kept beside the name so a keystroke never runs pypinyin over 100k rows.
    name_pinyin: Mapped[str] = mapped_column(String(128), default="")
    name_initials: Mapped[str] = mapped_column(String(16), default="")
    sex: Mapped[str] = mapped_column(String(1))  # "M" / "F", as on the resident ID
    birth_date: Mapped[dt.date] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(200))
    community_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("org_units.id"), index=True)
    family_doctor_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("users.id"))
    contract_signed: Mapped[bool] = mapped_column(default=False)  # 家庭医生签约
    smoking_pack_years: Mapped[float | None] = mapped_column(Float)
    family_history: Mapped[str | None] = mapped_column(Text)
    occupational_exposure: Mapped[str | None] = mapped_column(Text)
    warning_flags: Mapped[str | None] = mapped_column(Text)


class Case(Synced, Base):
    __tablename__ = "cases"
    # The worklist's covering index: open cases in due order (undated last) with the
    # columns its quick filters test, so a 100k-case list never touches the table.
    __table_args__ = (Index(
        "ix_cases_worklist", "closed_at", "deleted_at", text("(due_date IS NULL)"), "due_date", "stage",
        "cancer_type", "station_id", "community_cm_id", "clinic_cm_id", "ward_cm_id", "patient_id", "id"),)

    patient_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("patients.id"), index=True)
    cancer_type: Mapped[str] = mapped_column(String(24), index=True)
    stage: Mapped[str] = mapped_column(String(16), index=True)
    risk_level: Mapped[str] = mapped_column(String(8), default="medium")
    station_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("org_units.id"), index=True)
    clinic_cm_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("users.id"), index=True)
    ward_cm_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("users.id"), index=True)
    community_cm_id: Mapped[str | None] = mapped_column(UUIDStr, ForeignKey("users.id"), index=True)
    # Up to schema 0007 a desktop wrote the case's one next step here; since 0008 the work of a
    # case is its tasks and follow-ups. `next_action` stays for desktops still on 0007 (the
    # server turns what they send into a task: server/legacy_tasks.py) and is no longer shown.
    next_action: Mapped[str | None] = mapped_column(String(200), info={"legacy": True})
    # Derived on each desktop from the case's open tasks and follow-ups (db/summary.py triggers):
    # the earliest due date (the worklist's covering index sorts on it), the item due first
    # and how many are open. Never pushed; whatever a pull brings is recomputed at once.
    due_date: Mapped[dt.date | None] = mapped_column(Date, index=True, info={"derived": True})
    next_task_id: Mapped[str | None] = mapped_column(UUIDStr, info={"derived": True})
    open_tasks: Mapped[int] = mapped_column(Integer, default=0, server_default="0", info={"derived": True})
    last_contact_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
