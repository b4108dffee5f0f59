"""Intervals as rule files write them: "14d", "2w", "3m", "1y".

Months and years are calendar months (2026-01-31 + 1m = 2026-02-28): "every 3 months"
in a guideline means the same day three months on, not 91 days.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_PATTERN = re.compile(r"^\s*(\d{1,3})\s*([dwmy])\s*$")
_UNIT_ZH = {"d": "天", "w": "周", "m": "个月", "y": "年"}


class IntervalError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Interval:
    count: int
    unit: str  # d / w / m / y

    @classmethod
    def parse(cls, text: object) -> "Interval":
        if not isinstance(text, str):
            raise IntervalError(f"间隔应写成字符串，如 \"3m\" / an interval is a string like \"3m\", not {text!r}")
        m = _PATTERN.match(text)
        if not m or int(m.group(1)) == 0:
            raise IntervalError(
                f"无法识别的间隔 {text!r}：应为 数字+单位（d 天、w 周、m 月、y 年），如 \"3m\" / "
                f"malformed interval {text!r}: write a number and d, w, m or y, e.g. \"3m\"")
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
        return f"{self.count}{self.unit}"

    def zh(self) -> str:
        return f"{self.count}{_UNIT_ZH[self.unit]}"


def add_months(day: dt.date, months: int) -> tuple[dt.date, bool]:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last)), day.day > last
