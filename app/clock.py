"""The one place that asks the system for the time, so tests and demos can pin it."""
from __future__ import annotations

import datetime as dt

_fixed: dt.datetime | None = None


def now() -> dt.datetime:
    return _fixed if _fixed is not None else dt.datetime.now(dt.timezone.utc)


def today() -> dt.date:
    """The local calendar date: due dates are days in China, not UTC days."""
    return now().astimezone().date()


def pin(at: dt.datetime | None) -> None:
    """Freeze the clock at `at` (aware), or release it with None."""
    global _fixed
    _fixed = at
