"""A risk assessment's reason in the reader's language — without Qt.

app/screening/risk.py's RiskResult.reason is a code (area risk: not eligible, no factor, high
risk, high risk outside the screening ages …) with the criteria that fired by id and the rule
file's own words beside them: its Chinese, and its English where the file gives it. For each
fired criterion the reason carries the conditions that held as parts ("50–74 岁", "吸烟 ≥30
包年", "戒烟 <15 年"); this module joins them in the reader's language ("且" / "and"), adds what
was computed (pack-years and how) and which household member answered the family history.
Reasons stored before the parts existed are worded as they were: the file's words for a
Chinese reader, the programme and criteria by id for another.
"""
from __future__ import annotations

from collections.abc import Mapping

from app.problems import Problem
from ui import problem_words

_AND = {"zh": " 且 ", "en": " and "}
_SEP = {"zh": "；", "en": "; "}
_BRACKETS = {"zh": ("（", "）"), "en": (" (", ")")}


def explain(reason: Problem | Mapping, lang: str | None = None) -> str:
    lang = lang or problem_words.language()
    if isinstance(reason, Mapping):
        reason = Problem.from_json(reason)
    params = dict(reason.params)
    code = reason.code
    en = lang.startswith("en")
    key = "en" if en else "zh"
    if en and params.get("eligibility_en"):
        params["eligibility"] = params["eligibility_en"]
        params["screen_text"] = params.get("screen_text_en") or params.get("screen_text", "")
    if params.get("because" if not en else "because_en"):
        parts = params["because_en" if en else "because"]
        params["because"] = _SEP[key].join(_AND[key].join(p) for p in parts)
        if code == "risk.high":
            code = "risk.high_because"
    elif not en or params.get("eligibility_en"):
        if code in ("risk.not_eligible", "risk.no_factor", "risk.high"):
            code += "_text"
        params["criteria_text"] = _SEP[key].join(params.get("criteria_text_en" if en else "criteria_text") or ())
    else:
        params["criteria"] = ", ".join(params.get("criteria") or ())
    text = problem_words.words(Problem(code, None, params), lang)
    extras = list(params.get("computed_en" if en else "computed") or ())
    extras += _relatives(params.get("relatives") or (), params.get("cancer", ""), lang)
    if extras:
        left, right = _BRACKETS[key]
        text += left + _SEP[key].join(extras) + right
    return text


def _relatives(pairs, cancer: str, lang: str) -> list[str]:
    en = lang.startswith("en")
    words = problem_words.term("tl_cancer", cancer, lang)
    words = words[:1].lower() + words[1:] if en else words  # mid-sentence: "diagnosed with lung cancer"
    return [problem_words.words(Problem("risk.relative", None, {"relation": relation, "name": name,
                                                                "cancer": words}), lang)
            for relation, name in pairs]


def relatives(found, cancer: str, lang: str | None = None) -> str:
    """Household relatives (app/screening/risk.Relative) who answer the family history, in words."""
    lang = lang or problem_words.language()
    return _SEP["en" if lang.startswith("en") else "zh"].join(
        _relatives([(r.key, r.name) for r in found], cancer, lang))


def refusal(exc, rules, lang: str | None = None) -> str:
    """A refused questionnaire answer in the reader's words: the question's and the deciding
    answer's text from the rule file in the reader's language (its English where it gives one),
    instead of the file's Chinese and a stored code such as "former"."""
    lang = lang or problem_words.language()
    problems = getattr(exc, "problems", None)
    if not problems:
        return problem_words.say(exc, lang)
    en = lang.startswith("en")
    out = []
    for p in problems:
        params = dict(p.params)
        q = rules.questions.get(params.get("question"))
        if q is not None and en and q.text_en:
            params["text"] = q.text_en
        after = rules.questions.get(params.get("after"))
        if after is not None:
            words = (after.words_en if en else after.words) or {}
            params["after_value"] = words.get(params.get("after_value"), params.get("after_value"))
            params["after"] = (after.text_en if en and after.text_en else after.text)
        out.append(Problem(p.code, p.field, params))
    return problem_words.say(out, lang)
