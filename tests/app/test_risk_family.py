"""A household relative's confirmed cancer answers the family-history question (#18 item 3),
and the questionnaire computes pack-years and asks a former smoker when they quit (item 2)."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app import clock
from app.errors import ValidationError
from app.screening.enrol import assess_patient
from app.screening.risk import assess
from db.models import Case
from db.models import Household
from db.models import HouseholdMember
from db.models import Patient
from db.models import Screening
from db.models import TimelineEvent
from tests.app.test_import_data import network
from ui import risk_words
from ui.problem_words import say
from ui.timeline_words import event_body

TODAY = dt.date(2026, 6, 1)
SMOKER = {"smoking": "current", "cigarettes_per_day": 10, "smoking_years": 30}  # 15 pack-years: not enough alone


def _family(profile, parent_stage: str, cancer: str = "lung", net=None):
    net = net or network(profile)
    with profile.store.write() as tx:
        father = tx.add(Patient(name="李建国", sex="M", birth_date=dt.date(1944, 3, 1), community_id=net.point_a1)).id
        child = tx.add(Patient(name="李明", sex="M", birth_date=dt.date(1971, 1, 1), community_id=net.point_a1)).id
        tx.add(Case(patient_id=father, cancer_type=cancer, stage=parent_stage, station_id=net.station_a,
                    opened_at=clock.now()))
        home = tx.add(Household(patient_id=father, name="李家")).id
        tx.add(HouseholdMember(household_id=home, patient_id=father, relation="self"))
        tx.add(HouseholdMember(household_id=home, patient_id=child, relation="child"))
    return father, child


def test_a_parent_with_lung_cancer_makes_a_smoking_child_high_risk_and_says_so(profile):
    father, child = _family(profile, "treat")
    clock.pin(dt.datetime(2026, 6, 1, 2, 0, tzinfo=dt.timezone.utc))
    try:
        done = assess_patient(profile, child, "lung", SMOKER)
    finally:
        clock.pin(None)
    result = done.result
    assert result.answers["age"] == 55 and result.answers["pack_years"] == 15
    assert result.high_risk and done.enrolled and [h.id for h in result.fired] == ["lung-family"]
    zh, en = risk_words.explain(result.reason, "zh_CN"), risk_words.explain(result.reason, "en")
    assert zh == ("高危：50–74 岁 且 一级亲属确诊肺癌（吸烟 15 包年 = 每天 10 支 × 30 年 ÷ 20；"
                  "父亲 李建国（家庭成员）确诊肺癌）")
    assert en.startswith("High risk: age 50–74 and a first-degree relative diagnosed with lung cancer (15 pack-years")
    assert "Father 李建国 (household member) diagnosed with lung cancer" in en
    with profile.sessions() as s:
        screening = s.get(Screening, done.screening_id)
        assert screening.details["relatives"] == [[father, "parent"]]
        event = s.scalars(select(TimelineEvent).where(TimelineEvent.ref_id == done.screening_id)).one()
        assert "父亲 李建国（家庭成员）确诊肺癌" in event_body(event, "zh_CN")


def test_a_relative_still_being_diagnosed_or_of_another_cancer_does_not_count(profile):
    net = network(profile)
    _, child = _family(profile, "diagnose", net=net)
    assert not assess_patient(profile, child, "lung", SMOKER).result.high_risk
    _, other_child = _family(profile, "rehab", cancer="stomach", net=net)
    assert not assess_patient(profile, other_child, "lung", SMOKER).result.relatives
    done = assess_patient(profile, other_child, "stomach", {})
    assert [h.id for h in done.result.fired] == ["stomach-family"]


def test_pack_years_are_computed_and_shown():
    result = assess("lung", {"age": 60, "smoking": "former", "cigarettes_per_day": 15, "smoking_years": 42,
                             "quit_years": 10}, today=TODAY)
    assert result.answers["pack_years"] == 31.5 and result.high_risk and result.computed == ("pack_years",)
    assert risk_words.explain(result.reason, "zh_CN") == (
        "高危：50–74 岁 且 吸烟 ≥30 包年 且 戒烟 <15 年（吸烟 31.5 包年 = 每天 15 支 × 42 年 ÷ 20）")
    assert risk_words.explain(result.reason, "en") == (
        "High risk: age 50–74 and smoking ≥30 pack-years and quit <15 years "
        "(31.5 pack-years = 15 cigarettes a day × 42 years ÷ 20)")
    low = assess("lung", {"age": 60, "smoking": "current", "cigarettes_per_day": 19, "smoking_years": 30}, today=TODAY)
    assert not low.high_risk and "28.5 包年" in risk_words.explain(low.reason, "zh_CN")


def test_a_former_smoker_must_say_when_they_quit():
    with pytest.raises(ValidationError) as info:
        assess("lung", {"age": 60, "smoking": "former", "cigarettes_per_day": 20, "smoking_years": 30}, today=TODAY)
    assert info.value.field == "quit_years" and info.value.problem.code == "risk.answer_required"
    assert say(info.value, "en").startswith("quit_years (") and "must be answered when smoking is former" in say(
        info.value, "en")
    assert "smoking 为 former 时必须填写" in say(info.value, "zh_CN")
    with pytest.raises(ValidationError) as info:
        assess("lung", {"age": 60, "smoking": "current", "cigarettes_per_day": 20, "smoking_years": 30,
                        "quit_years": 5}, today=TODAY)
    assert info.value.field == "quit_years" and info.value.problem.code == "risk.answer_not_asked"
    with pytest.raises(ValidationError) as info:
        assess("lung", {"age": 40, "smoking": "current", "cigarettes_per_day": 20, "smoking_years": 41}, today=TODAY)
    assert info.value.field == "smoking_years" and "more than the age (40)" in say(info.value, "en")


def test_high_risk_outside_the_screening_ages_is_said_and_not_booked(profile):
    net = network(profile)
    with profile.store.write() as tx:
        old = tx.add(Patient(name="王老", sex="F", birth_date=dt.date(1949, 1, 1), community_id=net.point_a1)).id
    done = assess_patient(profile, old, "colorectal", {"age": 77, "polyp_history": True})
    assert done.result.high_risk and not done.result.screen and not done.enrolled and done.followup_id is None
    assert risk_words.explain(done.result.reason, "zh_CN") == (
        "高危，但不在筛查年龄（高风险人群 40–75 岁筛查）：≥40 岁 且 本人有肠息肉史")
    assert risk_words.explain(done.result.reason, "en") == (
        "High risk, but outside the screening ages (high risk: screened at 40–75): age ≥40 and own history of "
        "bowel polyps")
