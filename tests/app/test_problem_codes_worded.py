"""The codes built from parts (a rule file's rules.<what>, a letter template's
letters.template_<what>, an import row's screening.row_<code>, a skipped letter's
letters.skipped_<reason>) and those raised with `.coded(...)` or printed by the CLI's `_say(...)`
all have words in English and Chinese: a person never reads a code."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.letters.prepare import REASONS
from app.problems import Problem
from app.screening.problems import CODES
from ui import problem_words
from ui.problem_templates import ENGLISH

ROOT = Path(__file__).resolve().parents[2]
PATTERNS = (
    (re.compile(r"""\.coded\(\s*["']([a-z_]+\.[a-z_.]+)["']"""), "{}"),
    (re.compile(r"""_say\(\s*["']([a-z_]+\.[a-z_.]+)["']"""), "{}"),
    (re.compile(r"""Problem\(\s*["'](cli\.[a-z_.]+)["']"""), "{}"),
    (re.compile(r"""code = ["'](cli\.[a-z_.]+)["']"""), "{}"),
    (re.compile(r"""["'](cli\.[a-z_.]+)["'] if """), "{}"),
    (re.compile(r""" else ["'](cli\.[a-z_.]+)["']"""), "{}"),
    (re.compile(r"""rt\.error\(\s*["']([a-z_]+)["']"""), "rules.{}"),
    (re.compile(r"""RuleFileError\([^,]+,[^,]+,\s*["']([a-z_]+)["']"""), "rules.{}"),
    (re.compile(r"""TemplateError\([^,]+,[^,]+,\s*["']([a-z_]+)["']"""), "letters.template_{}"),
    (re.compile(r"""IntervalError\(\s*["']([a-z_]+\.[a-z_]+)["']"""), "{}"),
)


def built_codes() -> dict[str, str]:
    found = {}
    for path in sorted((ROOT / "app").rglob("*.py")):
        if path.name == "errors.py":
            continue  # its docstring shows the form with an example code
        text = path.read_text(encoding="utf-8")
        for pattern, form in PATTERNS:
            for part in pattern.findall(text):
                if not part.endswith("_"):  # "file_" + the interval's code: listed below
                    found.setdefault(form.format(part), str(path.relative_to(ROOT)))
    for code in CODES:
        found[f"screening.row_{code}"] = "app/screening/problems.py"
    for reason in REASONS:
        found[f"letters.skipped_{reason}"] = "app/letters/prepare.py"
    return found


def test_the_scan_finds_the_built_codes():
    codes = built_codes()
    for code in ("rules.missing_version", "rules.risk_condition", "letters.template_unknown_field",
                 "profile.key_missing", "cli.letters_written", "cli.import_done", "screening.row_merge_needed"):
        assert code in codes, code
    assert len(codes) > 100


def _with_interval_codes(codes: dict[str, str]) -> dict[str, str]:
    # app/pathway/rules.py: "file_" + an IntervalError's code, in a rule file
    return {**codes, "rules.file_interval_malformed": "app/pathway/rules.py",
            "rules.file_interval_not_text": "app/pathway/rules.py"}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_built_code_has_words(lang):
    codes = _with_interval_codes(built_codes())
    missing = {code: where for code, where in codes.items() if code not in ENGLISH}
    assert missing == {}, f"codes without words in ui/problem_templates: {missing}"
    unknown = problem_words.words(Problem("no.such_code"), lang)
    for code in codes:
        worded = problem_words.words(Problem(code, None, {}), lang)
        assert worded != unknown and code not in worded, code
        if lang != "en":
            assert problem_words._tr(ENGLISH[code], lang) != ENGLISH[code], f"{code} has no Chinese"
