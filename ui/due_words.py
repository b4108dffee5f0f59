"""A due date's explanation in the reader's language — without Qt.

app/pathway/engine.py's `Due` carries how its date was made as data: the rule, and steps and
warnings as Problems of area "due" (templates in ui/problem_templates/due.py, Chinese in
resources/i18n/casedesk_problems_due_zh_CN.ts). This module fills in what a template cannot
say by itself — weekdays and dates, intervals ("3m" → "3 months" / "3个月"), nested parts
(the runs of days off, where a schedule was counted from) — and words the rest through
ui/problem_words, so the completion dialog, the CLI and a stored timeline body say the same.

A rule's own text and its guideline's title are the rule file's words, written in Chinese:
they are shown to a Chinese reader; an English reader gets the rule's id and version, and the
steps, which say the same in numbers.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from app.pathway.intervals import Interval
from app.pathway.intervals import IntervalError
from app.problems import Problem
from ui import problem_words
from ui.problem_templates import TERMS

INTERVAL_PARAMS = ("interval", "every", "until")
NUMBER_PARAMS = ("size_mm", "min_mm", "below_mm")
# Codes with a "_text" form that adds the rule file's own words (Chinese): used for Chinese.
TEXT_FORMS = ("due.rule", "due.planned_by")
_UNIT_CODES = {"d": ("due.day_1", "due.days"), "w": ("due.week_1", "due.weeks"),
               "m": ("due.month_1", "due.months"), "y": ("due.year_1", "due.years")}


def explain(due, lang: str | None = None) -> str:
    """The whole explanation: the date, the rule, the numbered steps, the warnings."""
    lang = lang or problem_words.language()
    lines = [_say("due.date", {"date": due.date.isoformat(), "weekday": due.date.weekday()}, lang)]
    if due.rule is not None:
        lines.append(rule_line(due.rule, lang))
    lines += [f"  {n}. {step(s, lang)}" for n, s in enumerate(due.steps, start=1)]
    lines += [step(w, lang) for w in due.warnings]
    return "\n".join(lines)


def rule_line(rule, lang: str | None = None) -> str:
    return _say("due.rule", {"rule": rule.id, "version": rule.version, "source": str(rule.source),
                             "text": rule.text}, lang or problem_words.language())


def lines(problems, lang: str | None = None) -> str:
    """Reasons one to a line (Pathway.date_reasons: why a follow-up is on its day)."""
    return "\n".join(step(p, lang) for p in problems)


def step(problem: Problem | Mapping, lang: str | None = None) -> str:
    """One step or warning of a Due (a Problem, or its JSON form as nested in another's params)."""
    lang = lang or problem_words.language()
    if isinstance(problem, Mapping):
        problem = Problem.from_json(problem)
    return _say(problem.code, dict(problem.params), lang)


def interval(value: str, lang: str | None = None) -> str:
    """'3m' → '3 months' / '3个月'; a value that is not an interval is shown as it is."""
    lang = lang or problem_words.language()
    try:
        parsed = Interval.parse(value)
    except IntervalError:
        return str(value)
    one, many = _UNIT_CODES[parsed.unit]
    return _say(one if parsed.count == 1 else many, {"n": parsed.count}, lang)


def elapsed(months: int, lang: str | None = None) -> str:
    """A time since a schedule's anchor: '5 months', '1 year 3 months' / '1年3个月'."""
    lang = lang or problem_words.language()
    years, rest = divmod(max(int(months), 0), 12)
    if not years:
        return interval(f"{rest}m", lang) if rest else _say("due.months", {"n": 0}, lang)
    if not rest:
        return interval(f"{years}y", lang)
    return _say("due.years_months", {"years": interval(f"{years}y", lang),
                                     "months": interval(f"{rest}m", lang)}, lang)


def holiday(name: str, lang: str | None = None) -> str:
    """A holiday's code in words ("national_day" → "National Day" / "国庆节"); a name only a
    holiday file knows is shown as the file writes it."""
    return problem_words.term("holiday", name, lang or problem_words.language())


def _month_day(day: dt.date, lang: str) -> str:
    return _say("due.month_day", {"day": day.day, "month": day.month}, lang)


def _span(first: str, last: str, lang: str) -> str:
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    if a == b:
        return _month_day(a, lang)
    return _say("due.span", {"first": _month_day(a, lang), "last": _month_day(b, lang)}, lang)


def _say(code: str, params: dict, lang: str) -> str:
    params = dict(params)
    if code in TEXT_FORMS and lang.startswith("zh"):
        code += "_text"
    for name in INTERVAL_PARAMS:
        if isinstance(params.get(name), str):
            params[name] = interval(params[name], lang)
    for name in NUMBER_PARAMS:
        if isinstance(params.get(name), (int, float)):
            params[name] = f"{params[name]:g}"
    if "elapsed_months" in params:
        params["elapsed"] = elapsed(params.pop("elapsed_months"), lang)
    if "since" in params:
        params["since"] = step(params["since"], lang) if params["since"] else ""
    if "runs" in params:
        params["runs"] = problem_words._list_sep(lang).join(step(r, lang) for r in params["runs"] or ())
    if "first" in params and "last" in params and code.startswith("due.run_"):
        params["span"] = _span(params.pop("first"), params.pop("last"), lang)
    if "source" in params and params["source"] is None:
        params["source"] = _say("due.no_source", {}, lang)
    if code == "due.outcome" and f"due_outcome.{params.get('outcome')}" not in TERMS and params.get("label"):
        params["outcome"] = params["label"]  # an outcome only the rule file knows: its label
    return problem_words.words(Problem(code, None, params), lang)
