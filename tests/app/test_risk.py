"""Risk assessment: each criterion fires with its explanation, the target population,
missing answers, rule files with file:line errors, enrolment of the high-risk, the CLI."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest
from sqlalchemy import select

from app import clock
from app.errors import ValidationError
from app.pathway.textfile import RuleFileError
from app.screening.enrol import assess_patient
from app.screening.risk import assess
from app.screening.riskrules import BUNDLED_DIR
from app.screening.riskrules import load
from app.screening.riskrules import load_all
from db.models import Case
from db.models import Followup
from db.models import Patient
from db.models import Screening
from db.models import TimelineEvent
from tests.app.test_import_data import network
from tests.support import run_main
from ui import risk_words
from ui.problem_words import say
from ui.timeline_words import event_body
from ui.timeline_words import event_title

TODAY = dt.date(2026, 6, 1)


def fired(cancer, **answers):
    return [h.id for h in assess(cancer, answers, today=TODAY).fired]


@pytest.mark.parametrize("answers, criterion", [
    ({"pack_years": 30, "quit_years": 14}, "lung-smoking"),
    ({"passive_smoking_years": 20}, "lung-passive-smoking"),
    ({"copd": True}, "lung-copd"),
    ({"occupational_exposure_years": 1}, "lung-occupational"),
    ({"family_history": True}, "lung-family"),
])
def test_each_lung_criterion_fires_alone_and_explains_itself(answers, criterion):
    result = assess("lung", {"age": 60, **answers}, today=TODAY)
    assert result.level == "high" and [h.id for h in result.fired] == [criterion]
    hit = result.fired[0]
    assert risk_words.explain(result.reason, "zh_CN").startswith("高危：50–74 岁 且 ") and hit.source == "《中国肺癌筛查与早诊早治指南（2021，北京）》"
    rule = result.as_json()["rule"]
    assert (rule["file"], rule["version"], rule["source"]) == ("lung.toml", "2026.2", "《中国肺癌筛查与早诊早治指南（2021，北京）》")
    assert "中华肿瘤杂志" in rule["citation"] and "43(3)" in rule["citation"] and "DOI" in rule["citation"]


def test_lung_thresholds_and_the_target_ages():
    assert fired("lung", age=60, pack_years=29.9) == []
    assert fired("lung", age=60, pack_years=40, quit_years=15) == []  # quit 15 years ago: no longer
    result = assess("lung", {"age": 49, "pack_years": 40}, today=TODAY)
    assert result.level == "low" and not result.eligible and "50–74" in risk_words.explain(result.reason, "zh_CN")
    assert assess("lung", {"age": 75, "copd": True}, today=TODAY).level == "low"
    assert assess("lung", {"age": 74, "copd": True}, today=TODAY).level == "high"
    assert assess("lung", {"birth_date": "1966-06-02"}, today=TODAY).answers["age"] == 59


def test_colorectal_fit_and_two_of_six_symptoms():
    assert fired("colorectal", age=55, fit_positive=True) == ["crc-fit"]
    assert fired("colorectal", age=55, fit_positive=False, chronic_constipation=True) == []
    assert fired("colorectal", age=55, fit_positive=False, chronic_constipation=True,
                 life_events=True) == ["crc-symptoms"]
    pending = assess("colorectal", {"age": 55}, today=TODAY)
    assert pending.level == "medium" and pending.undetermined == ("crc-fit",)  # FIT not back yet


def test_the_other_programme_cancers_have_rules():
    assert set(load_all()) == {"lung", "colorectal", "breast", "cervical", "stomach", "liver", "oesophagus",
                               "prostate"}
    assert fired("liver", age=45, hbv=True) == ["liver-hbv"]
    assert fired("stomach", age=45, h_pylori=True) == ["stomach-hp"]
    assert fired("oesophagus", age=50, family_history=True) == ["oesophagus-family"]
    assert fired("prostate", age=62, sex="M") == ["prostate-age"]
    assert assess("breast", {"age": 50, "sex": "M", "brca": True}, today=TODAY).level == "low"
    assert assess("breast", {"age": 50, "sex": "F"}, today=TODAY).level == "medium"
    assert fired("cervical", age=40, sex="F", hpv_other=True, cytology="asc_us") == ["cervical-hpv-cytology"]


def test_answers_are_checked():
    with pytest.raises(ValidationError) as info:
        assess("lung", {"age": 60, "pack_year": 40}, today=TODAY)
    assert info.value.problem.code == "screening.unknown_questions" and info.value.field == "pack_year"
    with pytest.raises(ValidationError) as info:
        assess("lung", {"age": 60, "pack_years": -1}, today=TODAY)
    assert info.value.problem.code == "screening.answer_out_of_range" and info.value.field == "pack_years"
    assert say(info.value, "en").startswith("pack_years (") and "-1 is out of the range 0–500" in say(info.value, "en")
    with pytest.raises(ValidationError) as info:
        assess("lung", {"copd": True}, today=TODAY)
    assert info.value.problem.code == "screening.eligibility_unanswered" and info.value.field == "age"
    with pytest.raises(ValidationError) as info:
        assess("thyroid", {"age": 60}, today=TODAY)
    assert info.value.problem.code == "screening.no_risk_rules" and info.value.field == "cancer"


def test_a_bad_rule_file_names_its_line(tmp_path):
    text = (BUNDLED_DIR / "lung.toml").read_text(encoding="utf-8")
    bad = tmp_path / "lung.toml"
    bad.write_text(text.replace('all = ["copd"]', 'all = ["copd_years >= 1"]'), encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load(bad)
    line = text.splitlines().index('all = ["copd"]') + 1
    assert info.value.problem.code == "rules.risk_condition_question" and info.value.line == line
    assert say(info.value, "en").startswith(f"{bad}:{line}: ") and "copd_years" in say(info.value, "en")
    assert say(info.value, "zh_CN") == f"{bad}:{line}：条件用到了未定义的问题“copd_years”。"
    bad.write_text(text.replace('version = "2026.2"\n', ""), encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load(bad)
    assert info.value.problem.code == "rules.missing_version"


def test_a_profile_rule_file_replaces_the_bundled_one(tmp_path):
    shutil.copy(BUNDLED_DIR / "lung.toml", tmp_path / "lung.toml")
    text = (tmp_path / "lung.toml").read_text(encoding="utf-8")
    (tmp_path / "lung.toml").write_text(text.replace('version = "2026.2"', 'version = "2026.2-local"')
                                        .replace("pack_years >= 30", "pack_years >= 20"), encoding="utf-8")
    result = assess("lung", {"age": 60, "pack_years": 25}, tmp_path, today=TODAY)
    assert result.level == "high" and result.as_json()["rule"]["version"] == "2026.2-local"


def test_a_high_risk_result_enrols_in_screening_with_the_ldct_task(profile):
    net = network(profile)
    clock.pin(dt.datetime(2026, 6, 1, 2, 0, tzinfo=dt.timezone.utc))
    try:
        with profile.store.write() as tx:
            pid = tx.add(Patient(name="周八", sex="M", birth_date=dt.date(1960, 1, 1), community_id=net.point_a1)).id
        done = assess_patient(profile, pid, "lung", {"smoking": "current", "cigarettes_per_day": 20,
                                                     "smoking_years": 40})
        assert done.enrolled and done.result.high_risk
        low = assess_patient(profile, pid, "colorectal", {"fit_positive": False})
    finally:
        clock.pin(None)
    assert not low.enrolled and low.case_id is None
    with profile.sessions() as s:
        case = s.get(Case, done.case_id)
        assert (case.stage, case.risk_level, case.station_id, case.community_cm_id) == ("screen", "high",
                                                                                        net.station_a, net.cm_a)
        assert case.due_date == dt.date(2026, 6, 15) and case.open_tasks == 1  # the LDCT follow-up
        task = s.get(Followup, done.followup_id)
        assert task.status == "planned" and task.rule_id == "risk-lung" and task.assignee_id == net.cm_a
        screening = s.get(Screening, done.screening_id)
        assert screening.result == "high_risk" and screening.details["criteria"] == ["lung-smoking"]
        assert screening.details["version"] == "2026.2"
        event = s.scalars(select(TimelineEvent).where(TimelineEvent.ref_id == done.screening_id)).one()
        assert (event.title_code, event.title_args) == ("timeline.screening.risk", {"cancer": "lung", "level": "high"})
        assert event_title(event, "zh_CN") == "肺癌风险评估：高危" and event.body is None
        assert event_title(event, "en") == "Lung cancer risk assessment: high risk"
        # The body is worded when shown: the rule file's words for a Chinese reader, ids and codes for another.
        zh, en = event_body(event, "zh_CN"), event_body(event, "en")
        assert "50–74 岁 且 吸烟 ≥30 包年 且 戒烟 <15 年（吸烟 40 包年 = 每天 20 支 × 40 年 ÷ 20）" in zh
        assert zh.endswith("\n下一步：发放低剂量螺旋CT（LDCT）筛查邀请信并预约检查，2026-06-15 前")
        assert "age 50–74 and smoking ≥30 pack-years and quit <15 years (40 pack-years = 20 cigarettes a day" in en
        assert en.endswith(
            "\nNext: Low-dose CT lung screening: book the examination and send the screening invitation, by 2026-06-15")
        assert not re.search(r"[\u4e00-\u9fff]", en), en
        assert task.notes is None  # what the follow-up is for is on the assessment's event
        assert s.get(Patient, pid).smoking_pack_years == 40


def test_assessment_moves_a_prevention_case_into_screening(profile):
    with profile.store.write() as tx:
        pid = tx.add(Patient(name="吴九", sex="F", birth_date=dt.date(1962, 1, 1))).id
        case_id = tx.add(Case(patient_id=pid, cancer_type="liver", stage="prevent", opened_at=clock.now())).id
    done = assess_patient(profile, pid, "liver", {"hbv": True})
    assert done.enrolled and done.case_id == case_id
    with profile.sessions() as s:
        assert s.get(Case, case_id).stage == "screen"
        stage = s.scalars(select(TimelineEvent).where(TimelineEvent.kind == "stage")).one()
        assert stage.data["from"] == "prevent" and stage.data["to"] == "screen"


def test_rules_assess_prints_json(tmp_path):
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"age": 58, "pack_years": 35, "quit_years": 3, "family_history": True}))
    done = run_main("rules", "assess", "--cancer", "lung", "--answers", str(answers))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["level"] == "high" and out["high_risk"] is True
    assert [c["id"] for c in out["criteria_fired"]] == ["lung-smoking", "lung-family"]
    assert out["rule"]["version"] == "2026.2" and out["next"]["letter"] == "screening_invitation"
    answers.write_text(json.dumps({"age": 58, "smoker": True}))
    done = run_main("rules", "assess", "--cancer", "lung", "--answers", str(answers))
    assert done.returncode == 2 and "smoker" in done.stderr


def test_the_reason_is_a_code_worded_in_one_language():
    """The result says why as data; each language reads it whole, each fired criterion with the
    conditions that held, in the rule file's Chinese or its English (no Chinese mixed in)."""
    high = assess("lung", {"age": 60, "copd": True, "family_history": True}, today=TODAY)
    assert high.reason.code == "risk.high" and high.reason.params["criteria"] == ["lung-copd", "lung-family"]
    assert risk_words.explain(high.reason, "en") == ("High risk: age 50–74 and COPD; "
                                                     "age 50–74 and a first-degree relative diagnosed with lung cancer")
    assert risk_words.explain(high.reason, "zh_CN") == "高危：50–74 岁 且 患慢阻肺；50–74 岁 且 一级亲属确诊肺癌"
    young = assess("lung", {"age": 49}, today=TODAY)
    assert young.reason.code == "risk.not_eligible"
    en = risk_words.explain(young.reason, "en")
    assert en == "Not in the target population (age 50–74): not screened in this programme"
    assert risk_words.explain(young.reason, "zh_CN").startswith("不在目标人群（") and "50–74" in risk_words.explain(young.reason, "zh_CN")
    clear = assess("lung", {"age": 60, "pack_years": 0}, today=TODAY)
    assert risk_words.explain(clear.reason, "en") == "In the target population (age 50–74); no high-risk factor found"
    # A reason stored before the parts existed still reads as it did.
    old = {"code": "risk.high", "params": {"programme": "lung_ldct", "criteria": ["lung-copd"],
                                           "criteria_text": ["患有慢性阻塞性肺疾病"]}}
    assert risk_words.explain(old, "en") == "High risk: lung-copd"
    assert risk_words.explain(old, "zh_CN") == "高危：患有慢性阻塞性肺疾病"


