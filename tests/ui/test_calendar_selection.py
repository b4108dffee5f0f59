"""The calendar after the tour (#17 items 1 and 7): several follow-ups selected in a list move
together (one question, one transaction, a clinic visit never on a day off); the selected day
keeps its date and counts visible; holiday names are not cut; a click on a follow-up in the
week view shows it selected in the day's list. In Chinese and in English."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QFontMetricsF
from sqlalchemy import select

from app import clock
from app.followups import FollowupService
from db.models import Followup
from tests.app.test_followups import seed
from ui.calendar import CalendarPage
from ui.calendar import labels
from ui.calendar.bulk_reschedule import BulkRescheduleDialog
from ui.calendar.month_view import SELECTED
from ui.tasks import wait_for_lanes

TODAY, FRI, SAT, MON = dt.date(2026, 11, 18), dt.date(2026, 11, 20), dt.date(2026, 11, 28), dt.date(2026, 11, 30)


@pytest.fixture(params=["zh_CN", "en"])
def world(request, qtbot, translations, profile):
    translations.set_language(request.param)
    ids = seed(profile)  # today: Wednesday 2026-11-18; I am cm01 of station S0
    service = FollowupService(profile)

    def plan(name, day, method="phone"):
        pid, cid = ids[name]
        return service.create(pid, cid, day, method, assignee_id=ids["me"])

    page = None

    def make():
        nonlocal page
        page = CalendarPage(profile)
        qtbot.addWidget(page)
        page.resize(1300, 850)
        page.show()
        return page

    yield profile, plan, make, request.param
    wait_for_lanes()
    clock.pin(None)


def select_rows(table, rows):
    model = table.model()
    table.selectionModel().clearSelection()
    for r in rows:
        table.selectionModel().select(model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                                      | QItemSelectionModel.SelectionFlag.Rows)


def test_selected_follow_ups_move_together_clinic_visits_to_a_working_day(qtbot, world):
    profile, plan, make, lang = world
    phone, clinic, home = plan("张三", TODAY), plan("张珊珊", TODAY, "clinic"), plan("张三", TODAY, "home")
    page = make()
    table = page.lists.show_list("day")
    assert page.lists.models["day"].rowCount() == 3
    select_rows(table, [0, 1, 2])
    assert not page.lists.complete_button.isEnabled()  # completing is one at a time
    assert page.lists.reschedule_button.text() == ("改期 3 条…" if lang == "zh_CN" else "Reschedule 3…")
    assert page.lists.detail.text().startswith("已选择 3 条随访" if lang == "zh_CN" else "3 follow-ups selected")
    dialog = page.reschedule_selected()
    assert isinstance(dialog, BulkRescheduleDialog)
    qtbot.addWidget(dialog)
    dialog.date.setDate(labels.qdate(SAT))
    note = dialog.note.text()
    assert (("2026-11-30" in note and "门诊" in note) if lang == "zh_CN" else "Clinic visits go to the next working day, 2026-11-30" in note)
    with qtbot.waitSignal(dialog.finished_work, timeout=10000) as done:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert isinstance(done.args[0], list) and len(done.args[0]) == 3
    with profile.sessions() as s:
        due = dict(s.execute(select(Followup.id, Followup.due_date).where(Followup.id.in_([phone, clinic, home]))).all())
    assert due == {phone: SAT, clinic: MON, home: SAT}
    text = page.message.text()
    assert text == ("3 条随访已改到 2026-11-28；其中 1 个门诊改在 2026-11-30（2026-11-28 门诊不开）。" if lang == "zh_CN"
                    else "3 follow-up(s) moved to 2026-11-28; 1 clinic visit(s) of them to 2026-11-30 instead (the clinic is closed on 2026-11-28).")


def test_a_refused_bulk_move_says_why_and_moves_nothing(qtbot, world):
    profile, plan, make, lang = world
    a, b = plan("张三", TODAY), plan("张珊珊", TODAY)
    page = make()
    select_rows(page.lists.show_list("day"), [0, 1])
    dialog = page.reschedule_selected()
    qtbot.addWidget(dialog)
    dialog.date.setDate(labels.qdate(dt.date(2040, 1, 2)))  # more than ten years ahead
    with qtbot.waitSignal(dialog.finished_work, timeout=10000) as done:
        dialog.start()
    assert isinstance(done.args[0], Exception) and dialog.isVisible()
    words = dialog.message.text()
    assert ("未改期任何随访" in words) if lang == "zh_CN" else ("Nothing was moved" in words)
    with profile.sessions() as s:
        assert {s.get(Followup, f).due_date for f in (a, b)} == {TODAY}


def test_the_selected_day_keeps_its_date_and_counts(qtbot, world):
    _profile, plan, make, _lang = world
    plan("张三", FRI, "home")
    plan("张三", TODAY)
    page = make()
    view = page.month_view
    view.setFocus()
    for day in (TODAY, FRI):  # today, then a day with a home visit (its orange dot filled the cell)
        view.select(day)
        qtbot.wait(20)
        image = view.grab().toImage()
        cell = view.cell_rect(day)
        corner = image.pixelColor(QPoint(int(cell.right() - 12), int(cell.bottom() - 12)))
        assert corner == SELECTED, (day, corner.name())
        inner = {image.pixelColor(QPoint(x, y)).name() for x in range(int(cell.left()) + 4, int(cell.right()) - 4, 3)
                 for y in range(int(cell.top()) + 4, int(cell.top()) + 50, 3)}
        assert len(inner) > 3  # the date and the counts are drawn over it, not hidden


def test_holiday_names_are_not_cut(world):
    _profile, _plan, make, _lang = world
    page = make()
    page.go_to(dt.date(2026, 9, 25))  # 中秋节 (Mid-Autumn Festival) and 国庆节 (National Day)
    view = page.month_view
    fm = QFontMetricsF(view.small_font())
    named = [(d, i) for d, i in view.infos.items() if i.name and i.kind in ("holiday", "makeup")]
    assert len(named) >= 8
    for day, info in named:
        name = labels.holiday(info.name)
        rect, text, _flags = view.holiday_layout(view.cell_rect(day), name, fm, view.cell_rect(day).top() + 30)
        assert text == name and rect.bottom() < view.cell_rect(day).bottom()
    for header in page.week_view.headers:
        assert header.sizePolicy().horizontalPolicy().name == "Ignored"  # a name wraps, the week stays even


def test_a_click_in_the_week_selects_the_follow_up_in_the_days_list(qtbot, world):
    _profile, plan, make, _lang = world
    plan("张三", TODAY)
    fid = plan("张珊珊", FRI, "clinic")
    page = make()
    page.set_mode("week")
    friday = page.week_view.lists[4]
    assert page.week_view.models[4].items[0].id == fid
    rect = friday.visualRect(friday.model().index(0, 0))
    qtbot.mouseClick(friday.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected == FRI and page.lists.tabs.currentIndex() == 0
    row = page.lists.current_row()
    assert row is not None and row.id == fid
    assert page.lists.reschedule_button.isEnabled() and page.lists.complete_button.isEnabled()
    assert QColor(SELECTED).isValid()
