"""Words for problem codes (app/problems.py), in the reader's language — without Qt.

The window and the CLI print the same words: the English templates are here, the Chinese
in resources/i18n/casedesk_problems_<area>_zh_CN.ts (context "Problems", a Qt catalogue that the
window's translator also loads). This module reads that catalogue with ElementTree, so
`main.py` subcommands word problems without loading Qt. `scripts/problem_catalogue.py`
adds new templates to the .ts (unfinished); a test fails while any lacks a translation.

A parameter that is a vocabulary value (a referral state, an action, a field name …) is
worded through TERMS before it is put into the template.
"""
from __future__ import annotations

import functools
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from app.problems import Problem
from ui.problem_templates import AREA_OF_CODE
from ui.problem_templates import AREA_OF_TERM
from ui.problem_templates import ENGLISH
from ui.problem_templates import TERM_PARAMS
from ui.problem_templates import TERMS
from ui.resources import resources_dir

CONTEXT = "Problems"
CATALOGUES = "casedesk_problems_*_{language}.ts"  # one per area of ui/problem_templates
# Until the window or the CLI says (both always do), the source language, as Qt without translators.
_language = os.environ.get("CASEDESK_LANG") or "en"


def set_language(language: str) -> None:
    """The window calls this when the person switches language; the CLI from --lang/LANG."""
    global _language
    _language = language


def language() -> str:
    return _language


@functools.cache
def catalogue(language: str, area: str | None = None) -> dict[str, str]:
    """English source → translation, finished entries only (an unfinished one stays English):
    one area's catalogue, or all of them merged (area None)."""
    out: dict[str, str] = {}
    if area is not None:
        path = resources_dir() / "i18n" / CATALOGUES.replace("*", area).format(language=language)
        return _read(path) if path.exists() else {}
    for path in sorted((resources_dir() / "i18n").glob(CATALOGUES.format(language=language))):
        out.update(_read(path))
    return out


def _read(path) -> dict[str, str]:
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            source, translation = message.find("source"), message.find("translation")
            if source is None or translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            if translation.text:
                out[source.text or ""] = translation.text
    return out


def _tr(text: str, lang: str, area: str | None = None) -> str:
    """`text` in `lang`, from its own area's catalogue first, then from any."""
    if lang.startswith("en"):
        return text
    if area is not None:
        found = catalogue(lang, area).get(text)
        if found is not None:
            return found
    return catalogue(lang).get(text, text)


def term(kind: str, value, lang: str | None = None) -> str:
    """A vocabulary value in words: term("state", "sent") → "已发送"."""
    lang = lang or _language
    key = f"{kind}.{value}"
    english = TERMS.get(key)
    return _tr(english, lang, AREA_OF_TERM.get(key)) if english else str(value)


def words(problem: Problem, lang: str | None = None) -> str:
    lang = lang or _language
    template = ENGLISH.get(problem.code)
    if template is None:
        # A code from a newer server or a bug: say so plainly, with the code for the log.
        return _tr(ENGLISH["unknown"], lang).format(code=problem.code)
    params = {}
    area = problem.code.split(".", 1)[0]
    for name, value in problem.params.items():
        kind = TERM_PARAMS.get(f"{area}:{name}") or TERM_PARAMS.get(name)
        if kind and isinstance(value, list):
            params[name] = _list_sep(lang).join(term(kind, v, lang) for v in value)
        elif kind:
            params[name] = term(kind, value, lang)
        else:
            params[name] = value
    if problem.field and "field_name" not in params:
        params["field_name"] = term("field", problem.field, lang)
    try:
        return _tr(template, lang, AREA_OF_CODE.get(problem.code)).format(**params)
    except (KeyError, IndexError, ValueError):
        return _tr(template, "en").format_map(_Missing(params))


def say(problems: Problem | Iterable[Problem] | BaseException, lang: str | None = None) -> str:
    """What to show a person for a problem, several, or an exception (a ProblemError is worded;
    another CaseDeskError is shown as it is)."""
    if isinstance(problems, BaseException):
        found = getattr(problems, "problems", None)
        if not found:
            return str(problems)
        problems = found
    if isinstance(problems, Problem):
        problems = [problems]
    return "\n".join(words(p, lang) for p in problems)


def _list_sep(lang: str) -> str:
    return ", " if lang.startswith("en") else "、"


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
