"""A fresh demo shows its timeline in the reader's language: what the software would have
written is a title code (worded in English or Chinese), a person's own notes stay as typed."""
from __future__ import annotations

import collections
import datetime as dt
import re

import pytest
from sqlalchemy import select

from app.demo import generate
from app.profile import Profile
from db.models import TimelineEvent
from ui.problem_templates import ENGLISH
from ui.timeline_words import event_title

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Arguments that are names or a person's words: data, shown as stored in either language.
DATA_ARGS = ("from_org", "to_org", "place", "reason", "decision", "note", "exam", "regimen",
             "treatment", "finding", "result", "label")
SOFTWARE_KINDS = {"referral", "mdt", "followup", "stage", "letter", "screening", "treatment", "exam"}


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    profile = Profile.open(tmp_path_factory.mktemp("demo") / "p")
    generate(profile, 60, 5, (5, 40), today=dt.date(2026, 11, 18), parallel=False)
    with profile.sessions() as s:
        rows = s.scalars(select(TimelineEvent)).all()
        s.expunge_all()
    profile.close()
    return rows


def test_demo_titles_the_software_writes_are_codes_worded_in_both_languages(events):
    coded = [e for e in events if e.title_code]
    by_kind = collections.Counter(e.kind for e in coded)
    assert SOFTWARE_KINDS <= set(by_kind), by_kind
    assert all(e.kind in ("note", "call") for e in events if not e.title_code)  # notes and calls as typed
    codes = {e.title_code for e in coded}
    assert codes <= set(ENGLISH) and len(codes) >= 12, codes
    for e in coded:
        assert e.title == ""
        chinese, english = event_title(e, "zh_CN"), event_title(e, "en")
        assert "{" not in chinese and "{" not in english and chinese != english
        words = english
        data = [(e.title_args or {}).get(name) for name in DATA_ARGS]
        for value in sorted((v for v in data if isinstance(v, str)), key=len, reverse=True):
            words = words.replace(value, "")  # longest first: a finding may contain an exam's name
        assert not CJK.search(words), (e.title_code, english)


def test_demo_chinese_titles_read_as_before(events):
    titles = {event_title(e, "zh_CN") for e in events if e.title_code}
    assert any(re.fullmatch(r"发出上转单：.+ → .+", t) for t in titles)
    assert any(re.fullmatch(r"阶段变更：(预防|筛查|诊断|治疗|康复|帮扶)→(预防|筛查|诊断|治疗|康复|帮扶)", t) for t in titles)
    assert any(re.fullmatch(r"(电话|门诊|上门)随访：.+", t) for t in titles)
    assert "纳入高危人群健康管理" in titles
