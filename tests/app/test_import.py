"""Screening list import: headers, every validation rule with its line, all or nothing,
exclusions, duplicates and merge candidates, and what an import writes."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app import audit
from app.screening.fields import auto_mapping
from app.screening.fields import recognise
from app.screening.importer import ListImport
from app.screening.importer import MappingError
from app.screening.importer import import_file
from app.screening.reader import Cancelled
from app.screening.validate import Decisions
from app.serial import row_fields
from db.models import AuditEntry
from db.models import Case
from db.models import OutboxEntry
from db.models import Patient
from db.models import TimelineEvent
from tests.app.test_import_data import good_row
from tests.app.test_import_data import network
from tests.app.test_import_data import person_id
from tests.app.test_import_data import write_csv
from tests.app.test_import_data import write_xlsx
from tests.app.work_of import open_tasks
from ui.problem_words import say
from ui.timeline_words import event_body
from ui.timeline_words import event_title


def count(profile, model) -> int:
    with profile.sessions() as s:
        return s.scalar(select(func.count()).select_from(model))


def written(profile) -> tuple[int, ...]:
    return tuple(count(profile, m) for m in (Patient, Case, TimelineEvent, OutboxEntry, AuditEntry))


@pytest.fixture
def net(profile):
    return network(profile)


def test_chinese_and_english_headers_are_recognised():
    headers = ["序号", "姓名", "性别（必填）", "出生日期(YYYY-MM-DD)", "公民身份号码", "手机号码", "乡镇街道", "村居",
               "现住址", "筛查项目", "备注"]
    assert auto_mapping(headers) == {1: "name", 2: "sex", 3: "birth_date", 4: "id_number", 5: "phone",
                                     6: "street", 7: "community", 8: "address", 9: "programme"}
    english = ["Name", "SEX", "Date of birth", "ID Number", "Mobile", "Street", "Community", "Current address"]
    assert [recognise(h) for h in english] == ["name", "sex", "birth_date", "id_number", "phone", "street",
                                               "community", "address"]
    assert recognise("ID") is None and recognise("备注") is None  # a row number column is not an ID number


def test_a_good_list_imports_patients_cases_and_pushed_events(profile, net, tmp_path):
    rows = [good_row(), good_row("李芳", "女", "1958-03-02", seq=22, community="银湾", programme="两癌、结直肠癌"),
            good_row("王五", "男", "1944-01-09", region="330206", seq=31, street="湾头", community="金苑",
                     programme="")]
    path = write_csv(tmp_path / "list.csv", rows, title="2026年肺癌筛查名单")  # a title row above the headers
    report, result = import_file(profile, path)
    assert report.ok and result.patients == 3 and result.cases == 4 and result.events == 3
    with profile.sessions() as s:
        zhang = s.scalars(select(Patient).where(Patient.name == "张三")).one()
        assert (zhang.name_pinyin, zhang.name_initials, zhang.sex) == ("zhangsan", "zs", "M")
        assert zhang.community_id == net.point_a1 and zhang.phone == "13812345678"
        cases = s.scalars(select(Case).order_by(Case.cancer_type)).all()
        assert sorted(c.cancer_type for c in cases) == ["breast", "cervical", "colorectal", "lung"]
        assert {c.stage for c in cases} == {"screen"} and {c.community_cm_id for c in cases} == {net.cm_a}
        # Each newly listed resident's first invitation is the case's one open task.
        assert all(c.due_date and c.open_tasks == 1 for c in cases)
        assert {open_tasks(profile, c.id)[0][0] for c in cases} == {
            "首次筛查邀请（乳腺癌）", "首次筛查邀请（宫颈癌）", "首次筛查邀请（结直肠癌）", "首次筛查邀请（肺癌）"}
        wang = s.scalars(select(Patient).where(Patient.name == "王五")).one()
        assert wang.community_id == net.point_b1  # 金苑 resolved by its street
        events = s.scalars(select(TimelineEvent)).all()
        assert {e.data["step"] for e in events} == {"pushed"} and {e.kind for e in events} == {"screening"}
        li = next(e for e in events if e.data["line"] == 4)
        assert li.title_code == "timeline.screening.listed" and li.body is None
        assert event_body(li, "zh_CN") == "来源：list.csv 第4行" and event_body(li, "en") == "Source: list.csv, line 4"
        assert event_title(li, "zh_CN") == "列入乳腺癌、宫颈癌、结直肠癌筛查名单"
        assert event_title(li, "en") == "Put on the screening list: Breast cancer, Cervical cancer, Colorectal cancer"
        assert audit.verify(s) is None


def test_an_old_resident_with_a_region_code_newer_than_his_birth_is_valid(profile, net, tmp_path):
    # 330206 (Beilun) exists only from 1985; numbers carry the code of registration at issue.
    path = write_csv(tmp_path / "old.csv", [good_row("赵老", "男", "1931-02-03", region="330206")])
    report, result = import_file(profile, path)
    assert report.ok and result.patients == 1


@pytest.mark.parametrize("change, line_problem", [
    ({3: lambda v: v[:17] + ("0" if v[17] != "0" else "1")}, ("id_number", "id_check")),
    ({3: "33021719600506123"}, ("id_number", "id_invalid")),
    ({3: "330217600506123"}, ("id_number", "id_15")),
    ({2: "1960-05-07"}, ("id_number", "id_birth")),
    ({1: "女"}, ("id_number", "id_sex")),
    ({1: "未知"}, ("sex", "bad_sex")),
    ({2: "1960-02-30", 3: ""}, ("birth_date", "bad_date")),
    ({2: "2099-01-01", 3: ""}, ("birth_date", "date_future")),
    ({4: "1381234567"}, ("phone", "bad_phone")),
    ({0: ""}, ("name", "required")),
    ({0: "张3"}, ("name", "bad_name")),
    ({5: "不存在"}, ("street", "unknown_street")),
    ({5: "", 6: "金苑"}, ("community", "ambiguous_community")),
    ({6: "铜湾"}, ("community", "unknown_community")),
    ({5: "湾头", 6: "银湾"}, ("community", "community_not_in_street")),
    ({8: "肺癌、鼻炎"}, ("programme", "unknown_programme")),
    ({8: "宫颈癌"}, ("programme", "programme_sex")),
    ({3: "", 2: ""}, ("birth_date", "no_birth")),
    ({7: "很长" * 101}, ("address", "too_long")),
])
def test_each_rule_names_the_line_and_the_reason(profile, net, tmp_path, change, line_problem):
    bad = good_row("钱六", seq=40)
    for index, value in change.items():
        bad[index] = value(bad[index]) if callable(value) else value
    path = write_csv(tmp_path / "bad.csv", [good_row(), bad, good_row("孙七", seq=50)])
    before = written(profile)
    report, result = import_file(profile, path)
    assert result is None and not report.ok
    assert [(p.line, p.field, p.code) for p in report.problems] == [(3, *line_problem)]
    assert report.bad_lines == [3]
    assert say(report.problems[0].coded, "zh_CN").startswith("第 3 行：")  # worded: the code has a template
    assert say(report.problems[0].coded, "en").startswith("Line 3: ")
    if line_problem[1] == "id_sex":  # the sexes are words of the reader's language, not "男/M"
        assert say(report.problems[0].coded, "en").endswith("the ID number says sex male, the sex column says female.")
        assert "女" in say(report.problems[0].coded, "zh_CN") and "/F" not in say(report.problems[0].coded, "zh_CN")
    assert written(profile) == before  # all or nothing


def test_every_bad_row_is_reported_and_nothing_written_until_they_are_excluded(profile, net, tmp_path):
    rows = [good_row(seq=1), good_row("甲", seq=3, phone="12"), good_row("乙", seq=5), good_row("丙", seq=7, street="无")]
    path = write_csv(tmp_path / "l.csv", rows)
    before = written(profile)
    report, result = import_file(profile, path)
    assert result is None and report.bad_lines == [3, 5]
    assert written(profile) == before
    report, result = import_file(profile, path, Decisions(exclude=frozenset({3, 5})))
    assert result is not None and result.patients == 2 and result.excluded == 2 and report.excluded == [3, 5]


def test_duplicates_inside_the_file_name_the_first_line(profile, net, tmp_path):
    same_id = good_row("张三", seq=12)
    no_id = good_row("李四", "女", "1970-01-01", seq=2)
    no_id_again = list(no_id)
    no_id[3] = no_id_again[3] = ""
    path = write_csv(tmp_path / "d.csv", [good_row(seq=12), same_id, no_id, no_id_again])
    report, _ = import_file(profile, path)
    assert [(p.line, p.code, p.params["other"]) for p in report.problems] == [
        (3, "duplicate_in_file", 2), (5, "duplicate_in_file", 4)]


def test_a_patient_on_file_is_a_merge_candidate_never_merged_by_itself(profile, net, tmp_path):
    first = write_csv(tmp_path / "a.csv", [good_row(phone="")])
    import_file(profile, first)
    again = write_csv(tmp_path / "b.csv", [good_row(phone="13900001111", programme="结直肠癌")])
    report, result = import_file(profile, again)
    assert result is None and [p.code for p in report.problems] == ["merge_needed"]
    (candidate,) = report.candidates[2]
    assert candidate.same_id and candidate.name == "张三" and "****" in candidate.masked_id
    report, result = import_file(profile, again, Decisions(new_person=frozenset({2})))
    assert result is None, "the same ID number cannot be a different person"
    report, result = import_file(profile, again, Decisions(merge={2: candidate.patient_id}))
    assert result.patients == 0 and result.merged == 1 and result.cases == 1
    with profile.sessions() as s:
        (patient,) = s.scalars(select(Patient)).all()
        assert patient.phone == "13900001111"  # a blank filled in; nothing on file overwritten
        assert sorted(c.cancer_type for c in s.scalars(select(Case))) == ["colorectal", "lung"]


def test_a_namesake_without_id_can_be_confirmed_as_a_new_person(profile, net, tmp_path):
    row = good_row()
    row[3] = ""
    import_file(profile, write_csv(tmp_path / "a.csv", [row]))
    other = good_row()  # same name, birth date and sex; this one has an ID number
    report, result = import_file(profile, write_csv(tmp_path / "b.csv", [other]))
    assert result is None and not report.candidates[2][0].same_id
    report, result = import_file(profile, tmp_path / "b.csv", Decisions(new_person=frozenset({2})))
    assert result.patients == 1 and count(profile, Patient) == 2


def test_bulk_rows_carry_the_outbox_and_audit_the_store_would_write(profile, net, tmp_path):
    report, result = import_file(profile, write_csv(tmp_path / "a.csv", [good_row()]))
    with profile.sessions() as s:
        patient = s.scalars(select(Patient)).one()
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == patient.id)).one()
        assert entry.op == "insert" and entry.base_version == 0
        assert entry.changes == {k: [None, v] for k, v in row_fields(patient).items()}
        trail = s.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        assert trail[-2].action == "import" and trail[-2].detail["file"] == "a.csv"
        assert trail[-1].row_id == patient.id and trail[-1].detail["import_id"] == result.import_id
        assert audit.verify(s) is None


def test_xlsx_gbk_csv_and_a_spreadsheet_date_cell(profile, net, tmp_path):
    row = good_row()
    row[2] = dt.datetime(1960, 5, 6)
    row[4] = 13812345678  # a phone typed as a number
    report, result = import_file(profile, write_xlsx(tmp_path / "a.xlsx", [row]))
    assert report.ok and result.patients == 1
    gbk = write_csv(tmp_path / "gbk.csv", [good_row("李四", seq=2)], encoding="gbk")
    report, result = import_file(profile, gbk)
    assert report.ok and result.patients == 1


def test_mapping_is_remembered_per_source(profile, net, tmp_path):
    headers = ["甲", "乙", "丙", "Name"]
    path = write_csv(tmp_path / "m.csv", [["x", "1960-05-06", person_id("1960-05-06", "M"), "张三"]], headers=headers)
    job = ListImport(profile, path)
    job.read()
    assert job.mapping == {3: "name"} and not job.mapping_remembered
    with pytest.raises(MappingError):
        job.validate()
    job.set_mapping({3: "name", 2: "id_number"})
    job.remember_mapping()
    again = ListImport(profile, path)
    again.read()
    assert again.mapping == {3: "name", 2: "id_number"} and again.mapping_remembered
    assert json.loads(profile.get_local(again.source_key))["file"] == "m.csv"
    assert again.validate().ok


def test_cancelling_the_write_leaves_nothing(profile, net, tmp_path):
    job = ListImport(profile, write_csv(tmp_path / "a.csv", [good_row(seq=i) for i in range(0, 40, 2)]))
    job.read()
    report = job.validate()
    before = written(profile)
    with pytest.raises(Cancelled):
        job.commit(report, should_stop=lambda: True)
    assert written(profile) == before


def test_an_xlsx_list_is_read_with_its_title_row_dates_and_excel_row_numbers(tmp_path):
    from openpyxl import Workbook

    from app.screening import reader

    wb = Workbook()
    ws = wb.active
    ws["A1"] = "2026年筛查名单"
    for ref, value in {"A3": "姓名", "B3": "出生日期", "C3": "电话", "E3": "备注", "A4": "张三",
                       "B4": dt.datetime(1960, 5, 6), "C4": 13812345678, "E4": 1.5, "A6": "李四",
                       "B6": dt.date(1970, 1, 2), "D6": True, "E6": "a & <b>"}.items():
        ws[ref] = value
    ws["B4"].number_format = 'yyyy"年"m"月"d"日"'
    path = tmp_path / "y.xlsx"
    wb.save(path)
    sheet = reader.read_list(path)
    assert (sheet.headers, sheet.header_line) == (["姓名", "出生日期", "电话", "", "备注"], 3)
    line, cells = sheet.rows[0]
    assert (line, cells[0], reader.cell_date(cells[1]), cells[2:]) == (4, "张三", dt.date(1960, 5, 6),
                                                                       [13812345678, None, 1.5])
    assert sheet.rows[1][0] == 6 and reader.cell_date(sheet.rows[1][1][1]) == dt.date(1970, 1, 2)
    assert sheet.rows[1][1][3:] == [True, "a & <b>"]
