"""What a pushed mutation must pass before it is applied: scope, the rule book with the
token's actor, and the duplicate-person check that flags (never merges) two registrations
of one ID number — without telling anyone about a person outside their scope."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app import rulebook
from app.problems import Problem
from app.sync.scope import REFERENCE_TABLES
from app.sync.scope import Scope
from app.sync.wire import ADMIN_ONLY
from db.ids import uuid7
from db.models import DuplicateReview
from db.models import Patient
from db.models.enums import Role

SCOPE = "scope.outside"


class Rejected(Exception):
    """The mutation is refused; `problems` travel to the desktop as codes."""

    def __init__(self, problems: Problem | list[Problem] | str):
        if isinstance(problems, str):  # a refusal not yet given its own code: the words go to logs
            problems = Problem("sync.refused", None, {"detail": problems})
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))

    @classmethod
    def of(cls, code: str, field: str | None = None, **params) -> "Rejected":
        return cls(Problem(code, field, params))


def check_scope(session: Session, scope: Scope, table: str, row, values: dict) -> None:
    """The row must be in scope before the change and stay in scope after it."""
    if scope.units is None or table in ADMIN_ONLY or table == "audit_entries" or table in REFERENCE_TABLES:
        return  # no patient in these rows (who may write them is the rule book's word)
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
        raise Rejected.of(SCOPE)


def check_rules(table: str, before: dict | None, after: dict, actor, lookup) -> None:
    problems = rulebook.check(table, before, after, actor, lookup)
    if problems:
        raise Rejected(problems)


def merge_candidate(session: Session, scope: Scope, table: str, row_id: str, values: dict,
                    user_id: str, device_id: str) -> str | None:
    """Another living patient holding the same resident ID number: two desktops registered
    one person offline. Both rows are kept; a person decides whether to merge them.

    Only a candidate the pusher may see is named. One outside their scope is recorded for an
    administrator and not mentioned at all: any answer that differed would tell whether an
    ID number belongs to a patient somewhere in the network."""
    if table != "patients" or not values.get("id_number"):
        return None
    others = list(session.scalars(
        select(Patient).where(Patient.id_number == values["id_number"], Patient.id != row_id,
                              Patient.deleted_at.is_(None)).order_by(Patient.id).limit(20)))
    for other in others:
        if scope.allows_patient(session, other.id):
            return other.id
    if others:
        session.add(DuplicateReview(id=uuid7(), patient_id=row_id, other_patient_id=others[0].id,
                                    user_id=user_id, device_id=device_id, detected_at=clock.now()))
    return None


# What the database refused, by its error code, never by its message: PostgreSQL's SQLSTATE
# (psycopg's `sqlstate`), or SQLite's extended result name for the embedded demo server.
_REFUSED = {
    "23502": "field.required", "SQLITE_CONSTRAINT_NOTNULL": "field.required",
    "23503": "sync.missing_reference", "SQLITE_CONSTRAINT_FOREIGNKEY": "sync.missing_reference",
    "23505": "sync.duplicate", "SQLITE_CONSTRAINT_UNIQUE": "sync.duplicate",
    "SQLITE_CONSTRAINT_PRIMARYKEY": "sync.duplicate",
    "22001": "field.invalid", "22003": "field.invalid",
}


def integrity_problem(exc: Exception) -> Problem:
    orig = getattr(exc, "orig", exc)
    kind = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
    code = _REFUSED.get(kind or "", "sync.not_stored")
    return Problem(code, _column(exc) if code != "sync.not_stored" else None)


def _column(exc: Exception) -> str | None:
    diag = getattr(getattr(exc, "orig", None), "diag", None)
    return getattr(diag, "column_name", None) or None
