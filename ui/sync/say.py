"""Sync failures and refused changes in words, without Qt: the window (ui/sync/words.py) and
the `sync` command print the same sentences, from ui/problem_templates/sync.py and its
Chinese catalogue.

A failure is worded by the server's code when this CaseDesk knows it, else by its kind
(app/sync/errors.py): a newer server's unknown code still reads as what happened.
"""
from __future__ import annotations

from app.errors import CaseDeskError
from app.problems import Problem
from app.sync import errors
from app.sync.service import OutboxItem
from app.sync.service import classify
from ui import problem_words
from ui.problem_templates import ENGLISH

SHORT = (errors.OFFLINE, errors.TIMEOUT)  # the dialog around them already says changes are kept


def failure(exc: BaseException, lang: str | None = None, short: bool = False) -> str:
    """What to tell a person about a failed sync action (a SyncError, an unusable keyring,
    a bug); another CaseDeskError or ProblemError of the action itself is worded as it is."""
    kind = classify(exc)
    if kind == errors.UNEXPECTED:
        if isinstance(exc, CaseDeskError):
            return problem_words.say(exc, lang)  # the action's own refusal, e.g. "settled already"
        return kind_words(kind, lang=lang)
    code = getattr(exc, "code", None)
    params = dict(getattr(exc, "params", None) or {})
    if code in ENGLISH and not (code == "auth.slow_down" and "retry_after_s" not in params):
        return problem_words.words(Problem(code, None, params), lang)
    if kind == errors.SLOWED_DOWN and "retry_after_s" in params:  # an older server's Retry-After header
        return problem_words.words(Problem("auth.slow_down", None, params), lang)
    if kind == errors.REFUSED and code:
        return problem_words.words(Problem(code, None, params), lang)  # "unknown" words, with the code
    return kind_words(kind, params, getattr(exc, "status", None), lang, short)


def kind_words(kind: str, params: dict | None = None, status: int | None = None,
               lang: str | None = None, short: bool = False) -> str:
    code = f"sync.kind.{kind}"
    if short and kind in SHORT:
        code += ".short"
    if code not in ENGLISH:
        code = "sync.kind.unexpected"
    values = {"status": status if status is not None else "?", **(params or {})}
    return problem_words.words(Problem(code, None, values), lang)


def rejection(item: OutboxItem, lang: str | None = None, sep: str = "\n") -> str:
    """Why the server refused a change: its problems worded, or (an older server) its reason."""
    problems = item.problems
    if problems:
        return sep.join(problem_words.words(p, lang) for p in problems)
    if item.reason:
        return item.reason  # an older server's English: the only reason there is
    return problem_words.words(Problem("sync.rejected_unexplained"), lang)

