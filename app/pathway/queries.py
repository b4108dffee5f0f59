"""The calendar's read side: counts per day, ordered ids per list, and the rows shown.

Views hold ids and fetch rows for what they display. The month view's counts are one
GROUP BY (day, method, status) over the month, served by ix_followups_status_due.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import and_
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import aliased

from app import clock
from app.calls import call_attempts
from app.masking import mask_phone
from db.models import Case
from db.models import Followup
from db.models import OrgUnit
from db.models import Patient
from db.models import User
from db.models.enums import FollowupStatus

PLANNED, DONE, MISSED, CANCELLED = (s.value for s in FollowupStatus)
LIST_KINDS = ("day", "overdue", "chase")


@dataclass(frozen=True)
class Scope:
    """Whose follow-ups: a station's (through the case), one person's, or all."""

    station_id: str | None = None
    user_id: str | None = None


@dataclass
class DayCounts:
    planned: dict[str, int] = field(default_factory=dict)  # method -> count
    done: int = 0
    missed: int = 0

    @property
    def open(self) -> int:
        return sum(self.planned.values())


@dataclass(frozen=True)
class FollowupRow:
    id: str
    patient_id: str
    case_id: str | None
    name: str
    sex: str
    cancer_type: str
    stage: str
    due_date: dt.date
    method: str
    status: str
    attempts: int
    rule_id: str
    assignee: str
    notes: str
    phone: str
    # From the calls (app/calls.py): unanswered calls since the patient was last reached, and
    # when the patient was last called.
    call_attempts: int = 0
    last_attempt_at: dt.datetime | None = None


class FollowupQueries:
    """Read side: counts, ids and rows for a scope."""

    def __init__(self, sessions):
        self.sessions = sessions

    @staticmethod
    def scoped(q, scope: Scope):
        if scope.station_id:
            # IN (the station's case ids) rather than a join: SQLite builds the id list once
            # instead of a primary-key lookup on cases for every follow-up in the range.
            q = q.where(Followup.case_id.in_(select(Case.id).where(Case.station_id == scope.station_id)))
        if scope.user_id:
            q = q.where(Followup.assignee_id == scope.user_id)
        return q.where(Followup.deleted_at.is_(None))

    def month_counts(self, first: dt.date, last: dt.date, scope: Scope = Scope()) -> dict[dt.date, DayCounts]:
        """Counts per day and method, one GROUP BY over ix_followups_status_due."""
        q = self.scoped(
            select(Followup.due_date, Followup.method, Followup.status, func.count())
            .where(Followup.status.in_((PLANNED, DONE, MISSED)), Followup.due_date.between(first, last)),
            scope).group_by(Followup.due_date, Followup.method, Followup.status)
        out: dict[dt.date, DayCounts] = {}
        with self.sessions() as s:
            for day, method, status, n in s.execute(q):
                c = out.setdefault(day, DayCounts())
                if status == PLANNED:
                    c.planned[method] = c.planned.get(method, 0) + n
                elif status == DONE:
                    c.done += n
                else:
                    c.missed += n
        return out

    def _list_conditions(self, kind: str, day: dt.date | None):
        today = clock.today()
        if kind == "day":
            return [Followup.due_date == day, Followup.status.in_((PLANNED, DONE, MISSED))]
        if kind == "overdue":
            return [Followup.status == PLANNED, Followup.due_date < today]
        if kind == "chase":  # 主动追踪: missed, or tried and not reached and now late ...
            later = aliased(Followup)
            # `status || ''` keeps SQLite off ix_followups_status_due here (it would scan every
            # done follow-up after the date); the per-case lookup is ix_followups_case_id.
            superseded = exists().where(later.case_id == Followup.case_id, later.status.concat("") == DONE,
                                        later.due_date > Followup.due_date, later.deleted_at.is_(None))
            return [or_(Followup.status == MISSED,
                        and_(Followup.status == PLANNED, Followup.attempts > 0, Followup.due_date < today)),
                    ~superseded]  # ... unless a later follow-up of the case reached the patient
        raise ValueError(f"unknown list {kind!r}; one of {LIST_KINDS}")

    def ids(self, kind: str, scope: Scope = Scope(), day: dt.date | None = None) -> list[str]:
        q = select(Followup.id).where(*self._list_conditions(kind, day))
        if kind == "chase":  # a closed case needs no chasing
            q = q.outerjoin(Case, Case.id == Followup.case_id).where(
                or_(Followup.case_id.is_(None), Case.closed_at.is_(None)))
        q = self.scoped(q, scope)
        order = (Followup.status != PLANNED, Followup.method, Followup.id) if kind == "day" else \
            (Followup.due_date, Followup.id)
        with self.sessions() as s:
            return list(s.scalars(q.order_by(*order)))

    def count(self, kind: str, scope: Scope = Scope()) -> int:
        return len(self.ids(kind, scope))

    def rows(self, ids: list[str]) -> dict[str, FollowupRow]:
        if not ids:
            return {}
        q = (select(Followup, Patient.name, Patient.sex, Patient.phone, Case.cancer_type, Case.stage,
                    User.display_name)
             .join(Patient, Patient.id == Followup.patient_id)
             .outerjoin(Case, Case.id == Followup.case_id)
             .outerjoin(User, User.id == Followup.assignee_id)
             .where(Followup.id.in_(ids)))
        out = {}
        with self.sessions() as s:
            found = s.execute(q).all()
            tries = call_attempts(s, [f.patient_id for f, *_ in found])
            for f, name, sex, phone, cancer, stage, assignee in found:
                n, last = tries[f.patient_id]
                out[f.id] = FollowupRow(
                    f.id, f.patient_id, f.case_id, name, sex, cancer or "", stage or "", f.due_date,
                    f.method, f.status, f.attempts or 0, f.rule_id or "", assignee or "", f.notes or "",
                    mask_phone(phone), n, last)
        return out

    def week(self, monday: dt.date, scope: Scope = Scope()) -> dict[dt.date, list[FollowupRow]]:
        """The planned follow-ups of seven days, by day (the week view's columns)."""
        days = [monday + dt.timedelta(days=n) for n in range(7)]
        q = self.scoped(select(Followup.id).where(Followup.status == PLANNED,
                                                  Followup.due_date.between(days[0], days[-1])), scope)
        with self.sessions() as s:
            ids = list(s.scalars(q.order_by(Followup.due_date, Followup.method, Followup.id)))
        rows = self.rows(ids)
        out: dict[dt.date, list[FollowupRow]] = {d: [] for d in days}
        for fid in ids:
            out[rows[fid].due_date].append(rows[fid])
        return out

    def stations(self) -> list[tuple[str, str]]:
        """(id, name) of the units that hold cases, for the scope picker."""
        q = (select(OrgUnit.id, OrgUnit.name).where(OrgUnit.id.in_(select(Case.station_id).distinct()),
                                                    OrgUnit.deleted_at.is_(None)).order_by(OrgUnit.code))
        with self.sessions() as s:
            return [tuple(r) for r in s.execute(q)]

    def user_station(self, user_id: str | None) -> str | None:
        if not user_id:
            return None
        with self.sessions() as s:
            return s.scalar(select(User.org_unit_id).where(User.id == user_id))
