"""Exporting the worklist: CSV and xlsx, masked numbers, audited, nothing half-written."""
from __future__ import annotations

import csv
import datetime as dt

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
    n = export_worklist(profile.store, Worklist(profile.sessions), out, filters=Filters(stage="screen"),
                        columns=("name", "id_number", "stage", "due_date"))
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert n == 2 and rows[0] == ("姓名", "身份证号", "阶段", "到期日")
    assert rows[1] == ("张三", "330206********123X", "筛", "2026-11-15")
    with profile.sessions() as s:
        entry = s.scalars(select(AuditEntry)).one()
    assert entry.action == "export" and entry.detail["rows"] == 2 and entry.detail["format"] == "xlsx"


def test_unknown_format_is_refused_before_anything_is_written(seeded, tmp_path):
    profile, _ = seeded
    with pytest.raises(CaseDeskError) as exc:
        export_worklist(profile.store, Worklist(profile.sessions), tmp_path / "list.pdf")
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
    assert [r[0] for r in rows] == ["姓名", "张三", "张珊珊"]


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
