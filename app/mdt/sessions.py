"""MDT sessions (会诊时段): when the panels sit, where, and how many cases each can discuss.

The sessions are a weekly plan, held only when the day is a working day (the pathway's
holiday calendar: no MDT in the 国庆节 week). A slot is identified by its start time, which is
what MdtRequest.slot_at stores, so bookings travel through sync with the request and
a slot's use is a count of the requests booked into it. An administrator changes the
plan with <profile>/rules/mdt_sessions.toml:

    [[session]]
    weekday = 2            # 1 = Monday … 7 = Sunday
    time = "14:00"
    minutes = 120
    capacity = 6
    place = "县肿瘤防治中心 MDT门诊"
    online = false
"""
from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func
from sqlalchemy import select

from app.errors import CaseDeskError
from db.models import MdtRequest
from db.models.enums import MdtState

PLAN_FILE = "mdt_sessions.toml"
HORIZON_DAYS = 28
TAKES_PLACE = (MdtState.BOOKED.value, MdtState.DECIDED.value)


@dataclass(frozen=True)
class Session:
    weekday: int  # 1 = Monday
    time: dt.time
    minutes: int
    capacity: int
    place: str
    online: bool = False


DEFAULT_PLAN = (
    Session(2, dt.time(14, 0), 120, 6, "县肿瘤防治中心 MDT门诊"),
    Session(4, dt.time(14, 30), 120, 4, "省级专家远程MDT（线上）", online=True),
)


@dataclass(frozen=True)
class Slot:
    starts_at: dt.datetime  # aware, UTC
    minutes: int
    place: str
    online: bool
    capacity: int
    booked: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.booked, 0)


def load_plan(profile_path: Path | None) -> tuple[Session, ...]:
    path = Path(profile_path) / "rules" / PLAN_FILE if profile_path else None
    if path is None or not path.is_file():
        return DEFAULT_PLAN
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        plan = tuple(Session(int(s["weekday"]), dt.time.fromisoformat(s["time"]), int(s.get("minutes", 120)),
                             int(s["capacity"]), str(s["place"]), bool(s.get("online", False)))
                     for s in data.get("session", []))
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        # the parser's own words (or the missing key) as a parameter: it names the line or key
        raise CaseDeskError.coded("mdt.sessions_file_unreadable", None, path=str(path), detail=str(exc)) from exc
    bad = [s for s in plan if not 1 <= s.weekday <= 7 or s.capacity < 1]
    if bad or not plan:
        raise CaseDeskError.coded("mdt.sessions_file_invalid", None, path=str(path))
    return plan


def starts(plan, calendar, first: dt.date, days: int = HORIZON_DAYS) -> list[tuple[dt.datetime, Session]]:
    """Every session start from `first` on, on the days people work."""
    out = []
    for n in range(days):
        day = first + dt.timedelta(days=n)
        if not calendar.info(day).working:
            continue
        for s in plan:
            if s.weekday == day.isoweekday():
                local = dt.datetime.combine(day, s.time).astimezone()  # the desktop's zone (China)
                out.append((local.astimezone(dt.timezone.utc), s))
    return sorted(out, key=lambda x: x[0])


def booked_counts(session, times: list[dt.datetime]) -> dict[dt.datetime, int]:
    if not times:
        return {}
    q = (select(MdtRequest.slot_at, func.count()).where(
        MdtRequest.slot_at.in_(times), MdtRequest.state.in_(TAKES_PLACE), MdtRequest.deleted_at.is_(None))
         .group_by(MdtRequest.slot_at))
    return {at: n for at, n in session.execute(q)}


def slots(session, plan, calendar, now: dt.datetime, days: int = HORIZON_DAYS) -> list[Slot]:
    """The sessions still ahead, with how many cases each has booked."""
    found = [(at, s) for at, s in starts(plan, calendar, now.astimezone().date(), days) if at > now]
    counts = booked_counts(session, [at for at, _ in found])
    return [Slot(at, s.minutes, s.place, s.online, s.capacity, counts.get(at, 0)) for at, s in found]
