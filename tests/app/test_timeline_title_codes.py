"""Title codes: every code the services and the demo write has words in English and Chinese
with the same placeholders, and the rule book refuses a code longer than its column."""
from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

from app import rulebook
from tests.app.test_rulebook import NET
from ui.problem_templates import ENGLISH
from ui.problem_templates import timeline
from ui.problem_words import catalogue
from ui.problem_words import say

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 11, 18, 8, tzinfo=dt.timezone.utc)


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_title_code_written_in_app_has_words_in_both_languages():
    written = set()
    for path in (ROOT / "app").rglob("*.py"):
        written |= set(re.findall(r'"(timeline\.[a-z_.]+)"', path.read_text(encoding="utf-8")))
    assert len(written) >= 30 and written <= set(timeline.ENGLISH), written - set(timeline.ENGLISH)
    zh = catalogue("zh_CN")
    for code in timeline.ENGLISH:
        assert len(code) <= 48
        english = ENGLISH[code]
        assert english in zh and fields(zh[english]) == fields(english), code
    for english in timeline.TERMS.values():
        assert english in zh, english


def test_the_rule_book_refuses_a_title_code_longer_than_its_column():
    event = {"patient_id": "pat", "kind": "mdt", "title": "", "occurred_at": NOW,
             "title_code": "timeline.mdt.booked", "title_args": {"at": NOW.isoformat(), "place": "MDT门诊"}}
    assert rulebook.check("timeline_events", None, event, None, NET) == []
    problems = rulebook.check("timeline_events", None, {**event, "title_code": "timeline." + "x" * 41}, None, NET)
    assert [(p.code, p.field) for p in problems] == [("field.too_long", "title_code")]
    assert say(problems, "zh_CN") == "标题代码：最多 48 个字。"
    assert say(problems, "en") == "Title code: at most 48 characters."
