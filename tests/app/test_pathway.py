"""The pathway engine's dates: schedules by phase, working days with China's holidays and
make-up days, uncovered years, overrides, and explanations that name rule and shift."""
from __future__ import annotations

import datetime as dt
import re

import chinese_calendar
import pytest

from app import pathway
from app.pathway.intervals import Interval
from app.pathway.intervals import IntervalError
from ui import due_words

D = dt.date


@pytest.fixture(scope="module")
def engine():
    return pathway.load()


def next_workday(day: dt.date) -> dt.date:
    while not chinese_calendar.is_workday(day):
        day += dt.timedelta(days=1)
    return day


def test_every_three_months_in_the_first_two_years_after_curative_treatment(engine):
    rule = engine.rules.get("rehab-curative")
    due = engine.schedule_due(rule, D(2026, 4, 7), anchor=D(2026, 1, 5), anchor_label="进入康复期")
    assert due.unshifted == D(2026, 7, 7) and due.date == next_workday(D(2026, 7, 7))
    assert "第1阶段" in due_words.explain(due, "zh_CN") and "2年内每3个月" in due_words.explain(due, "zh_CN")


def test_every_six_months_after_two_years(engine):
    due = engine.schedule_due(engine.rules.get("rehab-curative"), D(2025, 3, 12), anchor=D(2023, 1, 10))
    assert due.unshifted == D(2025, 9, 12)
    assert "第2阶段" in due_words.explain(due, "zh_CN")


def test_yearly_after_five_years(engine):
    due = engine.schedule_due(engine.rules.get("rehab-curative"), D(2024, 6, 10), anchor=D(2019, 6, 3))
    assert due.unshifted == D(2025, 6, 10) and due.date == next_workday(D(2025, 6, 10))
    assert "第3阶段" in due_words.explain(due, "zh_CN") and "此后每1年" in due_words.explain(due, "zh_CN")


def test_a_named_cancer_beats_the_general_rule(engine):
    assert engine.schedule_for("colorectal", "rehab").id == "rehab-colorectal"
    assert engine.schedule_for("lung", "rehab").id == "rehab-curative"
    assert engine.schedule_for("lung", "screen").id == "screen-lung-ldct"
    assert engine.schedule_for("thyroid", "prevent").id == "screen-general"
    assert engine.schedule_for("breast", "treat").id == "treat-weekly"


def test_national_day_2026_moves_a_due_date_to_the_next_working_day(engine):
    due = engine.after(D(2026, 7, 3), "3m")
    assert due.unshifted == D(2026, 10, 3)
    # chinesecalendar (State Council notice): 1-7 October off, the 8th (Thursday) a working day.
    assert due.date == next_workday(D(2026, 10, 3)) == D(2026, 10, 8)
    text = due_words.explain(due, "zh_CN")
    assert "国庆节" in text and "顺延" in text and "2026-10-08" in text and "chinesecalendar" in text
    assert due.warnings == ()


def test_a_make_up_working_saturday_stays(engine):
    assert chinese_calendar.is_workday(D(2026, 10, 10)) and D(2026, 10, 10).weekday() == 5
    due = engine.after(D(2026, 9, 10), "1m")
    assert due.date == due.unshifted == D(2026, 10, 10)
    assert "调休上班" in due_words.explain(due, "zh_CN")


def test_a_year_the_data_does_not_cover_warns_and_still_skips_weekends(engine):
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D(2028, 1, 3))
    due = engine.after(D(2027, 1, 1), "1y")  # 2028-01-01 is a Saturday
    assert due.date == D(2028, 1, 3)
    assert [(w.code, w.params["year"]) for w in due.warnings] == [("due.holidays_uncovered", 2028)]
    assert "⚠ 2028年的法定节假日与调休安排未收录" in due_words.explain(due, "zh_CN")
    assert "⚠ The statutory holidays and make-up working days of 2028 are not in the data" in due_words.explain(due, "en")


def test_the_explanation_names_rule_version_source_and_shift(engine):
    due = engine.schedule_due(engine.rules.get("rehab-curative"), D(2026, 7, 3), anchor=D(2026, 1, 2))
    text = due_words.explain(due, "zh_CN")
    assert due.rule_id == "rehab-curative" and due.date == D(2026, 10, 8)
    assert "rehab-curative v2026.1" in text and "《" in text and "顺延至下一个工作日 2026-10-08" in text


def test_screening_interval_and_nodule_size_category(engine):
    due = engine.screening_due(engine.rules.get("screen-liver-us-afp"), D(2026, 3, 2))
    assert due.unshifted == D(2026, 9, 2) and "liver_us_afp" in due_words.explain(due, "zh_CN")
    nodule = engine.nodule_due(8, "solid", D(2026, 4, 1))
    assert nodule.rule_id == "nodule-solid-5-15" and nodule.unshifted == D(2026, 7, 1)
    assert engine.nodule_due(4.9, "solid", D(2026, 4, 1)).rule_id == "nodule-solid-lt5"
    assert "肺癌筛查" in str(nodule.rule.source)


def test_month_arithmetic_clamps_to_the_end_of_the_month(engine):
    due = engine.after(D(2026, 1, 31), "1m")
    assert due.unshifted == D(2026, 2, 28) and "取月末" in due_words.explain(due, "zh_CN")


@pytest.mark.parametrize("text", ["3x", "m3", "0m", "", "3 months", 3])
def test_malformed_intervals_are_refused(text):
    with pytest.raises(IntervalError) as info:
        Interval.parse(text)
    assert info.value.problem.code in ("rules.interval_malformed", "rules.interval_not_text")
    assert info.value.problem.params["value"] == str(text)


