"""A timeline event's title in the reader's language — without Qt.

The software stores the titles it writes as a code and parameters (TimelineEvent.title_code,
title_args); a person's own words (a note, a call) stay in `title` with no code. The
templates are ui/problem_templates/timeline.py with their Chinese in
resources/i18n/casedesk_problems_timeline_zh_CN.ts, read through ui/problem_words, so the
window, the CLI and anything that exports words the same title the same way.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from app.problems import Problem
from ui import problem_words
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

