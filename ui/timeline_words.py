"""A timeline event's title in the reader's language — without Qt.

The software stores the titles it writes as a code and parameters (TimelineEvent.title_code,
title_args); a person's own words (a note, a call) stay in `title` with no code. A body the
software writes is stored the same way in the event's data (data["body_code"], ["body_args"]),
and `body` keeps only what a person typed (older rows: their prose, shown as it is). The
templates are ui/problem_templates/timeline.py with their Chinese in
resources/i18n/casedesk_problems_timeline_zh_CN.ts, read through ui/problem_words, so the
window, the CLI and anything that exports words the same title the same way.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import SimpleNamespace

from app.problems import Problem
from ui import due_words
from ui import problem_words
from ui import risk_words
from ui.problem_templates import ENGLISH
from ui.problem_templates import TERMS

# Parameters that hold an ISO date-time: shown to the minute, in local time.
DATETIME_ARGS = ("at",)
# A vocabulary parameter whose code this build may not know (the rules file can add follow-up
# outcomes): then the label stored beside it is shown instead of the bare code.
LABELLED_ARGS = {"outcome": ("tl_outcome", "label")}


def title(code: str | None, args: Mapping | None, text: str = "", lang: str | None = None) -> str:
    """The words for a title code, or `text` when there is none (a person's own title) or
    the code is one this build does not know (written by a newer CaseDesk)."""
    if not code or code not in ENGLISH:
        return text or ""
    params = dict(args or {})
    for name in DATETIME_ARGS:
        if isinstance(params.get(name), str):
            params[name] = local_minute(params[name])
    for name, (kind, label) in LABELLED_ARGS.items():
        if name in params and f"{kind}.{params[name]}" not in TERMS and params.get(label):
            params[name] = params[label]  # an unknown term is shown as it is given
    return _words(code, params, lang)


def event_title(event, lang: str | None = None) -> str:
    """The title of anything with `title`, `title_code` and `title_args` (a TimelineEvent
    row, app.patients.TimelineItem, a referral finding)."""
    return title(getattr(event, "title_code", None), getattr(event, "title_args", None),
                 getattr(event, "title", "") or "", lang)


def local_minute(value: str) -> str:
    """'2026-11-24T14:00:00+00:00' → '2026-11-24 22:00' in this computer's time zone; a
    time without a zone (migrated from an old title, already local) as it was written."""
    try:
        at = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if at.tzinfo is not None:
        at = at.astimezone()
    return f"{at:%Y-%m-%d %H:%M}"


def _words(code: str, params: dict, lang: str | None) -> str:
    return problem_words.words(Problem(code, None, params), lang)


def body(code: str | None, args: Mapping | None, text: str = "", lang: str | None = None) -> str:
    """The words for a body code, or `text` (what a person typed, or an older row's prose)
    when there is none or the code is one this build does not know."""
    if not code or code not in ENGLISH:
        return text or ""
    lang = lang or problem_words.language()
    params = dict(args or {})
    for name, fill in _FILLS.items():
        if name in params:
            params[name] = fill(params[name], params, lang)
    return _words(code, params, lang)


def event_body(event, lang: str | None = None) -> str:
    """The body of a TimelineEvent row or an app.patients.TimelineItem."""
    code, args = getattr(event, "body_code", None), getattr(event, "body_args", None)
    if code is None:
        data = getattr(event, "data", None)
        if isinstance(data, Mapping):
            code, args = data.get("body_code"), data.get("body_args")
    return body(code, args, getattr(event, "body", "") or "", lang)


def _due(value, _params, lang: str) -> str:
    """A Due as app/pathway/engine.Due.to_json stored it: the explanation ui/due_words writes."""
    if not isinstance(value, Mapping) or not value.get("date"):
        return ""
    rule = value.get("rule")
    return due_words.explain(SimpleNamespace(
        date=dt.date.fromisoformat(value["date"]), rule=SimpleNamespace(**rule) if rule else None,
        steps=list(value.get("steps") or ()), warnings=list(value.get("warnings") or ())), lang)


def _next_action(value, params, lang: str) -> str:
    """The next step: the rule file's own words for a Chinese reader (they are written in
    Chinese, and a county may change them), else the step's code worded."""
    if lang.startswith("zh") and params.get("next_action_text"):
        return str(params["next_action_text"])
    if isinstance(value, Mapping):
        return _words(str(value.get("code")), dict(value.get("params") or {}), lang)
    return str(value)


def _actions(value, _params, lang: str) -> str:
    """An MDT plan's steps, one to a line: "1. <step> (by <date>)"."""
    return "\n".join(f"{n}. " + _words("timeline.body.mdt_action", {"step": f"{a.get('plan')}.{a.get('step')}",
                                                                     "due": a.get("due")}, lang)
                     for n, a in enumerate(value or (), start=1) if isinstance(a, Mapping))


# Parameters a template cannot word by itself: nested explanations and lists.
_FILLS = {
    "due": _due,
    "risk": lambda value, _params, lang: risk_words.explain(value, lang) if isinstance(value, Mapping) else "",
    "next_action": _next_action,
    "actions": _actions,
}
