"""The workstation as a whole: the worklist fills its area, opens patients, follows edits."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app import clock
from app.calls import CallService
from app.identity import announce
from app.worklist import COLUMNS
from tests.app import worklist_data as data
from ui.timeline_words import event_title
from ui.worklist.view import WorklistPage
from ui.workspace import Workspace


@pytest.fixture
def workspace(make_window, profile):
    clock.pin(dt.datetime.combine(data.TODAY, dt.time(4), tzinfo=dt.timezone.utc))
    ids = data.load(profile)
    profile.settings.set("user.id", ids["me"])
    window = make_window(profile)
    ws = Workspace(window)
    yield ws, ids
    for w in list(ws.open_patients.values()):
        w.close()
    clock.pin(None)


def test_the_worklist_fills_its_area_in_chinese(workspace):
    ws, _ = workspace
    page = ws.window.page("worklist")
    assert isinstance(page, WorklistPage) and page.model.rowCount() == 5
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "姓名"
    assert page.filter_bar.scope_buttons["mine"].text().startswith("我的")


def test_opening_a_row_opens_one_window_per_patient(qtbot, workspace):
    ws, ids = workspace
    pid = ids["张三"][0]
    ws.worklist_page.patient_requested.emit(pid)
    ws.worklist_page.patient_requested.emit(pid)  # again: the same window comes forward
    assert list(ws.open_patients) == [pid]
    assert "张三" in ws.open_patients[pid].view.windowTitle()


def test_a_patient_window_closes_with_ctrl_w_and_esc_and_esc_first_closes_the_editor(qtbot, workspace):
    ws, ids = workspace
    w = ws.open_patient(ids["张三"][0])
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)  # shortcuts are the active window's
    w.view.start_note("note")
    w.view.editor.text.setPlainText("写了一半")
    qtbot.keyClick(w.view.editor.text, Qt.Key.Key_Escape)
    assert not w.view.editor.isVisible() and w.isVisible()  # the editor went, the window stays
    with qtbot.waitSignal(w.destroyed, timeout=3000):
        qtbot.keyClick(w.view.timeline.tree, Qt.Key.Key_Escape)
    w = ws.open_patient(ids["李四"][0])
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    from PySide6.QtGui import QKeySequence
    from PySide6.QtGui import QShortcut
    # The binding itself, not a simulated Ctrl+W: the window goes on the key press, so the
    # release never arrives and later tests would see Ctrl held down.
    (close,) = [sc for sc in w.findChildren(QShortcut) if sc.key() == QKeySequence("Ctrl+W")]
    with qtbot.waitSignal(w.destroyed, timeout=3000):
        close.activated.emit()


def test_an_edit_anywhere_refreshes_the_list_once_events_settle(qtbot, workspace):
    ws, ids = workspace
    page = ws.worklist_page
    row = page.model.row_of(ids["李四"][1])
    sync_col = COLUMNS.index("sync_state")
    before = page.model.data(page.model.index(row, sync_col))
    CallService(ws.patients.store).record(ids["李四"][0], "connected", 300, "电话随访：恢复良好")
    qtbot.waitUntil(lambda: page.model.data(page.model.index(page.model.row_of(ids["李四"][1]), sync_col)) != before,
                    timeout=3000)
    assert page.model.data(page.model.index(page.model.row_of(ids["李四"][1]), sync_col)) == "待同步"


def test_stage_change_from_the_patient_window_is_recorded_with_its_reason(qtbot, workspace):
    ws, ids = workspace
    pid, cid = ids["张三"]
    w = ws.open_patient(pid)
    assert w.view.action_change_stage.isEnabled()
    dialog = ws._change_stage(w, pid)
    dialog.submit()  # no reason given: refused beside the form, nothing saved
    assert dialog.error.text() and ws.patients.header(pid).cases[0].stage == "screen"
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("diagnose"))
    dialog.reason.setPlainText("低剂量CT发现8mm结节，转诊断")
    dialog.submit()
    assert ws.patients.header(pid).cases[0].stage == "diagnose"
    change = ws.patients.timeline(pid, kinds={"stage"})[0]
    assert change.title_code == "timeline.stage.changed" and event_title(change, "zh_CN") == "阶段变更：筛查→诊断"


def test_calendar_and_letters_are_built_when_first_shown(workspace):
    ws, _ = workspace
    from ui.calendar.page import CalendarPage
    from ui.letters.page import LettersPage
    assert not isinstance(ws.window.page("calendar"), CalendarPage)  # not paid for at start
    ws.window.show_page("calendar")
    ws.window.show_page("letters")
    assert isinstance(ws.window.page("calendar"), CalendarPage)
    assert isinstance(ws.window.page("letters"), LettersPage)
    assert ws.window.current_page_key() == "letters"


def test_after_signing_in_mine_means_the_signed_in_person(qtbot, workspace):
    ws, ids = workspace
    page = ws.worklist_page
    page.filter_bar.scope_buttons["mine"].click()
    assert page.model.rowCount() == 3
    ws.window.profile.settings.set("user.id", ids["other"])  # what a sign-in records ...
    announce(ws.window.profile)  # ... and announces (app/sync/service.py sign_in)
    assert ws.window.profile.store.user_id == ids["other"]
    # the other one is the clinic case manager of every case
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=3000)
