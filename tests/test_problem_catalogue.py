"""Every problem code the software can raise has words, in English and in Chinese, and the
Chinese catalogue keeps every placeholder of the English template: a person never reads a
code, a half-translated sentence or a "{name}" left in the text."""
from __future__ import annotations

import re
import string
from pathlib import Path

from app.problems import Problem
from ui import problem_templates
from ui import problem_words
from ui.problem_templates import ENGLISH
from ui.problem_templates import TERMS

ROOT = Path(__file__).resolve().parent.parent
# How codes are raised: Problem("x.y", …), refuse("x.y", …), Rejected.of("x.y", …), and a
# WireError's code argument; plus codes kept in module constants (SCOPE = "scope.outside"; not
# the *_KEY names of local settings, which look alike).
RAISED = re.compile(r"""(?:Problem|refuse|Rejected\.of|ProblemError\.of)\(\s*["']([a-z_]+\.[a-z_.]+)["']""")
WIRE = re.compile(r"""WireError\([^)]*?,\s*["']([a-z_]+\.[a-z_.]+)["']""")
CONSTANT = re.compile(r"""^(?![A-Z_]*KEY\b)[A-Z_]+ = ["']((?:scope|sync|auth|referral|patient|mdt|followup|record)\.[a-z_.]+)["']""", re.M)


def raised_codes() -> dict[str, str]:
    found = {}
    for folder in ("app", "server", "db"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            for pattern in (RAISED, WIRE, CONSTANT):
                for code in pattern.findall(text):
                    found.setdefault(code, str(path.relative_to(ROOT)))
    return found


def test_every_raised_code_has_words():
    codes = raised_codes()
    assert len(codes) > 50  # the scan itself works
    missing = {code: where for code, where in codes.items() if code not in ENGLISH}
    assert missing == {}, f"codes without words in ui/problem_templates: {missing}"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_template_is_translated_in_its_own_area_with_the_same_placeholders():
    from ui.problem_templates import AREA_OF_CODE
    from ui.problem_templates import AREA_OF_TERM
    untranslated, wrong = [], {}
    for code, template in ENGLISH.items():
        chinese = problem_words.catalogue("zh_CN", AREA_OF_CODE[code]).get(template)
        if chinese is None:
            untranslated.append(code)
        elif _fields(template) != _fields(chinese):
            wrong[code] = chinese
    for key, word in TERMS.items():
        if word not in problem_words.catalogue("zh_CN", AREA_OF_TERM[key]):
            untranslated.append(key)
    assert untranslated == [], f"no Chinese in their area's catalogue for: {untranslated[:10]}"
    assert wrong == {}, f"placeholders differ: {wrong}"


def test_every_area_has_its_catalogue():
    i18n = ROOT / "resources" / "i18n"
    for area, module in problem_templates.AREAS.items():
        if getattr(module, "ENGLISH", None) or getattr(module, "TERMS", None):
            assert (i18n / f"casedesk_problems_{area}_zh_CN.ts").exists(), area


def test_a_problem_reads_in_one_language_each():
    problem = Problem("referral.step_order", "state", {"state": "sent", "action": "close",
                                                       "allowed": ["receive", "cancel"]})
    zh, en = problem_words.words(problem, "zh_CN"), problem_words.words(problem, "en")
    assert zh == "转诊单当前为「已发送」，不能关闭；现在可以：接收、取消。"
    assert en == "Cannot close a referral that is sent. Possible now: receive, cancel."
    assert not re.search(r"[\u4e00-\u9fff]", en)