def test_rules_assess_words_the_explanation_in_the_chosen_language(tmp_path):
    answers = tmp_path / "a.json"
    answers.write_text('{"age": 60, "copd": true}', encoding="utf-8")
    en = run_main("--lang", "en", "rules", "assess", "--cancer", "lung", "--answers", str(answers))
    assert en.returncode == 0, en.stderr
    out = json.loads(en.stdout)
    assert out["explanation"] == "High risk: age 50–74 and COPD" and out["reason"]["code"] == "risk.high"
    zh = json.loads(run_main("rules", "assess", "--cancer", "lung", "--answers", str(answers)).stdout)
    assert zh["explanation"].startswith("高危：")


def test_rules_list_shows_each_risk_rule_with_version_citation_and_file():
    done = run_main("--lang", "en", "rules", "list")
    assert done.returncode == 0, done.stderr
    risk = done.stdout.split("Risk rule files:")[1]
    assert re.search(r"lung\.toml\s+v2026\.2\s+bundled\s+\S+/resources/risk/lung\.toml", risk)
    assert "citation: 赫捷, 李霓, 陈万青" in risk and "43(3): 243-268" in risk
    assert "set by the programme (colorectal.toml:" in risk and "screen_age_max = 75" in risk
    assert "programme lung_ldct (Lung cancer): 5 criteria, 18 test vectors" in risk
    zh = run_main("rules", "list").stdout
    assert "引文：赫捷" in zh and "由项目设定（colorectal.toml:" in zh


