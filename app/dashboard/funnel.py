"""The screening funnel as the programmes count it (issue #18 item 5): Xuhui's 160,000 pushed →
30,000 first screens → 200+ CT → 62 operations, per programme (the case's cancer), station and
period, with the conversion at each step, the median days between steps, and the programme's
loop-closure figure; and 随访率 / 随访及时率 per case manager and station.

A case is one resident on one programme. Its steps, each on the LOCAL calendar day of the date
named (the desktop's time zone, as the rest of the dashboard: app/dashboard/metrics.Period), and
each on or after the day of the step before it (a step is counted only when the one before was):

- invited: the first sign the case is in a screening population: the day the case was opened
  while it sits in prevention/screening, a "pushed for screening" event (a list import) or any
  screening event, or a stage change into or out of prevention/screening. The funnel's cohort is
  the cases invited in the period; their later steps count whenever they came, up to today.
- screened: the first screening event backed by a screening record (the questionnaire's risk
  assessment, a FIT); the event's day.
- high_risk: the first such screening whose result is high risk or abnormal (a high-risk
  questionnaire, a positive FIT): the "positive screen" that asks for a diagnostic exam.
- booked: the first examination slot booked for the case (slot_bookings.case_id) and not
  cancelled (booked, attended or no-show: a slot was held for the resident); its booked_at day.
  A cancelled booking (withdrawn, or refused for want of room) does not count; its rebooking does.
- examined: the first attended booking (state attended); the day of attended_at, or of the
  slot's start when the hospital registered attendance without a time.
- positive: the exam found something: the first abnormal screening record (the exam's result,
  e.g. an LDCT with a nodule) or a move into diagnosis (诊).
- diagnosed: a decided MDT, or a move into treatment.
- treated: the first treatment event.

Conversion = a step's count / the step before's; median days = between the step before's day
and this step's, over the cases that reached this step.

Loop closure: of the cases whose positive screen (high_risk) fell in the period, those examined
within LOOP_DAYS days of it (day 90 counts, day 91 does not): by the exam-done step, or by an exam
recorded on the timeline (one made outside the slot pool is the diagnostic exam all the same). A
screen still inside its 90 days and not yet examined is pending: neither met nor failed, so out of
the denominator.

Two SQL statements: the invited counted in one pass over the cases; the later steps found per
screened case (over the timeline's kind/case/time and patient indexes, the screenings, bookings
and MDT requests) and grouped into a histogram of (programme, station, days between steps, loop
verdict, count) — a few thousand rows whatever the county's size — from which any scope's counts
and exact medians are summed here.
"""
from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import text

from app import clock
from app.dashboard.facts import unit_names
from app.dashboard.metrics import Period

STEPS = ("invited", "screened", "high_risk", "booked", "examined", "positive", "diagnosed", "treated")
LOOP_DAYS = 90  # the programme's loop closure: a positive screen's diagnostic exam within 90 days
TIMELY_DAYS = 7  # 随访及时率: done no later than 7 days after the due date (a programme's choice)
JULIAN_OF_ORDINAL = 1721424  # SQLite julianday(date) - 0.5 == date.toordinal() + this
FAR = 10 ** 8  # a day number beyond any period: "all time"


def _day(column: str) -> str:
    """SQL for a stored UTC time's local calendar day, as an integer day number."""
    return f"CAST(julianday({column}, :off) - 0.5 AS INTEGER)"


def day_number(d: dt.date) -> int:
    return d.toordinal() + JULIAN_OF_ORDINAL


def _offset() -> str:
    """The desktop's offset from UTC as an SQLite modifier ('+480 minutes' in China)."""
    off = clock.now().astimezone().utcoffset() or dt.timedelta()
    return f"{int(off.total_seconds() // 60):+d} minutes"


# A sign, before a time, that a case is in a screening population (invited_at < :X exactly when
# one exists): cheap for the many cases opened in prevention/screening (the first test holds and
# the rest is not evaluated); others look for an event through the timeline's kind/case/time index.
_EARLY_STAGE_EVENT = ("x.kind = 'stage' AND (json_extract(x.data, '$.from') IN ('prevent', 'screen') "
                      "OR json_extract(x.data, '$.to') IN ('prevent', 'screen'))")


