"""Audit entries: written by the desktop's own chain, checked link by link on the server
(server/audit.py); here, what the entry may claim about who and when."""
from __future__ import annotations

import datetime as dt

from app.problems import Problem

SKEW_TOLERANCE = dt.timedelta(minutes=5)


def check(before, after, actor, lookup) -> list[Problem]:
    problems = []
    if before is not None:
        problems.append(Problem("audit.append_only", None))
    if actor is not None and after.get("user_id") not in (None, actor.user_id):
        # None: written before anyone signed in on this desktop; kept as the device's owner's.
        problems.append(Problem("audit.other_user", "user_id", {"seq": after.get("seq")}))
    return problems


def time_problem(at: dt.datetime, now: dt.datetime, skew: dt.timedelta) -> Problem | None:
    """An entry dated after the desktop's own clock at sending (the server's time plus the
    measured skew) cannot be a true record of that desktop. An early date is not refused
    (a profile is used before its first sign-in): the server keeps its own receipt time
    beside it and logs a skew over SKEW_TOLERANCE."""
    if at > now + skew + SKEW_TOLERANCE:
        return Problem("audit.in_future", "at", {"at": at.isoformat()})
    return None
