"""Computations over the rule set; every date comes with the story of how it was made.

A `Due` names the rule (id, version, source), each arithmetic step, and how the working-
day calendar moved it; an uncovered holiday year is a warning on the Due, shown wherever
the date is (CLI, dialog, calendar), never a silent guess. Steps and warnings are data
(`Problem`s of area "due": a code and its parameters), worded where they are shown, in the
reader's language, by ui/due_words.py.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.pathway.holidays import DayInfo
from app.pathway.holidays import uncovered_problem
from app.pathway.intervals import Interval
from app.pathway.intervals import add_months
from app.pathway.rules import STAGES
from app.pathway.rules import Rule
from app.pathway.rules import RuleSet
from app.pathway.schedules import DEFAULT_INVITE_WITHIN
from app.problems import Problem
from app.problems import refuse


@dataclass(frozen=True)
class Due:
    date: dt.date
    unshifted: dt.date
    rule: Rule | None
    steps: tuple[Problem, ...]  # area "due": how the date was computed, in order
    warnings: tuple[Problem, ...] = ()  # due.holidays_uncovered per year without holiday data

    @property
    def rule_id(self) -> str | None:
        return self.rule.id if self.rule else None

    @property
    def moved(self) -> bool:
        return self.date != self.unshifted

    def to_json(self) -> dict:
        """How the date was made, as data a stored record keeps (a timeline body's parameter):
        ui/timeline_words.py words it in the reader's language when it is shown."""
        rule = self.rule
        return {"date": self.date.isoformat(),
                "rule": {"id": rule.id, "version": rule.version, "source": str(rule.source), "text": rule.text}
                if rule else None,
                "steps": [p.to_json() for p in self.steps], "warnings": [p.to_json() for p in self.warnings]}


def _step(code: str, **params) -> Problem:
    return Problem(f"due.{code}", None, params)


def _label(label: Problem | str | None) -> dict | None:
    """Where a schedule was counted from, as a nested problem (JSON) or None. A plain string
    is a caller's own words (kept as they are, shown in every language)."""
    if not label:
        return None
    if isinstance(label, Problem):
        return {"code": label.code, "params": dict(label.params)}
    return {"code": "due.since_text", "params": {"text": label}}


@dataclass(frozen=True)
class Transition:
    allowed: bool
    is_return: bool
    problem: Problem | None = None  # why not, when not allowed (pathway.stage_*)


class Pathway:
    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.calendar = rules.calendar

    # -- dates ---------------------------------------------------------------------
    def shift(self, raw: dt.date, steps: list, rule: Rule | None) -> Due:
        """Move `raw` to a working day and say what happened."""
        s = self.calendar.next_working_day(raw)
        source = self.calendar.source_of(raw.year)
        if s.moved:
            steps.append(_step("moved", date=raw.isoformat(), runs=_runs(s.skipped), to=s.date.isoformat(),
                               to_weekday=s.date.weekday(), source=source))
        else:
            info = self.calendar.info(raw)
            if not info.covered:
                steps.append(_step("stays_uncovered", date=raw.isoformat(), weekday=raw.weekday()))
            elif info.kind == "makeup":
                steps.append(_step("stays_makeup", date=raw.isoformat(), weekday=raw.weekday(),
                                   holiday=info.name, source=source))
            else:
                steps.append(_step("stays_workday", date=raw.isoformat(), weekday=raw.weekday(), source=source))
        return Due(s.date, raw, rule, tuple(_as_step(x) for x in steps), s.warnings)

    def after(self, start: dt.date, interval: Interval | str, rule: Rule | None = None,
              steps: list | None = None) -> Due:
        """`steps`: what came before the arithmetic, as Problems of area "due" (a plain string
        from an older caller is kept as its own words)."""
        interval = Interval.parse(interval) if isinstance(interval, str) else interval
        raw, clamped = interval.add_to(start)
        steps = list(steps or [])
        if clamped:
            steps.append(_step("add_clamped", start=start.isoformat(), interval=str(interval), date=raw.isoformat(),
                               day=start.day))
        else:
            steps.append(_step("add", start=start.isoformat(), interval=str(interval), date=raw.isoformat()))
        return self.shift(raw, steps, rule)

    def schedule_due(self, rule: Rule, last: dt.date, anchor: dt.date | None = None,
                     anchor_label: Problem | str = "") -> Due:
        """A schedule's next date after `last`, its phase chosen by time since `anchor`."""
        anchor = anchor or last
        steps = rule.data["steps"]
        phase = len(steps) - 1
        for n, (until, _every) in enumerate(steps):
            if until is not None and last < add_months(anchor, until.months)[0]:
                phase = n
                break
        until, every = steps[phase]
        months = (last.year - anchor.year) * 12 + last.month - anchor.month - (last.day < anchor.day)
        params = {"anchor": anchor.isoformat(), "since": _label(anchor_label), "last": last.isoformat(),
                  "elapsed_months": max(months, 0), "phase": phase + 1, "every": str(every)}
        first = _step("phase_until", **params, until=str(until)) if until else _step("phase_after", **params)
        return self.after(last, every, rule, [first])

    def screening_due(self, rule: Rule, last: dt.date) -> Due:
        first = _step("screening", programme=rule.data["programme"], every=str(rule.data["every"]))
        return self.after(last, rule.data["every"], rule, [first])

    def first_invitation(self, cancer: str, on: dt.date) -> Due:
        """A resident's first screening invitation, listed or registered `on`: within the
        programme's invitation window (the last working day inside it), not a repeat interval
        away: someone newly listed is due now, not in three years."""
        rule = self.schedule_for(cancer, "screen")
        rule = rule if rule is not None and rule.kind == "screening" else None
        within = rule.data["invite_within"] if rule else Interval.parse(DEFAULT_INVITE_WITHIN)
        latest, _clamped = within.add_to(on)
        day = latest
        while day > on + dt.timedelta(days=1) and not self.calendar.info(day).working:
            day -= dt.timedelta(days=1)
        first = _step("first_invitation", programme=rule.data["programme"] if rule else "", interval=str(within),
                      latest=latest.isoformat())
        return self.shift(day, [first], rule)

    def nodule_due(self, size_mm: float, nodule: str, last: dt.date) -> Due:
        for rule in self.rules.of_kind("nodule"):
            d = rule.data
            if d["nodule"] == nodule and d["min_mm"] <= size_mm < d["below_mm"]:
                if d["below_mm"] >= 1000:
                    first = _step("nodule_at_least", nodule=nodule, size_mm=size_mm, min_mm=d["min_mm"])
                else:
                    first = _step("nodule_between", nodule=nodule, size_mm=size_mm, min_mm=d["min_mm"],
                                  below_mm=d["below_mm"])
                return self.after(last, d["recheck"], rule, [first])
        kinds = sorted({r.data["nodule"] for r in self.rules.of_kind("nodule")})
        raise refuse("pathway.no_nodule_category", "size", nodule=nodule, size_mm=size_mm, kinds=", ".join(kinds))

    def outcome_due(self, rule: Rule, on: dt.date) -> Due:
        """The next follow-up after an outcome whose rule names an interval ("14d")."""
        code = rule.id.removeprefix("outcome-")
        first = _step("outcome", outcome=code, label=rule.text, interval=str(rule.data["next"]))
        return self.after(on, rule.data["next"], rule, [first])

    def default_due(self, on: dt.date, interval: str = "3m") -> Due:
        """A follow-up with no case to plan it by: `interval` later, saying so."""
        return self.after(on, interval, None, [_step("no_case", interval=interval)])

    def date_reasons(self, day: dt.date, rule_id: str | None) -> tuple[Problem, ...]:
        """Why a planned date is on its day: what the calendar says of the day, the rule that
        planned it (or that none did), and a warning when the year's holidays are unknown."""
        info = self.calendar.info(day)
        out = [_step(f"day_{info.kind}", date=day.isoformat(), weekday=day.weekday(), holiday=info.name,
                     source=self.calendar.source_of(day.year))]
        rule = self.rules.by_id.get(rule_id or "")
        if rule is not None:
            out.append(_step("planned_by", rule=rule.id, version=rule.version, source=str(rule.source), text=rule.text))
        elif rule_id:
            out.append(_step("planned_by_missing", rule=rule_id))
        else:
            out.append(_step("planned_by_hand"))
        if not info.covered:
            out.append(uncovered_problem(day.year))
        return tuple(out)

    # -- which rule -----------------------------------------------------------------
    def schedule_for(self, cancer: str, stage: str) -> Rule | None:
        """The follow-up rule for a case: a named cancer beats "*"; 防/筛 use screening."""
        if stage in ("prevent", "screen"):
            candidates = [r for r in self.rules.of_kind("screening")]
        else:
            candidates = [r for r in self.rules.of_kind("schedule") if stage in r.data["stages"]]
        exact = [r for r in candidates if cancer in r.data["cancers"]]
        general = [r for r in candidates if "*" in r.data["cancers"]]
        return next(iter(exact or general), None)

    def followup_due(self, cancer: str, stage: str, last: dt.date, anchor: dt.date | None = None,
                     anchor_label: Problem | str = "") -> Due:
        """`anchor_label` says where `anchor` comes from: a Problem of area "due"
        (due.since_stage_entered, due.since_opened, due.since_option …)."""
        rule = self.schedule_for(cancer, stage)
        if rule is None:
            return self.after(last, "1m", None, [_step("no_schedule", cancer=cancer, stage=stage)])
        if rule.kind == "screening":
            return self.screening_due(rule, last)
        return self.schedule_due(rule, last, anchor, anchor_label)

    def next_action(self, cancer: str, stage: str, on: dt.date, anchor: dt.date | None = None) -> tuple[str, Due]:
        rule = self.rules.get(f"action-{stage}")
        due = rule.data["due"]
        if due == "followup":
            return rule.text, self.followup_due(cancer, stage, on, anchor or on, _step("since_this_stage"))
        return rule.text, self.after(on, due, rule)

    # -- stages ---------------------------------------------------------------------
    def pathway_rule(self, cancer: str) -> Rule:
        return self.rules.by_id.get(f"pathway-{cancer}") or self.rules.get("pathway-default")

    def transition(self, cancer: str, current: str, target: str) -> Transition:
        rule = self.pathway_rule(cancer)
        if target not in STAGES:
            return Transition(False, False, Problem("pathway.stage_unknown", "stage", {"value": target}))
        if target == current:
            return Transition(False, False, Problem("pathway.stage_same", "stage", {"to_stage": target}))
        if target in rule.data["forward"].get(current, ()):
            return Transition(True, False)
        if target in rule.data["returns"].get(current, ()):
            return Transition(True, True)
        allowed = list(rule.data["forward"].get(current, ())) + list(rule.data["returns"].get(current, ()))
        code = "pathway.stage_not_allowed" if allowed else "pathway.stage_no_moves"
        return Transition(False, False, Problem(code, "stage", {
            "rule": rule.id, "version": rule.version, "from_stage": current, "to_stage": target, "stages": allowed}))

    def targets(self, cancer: str, current: str) -> list[tuple[str, bool]]:
        rule = self.pathway_rule(cancer)
        return ([(s, False) for s in rule.data["forward"].get(current, ())]
                + [(s, True) for s in rule.data["returns"].get(current, ())])


def _as_step(step: Problem | str) -> Problem:
    """A step an older caller gave as prose is kept as its own words (due.text)."""
    return step if isinstance(step, Problem) else _step("text", text=step)


def _runs(skipped: tuple[DayInfo, ...]) -> list[dict]:
    """Consecutive days of one kind as one run (3–7 October, National Day; 21–22 November, a
    weekend), as nested problems for the words of due.moved."""
    runs: list[list[DayInfo]] = []
    for info in skipped:
        if runs and (runs[-1][-1].kind, runs[-1][-1].name) == (info.kind, info.name):
            runs[-1].append(info)
        else:
            runs.append([info])
    out = []
    for run in runs:
        span = {"first": run[0].day.isoformat(), "last": run[-1].day.isoformat()}
        if run[0].kind == "holiday":
            out.append({"code": "due.run_holiday", "params": {**span, "holiday": run[0].name}})
        else:
            out.append({"code": "due.run_weekend", "params": span})
    return out
