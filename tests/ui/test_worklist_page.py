"""The worklist page as a case manager uses it: type, filter, sort, open, save a view, export."""
from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app import clock
from app.calls import CallService
from app.worklist import COLUMNS
from app.worklist import Worklist
from tests.app import worklist_data as data
from ui.worklist.model import WorklistModel
from ui.worklist.view import WorklistPage


@pytest.fixture
def seeded(profile):
    clock.pin(dt.datetime.combine(data.TODAY, dt.time(4), tzinfo=dt.timezone.utc))
    ids = data.load(profile)
    profile.store.user_id = ids["me"]
    yield profile, ids
    clock.pin(None)


@pytest.fixture
def page(qtbot, seeded):
    profile, ids = seeded
    w = WorklistPage(profile, Worklist(profile.sessions, ids["me"], ids["stations"][0]))
    qtbot.addWidget(w)
    w.resize(1300, 600)
    w.show()
    return w


def shown_names(page):
    m = page.model
    return [m.data(m.index(r, COLUMNS.index("name"))) for r in range(m.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, seeded):
    profile, ids = seeded
    model = WorklistModel(Worklist(profile.sessions, ids["me"]))
    model.load()
    qtmodeltester.check(model)


def test_typing_pinyin_initials_narrows_the_list(qtbot, page):
    qtbot.keyClicks(page.search, "zs")
    qtbot.waitUntil(lambda: shown_names(page) == ["张三", "张珊珊"], timeout=2000)
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(shown_names(page)) == 5, timeout=2000)
    assert page.search.text() == ""


def test_nothing_found_says_so_in_the_list(qtbot, page):
    page.search.insert("不存在的人")  # what an input method commits; keyClicks is ASCII-only
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=2000)
    assert page.empty_label.isVisible() and page.empty_label.text()


def test_rows_show_masked_id_overdue_mark_and_flags(page):
    m = page.model
    row = shown_names(page).index("张三")
    assert m.data(m.index(row, COLUMNS.index("id_number"))) == "330206********123X"
    due = m.data(m.index(row, COLUMNS.index("due_date")))
    assert due.startswith("2026-11-15") and "3" in due
    assert m.data(m.index(row, COLUMNS.index("due_date")), Qt.ItemDataRole.ForegroundRole) is not None
    assert m.data(m.index(row, COLUMNS.index("waiting_referral")))
    action = m.index(row, COLUMNS.index("next_action"))  # a long next step is cut in the column
    assert m.data(action, Qt.ItemDataRole.ToolTipRole) == m.data(action) != ""


def test_quick_filter_buttons_show_live_counts_and_filter(qtbot, page):
    qtbot.waitUntil(lambda: page.filter_bar.due_buttons["overdue"].text().endswith(" 1"), timeout=3000)
    assert page.filter_bar.scope_buttons["mine"].text().endswith(" 3")
    page.filter_bar.due_buttons["today"].click()
    assert shown_names(page) == ["张珊珊"]
    page.filter_bar.due_buttons["today"].click()  # click again: off
    assert len(shown_names(page)) == 5


def test_clicking_a_header_sorts(qtbot, page):
    page.table.horizontalHeader().setSortIndicator(COLUMNS.index("name"), Qt.SortOrder.AscendingOrder)
    assert shown_names(page) == ["李四", "王五", "张三", "张珊珊", "赵_%六"]
    page.table.horizontalHeader().setSortIndicator(COLUMNS.index("name"), Qt.SortOrder.DescendingOrder)
    assert shown_names(page)[0] == "赵_%六"


def test_enter_opens_the_selected_patient(qtbot, page, seeded):
    _, ids = seeded
    page.focus_search()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # into the list, first row selected
    assert page.table.hasFocus()
    with qtbot.waitSignal(page.patient_requested, timeout=1000) as sig:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert sig.args == [ids["张三"][0]]


def test_a_local_edit_refreshes_without_losing_the_selection(qtbot, page, seeded):
    profile, ids = seeded
    page.table.selectRow(3)
    selected = page.current_case_id()
    CallService(profile.store).record(ids["李四"][0], "connected", 300, "电话随访：恢复良好")
    page.refresh()
    assert page.current_case_id() == selected
    row = page.model.row_of(ids["李四"][1])
    assert page.model.data(page.model.index(row, COLUMNS.index("sync_state"))) != page.model.data(
        page.model.index(page.model.row_of(ids["张三"][1]), COLUMNS.index("sync_state")))


def test_saved_view_restores_filters_sort_and_columns(qtbot, translations, page):
    page.filter_bar.scope_buttons["mine"].click()
    page.table.horizontalHeader().setSortIndicator(COLUMNS.index("name"), Qt.SortOrder.AscendingOrder)
    page.set_visible_columns(("name", "due_date", "stage"))
    assert page.views.save_current("我的-按姓名") is None
    page.filter_bar.scope_buttons["all"].click()
    page.set_visible_columns(COLUMNS)
    [view] = page.views.store.all()
    page.views.apply(view)
    assert shown_names(page) == ["张三", "张珊珊", "赵_%六"]
    assert page.visible_columns() == ("name", "stage", "due_date")
    assert page.views.save_current("   ") == "请输入视图名称。"  # the window speaks Chinese


@pytest.mark.parametrize("lang, header, cancer", [("zh_CN", ["姓名", "癌种"], "肺癌"), ("en", ["Name", "Cancer"], "Lung cancer")])
def test_export_of_the_visible_list_writes_masked_csv_in_the_windows_language(qtbot, translations, page, tmp_path,
                                                                              lang, header, cancer):
    from ui.worklist.export_dialog import export_visible_list
    translations.set_language(lang)
    qtbot.keyClicks(page.search, "zhang")
    qtbot.waitUntil(lambda: len(shown_names(page)) == 2, timeout=2000)
    out = tmp_path / "list.csv"
    results = []
    export_visible_list(page, str(out), on_finished=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0][0] == header[0] and [r[0] for r in rows[1:]] == ["张三", "张珊珊"]
    assert rows[1][rows[0].index(header[1])] == cancer  # 张三's lung cancer, in the same language
    assert "330206********123X" in rows[1] and "33020619600517123X" not in out.read_text(encoding="utf-8-sig")


def test_a_sent_referral_shows_its_24_hour_clock_in_the_list(qtbot, translations, page, seeded):
    from db.models import Referral
    profile, ids = seeded
    sent = clock.now() - dt.timedelta(hours=21, minutes=30)
    with profile.sessions.begin() as s:
        referral = s.query(Referral).filter_by(short_code="ABC123").one()
        referral.sent_at = sent
    page.refresh()
    m = page.model
    row = m.row_of(ids["张三"][1])
    cell = m.index(row, COLUMNS.index("waiting_referral"))
    assert m.data(cell) == "剩 2:30"
    assert m.data(cell, Qt.ItemDataRole.ForegroundRole) is not None  # under four hours: urgent
    clock.pin(clock.now() + dt.timedelta(hours=3))
    m.tick_clocks(0, m.rowCount() - 1)
    assert m.data(cell) == "超时 0:30"
