"""Working days in China: statutory holidays and make-up working days (调休).

The State Council publishes each year's arrangement in the autumn before; chinesecalendar
carries the published years. A year it does not know is never guessed: dates in it are
moved over weekends only and every result says so, until an administrator adds the year
as a data file (rules/holidays/YEAR.toml, bundled or in the profile), which then wins.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import chinese_calendar

from app.pathway.textfile import RuleText
from app.problems import Problem

CC_SOURCE = f"chinesecalendar {getattr(chinese_calendar, '__version__', '')}".strip()
# A holiday is named by a code (worded per language in ui/problem_templates/due.py, kind
# "holiday"): chinesecalendar's English names, and the Chinese names an administrator writes
# in a holiday file, both map to it. A name neither knows stays as the file gives it.
HOLIDAY_CODES = {
    "New Year's Day": "new_year", "Spring Festival": "spring_festival", "Tomb-sweeping Day": "qingming",
    "Labour Day": "labour_day", "Dragon Boat Festival": "dragon_boat", "National Day": "national_day",
    "Mid-autumn Festival": "mid_autumn", "Anti-Fascist 70th Day": "victory_day",
    "元旦": "new_year", "春节": "spring_festival", "清明节": "qingming", "清明": "qingming",
    "劳动节": "labour_day", "端午节": "dragon_boat", "国庆节": "national_day", "中秋节": "mid_autumn",
    "抗战胜利纪念日": "victory_day",
}
MAX_SKIP = 40  # no arrangement closes offices this long; more means broken data


@dataclass(frozen=True)
class DayInfo:
    day: dt.date
    working: bool
    kind: str  # workday / weekend / holiday / makeup
    name: str  # the holiday's code ("national_day", see HOLIDAY_CODES), or "" on ordinary days
    covered: bool  # False: the year's arrangement is unknown, only weekends were applied


@dataclass(frozen=True)
class HolidayYear:
    """One year's arrangement from a data file (an administrator's addition or override)."""

    year: int
    version: str
    source: str
    path: Path
    holidays: dict  # date -> name
    workdays: dict  # date -> name of the holiday it makes up for


@dataclass(frozen=True)
class Shift:
    original: dt.date
    date: dt.date
    skipped: tuple[DayInfo, ...]
    warnings: tuple[Problem, ...]  # due.holidays_uncovered for each year crossed that nobody knows

    @property
    def moved(self) -> bool:
        return self.date != self.original


def uncovered_problem(year: int) -> Problem:
    """The warning a date in a year without holiday data carries (worded in ui/, area due)."""
    return Problem("due.holidays_uncovered", None, {"year": year, "data": CC_SOURCE})


@lru_cache(maxsize=None)
def _cc_covers(year: int) -> bool:
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


class WorkCalendar:
    def __init__(self, years: dict[int, HolidayYear] | None = None):
        self.years = dict(years or {})
        self._by_day: dict[dt.date, tuple[str, str]] = {}
        for hy in sorted(self.years.values(), key=lambda y: y.year):
            self._by_day.update({d: ("holiday", n) for d, n in hy.holidays.items()})
            self._by_day.update({d: ("makeup", n) for d, n in hy.workdays.items()})

    def source_of(self, year: int) -> str | None:
        """Where the year's arrangement comes from; None if nobody knows it."""
        if year in self.years:
            hy = self.years[year]
            return f"{hy.path.name} v{hy.version} ({hy.source})"
        return CC_SOURCE if _cc_covers(year) else None

    def info(self, day: dt.date) -> DayInfo:
        weekend = day.weekday() >= 5
        if day in self._by_day or day.year in self.years:
            kind, name = self._by_day.get(day, ("weekend" if weekend else "workday", ""))
            return DayInfo(day, kind in ("workday", "makeup"), kind, name, True)
        if not _cc_covers(day.year):
            return DayInfo(day, not weekend, "weekend" if weekend else "workday", "", False)
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        name = HOLIDAY_CODES.get(name, name or "")
        if on_holiday:
            return DayInfo(day, False, "holiday" if name else "weekend", name, True)
        return DayInfo(day, True, "makeup" if weekend else "workday", name if weekend else "", True)

    def next_working_day(self, day: dt.date, *, strictly_after: bool = False) -> Shift:
        """`day` itself if people work that day, else the first working day after it."""
        skipped: list[DayInfo] = []
        warned: set[int] = set()
        current = day + dt.timedelta(days=1) if strictly_after else day
        for _ in range(MAX_SKIP):
            info = self.info(current)
            if not info.covered:
                warned.add(current.year)
            if info.working:
                return Shift(day, current, tuple(skipped),
                             tuple(uncovered_problem(y) for y in sorted(warned)))
            skipped.append(info)
            current += dt.timedelta(days=1)
        raise ValueError(f"no working day within {MAX_SKIP} days after {day}: check the holiday data")


def load_holiday_file(path: Path) -> HolidayYear:
    """rules/holidays/YEAR.toml: year, version, source, [[holiday]] name/from/to/workdays."""
    rt = RuleText.read(path)
    data = rt.data
    year = data.get("year")
    if not isinstance(year, int) or not 1900 < year < 2200:
        raise rt.error("holiday_year", "year")
    if path.stem.isdigit() and int(path.stem) != year:
        raise rt.error("holiday_year_name", "year", file=path.name, year=year)
    for key in ("version", "source"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise rt.error("holiday_missing_key", key, key=key)
    holidays: dict[dt.date, str] = {}
    workdays: dict[dt.date, str] = {}
    for i, item in enumerate(data.get("holiday", [])):
        name = item.get("name")
        start, end = item.get("from"), item.get("to", item.get("from"))
        if not isinstance(name, str) or not name:
            raise rt.error("holiday_name", "holiday", i)
        for key, value in (("from", start), ("to", end)):
            if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
                raise rt.error("holiday_date", "holiday", i, key, key=key, example=f"{year}-10-01")
        if end < start or (end - start).days > 15:
            raise rt.error("holiday_span", "holiday", i, "to", name=name, start=str(start), end=str(end))
        for n in range((end - start).days + 1):
            holidays[start + dt.timedelta(days=n)] = HOLIDAY_CODES.get(name, name)
        for day in item.get("workdays", []):
            if not isinstance(day, dt.date):
                raise rt.error("holiday_workdays", "holiday", i, "workdays")
            workdays[day] = HOLIDAY_CODES.get(name, name)
    both = sorted(set(holidays) & set(workdays))
    if both:
        raise rt.error("holiday_both", "holiday", value=both[0].isoformat(), day=both[0].isoformat())
    return HolidayYear(year, data["version"], data["source"], Path(path), holidays, workdays)
