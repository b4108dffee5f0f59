"""The dashboard's numbers, each with the patients behind it.

A Figure is a count, a rate or a median. `patients` are those a click lists: the ones
counted, or for a rate the ones that met it; `others` are those that did not (a rate's
denominator minus its numerator), so a person can go straight to the referrals that
took longer than 24 hours or the follow-ups still open.

Definitions (all within the chosen period):
- funnel: cases pushed in the period, then of those the ones screened, with a
  positive screen, examined, diagnosed and treated after it (each step within the last);
- referrals within 24 h: sent referrals that got an appointment (scheduled_at), booked
  within 24 hours of sending / all that got one;
- follow-up completion: done / due (done, missed, or still planned past its date);
- chase rate: follow-ups that needed chasing (missed, overdue, or done only after a
  second attempt) that were chased at least once / all that needed it;
- days to diagnosis / first treatment: median days from the positive screen;
- treated locally: cases with most of their treatment in the county network / treated cases.
"""
from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from dataclasses import field

from app.dashboard.facts import CaseFacts
from app.dashboard.facts import FollowupFacts
from app.dashboard.facts import ReferralFacts
from app.problems import refuse

FUNNEL = ("pushed", "screened", "positive", "examined", "diagnosed", "treated")
RATES = ("referral_24h", "followup_completion", "chase_rate", "treated_locally")
MEDIANS = ("days_to_diagnosis", "days_to_treatment")
KEYS = FUNNEL + RATES + MEDIANS
LOCAL_GOAL = 0.8
DAY = 86400


@dataclass(frozen=True)
class Period:
    since: dt.date | None = None
    until: dt.date | None = None

    def holds(self, at: dt.datetime | dt.date | None) -> bool:
        if at is None:
            return False
        d = at.astimezone().date() if isinstance(at, dt.datetime) else at
        return (self.since is None or d >= self.since) and (self.until is None or d <= self.until)


def period_for(key: str, today: dt.date, since: dt.date | None = None, until: dt.date | None = None) -> Period:
    """The dashboard's period choices: month, quarter and year (calendar, to today), 12m,
    90d, all, and custom (`since`..`until`, both days counted; refused the wrong way round)."""
    if key == "month":
        return Period(today.replace(day=1), today)
    if key == "quarter":
        return Period(dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today)
    if key == "custom":
        if since is None or until is None:
            raise refuse("dashboard.custom_needs_dates", "since")
        if since > until:
            raise refuse("dashboard.custom_backwards", "until", since=since.isoformat(), until=until.isoformat())
        return Period(since, until)
    if key == "year":
        return Period(dt.date(today.year, 1, 1), today)
    if key == "12m":
        return Period(today - dt.timedelta(days=364), today)
    if key == "90d":
        return Period(today - dt.timedelta(days=89), today)
    return Period()


@dataclass(frozen=True)
class Figure:
    key: str
    value: float | int | None
    patients: tuple[str, ...] = ()
    others: tuple[str, ...] = ()
    numerator: int | None = None
    denominator: int | None = None

    @property
    def is_rate(self) -> bool:
        return self.key in RATES


@dataclass
class Figures:
    """Every figure for one scope (the whole area, one station, one case manager)."""

    label: str
    by_key: dict[str, Figure] = field(default_factory=dict)
    group_id: str | None = None  # the station or case manager, for a group's figures

    def __getitem__(self, key: str) -> Figure:
        return self.by_key[key]


def _ids(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))  # unique, in order


def _rate(key: str, met: list[str], unmet: list[str], n_met: int, n_all: int) -> Figure:
    return Figure(key, n_met / n_all if n_all else None, _ids(met), _ids(unmet), n_met, n_all)


def _wait_s(r: ReferralFacts) -> float:
    assert r.sent_at is not None and r.scheduled_at is not None  # a completed referral has both
    return (r.scheduled_at - r.sent_at).total_seconds()


