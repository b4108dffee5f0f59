"""LettersPage: list, preview, a background batch to PDF, the printer path; the one-letter dialog."""
from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app.letters.kinds import KINDS
from app.letters.service import prepare_for_patient
from db.models import Letter
from tests.app.test_letters import FROM
from tests.app.test_letters import TO
from tests.app.test_letters import add_patients
from ui.letters import LettersPage
from ui.letters.single import LetterPreviewDialog


@pytest.fixture(autouse=True)
def pinned_clock():
    clock.pin(dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc))
    yield
    clock.pin(None)


@pytest.fixture
def page(qtbot, translations, profile):
    add_patients(profile)
    widget = LettersPage(profile)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    widget.set_kind("followup_reminder")
    widget.set_range(FROM, TO)
    return widget


def letters_in(profile) -> int:
    with profile.sessions() as s:
        return s.scalar(select(func.count()).select_from(Letter))


def test_find_lists_printable_and_skipped_letters_and_previews(qtbot, page):
    with qtbot.waitSignal(page.listed, timeout=10000) as blocker:
        page.refresh()
    prepared = blocker.args[0]
    assert len(prepared.ready) == 2 and len(prepared.skipped) == 2
    assert page.tree.topLevelItemCount() == 4
    statuses = [page.tree.topLevelItem(i).text(2) for i in range(4)]
    assert any("𮯰" in s and "U+2EBF0" in s for s in statuses)  # the missing character is named
    assert not page.preview.image.pixmap().isNull()  # the first letter is previewed
    page.tree.setCurrentItem(page.tree.topLevelItem(3))
    assert page.preview.pages == [] and page.preview.image.text()


def test_save_pdf_runs_in_the_background_and_records(qtbot, page, profile, tmp_path):
    out = tmp_path / "week.pdf"
    seen = []
    page.progress_changed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(page.batch_finished, timeout=15000) as blocker:
        page.save_pdf(out)
        assert not page.save_button.isEnabled()  # busy while the worker runs
    result = blocker.args[0]
    assert result.out == out and len(result.printed) == 2 and len(result.skipped) == 2
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "王秀英" in text and "李建国" in text
    assert seen[-1] == (2, 2) and letters_in(profile) == 2
    assert page.save_button.isEnabled() and "2" in page.status.text()


def test_cancel_stops_the_batch_without_records(qtbot, page, profile, tmp_path):
    page._cancel.set()  # as if Cancel was pressed before the first letter
    page.cancel_button.click()
    with qtbot.waitSignal(page.batch_finished, timeout=15000) as blocker:
        page._start(lambda: __import__("app.letters.batch", fromlist=["x"]).print_batch(
            profile, KINDS["followup_reminder"], tmp_path / "x.pdf", FROM, TO, cancelled=lambda: True), "…")
    assert blocker.args[0].cancelled and not (tmp_path / "x.pdf").exists() and letters_in(profile) == 0


def test_print_goes_through_qprinter(qtbot, page, profile, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    with qtbot.waitSignal(page.batch_finished, timeout=15000) as blocker:
        page.print_letters(printer)
    assert len(blocker.args[0].printed) == 2 and letters_in(profile) == 2
    text = subprocess.run(["pdftotext", str(tmp_path / "printer.pdf"), "-"], capture_output=True, text=True).stdout
    assert "王秀英" in text


def test_single_letter_dialog_saves_and_records(qtbot, translations, profile, tmp_path):
    ids = add_patients(profile)
    prepared = prepare_for_patient(profile, KINDS["followup_reminder"], ids["王秀英"])
    dialog = LetterPreviewDialog(profile, prepared)
    qtbot.addWidget(dialog)
    assert dialog.preview.pages
    assert dialog.save_pdf(str(tmp_path / "one.pdf")) and letters_in(profile) == 1
    again = prepare_for_patient(profile, KINDS["followup_reminder"], ids["王秀英"])
    assert again.skipped[0].reason == "already_printed"


def test_every_letters_string_is_translated_with_its_placeholders():
    """ui/letters/ strings live in their own catalogue, casedesk_letters_zh_CN.ts."""
    import string
    import xml.etree.ElementTree as ET

    from tests.ui.test_translations import source_strings
    from ui.resources import resources_dir

    tree = ET.parse(resources_dir() / "i18n" / "casedesk_letters_zh_CN.ts")
    messages = {(c.findtext("name"), m.findtext("source")): m.find("translation")
                for c in tree.getroot().iter("context") for m in c.iter("message")}
    found, dynamic = source_strings()
    ours = {key for key, where in found.items() if where.startswith("ui/letters/")}
    assert not [d for d in dynamic if d.startswith("ui/letters/")]
    assert sorted(ours - set(messages)) == []
    for (_, source), translation in messages.items():
        assert translation.text and translation.get("type") is None, source
        fields = lambda text: sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)  # noqa: E731
        assert fields(source) == fields(translation.text), source
