"""What a pushed mutation must pass before it is applied: scope, the shared app/ rules,
and the duplicate-person check that flags (never merges) two registrations of one ID."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import rules
from app.sync.scope import Scope
from app.sync.wire import ADMIN_ONLY
from db.models import Patient
from db.models.enums import Role

SCOPE_REASON = "this patient is outside your organisation's scope"


class Rejected(Exception):
    """The mutation is refused; the message is the reason shown to the person."""


def check_scope(session: Session, scope: Scope, table: str, row, values: dict) -> None:
    """The row must be in scope before the change and stay in scope after it."""
    if scope.units is None or table in ADMIN_ONLY or table == "audit_entries":
        return  # the audit trail carries no patient: every desktop's entries are kept
    if table == "patients":
        before = row is None or scope.allows_patient(session, row.id)
        community = values["community_id"] if "community_id" in values else getattr(row, "community_id", None)
        doctor = values["family_doctor_id"] if "family_doctor_id" in values else getattr(row, "family_doctor_id", None)
        after = community in scope.units or (scope.role == Role.FAMILY_DOCTOR.value and doctor == scope.user_id)
    else:
        before = row is None or scope.allows_patient(session, row.patient_id)
        if "patient_id" in values or row is None:
            after = scope.allows_patient(session, values.get("patient_id"))
        else:
            after = True
    if not (before and after):
        raise Rejected(SCOPE_REASON)


def check_rules(table: str, values: dict, existing: dict | None) -> None:
    problems = rules.check(table, values, existing)
    if problems:
        raise Rejected("; ".join(f"{field}: {message}" for field, message in problems))


def merge_candidate(session: Session, table: str, row_id: str, values: dict) -> str | None:
    """Another living patient holding the same resident ID number: two desktops registered
    one person offline. Both rows are kept; a person decides whether to merge them."""
    if table != "patients" or not values.get("id_number"):
        return None
    return session.scalar(
        select(Patient.id).where(Patient.id_number == values["id_number"], Patient.id != row_id,
                                 Patient.deleted_at.is_(None)).order_by(Patient.id).limit(1))


def integrity_reason(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc)).lower()
    if "not null" in text or "null value" in text:
        return "a required field is missing"
    if "foreign key" in text:
        return "it refers to a record the server does not have"
    if "unique" in text or "duplicate" in text:
        return "it would duplicate a record that must be unique"
    if "out of range" in text or "too long" in text:
        return "a value is too large for its field"
    return "the server could not store this change"
