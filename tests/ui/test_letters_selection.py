"""The letters page prints what is selected (#17 item 1): after "Find letters" everything is
selected and prints as before; narrowed with Ctrl/Shift+click, only the selected letters go
into the one PDF, and the buttons say how many. In Chinese and in English."""
from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from app import clock
from db.models import Letter
from tests.app.test_letters import FROM
from tests.app.test_letters import TO
from tests.app.test_letters import add_patients
from ui.letters import LettersPage


@pytest.fixture(params=["zh_CN", "en"])
def page(request, qtbot, translations, profile):
    translations.set_language(request.param)
    clock.pin(dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc))
    add_patients(profile)
    widget = LettersPage(profile)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    widget.set_kind("followup_reminder")
    widget.set_range(FROM, TO)
    with qtbot.waitSignal(widget.listed, timeout=10000):
        widget.refresh()
    yield widget, request.param
    clock.pin(None)


def ready_rows(page):
    return [i for i in range(page.tree.topLevelItemCount())
            if hasattr(page.tree.topLevelItem(i).data(0, 0x0100), "filled")]


def select_only(page, rows):
    model, sel = page.tree.model(), page.tree.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(model.index(r, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def printed_names(profile, ids):
    with profile.sessions() as s:
        return sorted(s.scalars(select(Letter.patient_id).where(Letter.id.in_(ids))))


def test_everything_is_selected_after_finding_and_prints_as_before(page):
    p, lang = page
    assert len(p.tree.selectedItems()) == p.tree.topLevelItemCount() == 4
    assert p.save_button.text() == ("保存为 PDF…" if lang == "zh_CN" else "Save PDF…")


def test_only_the_selected_letter_goes_into_the_pdf(qtbot, page, profile, tmp_path):
    p, lang = page
    first, second = ready_rows(p)
    select_only(p, [second])
    name = p.tree.topLevelItem(second).text(0)
    other = p.tree.topLevelItem(first).text(0)
    assert p.save_button.text() == ("将所选 1 封保存为 PDF…" if lang == "zh_CN" else "Save 1 selected as PDF…")
    assert p.print_button.text() == ("打印所选 1 封…" if lang == "zh_CN" else "Print 1 selected…")
    out = tmp_path / "one.pdf"
    with qtbot.waitSignal(p.batch_finished, timeout=15000) as done:
        p.save_pdf(out)
    result = done.args[0]
    assert len(result.printed) == 1 and result.printed[0].data.patient_name == name
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert name in text and other not in text
    assert len(printed_names(profile, result.letter_ids)) == 1


def test_the_printer_gets_the_selected_letters_too(qtbot, page, profile, tmp_path):
    p, _lang = page
    rows = ready_rows(p)
    select_only(p, [rows[0], 3 if 3 not in rows else 2])  # one that prints and one skipped row
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    with qtbot.waitSignal(p.batch_finished, timeout=15000) as done:
        p.print_letters(printer)
    assert len(done.args[0].printed) == 1
    assert done.args[0].printed[0].data.patient_name == p.tree.topLevelItem(rows[0]).text(0)