def _signal_before(bound: str) -> str:
    return (f"((k.stage IN ('prevent', 'screen') AND k.opened_at < {bound}) OR EXISTS (SELECT 1 FROM "
            f"timeline_events x WHERE x.kind = 'screening' AND x.case_id = k.id AND x.occurred_at < {bound} "
            f"AND x.deleted_at IS NULL) OR EXISTS (SELECT 1 FROM timeline_events x WHERE x.kind = 'stage' "
            f"AND x.case_id = k.id AND x.occurred_at < {bound} AND x.deleted_at IS NULL AND {_EARLY_STAGE_EVENT}))")


# Invited in [lo, hi): a sign before hi and none before lo. One pass over the cases, no per-case dates.
INVITED = f"{_signal_before(':hi_at')} AND NOT (:lo_at != '' AND {_signal_before(':lo_at')})"


# The case's first live early stage change (most cases have none: the index says so without reading
# a row), or '9' (none: later than any stored time in min()).
FIRST_STAGE_SIGN = ("coalesce((SELECT min(x.occurred_at) FROM timeline_events x WHERE x.kind = 'stage' "
                    f"AND x.case_id = k.id AND x.deleted_at IS NULL AND {_EARLY_STAGE_EVENT}), '9')")


# The steps per screened case. Screened cases are found from the screenings through each one's
# patient's screening events (the timeline's patient index), which also give each case's first
# screening event of any sort; so the 160,000 merely invited are counted above and never read here.
# Each CTE then finds one step from the one before it, so the later (small) steps only look at the
# cases that got that far; MATERIALIZED, as every step reads the ones before.
CASE_STEPS = f"""
scr AS MATERIALIZED (
  SELECT t.case_id AS case_id, min(t.occurred_at) AS first_at,
         min(CASE WHEN t.ref_table = 'screenings' AND t.ref_id = s.id THEN t.occurred_at END) AS screened_at,
         min(CASE WHEN t.ref_table = 'screenings' AND t.ref_id = s.id AND s.result IN ('high_risk', 'abnormal')
                  THEN t.occurred_at END) AS hr_at
  FROM screenings s CROSS JOIN timeline_events t
  WHERE s.deleted_at IS NULL AND t.patient_id = s.patient_id AND t.kind = 'screening' AND t.case_id IS NOT NULL
    AND t.deleted_at IS NULL
  GROUP BY t.case_id
  HAVING screened_at IS NOT NULL),
c AS MATERIALIZED (
  SELECT k.id AS case_id, k.patient_id AS patient_id, k.cancer_type AS cancer, k.station_id AS station,
         min(e.first_at, CASE WHEN k.stage IN ('prevent', 'screen') THEN k.opened_at ELSE '9' END,
             {FIRST_STAGE_SIGN}) AS invited_at,
         e.screened_at AS screened_at, e.hr_at AS hr_at
  FROM scr e CROSS JOIN cases k ON k.id = e.case_id
  WHERE k.deleted_at IS NULL),
sc AS MATERIALIZED (
  SELECT case_id, patient_id, cancer, station, invited_at, {_day("invited_at")} AS d0, {_day("screened_at")} AS d1,
         {_day("hr_at")} AS d2
  FROM c),
hr AS MATERIALIZED (SELECT case_id, d2 FROM sc WHERE d2 IS NOT NULL),
b3 AS MATERIALIZED (
  SELECT hr.case_id, min({_day("b.booked_at")}) AS d3
  FROM slot_bookings b JOIN hr ON hr.case_id = b.case_id
  WHERE b.deleted_at IS NULL AND b.state != 'cancelled' AND {_day("b.booked_at")} >= hr.d2
  GROUP BY hr.case_id),
b4 AS MATERIALIZED (
  SELECT b3.case_id, min({_day("coalesce(b.attended_at, x.starts_at)")}) AS d4
  FROM slot_bookings b JOIN b3 ON b3.case_id = b.case_id JOIN exam_slots x ON x.id = b.slot_id
  WHERE b.deleted_at IS NULL AND b.state = 'attended' AND {_day("coalesce(b.attended_at, x.starts_at)")} >= b3.d3
  GROUP BY b3.case_id),
b5 AS MATERIALIZED (
  SELECT b4.case_id, min({_day("t.occurred_at")}) AS d5
  FROM b4 CROSS JOIN timeline_events t
  LEFT JOIN screenings s ON t.ref_table = 'screenings' AND s.id = t.ref_id AND s.deleted_at IS NULL
  WHERE t.kind IN ('screening', 'stage') AND t.case_id = b4.case_id AND t.deleted_at IS NULL
    AND {_day("t.occurred_at")} >= b4.d4
    AND ((t.kind = 'screening' AND s.result = 'abnormal')
         OR (t.kind = 'stage' AND json_extract(t.data, '$.to') = 'diagnose'))
  GROUP BY b4.case_id),
b6 AS MATERIALIZED (
  SELECT b5.case_id, min({_day("t.occurred_at")}) AS d6
  FROM b5 CROSS JOIN timeline_events t
  LEFT JOIN mdt_requests m ON t.kind = 'mdt' AND m.id = t.ref_id AND m.deleted_at IS NULL
  WHERE t.kind IN ('mdt', 'stage') AND t.case_id = b5.case_id AND t.deleted_at IS NULL
    AND {_day("t.occurred_at")} >= b5.d5
    AND ((t.kind = 'mdt' AND m.state = 'decided') OR (t.kind = 'stage' AND json_extract(t.data, '$.to') = 'treat'))
  GROUP BY b5.case_id),
b7 AS MATERIALIZED (
  SELECT b6.case_id, min({_day("t.occurred_at")}) AS d7
  FROM b6 CROSS JOIN timeline_events t
  WHERE t.kind = 'treatment' AND t.case_id = b6.case_id AND t.deleted_at IS NULL AND {_day("t.occurred_at")} >= b6.d6
  GROUP BY b6.case_id),
ex AS MATERIALIZED (  -- the loop: an exam recorded on the timeline counts too (one outside the pool)
  SELECT hr.case_id, min({_day("t.occurred_at")}) AS dx
  FROM hr CROSS JOIN timeline_events t
  WHERE t.kind = 'exam' AND t.case_id = hr.case_id AND t.deleted_at IS NULL AND {_day("t.occurred_at")} >= hr.d2
  GROUP BY hr.case_id),
f AS MATERIALIZED (
  SELECT sc.*, b3.d3, b4.d4, b5.d5, b6.d6, b7.d7, min(coalesce(b4.d4, ex.dx), coalesce(ex.dx, b4.d4)) AS dx FROM sc
  LEFT JOIN b3 ON b3.case_id = sc.case_id LEFT JOIN b4 ON b4.case_id = sc.case_id
  LEFT JOIN b5 ON b5.case_id = sc.case_id LEFT JOIN b6 ON b6.case_id = sc.case_id
  LEFT JOIN b7 ON b7.case_id = sc.case_id LEFT JOIN ex ON ex.case_id = sc.case_id)
"""

