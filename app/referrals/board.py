"""The referral board's queries: incoming, outgoing and breached referrals of my sites.

Like the worklist, a board holds ids and asks for the rows it displays; unlike it, each
id comes with its clock (state, sent_at as epoch seconds, breach reason) in the same
query, so countdowns are computed from those numbers every second with no query at all.

"My sites" are the user's unit, and for a street station also its community points; a
profile with no user (an administrator's) sees the whole network.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement
from sqlalchemy import and_
from sqlalchemy import case as sql_case
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlalchemy.orm import sessionmaker

from app import clock
from app.referrals.deadline import LIMIT
from app.referrals.states import CLOCK_RUNNING
from app.referrals.states import FINAL
from app.referrals.states import OPEN
from db.models import OrgUnit
from db.models import Patient
from db.models import Referral
from db.models.enums import OrgKind

TABS = ("incoming", "outgoing", "breached", "history")  # history: closed, cancelled and rejected ones


@dataclass(frozen=True)
class ClockRow:
    id: str
    state: str
    sent: float | None  # epoch seconds
    breach_reason: str | None


@dataclass(frozen=True)
class BoardRow:
    id: str
    patient_id: str
    patient_name: str
    short_code: str
    direction: str
    green_channel: bool
    urgency: str
    from_org: str
    to_org: str
    to_department: str
    state: str
    reason: str
    sent_at: dt.datetime | None
    scheduled_at: dt.datetime | None
    scheduled_place: str
    breach_reason: str | None


def my_units(session, unit_id: str | None) -> frozenset[str] | None:
    if not unit_id:
        return None
    unit = session.get(OrgUnit, unit_id)
    if unit is None:
        return None
    out = {unit.id}
    if unit.kind == OrgKind.STREET_STATION.value:
        out |= set(session.scalars(select(OrgUnit.id).where(OrgUnit.parent_id == unit.id)))
    return frozenset(out)


_from = aliased(OrgUnit)
_to = aliased(OrgUnit)


class BoardQueries:
    def __init__(self, sessions: sessionmaker, units: frozenset[str] | None = None):
        self.sessions = sessions
        self.units = units

    def _conditions(self, tab: str, now: dt.datetime) -> list:
        mine = sorted(self.units) if self.units is not None else None
        if tab == "history":  # what has ended, either side, so nothing vanishes from view
            conds: list[ColumnElement[bool]] = [Referral.state.in_(FINAL), Referral.deleted_at.is_(None)]
            if mine is not None:
                conds.append(or_(Referral.to_org_id.in_(mine), Referral.from_org_id.in_(mine)))
            return conds
        conds = [Referral.state.in_(OPEN), Referral.deleted_at.is_(None)]
        overdue = and_(Referral.state.in_(CLOCK_RUNNING), Referral.sent_at < now - LIMIT)
        if tab == "incoming":
            conds.append(Referral.state != "draft")
            if mine is not None:
                conds.append(Referral.to_org_id.in_(mine))
        elif tab == "outgoing":
            if mine is not None:
                conds.append(Referral.from_org_id.in_(mine))
        elif tab == "breached":
            conds.append(or_(overdue, Referral.breach_reason.is_not(None)))
            if mine is not None:
                conds.append(or_(Referral.to_org_id.in_(mine), Referral.from_org_id.in_(mine)))
        else:
            raise ValueError(f"unknown tab {tab!r}; one of {TABS}")
        return conds

    def clocks(self, tab: str, now: dt.datetime | None = None) -> list[ClockRow]:
        """Every referral of the tab in board order: running clocks by deadline, then the rest."""
        now = now or clock.now()
        running = sql_case((Referral.state.in_(CLOCK_RUNNING), 0), (Referral.state == "draft", 2), else_=1)
        q = select(Referral.id, Referral.state, Referral.sent_at, Referral.breach_reason).where(
            *self._conditions(tab, now))
        if tab == "history":  # the latest ended first
            q = q.order_by(func.coalesce(Referral.closed_at, Referral.updated_at).desc(), Referral.id)
        else:
            q = q.order_by(running, Referral.sent_at.is_(None), Referral.sent_at, Referral.id)
        with self.sessions() as s:
            return [ClockRow(rid, state, sent.timestamp() if sent else None, reason)
                    for rid, state, sent, reason in s.execute(q)]

    def counts(self, now: dt.datetime | None = None) -> dict[str, int]:
        now = now or clock.now()
        with self.sessions() as s:
            return {tab: s.scalar(select(func.count()).select_from(Referral).where(*self._conditions(tab, now)))
                    for tab in TABS}

    def rows(self, ids: list[str]) -> dict[str, BoardRow]:
        if not ids:
            return {}
        q = (select(Referral.id, Referral.patient_id, Patient.name, Referral.short_code, Referral.direction,
                    Referral.green_channel, Referral.urgency, _from.name, _to.name, Referral.to_department,
                    Referral.state, Referral.reason, Referral.sent_at, Referral.scheduled_at,
                    Referral.scheduled_place, Referral.breach_reason)
             .join(Patient, Patient.id == Referral.patient_id)
             .outerjoin(_from, _from.id == Referral.from_org_id)
             .outerjoin(_to, _to.id == Referral.to_org_id)
             .where(Referral.id.in_(ids)))
        with self.sessions() as s:
            result = s.execute(q).all()
        return {r[0]: BoardRow(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7] or "", r[8] or "",
                               r[9] or "", r[10], r[11] or "", r[12], r[13], r[14] or "", r[15])
                for r in result}
