"""Intervals as rule files write them: "14d", "2w", "3m", "1y".

Months and years are calendar months (2026-01-31 + 1m = 2026-02-28): "every 3 months"
in a guideline means the same day three months on, not 91 days.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from app.problems import Problem

_PATTERN = re.compile(r"^\s*(\d{1,3})\s*([dwmy])\s*$")


class IntervalError(ValueError):
    """`problem`: rules.interval_not_text or rules.interval_malformed, with the value."""

    def __init__(self, code: str, value):
        super().__init__(f"{code}: {value!r}")
        self.problem = Problem(code, None, {"value": str(value)})


@dataclass(frozen=True, order=True)
class Interval:
    count: int
    unit: str  # d / w / m / y

    @classmethod
    def parse(cls, text: object) -> "Interval":
        if not isinstance(text, str):
            raise IntervalError("rules.interval_not_text", text)
        m = _PATTERN.match(text)
        if not m or int(m.group(1)) == 0:
            raise IntervalError("rules.interval_malformed", text)
        return cls(int(m.group(1)), m.group(2))

    @property
    def months(self) -> int:
        """Length in months for m/y (for comparing phases); days and weeks count as 0."""
        return self.count * (12 if self.unit == "y" else 1 if self.unit == "m" else 0)

    def add_to(self, day: dt.date) -> tuple[dt.date, bool]:
        """The date this interval after `day`, and whether the day of month was clamped."""
        if self.unit == "d":
            return day + dt.timedelta(days=self.count), False
        if self.unit == "w":
            return day + dt.timedelta(weeks=self.count), False
        return add_months(day, self.months)

    def __str__(self) -> str:
        """As rule files write it ("3m"); words for people are ui/due_words.interval's."""
        return f"{self.count}{self.unit}"


def add_months(day: dt.date, months: int) -> tuple[dt.date, bool]:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last)), day.day > last
