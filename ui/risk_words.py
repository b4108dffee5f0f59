"""A risk assessment's reason in the reader's language — without Qt.

app/screening/risk.py's RiskResult.reason is a code (area risk: not eligible, no factor, high
risk) with the criteria that fired by id and the rule file's own words beside them. The risk
rule files are written in Chinese: a Chinese reader gets their words (the target population,
each criterion's text, as before); another reader gets the programme and criteria by id.
"""
from __future__ import annotations

from collections.abc import Mapping

from app.problems import Problem
from ui import problem_words


def explain(reason: Problem | Mapping, lang: str | None = None) -> str:
    lang = lang or problem_words.language()
    if isinstance(reason, Mapping):
        reason = Problem.from_json(reason)
    params = dict(reason.params)
    code = reason.code
    if lang.startswith("zh"):
        code += "_text"
        params["criteria_text"] = "；".join(params.get("criteria_text") or ())
    else:
        params["criteria"] = ", ".join(params.get("criteria") or ())
    return problem_words.words(Problem(code, None, params), lang)
