"""Computations over the rule set; every date comes with the story of how it was made.

A `Due` names the rule (id, version, source), each arithmetic step, and how the working-
day calendar moved it; an uncovered holiday year is a warning on the Due, shown wherever
the date is (CLI, dialog, calendar), never a silent guess.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.pathway.holidays import DayInfo
from app.pathway.intervals import Interval
from app.pathway.intervals import add_months
from app.pathway.rules import STAGES
from app.pathway.rules import Rule
from app.pathway.rules import RuleSet
from app.problems import Problem
from app.problems import refuse

_WEEKDAYS = "周一 周二 周三 周四 周五 周六 周日".split()


def weekday_zh(day: dt.date) -> str:
    return _WEEKDAYS[day.weekday()]


@dataclass(frozen=True)
class Due:
    date: dt.date
    unshifted: dt.date
    rule: Rule | None
    steps: tuple[str, ...]
    warnings: tuple[str, ...] = ()

    @property
    def rule_id(self) -> str | None:
        return self.rule.id if self.rule else None

    @property
    def moved(self) -> bool:
        return self.date != self.unshifted

    def explain(self) -> str:
        lines = [f"到期日 {self.date.isoformat()}（{weekday_zh(self.date)}）"]
        if self.rule:
            lines.append(f"规则 {self.rule.cite}：{self.rule.text}")
        lines += [f"  {n}. {step}" for n, step in enumerate(self.steps, start=1)]
        lines += list(self.warnings)
        return "\n".join(lines)


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
    def shift(self, raw: dt.date, steps: list[str], rule: Rule | None) -> Due:
        """Move `raw` to a working day and say what happened."""
        s = self.calendar.next_working_day(raw)
        source = self.calendar.source_of(raw.year) or "无（该年未收录）"
        if s.moved:
            why = "、".join(_runs(s.skipped))
            steps.append(f"{raw.isoformat()} 不是工作日（{why}）→ 顺延至下一个工作日 "
                         f"{s.date.isoformat()}（{weekday_zh(s.date)}）［节假日数据：{source}］")
        else:
            info = self.calendar.info(raw)
            if not info.covered:
                steps.append(f"{raw.isoformat()}（{weekday_zh(raw)}）不是周末，不顺延；该年节假日未收录，"
                             "无法确认是否放假")
            else:
                what = f"{info.name}调休上班日，不顺延" if info.kind == "makeup" else "工作日，不顺延"
                steps.append(f"{raw.isoformat()}（{weekday_zh(raw)}）是{what}［节假日数据：{source}］")
        return Due(s.date, raw, rule, tuple(steps), s.warnings)

    def after(self, start: dt.date, interval: Interval | str, rule: Rule | None = None,
              steps: list[str] | None = None) -> Due:
        interval = Interval.parse(interval) if isinstance(interval, str) else interval
        raw, clamped = interval.add_to(start)
        steps = list(steps or [])
        note = f"（{start.day}日在该月不存在，取月末）" if clamped else ""
        steps.append(f"{start.isoformat()} + {interval.zh()} = {raw.isoformat()}{note}")
        return self.shift(raw, steps, rule)

    def schedule_due(self, rule: Rule, last: dt.date, anchor: dt.date | None = None,
                     anchor_label: str = "") -> Due:
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
        elapsed = f"{months // 12}年{months % 12}个月" if months >= 12 else f"{max(months, 0)}个月"
        label = f"（{anchor_label}）" if anchor_label else ""
        what = f"{until.zh()}内每{every.zh()}一次" if until else f"此后每{every.zh()}一次"
        first = (f"起算日 {anchor.isoformat()}{label}，至 {last.isoformat()} 已过 {elapsed} "
                 f"→ 第{phase + 1}阶段：{what}")
        return self.after(last, every, rule, [first])

    def screening_due(self, rule: Rule, last: dt.date) -> Due:
        first = f"筛查项目 {rule.data['programme']}：每{rule.data['every'].zh()}邀请一次"
        return self.after(last, rule.data["every"], rule, [first])

    def nodule_due(self, size_mm: float, nodule: str, last: dt.date) -> Due:
        for rule in self.rules.of_kind("nodule"):
            d = rule.data
            if d["nodule"] == nodule and d["min_mm"] <= size_mm < d["below_mm"]:
                span = f"≥{d['min_mm']:g}" if d["below_mm"] >= 1000 else f"{d['min_mm']:g}–<{d['below_mm']:g}"
                first = f"{nodule} 结节 {size_mm:g} mm，属于 {span} mm 一档"
                return self.after(last, d["recheck"], rule, [first])
        kinds = sorted({r.data["nodule"] for r in self.rules.of_kind("nodule")})
        raise refuse("pathway.no_nodule_category", "size", nodule=nodule, size_mm=size_mm, kinds=", ".join(kinds))

    # -- which rule -----------------------------------------------------------------
    def schedule_for(self, cancer: str, stage: str) -> Rule | None:
        """The follow-up rule for a case: a named cancer beats "*"; 防/筛 use screening."""
        if stage in ("prevent", "screen"):
            candidates = [r for r in self.rules.of_kind("screening")]
        else:
            candidates = [r for r in self.rules.of_kind("schedule") if stage in r.data["stages"]]
        exact = [r for r in candidates if cancer in r.data["cancers"]]
        general = [r for r in candidates if "*" in r.data["cancers"]]
        return (exact or general or [None])[0]

    def followup_due(self, cancer: str, stage: str, last: dt.date, anchor: dt.date | None = None,
                     anchor_label: str = "") -> Due:
        rule = self.schedule_for(cancer, stage)
        if rule is None:
            return self.after(last, "1m", None, [f"没有适用于 {cancer}/{stage} 的随访计划，默认一个月后"])
        if rule.kind == "screening":
            return self.screening_due(rule, last)
        return self.schedule_due(rule, last, anchor, anchor_label)

    def next_action(self, cancer: str, stage: str, on: dt.date, anchor: dt.date | None = None) -> tuple[str, Due]:
        rule = self.rules.get(f"action-{stage}")
        due = rule.data["due"]
        if due == "followup":
            return rule.text, self.followup_due(cancer, stage, on, anchor or on, "进入本阶段")
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


def _runs(skipped: tuple[DayInfo, ...]) -> list[str]:
    """Consecutive days of one kind as one run: "10月3日–10月7日国庆节", "11月21日–11月22日周末"."""
    runs: list[list[DayInfo]] = []
    for info in skipped:
        if runs and (runs[-1][-1].kind, runs[-1][-1].name) == (info.kind, info.name):
            runs[-1].append(info)
        else:
            runs.append([info])
    out = []
    for run in runs:
        first, last = run[0].day, run[-1].day
        span = f"{first.month}月{first.day}日" + (f"–{last.month}月{last.day}日" if last != first else "")
        out.append(span + (run[0].name + "假期" if run[0].kind == "holiday" else "周末"))
    return out
