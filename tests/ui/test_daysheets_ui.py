"""打印日程 from the worklist page: the sheet is in the window's language, the worklist sheet
prints what the page shows, and the dialog reads in one language."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.worklist import Worklist
from db.models import OrgUnit
from tests.app.test_cli_language import CJK
from tests.app.test_daysheets import add_round
from tests.app.test_daysheets import pdftotext
from tests.app.test_daysheets import reveals
from ui.daysheets import DaySheetDialog
from ui.daysheets import print_day_sheets
from ui.worklist.view import WorklistPage


@pytest.fixture
def page(qtbot, profile):
    ids = add_round(profile)
    with profile.sessions() as s:
        station = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "D-S01"))
    w = WorklistPage(profile, Worklist(profile.sessions, ids["cm"], station))
    qtbot.addWidget(w)
    w.resize(1300, 600)
    w.show()
    w.ids = ids
    return w


def printed(qtbot, page, kind, path):
    results = []
    print_day_sheets(page, kind=kind, path=str(path), on_finished=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert not isinstance(results[0], Exception), results[0]
    return results[0]


def test_worklist_print_follows_the_search_in_the_windows_language(qtbot, translations, page, tmp_path):
    translations.set_language("zh_CN")
    assert page.print_button.text() == "打印…"
    page.search.insert("李")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    result = printed(qtbot, page, "worklist", tmp_path / "list.pdf")
    text = pdftotext(tmp_path / "list.pdf")
    assert result.rows == 1 and "李建国" in text and "王秀英" not in text
    assert "工作清单：1 例" in text and "姓名" in text and "Name" not in text


def test_call_list_from_the_window_prints_phones_in_full_and_audits(qtbot, translations, page, tmp_path):
    translations.set_language("en")
    result = printed(qtbot, page, "calls", tmp_path / "calls.pdf")
    text = pdftotext(tmp_path / "calls.pdf")
    assert result.revealed == 2 and "13812345678" in text and "13987654321" in text
    assert "Today's call list" in text and "No answer" in text and "Call back at" in text
    assert set(reveals(page.profile)) == {page.ids["王秀英"], page.ids["李建国"]}
    assert page.print_button.isEnabled()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_dialog_reads_in_one_language_and_the_worklist_needs_no_day(qtbot, translations, lang):
    translations.set_language(lang)
    dialog = DaySheetDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [dialog.windowTitle(), dialog.note.text()] + [b.text() for b in dialog.choices.values()]
    if lang == "zh_CN":
        assert dialog.windowTitle() == "打印日程" and all(CJK.search(t) for t in texts)
    else:
        assert not any(CJK.search(t) for t in texts)
    assert dialog.kind() == "calls" and dialog.date.isEnabled() and dialog.note.isVisible()
    dialog.choices["worklist"].setChecked(True)
    assert dialog.kind() == "worklist" and not dialog.date.isEnabled() and not dialog.note.isVisible()