_COHORT = "invited_at >= :lo_at AND invited_at < :hi_at"
_LOOP_COHORT = "f.d2 BETWEEN :lo AND :hi"
_LOOP_MET = f"f.dx IS NOT NULL AND f.dx - f.d2 <= {LOOP_DAYS}"
_LOOP_PENDING = f"NOT ({_LOOP_MET}) AND :today - f.d2 <= {LOOP_DAYS}"


INVITED_SQL = (f"SELECT k.cancer_type, k.station_id, count(*) FROM cases k WHERE k.deleted_at IS NULL AND {INVITED} "
               "GROUP BY k.cancer_type, k.station_id")
# One pass over the screened cases: per programme, station, whether invited in the period, each
# step's days from the one before (NULL from the first step not reached on), the loop's verdict
# for a positive screen in the period (1 met, 0 failed, -1 pending, NULL not in its cohort).
_GAPS = ", ".join(f"d{i} - d{i - 1}" for i in range(1, len(STEPS)))
_LOOP = f"CASE WHEN NOT coalesce({_LOOP_COHORT}, 0) THEN NULL WHEN {_LOOP_MET} THEN 1 WHEN {_LOOP_PENDING} THEN -1 ELSE 0 END"
STEPS_SQL = (f"WITH {CASE_STEPS} SELECT cancer, station, {_COHORT}, {_GAPS}, {_LOOP}, count(*) FROM f "
             f"WHERE ({_COHORT}) OR ({_LOOP_COHORT}) GROUP BY {', '.join(str(i) for i in range(1, len(STEPS) + 4))}")


@dataclass(frozen=True)
class Step:
    key: str
    count: int
    conversion: float | None  # of the step before (None for the first, or when it had none)
    median_days: float | None  # from the step before's day, over the cases that reached this one