@pytest.mark.parametrize("old, new, code, needle", [
    ('doi = "10.3760/cma.j.cn112152-20210119-00060"\n', "", "risk.file_citation_field", 'pages = "243-268"'),
    ("value = 75\n", "value = 90\n", "risk.file_setting_range", "value = 90"),
    ('answers = { age = 75, copd = true }', 'answers = { age = 75, copd_years = 3 }', "risk.file_vector_question",
     "copd_years = 3"),
    ('compute = "cigarettes_per_day * smoking_years / 20"', 'compute = "cigarettes_per_day * packs / 20"',
     "risk.file_compute", "packs / 20"),
    ('asked_if = "smoking == \'former\'"', 'asked_if = "smoker == \'former\'"', "rules.risk_condition_question",
     "smoker =="),
])
def test_a_bad_new_field_in_a_rule_file_names_its_line(tmp_path, old, new, code, needle):
    name = "colorectal.toml" if "value = 75" in old else "lung.toml"
    text = (BUNDLED_DIR / name).read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / name
    changed = text.replace(old, new, 1)
    bad.write_text(changed, encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load(bad)
    lines = changed.splitlines()
    line = next(i for i, t in enumerate(lines, 1) if needle in t)
    if code == "risk.file_citation_field":
        line = lines.index("[source]") + 1  # the table the missing key belongs in
    assert info.value.problem.code == code and info.value.line == line, say(info.value, "en")
    assert say(info.value, "en").startswith(f"{bad}:{line}: ")
    assert say(info.value, "zh_CN").startswith(f"{bad}:{line}：")
