"""The 统计 dashboard: the screening funnel, referral speed, follow-up completion and
chasing, time to diagnosis and treatment, and the share treated in the county, for the
whole area, per station and per case manager. Qt-free; ui/dashboard/ draws it.

Every number comes from the timeline and its records (facts.py), and carries the
patients behind it (metrics.py), so a click on a number lists them.
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from app import clock
from app.dashboard.facts import load_cases
from app.dashboard.facts import load_followups
from app.dashboard.facts import load_referrals
from app.dashboard.facts import unit_names
from app.dashboard.metrics import FUNNEL
from app.dashboard.metrics import KEYS
from app.dashboard.metrics import LOCAL_GOAL
from app.dashboard.metrics import Figure
from app.dashboard.metrics import Figures
from app.dashboard.metrics import Period
from app.dashboard.metrics import compute
from app.dashboard.metrics import grouped
from app.dashboard.metrics import period_for


@dataclass(frozen=True)
class Dashboard:
    period: Period
    station_id: str | None
    overall: Figures
    by_station: list[Figures]
    by_cm: list[Figures]
    computed_at: dt.datetime
    seconds: float


def build(sessions, period: Period = Period(), station_id: str | None = None,
          today: dt.date | None = None) -> Dashboard:
    """All figures. `station_id` narrows everything to one street station's cases."""
    t0 = time.perf_counter()
    today = today or clock.today()
    with sessions() as s:
        cases = load_cases(s)
        referrals = load_referrals(s)
        followups = load_followups(s, today)
        names = unit_names(s)
    case_list = list(cases.values())
    if station_id:
        case_list = [c for c in case_list if c.station_id == station_id]
        keep = {c.case_id for c in case_list}
        referrals = [r for r in referrals if r.case_id in keep]
        followups = [f for f in followups if f.case_id in keep]
    overall = compute(names.get(station_id, "") if station_id else "", case_list, referrals, followups,
                      period, today)
    return Dashboard(period, station_id, overall,
                     grouped(case_list, referrals, followups, period, today, "station", names),
                     grouped(case_list, referrals, followups, period, today, "cm", names),
                     clock.now(), time.perf_counter() - t0)


def station_choices(sessions) -> list[tuple[str, str]]:
    """(id, name) of the street stations, for narrowing the dashboard to one."""
    from sqlalchemy import select

    from db.models import OrgUnit
    from db.models.enums import OrgKind

    with sessions() as s:
        return [tuple(r) for r in s.execute(select(OrgUnit.id, OrgUnit.name).where(
            OrgUnit.kind == OrgKind.STREET_STATION.value, OrgUnit.deleted_at.is_(None)).order_by(OrgUnit.code))]


__all__ = ["Dashboard", "FUNNEL", "Figure", "Figures", "KEYS", "LOCAL_GOAL", "Period", "build", "period_for",
           "station_choices"]
