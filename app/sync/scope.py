"""Which rows a user may pull and push: derived on the server from role and organisation.

Centre staff (clinic and ward case managers, administrators) work across the network; a
community case manager sees the patients of their street station's community points; a
family doctor those of their own community point and the people who signed with them.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import MODEL_BY_TABLE
from db.models import OrgUnit
from db.models import Patient
from db.models.enums import Role

NETWORK_WIDE = {Role.ADMIN.value, Role.CLINIC_CM.value, Role.WARD_CM.value}
REFERENCE_TABLES = ("org_units", "users", "exam_slots")  # everyone's: no patient in them
PULL_EXCLUDED = ("audit_entries",)  # written by desktops, kept by the server, never sent back


@dataclass(frozen=True)
class Scope:
    user_id: str
    role: str
    units: frozenset[str] | None  # community units whose patients are in scope; None = all

    def patient_condition(self):
        """The condition on `patients` columns for a patient in scope (None: all are)."""
        if self.units is None:
            return None
        conds: list[ColumnElement[bool]] = [Patient.community_id.in_(sorted(self.units))]
        if self.role == Role.FAMILY_DOCTOR.value:
            conds.append(Patient.family_doctor_id == self.user_id)
        return or_(*conds)

    def condition(self, table: str):
        """The WHERE condition limiting `table` to this scope, or None for no limit.

        Rows of other tables belong to a patient: EXISTS on the patient's primary key lets
        PostgreSQL look each one up (a page of changes is small) instead of listing every
        patient in scope for every query."""
        cond = self.patient_condition()
        if cond is None or table in REFERENCE_TABLES:
            return None
        if table == "patients":
            return cond
        model = MODEL_BY_TABLE[table]
        return exists().where(Patient.id == model.patient_id, cond)

    def allows_patient(self, session: Session, patient_id: str | None, new_community: str | None = None) -> bool:
        if self.units is None:
            return True
        if new_community is not None and new_community in self.units:
            return True
        if patient_id is None:
            return False
        p = session.get(Patient, patient_id)
        if p is None:
            return False
        return p.community_id in self.units or (
            self.role == Role.FAMILY_DOCTOR.value and p.family_doctor_id == self.user_id)


def scope_for(session: Session, user) -> Scope:
    if user.role in NETWORK_WIDE:
        return Scope(user.id, user.role, None)
    return _limited(user, _tree(session))


def cached_scope(user) -> tuple[Scope, tuple] | None:
    """The scope from the tree as last read, and that tree's key (TREE_KEY's answer then),
    without a query: a caller that reads TREE_KEY in a statement of its own checks it is
    still current (server/scope_marks.py). None: no tree read yet."""
    if user.role in NETWORK_WIDE:
        return Scope(user.id, user.role, None), ()
    if _cached is None:
        return None
    return _limited(user, _cached[1]), _cached[0]


def _limited(user, children: dict[str | None, list[str]]) -> Scope:
    return Scope(user.id, user.role, frozenset(_subtree(children, user.org_unit_id)))


# The organisation tree, kept between requests while the database says it has not changed
# (the same count and newest change): one small query instead of reading every unit.
TREE_KEY = "SELECT count(*), max(server_seq) FROM org_units"
_cached: tuple[tuple, dict[str | None, list[str]]] | None = None


def _tree(session: Session) -> dict[str | None, list[str]]:  # None: the roots
    global _cached
    key = tuple(session.execute(select(func.count(), func.max(OrgUnit.server_seq))).one())
    if _cached is not None and _cached[0] == key and key[1] is not None:
        return _cached[1]
    children: dict[str | None, list[str]] = {}
    for unit_id, parent in session.execute(select(OrgUnit.id, OrgUnit.parent_id)):
        children.setdefault(parent, []).append(unit_id)
    _cached = (key, children)
    return children


def _subtree(children: dict[str | None, list[str]], root: str) -> set[str]:
    """The unit and every unit below it (a street station and its community points)."""
    out, stack = set(), [root]
    while stack:
        unit = stack.pop()
        if unit in out:
            continue
        out.add(unit)
        stack.extend(children.get(unit, ()))
    return out
