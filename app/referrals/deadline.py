"""The 24-hour clock: a referral sent must have an appointment within 24 hours.

The clock starts at `sent_at` and stops when the receiving site gives a date (scheduled),
or when the referral ends otherwise (rejected, cancelled). It counts wall-clock hours,
nights and holidays included: the programme's promise to patients is "within a day".
A referral scheduled late, or still waiting past its deadline, is a breach and needs a
reason code; breach rates by reason feed the dashboard.

Everything here is arithmetic on values a caller already holds, so a board can update
thousands of countdowns per second from cached `sent_at` values without a query.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app import clock
from app.referrals.states import CLOCK_RUNNING
from app.referrals.states import OPEN
from db.models import Referral

LIMIT = dt.timedelta(hours=24)
LIMIT_S = LIMIT.total_seconds()
WARN_S = 4 * 3600  # under four hours left: shown as urgent

# Reason codes for a breach (Referral.breach_reason), with the words printed in reports.
BREACH_REASONS = {
    "no_slot": "号源已满，无法在24小时内安排",
    "patient_request": "患者要求延后",
    "missing_info": "资料不全，等待补充",
    "after_hours": "夜间或节假日发出，次日处理",
    "unreachable": "联系不上患者",
    "other": "其他原因",
}

RUNNING, WARNING, OVERDUE, MET, LATE, STOPPED, NONE = (
    "running", "warning", "overdue", "met", "late", "stopped", "none")


@dataclass(frozen=True)
class Countdown:
    status: str  # one of the constants above
    seconds: float  # running/warning/overdue: time left (negative when overdue); else 0
    deadline: dt.datetime | None
    needs_reason: bool  # breached and no reason code recorded yet

    @property
    def breached(self) -> bool:
        return self.status in (OVERDUE, LATE)


def deadline_of(sent_at: dt.datetime | None) -> dt.datetime | None:
    return None if sent_at is None else sent_at + LIMIT


def status_of(state: str, seconds_left: float | None, breach_reason: str | None) -> str:
    """The clock's status from the referral state and the seconds left (None: not sent)."""
    if seconds_left is None:
        return NONE
    if state in CLOCK_RUNNING:
        return OVERDUE if seconds_left < 0 else WARNING if seconds_left <= WARN_S else RUNNING
    if breach_reason:
        return LATE
    return MET if state in OPEN or state == "closed" else STOPPED


def countdown(state: str, sent_at: dt.datetime | None, breach_reason: str | None = None,
              now: dt.datetime | None = None) -> Countdown:
    due = deadline_of(sent_at)
    if due is None:
        return Countdown(NONE, 0.0, None, False)
    left = (due - (now or clock.now())).total_seconds()
    status = status_of(state, left, breach_reason)
    seconds = left if state in CLOCK_RUNNING else 0.0
    return Countdown(status, seconds, due, status == OVERDUE and not breach_reason)


def is_late(sent_at: dt.datetime | None, at: dt.datetime) -> bool:
    """Whether giving the appointment at `at` breaks the 24-hour promise."""
    return sent_at is not None and at - sent_at > LIMIT


def countdowns_for_cases(session, case_ids: list[str], now: dt.datetime | None = None) -> dict[str, Countdown]:
    """For the worklist: per case, the most pressing clock among its open referrals."""
    now = now or clock.now()
    out: dict[str, Countdown] = {}
    for i in range(0, len(case_ids), 500):
        q = select(Referral.case_id, Referral.state, Referral.sent_at, Referral.breach_reason).where(
            Referral.case_id.in_(case_ids[i:i + 500]), Referral.state.in_(OPEN),
            Referral.deleted_at.is_(None), Referral.sent_at.is_not(None))
        for case_id, state, sent_at, reason in session.execute(q):
            c = countdown(state, sent_at, reason, now)
            best = out.get(case_id)
            if best is None or _rank(c) < _rank(best):
                out[case_id] = c
    return out


def _rank(c: Countdown) -> tuple:
    running = c.status in (RUNNING, WARNING, OVERDUE)
    return (not running, c.seconds)