def _local_share(c: CaseFacts) -> float:
    assert c.local_share is not None  # a treated case has its share (facts.py)
    return c.local_share


def compute(label: str, cases: list[CaseFacts], referrals: list[ReferralFacts],
            followups: list[FollowupFacts], period: Period, today: dt.date) -> Figures:
    out = Figures(label)
    step = [c for c in cases if period.holds(c.pushed)]
    for key in FUNNEL:
        if key != "pushed":
            step = [c for c in step if getattr(c, key) is not None]
        out.by_key[key] = Figure(key, len(step), _ids(c.patient_id for c in step))
    completed = [r for r in referrals if period.holds(r.sent_at) and r.scheduled_at is not None]
    fast = [r for r in completed if _wait_s(r) <= DAY]
    slow = [r for r in completed if _wait_s(r) > DAY]
    out.by_key["referral_24h"] = _rate("referral_24h", [r.patient_id for r in fast],
                                       [r.patient_id for r in slow], len(fast), len(completed))
    due = [f for f in followups if period.holds(f.due_date)]
    done = [f for f in due if f.status == "done"]
    open_ = [f for f in due if f.status != "done"]
    out.by_key["followup_completion"] = _rate("followup_completion", [f.patient_id for f in done],
                                              [f.patient_id for f in open_], len(done), len(due))
    needing = [f for f in due if f.status in ("missed", "planned") or f.attempts >= 2]
    chased = [f for f in needing if f.attempts >= 1]
    not_chased = [f for f in needing if f.attempts < 1]
    out.by_key["chase_rate"] = _rate("chase_rate", [f.patient_id for f in chased],
                                     [f.patient_id for f in not_chased], len(chased), len(needing))
    treated = [c for c in cases if period.holds(c.first_treatment)]
    local = [c for c in treated if _local_share(c) >= 0.5]
    away = [c for c in treated if _local_share(c) < 0.5]
    out.by_key["treated_locally"] = _rate("treated_locally", [c.patient_id for c in local],
                                          [c.patient_id for c in away], len(local), len(treated))
    for key, attr in (("days_to_diagnosis", "diagnosed"), ("days_to_treatment", "treated")):
        spans = sorted(((getattr(c, attr) - c.positive).total_seconds() / DAY, c.patient_id)
                       for c in cases if period.holds(c.positive) and getattr(c, attr) is not None)
        value = round(statistics.median(d for d, _ in spans), 1) if spans else None
        out.by_key[key] = Figure(key, value, _ids(p for _, p in reversed(spans)), (), len(spans), len(spans))
    return out


def grouped(cases: list[CaseFacts], referrals: list[ReferralFacts], followups: list[FollowupFacts],
            period: Period, today: dt.date, by: str, names: dict[str, str]) -> list[Figures]:
    """Figures per station (by="station") or per case manager (by="cm").

    A referral counts where its case is held; a follow-up with its assignee (by cm)
    or its case's station."""
    case_of = {c.case_id: c for c in cases}
    key_of_case = (lambda c: c.station_id) if by == "station" else (lambda c: c.cm_id)
    groups: dict[str | None, tuple[list, list, list]] = {}

    def bucket(key):
        return groups.setdefault(key, ([], [], []))

    for c in cases:
        bucket(key_of_case(c))[0].append(c)
    for r in referrals:
        held = case_of.get(r.case_id) if r.case_id is not None else None
        bucket(key_of_case(held) if held else None)[1].append(r)
    for f in followups:
        held = case_of.get(f.case_id) if f.case_id is not None else None
        key = f.assignee_id if by == "cm" else (held.station_id if held else None)
        bucket(key)[2].append(f)
    rows = []
    for key, (group_cases, group_referrals, group_followups) in groups.items():
        if key is not None:
            figures = compute(names.get(key, key), group_cases, group_referrals, group_followups, period, today)
            figures.group_id = key
            rows.append(figures)
    rows.sort(key=lambda f: (-(f["pushed"].value or 0), f.label))  # a count: never None
    return rows