def test_an_administrators_holiday_file_covers_a_new_year(tmp_path):
    # Synthetic test data, not the real 2027 arrangement (not published when this was written).
    folder = tmp_path / "holidays"
    folder.mkdir()
    (folder / "2027.toml").write_text(
        'year = 2027\nversion = "test-1"\nsource = "测试用节假日安排"\n\n[[holiday]]\nname = "测试假日"\n'
        "from = 2027-03-03\nto = 2027-03-05\nworkdays = [2027-03-06]\n", encoding="utf-8")
    engine = pathway.load(tmp_path)
    due = engine.after(D(2027, 2, 3), "1m")
    assert due.date == D(2027, 3, 6)  # Wednesday-Friday off, the Saturday a make-up working day
    assert due.warnings == () and "2027.toml vtest-1" in due_words.explain(due, "zh_CN") and "测试假日" in due_words.explain(due, "zh_CN")


def test_a_profile_override_wins_over_chinesecalendar(tmp_path):
    folder = tmp_path / "holidays"
    folder.mkdir()
    (folder / "2026.toml").write_text(
        'year = 2026\nversion = "local-1"\nsource = "本地测试：国庆延长一天"\n\n[[holiday]]\nname = "国庆节"\n'
        "from = 2026-10-01\nto = 2026-10-08\nworkdays = [2026-10-10]\n", encoding="utf-8")
    due = pathway.load(tmp_path).after(D(2026, 7, 3), "3m")
    assert due.date == D(2026, 10, 9) and "2026.toml" in due_words.explain(due, "zh_CN")
    # The file names the holiday in Chinese; it is the same holiday as chinesecalendar's.
    assert due.steps[-1].params["runs"][0]["params"]["holiday"] == "national_day"
    assert "3 Oct–8 Oct: National Day holiday" in due_words.explain(due, "en")
    assert pathway.load().after(D(2026, 7, 3), "3m").date == D(2026, 10, 8)  # bundled unchanged


def test_transitions_follow_the_cancer_types_pathway(engine):
    assert engine.transition("lung", "screen", "diagnose").allowed
    back = engine.transition("lung", "rehab", "diagnose")
    assert back.allowed and back.is_return
    refused = engine.transition("lung", "screen", "rehab")
    assert not refused.allowed and refused.problem.params["rule"] == "pathway-default"
    assert refused.problem.params["from_stage"] == "screen" and refused.problem.params["to_stage"] == "rehab"
    assert not engine.transition("thyroid", "prevent", "screen").allowed  # no programme
    assert engine.transition("thyroid", "prevent", "diagnose").allowed


def test_a_due_carries_its_steps_as_codes_and_parameters(engine):
    """The steps are data (worded where they are shown), not sentences in one language."""
    due = engine.after(D(2026, 7, 3), "3m")
    assert [s.code for s in due.steps] == ["due.add", "due.moved"]
    assert due.steps[0].params == {"start": "2026-07-03", "interval": "3m", "date": "2026-10-03"}
    moved = due.steps[1].params
    assert moved["to"] == "2026-10-08" and moved["to_weekday"] == 3 and moved["source"].startswith("chinesecalendar")
    assert moved["runs"] == [{"code": "due.run_holiday", "params": {"first": "2026-10-03", "last": "2026-10-07",
                                                                     "holiday": "national_day"}}]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_kind_of_step_reads_in_one_language(engine, lang):
    dues = [engine.schedule_due(engine.rules.get("rehab-curative"), D(2026, 4, 7), D(2026, 1, 5)),
            engine.schedule_due(engine.rules.get("rehab-curative"), D(2024, 6, 10), D(2019, 6, 3)),
            engine.screening_due(engine.rules.get("screen-liver-us-afp"), D(2026, 3, 2)),
            engine.nodule_due(8, "solid", D(2026, 4, 1)), engine.nodule_due(20, "non_solid", D(2026, 4, 1)),
            engine.after(D(2026, 1, 31), "1m"), engine.after(D(2027, 1, 1), "1y"), engine.after(D(2026, 2, 2), "2w"),
            engine.followup_due("lung", "diagnose", D(2026, 3, 2)),
            engine.outcome_due(engine.rules.get("outcome-symptoms"), D(2026, 9, 24)),
            engine.default_due(D(2026, 9, 24))]
    text = "\n".join(due_words.explain(due, lang) for due in dues)
    cjk = re.search(r"[\u4e00-\u9fff]", text)
    if lang == "en":
        assert not cjk, text
        for words in ("phase 3: every 1 year from then on", "make-up working day for Spring Festival",
                      "A solid nodule of 8 mm: the 5–<15 mm category", "2026-02-02 + 2 weeks = 2026-02-16",
                      "(that month has no day 31: its last day)", "an invitation every 6 months",
                      "Follow-up outcome “Symptoms, advised to see a doctor”: the next follow-up 14 days later",
                      "No case linked: 3 months later by default"):
            assert words in text, words
    else:
        assert cjk and not re.search(r"\b(Due|Rule|phase|months?|weeks?|holiday)\b", text), text
        assert "第3阶段：此后每1年一次" in text and "春节调休上班日" in text and "非实性结节 20 mm" in text
        assert "随访结局“出现不适，已指导就诊”：14天后再次随访" in text and "没有关联个案，默认3个月后" in text
