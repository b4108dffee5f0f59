"""The examination slot pool (号源池) and bookings into it: filled in by issue #18's slot work."""
from __future__ import annotations

from app.problems import Problem


def check_slot(before, after, actor, lookup) -> list[Problem]:
    return []


def check_booking(before, after, actor, lookup) -> list[Problem]:
    return []