@dataclass(frozen=True)
class Funnel:
    """One scope's funnel: the whole area, one programme, one station."""

    label: str
    steps: tuple[Step, ...]
    loop_met: int
    loop_failed: int
    loop_pending: int
    programme: str | None = None
    station_id: str | None = None

    def __getitem__(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)

    @property
    def loop_due(self) -> int:
        return self.loop_met + self.loop_failed

    @property
    def loop_rate(self) -> float | None:
        return self.loop_met / self.loop_due if self.loop_due else None


@dataclass(frozen=True)
class FollowupRate:
    """随访率 = done / due; 随访及时率 = done within TIMELY_DAYS of the due date / due."""

    label: str
    group_id: str | None
    due: int
    done: int
    timely: int

    @property
    def rate(self) -> float | None:
        return self.done / self.due if self.due else None

    @property
    def timely_rate(self) -> float | None:
        return self.timely / self.due if self.due else None


@dataclass(frozen=True)
class FunnelQuery:
    period: Period = Period()
    programme: str | None = None  # a cancer type; None: every programme
    station_id: str | None = None


@dataclass(frozen=True)
class FunnelBoard:
    query: FunnelQuery
    overall: Funnel
    by_programme: list[Funnel]
    by_station: list[Funnel]
    followups_by_station: list[FollowupRate]
    followups_by_cm: list[FollowupRate]
    followups_overall: FollowupRate
    computed_at: dt.datetime
    seconds: float
    programmes: list[str] = field(default_factory=list)  # every programme with an invited case


def _stored(day: dt.date) -> str:
    """The local midnight starting `day` as the database stores a time (naive UTC text)."""
    midnight = dt.datetime.combine(day, dt.time(), clock.now().astimezone().tzinfo)
    return midnight.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")


def _bounds(period: Period, today: dt.date) -> dict:
    return {"lo": day_number(period.since) if period.since else -FAR,
            "hi": day_number(period.until) if period.until else FAR,
            "lo_at": _stored(period.since) if period.since else "",
            # Text SQLite cannot read as a number: against a DATETIME column (numeric affinity) a
            # bound such as '9' would become the integer 9, below every stored time.
            "hi_at": _stored(period.until + dt.timedelta(days=1)) if period.until else "9999-12-31 23:59:59.999999",
            "today": day_number(today), "off": _offset()}


def histogram(session, period: Period, today: dt.date) -> list[tuple[str, str, str | None, int | None, int]]:
    """(step, programme, station, days, cases), "loop" rows with the verdict for days: the funnel's two
    queries (a few thousand rows back, however many residents), unpacked."""
    params = _bounds(period, today)
    rows: list[tuple[str, str, str | None, int | None, int]] = [
        ("invited", cancer, station, None, n) for cancer, station, n in session.execute(text(INVITED_SQL), params)]
    for cancer, station, in_cohort, *gaps, loop, n in session.execute(text(STEPS_SQL), params):
        if in_cohort:
            for step, days in zip(STEPS[1:], gaps):
                if days is None:  # the first step not reached: none after it was either
                    break
                rows.append((step, cancer, station, days, n))
        if loop is not None:
            rows.append(("loop", cancer, station, loop, n))
    return rows


def _median(counts: Counter) -> float | None:
    """The exact median of a histogram {days: cases}."""
    n = sum(counts.values())
    if not n:
        return None
    lo_rank, hi_rank = (n - 1) // 2, n // 2
    seen, lo = 0, None
    for days in sorted(counts):
        seen += counts[days]
        if lo is None and seen > lo_rank:
            lo = days
        if seen > hi_rank:
            return (lo + days) / 2
    return None  # not reached: the ranks are below n


def funnel_of(rows, label: str, programme: str | None = None, station: str | None = None,
              station_given: bool = False) -> Funnel:
    """Sum the histogram's rows of one scope (a programme, a station, both or neither)."""
    gaps: dict[str, Counter] = {s: Counter() for s in STEPS}
    loop: Counter = Counter()
    for step, cancer, where, days, n in rows:
        if (programme is not None and cancer != programme) or (station_given and where != station):
            continue
        if step == "loop":
            loop[days] += n
        else:
            gaps[step][days] += n
    steps: list[Step] = []
    before: int | None = None
    for key in STEPS:
        count = sum(gaps[key].values())
        conversion: float | None = count / before if before else None
        steps.append(Step(key, count, conversion, None if key == "invited" else _median(gaps[key])))
        before = count
    return Funnel(label, tuple(steps), loop[1], loop[0], loop[-1], programme, station if station_given else None)


