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

CC_SOURCE = f"chinesecalendar {getattr(chinese_calendar, '__version__', '')}".strip()
HOLIDAY_ZH = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节", "Anti-Fascist 70th Day": "抗战胜利纪念日",
}
MAX_SKIP = 40  # no arrangement closes offices this long; more means broken data


@dataclass(frozen=True)
class DayInfo:
    day: dt.date
    working: bool
    kind: str  # workday / weekend / holiday / makeup
    name: str  # the holiday's name ("国庆节"), or "" on ordinary days
    covered: bool  # False: the year's arrangement is unknown, only weekends were applied

    def describe(self) -> str:
        what = {"weekend": "周末", "holiday": f"{self.name}放假", "makeup": f"{self.name}调休上班",
                "workday": "工作日"}[self.kind]
        return f"{self.day.isoformat()}（{_WEEKDAYS[self.day.weekday()]}）{what}"


_WEEKDAYS = "周一 周二 周三 周四 周五 周六 周日".split()


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
    warnings: tuple[str, ...]

    @property
    def moved(self) -> bool:
        return self.date != self.original


def uncovered_warning(year: int) -> str:
    return (f"⚠ {year}年的法定节假日与调休安排未收录（{CC_SOURCE} 没有该年数据，也没有 "
            f"rules/holidays/{year}.toml）：只按周末顺延，节假日可能未避开。请管理员添加该年的节假日文件。"
            f" / Holidays for {year} are not in the data: only weekends were skipped.")


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
            return f"{hy.path.name} v{hy.version}（{hy.source}）"
        return CC_SOURCE if _cc_covers(year) else None

    def info(self, day: dt.date) -> DayInfo:
        weekend = day.weekday() >= 5
        if day in self._by_day or day.year in self.years:
            kind, name = self._by_day.get(day, ("weekend" if weekend else "workday", ""))
            return DayInfo(day, kind in ("workday", "makeup"), kind, name, True)
        if not _cc_covers(day.year):
            return DayInfo(day, not weekend, "weekend" if weekend else "workday", "", False)
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        name = HOLIDAY_ZH.get(name, name or "")
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
                return Shift(day, current, tuple(skipped), tuple(uncovered_warning(y) for y in sorted(warned)))
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
            holidays[start + dt.timedelta(days=n)] = name
        for day in item.get("workdays", []):
            if not isinstance(day, dt.date):
                raise rt.error("holiday_workdays", "holiday", i, "workdays")
            workdays[day] = name
    both = sorted(set(holidays) & set(workdays))
    if both:
        raise rt.error("holiday_both", "holiday", value=both[0].isoformat(), day=both[0].isoformat())
    return HolidayYear(year, data["version"], data["source"], Path(path), holidays, workdays)
