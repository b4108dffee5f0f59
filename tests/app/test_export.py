"""Exporting the worklist: CSV and xlsx, masked numbers, audited, nothing half-written."""
from __future__ import annotations

import csv
import datetime as dt
import re

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app import clock
from app.errors import CaseDeskError
from app.export import export_worklist
from app.worklist import Filters
from app.worklist import Worklist
from db.models import AuditEntry
from tests.app import worklist_data as data
from tests.support import run_main as _run_main
from ui import problem_words
from ui.sheet_words import sheet_words


def run_main(*args, **kw):
    """The CLI in English (its errors are Chinese by default), so messages can be matched."""
    return _run_main(*args, env={"CASEDESK_LANG": "en"}, **kw)


@pytest.fixture
def seeded(profile):
    clock.pin(dt.datetime.combine(data.TODAY, dt.time(4), tzinfo=dt.timezone.utc))
    ids = data.load(profile)
    yield profile, ids
    clock.pin(None)


def test_xlsx_export_holds_the_filtered_rows_and_is_audited(seeded, tmp_path):
    profile, _ = seeded
    out = tmp_path / "list.xlsx"
    n = export_worklist(profile.store, Worklist(profile.sessions), out, words=sheet_words("zh_CN"),
                        filters=Filters(stage="screen"), columns=("name", "id_number", "stage", "due_date"))
    book = load_workbook(out)
    rows = list(book.active.iter_rows(values_only=True))
    assert n == 2 and rows[0] == ("姓名", "身份证号", "阶段", "到期日") and book.active.title == "工作清单"
    assert rows[1] == ("张三", "330206********123X", "筛", "2026-11-15")
    with profile.sessions() as s:
        entry = s.scalars(select(AuditEntry)).one()
    assert entry.action == "export" and entry.detail["rows"] == 2 and entry.detail["format"] == "xlsx"


def test_unknown_format_is_refused_before_anything_is_written(seeded, tmp_path):
    profile, _ = seeded
    with pytest.raises(CaseDeskError) as exc:
        export_worklist(profile.store, Worklist(profile.sessions), tmp_path / "list.pdf", words=sheet_words("en"))
    assert exc.value.problems[0].code == "export.format" and exc.value.problems[0].params == {"suffix": ".pdf"}
    assert problem_words.say(exc.value, "zh_CN") == "只能导出为 .csv 或 .xlsx 文件，不支持“.pdf”。"
    assert problem_words.say(exc.value, "en") == 'Export to a .csv or .xlsx file, not ".pdf".'
    assert list(tmp_path.iterdir()) == [tmp_path / "profile"]


def test_cli_writes_the_worklist_as_csv(seeded, tmp_path):
    profile, _ = seeded
    out = tmp_path / "wl.csv"
    result = run_main("export", "csv", "--profile", str(profile.path), "--out", str(out), "--search", "zhang")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert [r[0] for r in rows] == ["Name", "张三", "张珊珊"]  # run_main here is English (CASEDESK_LANG)


CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.mark.parametrize("lang_args, header, cells, sheet", [
    ((), ("姓名", "性别/年龄", "癌种", "阶段", "同步状态", "待转诊"), ("男/66", "肺癌", "筛", "已同步"), "工作清单"),
    (("--lang", "en"), ("Name", "Sex/Age", "Cancer", "Stage", "Sync", "Waiting for referral"),
     ("M/66", "Lung cancer", "Screening", "Synced"), "Worklist"),
])
def test_cli_xlsx_headers_and_vocabulary_follow_the_language(seeded, tmp_path, lang_args, header, cells, sheet):
    """Chinese by default, English with --lang en: the headers and every vocabulary cell
    (names and typed text stay as they were typed)."""
    profile, _ = seeded
    out = tmp_path / "wl.xlsx"
    result = _run_main(*lang_args, "export", "xlsx", "--profile", str(profile.path), "--out", str(out),
                       "--search", "zhangsan", env={"CASEDESK_LANG": "", "LC_ALL": "C.UTF-8", "LANG": ""})
    assert result.returncode == 0, result.stderr
    book = load_workbook(out)
    rows = list(book.active.iter_rows(values_only=True))
    assert book.active.title == sheet and len(rows) == 2
    got = dict(zip(rows[0], rows[1]))
    assert set(header) <= set(rows[0])
    assert (got[header[1]], got[header[2]], got[header[3]], got[header[4]]) == cells
    if lang_args:
        assert not any(CJK.search(str(h)) for h in rows[0])


@pytest.mark.parametrize("args, message", [
    (["--out", "x.txt"], "--out must end in .csv"),
    (["--out", "x.csv", "--sort", "shoe_size"], "--sort: there is no column “shoe_size”"),
])
def test_cli_bad_arguments_exit_2_with_a_reason(seeded, tmp_path, args, message):
    profile, _ = seeded
    result = run_main("--lang", "en", "export", "csv", "--profile", str(profile.path), *args, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_cli_on_a_missing_profile_says_how_to_make_one(tmp_path):
    result = run_main("--lang", "en", "export", "csv", "--profile", str(tmp_path / "nope"), "--out",
                      str(tmp_path / "a.csv"))
    assert result.returncode == 2 and "no casedesk profile" in result.stderr.lower()
    assert not (tmp_path / "nope").exists()