FOLLOWUPS = f"""
SELECT {{group}}, count(*), sum(f.status = 'done'),
       sum(f.status = 'done' AND f.completed_at IS NOT NULL
           AND {_day("f.completed_at")} <= CAST(julianday(f.due_date) - 0.5 AS INTEGER) + {TIMELY_DAYS})
FROM followups f LEFT JOIN cases k ON k.id = f.case_id
WHERE f.deleted_at IS NULL AND f.status != 'cancelled' AND f.due_date BETWEEN :since AND :until
  AND (:programme IS NULL OR k.cancer_type = :programme) AND (:station IS NULL OR k.station_id = :station)
GROUP BY {{group}}
"""


def followup_rates(session, query: FunnelQuery, today: dt.date, by: str, names: dict[str, str]) -> list[FollowupRate]:
    """随访率 and 随访及时率 per case manager (by="cm": the follow-up's assignee) or station (the
    case's), over the follow-ups due in the period up to today and not cancelled."""
    group = {"cm": "f.assignee_id", "station": "k.station_id", "all": "NULL"}[by]
    until = min(query.period.until or today, today)
    params = {"since": (query.period.since or dt.date.min).isoformat(), "until": until.isoformat(),
              "programme": query.programme, "station": query.station_id, "off": _offset()}
    rows = session.execute(text(FOLLOWUPS.format(group=group)), params)
    out = [FollowupRate(names.get(g, g) if g else "", g, due, done or 0, timely or 0) for g, due, done, timely in rows]
    if by == "all":
        return out or [FollowupRate("", None, 0, 0, 0)]
    out = [r for r in out if r.group_id is not None]
    out.sort(key=lambda r: (-r.due, r.label))
    return out


def build_funnel(sessions, query: FunnelQuery = FunnelQuery(), today: dt.date | None = None) -> FunnelBoard:
    t0 = time.perf_counter()
    today = today or clock.today()
    with sessions() as s:
        rows = histogram(s, query.period, today)
        names = unit_names(s)
        by_station_f = followup_rates(s, query, today, "station", names)
        by_cm_f = followup_rates(s, query, today, "cm", names)
        overall_f = followup_rates(s, query, today, "all", names)[0]
    station_given = query.station_id is not None
    overall = funnel_of(rows, names.get(query.station_id or "", ""), query.programme, query.station_id, station_given)
    programmes = sorted({r[1] for r in rows if r[0] == "invited"})
    by_programme = [funnel_of(rows, p, p, query.station_id, station_given) for p in programmes]
    stations = sorted({r[2] for r in rows if r[0] == "invited" and r[2] is not None})
    if station_given:
        stations = [st for st in stations if st == query.station_id]
    by_station = [funnel_of(rows, names.get(st, st), query.programme, st, True) for st in stations]
    by_station.sort(key=lambda f: (-f.steps[0].count, f.label))
    return FunnelBoard(query, overall, by_programme, by_station, by_station_f, by_cm_f, overall_f,
                       clock.now(), time.perf_counter() - t0, programmes)


_STEP_WHERE = {step: f"{_COHORT} AND f.d{i} IS NOT NULL" for i, step in enumerate(STEPS)}
_STEP_WHERE["invited"] = INVITED
_STEP_WHERE.update({"loop_met": f"{_LOOP_COHORT} AND {_LOOP_MET}",
                    "loop_failed": f"{_LOOP_COHORT} AND NOT ({_LOOP_MET}) AND NOT ({_LOOP_PENDING})",
                    "loop_pending": f"{_LOOP_COHORT} AND {_LOOP_PENDING}"})


def step_patients(sessions, query: FunnelQuery, step: str, today: dt.date | None = None) -> list[str]:
    """The patients behind a step's count (or the loop's met / failed / pending), for a click:
    the same per-case steps, narrowed to the query's programme and station."""
    today = today or clock.today()
    if step == "invited":
        sql = (f"SELECT DISTINCT k.patient_id FROM cases k WHERE k.deleted_at IS NULL AND {INVITED}"
               " AND (:programme IS NULL OR k.cancer_type = :programme) AND (:station IS NULL OR k.station_id = :station)")
    else:
        sql = (f"WITH {CASE_STEPS} SELECT DISTINCT patient_id FROM f WHERE {_STEP_WHERE[step]}"
               " AND (:programme IS NULL OR cancer = :programme) AND (:station IS NULL OR station = :station)")
    params = {**_bounds(query.period, today), "programme": query.programme, "station": query.station_id}
    with sessions() as s:
        return [r[0] for r in s.execute(text(sql), params)]
