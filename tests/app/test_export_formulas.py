"""Exports never carry formulas (issue 14 item 10): what one desktop typed into a case's next
action or a patient's name arrives in another person's spreadsheet as text, never as a live
formula. The files are written by the real CLI and opened with a real reader (openpyxl), and
the sheet XML is searched for formula elements too."""
from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile

import pytest
from openpyxl import load_workbook

from app import clock
from app.dashboard import build
from app.dashboard.export import export_dashboard
from app.sheets import csv_cell
from app.tasks import close_tasks
from db.models import Case
from db.models import OrgUnit
from db.models import Patient
from db.models import Task
from db.models import User
from tests.app import worklist_data as data
from tests.support import run_main
from ui.sheet_words import sheet_words

HYPERLINK = '=HYPERLINK("http://x","click")'
# (who, field, value): typed through the app's own write path, as on a desktop.
TYPED = [
    ("张三", "next_action", HYPERLINK),
    ("张珊珊", "next_action", "+1-2"),
    ("李四", "next_action", "-3"),
    ("王五", "next_action", "\t=1+2"),
    ("赵_%六", "next_action", "\r=cmd|' /C calc'!A0"),
    ("张三", "name", "@SUM(A1)"),
    ("李四", "name", "  =1+1"),  # leading spaces: some importers trim them
]
FORMULA_XML = re.compile(rb"<(?:\w+:)?f[ >/]")


@pytest.fixture
def typed(profile):
    clock.pin(dt.datetime.combine(data.TODAY, dt.time(4), tzinfo=dt.timezone.utc))
    ids = data.load(profile)
    with profile.store.write() as tx:
        for who in {who for who, field, _ in TYPED if field == "next_action"}:  # the typed task is all their work
            close_tasks(tx, case_id=ids[who][1], state="cancelled")
        for who, field, value in TYPED:
            patient_id, case_id = ids[who]
            if field == "name":
                tx.update(tx.session.get(Patient, patient_id), name=value)
            else:  # a task a person typed, due before the case's other work: the list shows it
                tx.add(Task(patient_id=patient_id, case_id=case_id, kind="person", title=value,
                            due_date=data.TODAY - dt.timedelta(days=30), state="open"))
        # A plain phone-like and a negative-number-like next action, to see how they read.
        patient_id, case_id = ids["张珊珊"]
        close_tasks(tx, case_id=case_id, state="cancelled")
        tx.add(Task(patient_id=patient_id, case_id=case_id, kind="person", title="+86 138 0000 1234",
                    due_date=data.TODAY - dt.timedelta(days=60), state="open"))
    yield profile
    clock.pin(None)


def _export(profile, tmp_path, kind):
    out = tmp_path / f"list.{kind}"
    result = run_main("export", kind, "--profile", str(profile.path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def _cells(rows):
    return [v for row in rows for v in row if isinstance(v, str)]


def test_the_xlsx_export_holds_typed_formulas_as_text(typed, tmp_path):
    out = _export(typed, tmp_path, "xlsx")
    with zipfile.ZipFile(out) as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(FORMULA_XML.search(xml) for xml in sheets)
    ws = load_workbook(out).active
    cells = [c for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    by_value = {c.value: c for c in cells}
    # The text is kept exactly, as a string cell marked "text" (Excel's quote prefix), so
    # editing it later does not turn it into a formula either.
    # (XML reads a raw carriage return back as a line feed: still the same string cell.)
    for value in [HYPERLINK, "@SUM(A1)", "  =1+1", "-3", "\t=1+2", "\n=cmd|' /C calc'!A0", "+86 138 0000 1234"]:
        assert value in by_value, value
        assert by_value[value].data_type == "s" and by_value[value].quotePrefix
    assert by_value["王五"].data_type == "s" and not by_value["王五"].quotePrefix


def test_the_csv_export_neutralises_cells_that_start_like_a_formula(typed, tmp_path):
    out = _export(typed, tmp_path, "csv")
    rows = list(csv.reader(out.open(encoding="utf-8-sig", newline="")))
    cells = _cells(rows)
    for value in [HYPERLINK, "@SUM(A1)", "  =1+1", "-3", "\t=1+2", "\r=cmd|' /C calc'!A0", "+86 138 0000 1234"]:
        assert "'" + value in cells, value  # a quote in front, the rest intact
        assert value not in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "王五" in cells and "新城街道工作站" in cells  # ordinary text untouched
    # Every text cell is quoted, so a ; or , inside cannot split off a cell in a sheet
    # whose list separator differs.
    raw = out.read_text(encoding="utf-8-sig")
    assert f'"\'{HYPERLINK.replace(chr(34), chr(34) * 2)}"' in raw


def test_numbers_stay_numbers_and_text_that_looks_like_one_is_neutralised():
    assert csv_cell(-3) == -3 and csv_cell(-2.5) == -2.5 and csv_cell(0) == 0
    assert csv_cell("-3") == "'-3" and csv_cell("+86 138") == "'+86 138"
    assert csv_cell("13800001234") == "13800001234" and csv_cell(None) == ""
    assert csv_cell("a=b") == "a=b" and csv_cell("　=1") == "'　=1"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_dashboard_export_holds_names_as_text_and_figures_as_numbers(profile, tmp_path, suffix):
    with profile.store.write() as tx:
        station = tx.add(OrgUnit(kind="street_station", code="X-J01", name="=1+2"))
        cm = tx.add(User(username="cmx", display_name='@HYPERLINK("http://x")', role="community_cm",
                         org_unit_id=station.id))
        p = tx.add(Patient(name="患者", sex="M", birth_date=dt.date(1960, 1, 1)))
        tx.add(Case(patient_id=p.id, cancer_type="lung", stage="screen", station_id=station.id,
                    community_cm_id=cm.id, opened_at=dt.datetime(2026, 1, 3, tzinfo=dt.timezone.utc)))
    out = tmp_path / f"stats{suffix}"
    export_dashboard(profile.store, build(profile.sessions, today=dt.date(2026, 6, 1)), out, words=sheet_words("zh_CN"))
    if suffix == ".csv":
        rows = list(csv.reader(out.open(encoding="utf-8-sig", newline="")))
        names = [r[1] for r in rows]
        assert "'=1+2" in names and "'@HYPERLINK(\"http://x\")" in names
        assert rows[1][2] == "1"  # the figure itself, bare
        assert '\n"全部","全部",1,' in out.read_text(encoding="utf-8-sig")
    else:
        with zipfile.ZipFile(out) as z:
            assert not any(FORMULA_XML.search(z.read(n)) for n in z.namelist() if n.startswith("xl/worksheets/"))
        rows = list(load_workbook(out).active.iter_rows())
        names = {r[1].value: r[1] for r in rows}
        assert names["=1+2"].data_type == "s" and names['@HYPERLINK("http://x")'].data_type == "s"
        assert rows[1][2].value == 1 and rows[1][2].data_type == "n"
