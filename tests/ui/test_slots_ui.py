"""The slot pool's windows: the hospital's page (publish a series, the day's list, attendance
and no-shows) and 预约检查 from the patient window (free slots, book, slip, a refused booking
shown with its alternatives and rebooked), in English and Chinese, grabbed for a look."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtCore import QTime
from sqlalchemy import select

from app import clock
from db.models import OutboxEntry
from db.models import Task
from tests.app.test_slots import MONDAY
from tests.app.test_slots import NOON
from tests.app.test_slots import as_
from tests.app.test_slots import world as slot_world  # noqa: F401 - the fixture
from ui.slots.book_dialog import BookExamDialog
from ui.slots.page import SlotPoolPage

SHOTS = Path("/tmp/shots")
CJK = re.compile(r"[\u4e00-\u9fff]")


def grab(widget, name: str) -> None:
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()  # a language switch lays the window out again first
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def texts(widget) -> str:
    from PySide6.QtWidgets import QAbstractButton
    from PySide6.QtWidgets import QGroupBox
    from PySide6.QtWidgets import QLabel
    return " ".join([w.text() for w in widget.findChildren(QAbstractButton) + widget.findChildren(QLabel)]
                    + [w.title() for w in widget.findChildren(QGroupBox)])


def publish(qtbot, page, capacity=1):
    dialog = page.open_publish()
    qtbot.addWidget(dialog)
    dialog.modality.setCurrentIndex(dialog.modality.findData("ldct"))
    dialog.first_day.setDate(QDate(2026, 11, 23))
    dialog.last_day.setDate(QDate(2026, 11, 27))
    dialog.start.setTime(QTime(8, 0))
    dialog.end.setTime(QTime(9, 0))
    dialog.capacity.setValue(capacity)
    dialog.place.setText("门诊楼二楼CT室")
    dialog.instructions.setPlainText("带身份证、医保卡")
    grab(dialog, "publish_dialog")
    assert dialog.publish()
    return dialog


def test_the_hospital_publishes_a_series_and_registers_the_day(qtbot, translations, slot_world):  # noqa: F811
    profile, ids, service = slot_world
    translations.set_language("zh_CN")
    as_(profile, ids["nurse"])
    page = SlotPoolPage(profile)
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    publish(qtbot, page, capacity=2)
    assert "已发布 10 个号源。" in page.message.text()  # 5 days × 2
    translations.set_language("en")
    page.day.setDate(QDate(2026, 11, 23))
    assert page.tree.topLevelItemCount() == 2
    as_(profile, ids["me"])
    booking = service.book(page.tree.topLevelItem(0).data(0, 0x0100), ids["张三"][0], ids["张三"][1])
    as_(profile, ids["nurse"])
    page.day.setDate(QDate(2026, 11, 25))  # another day: the slip's code brings the booking's day back
    assert page.find_code(service.booking(booking).code.lower())
    assert page.selected_day() == MONDAY and page.tree.currentItem().data(0, 0x0100) == booking
    assert not page.find_code("YY-0000-0000") and "No booking has the code" in page.message.text()
    assert page.no_show_button.isEnabled()
    assert not page.register("no_show")  # Monday's slot, and it is Wednesday before
    assert "not begun" in page.message.text()
    clock.pin(dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.timezone.utc))  # Monday 11:00 in China
    page.reload()
    page.select(booking)
    assert page.register("no_show")
    with profile.sessions() as s:
        assert s.scalar(select(Task.owner_id).where(Task.source_id == booking)) == ids["me"]
    grab(page, "slots_page_en")
    translations.set_language("zh_CN")
    shown = texts(page)
    assert "当日号源" in shown and "已到检" in shown and "发布号源" in shown
    assert "爽约" in page.tree.topLevelItem(0).child(0).text(3)
    grab(page, "slots_page_zh")
    clock.pin(NOON)


def test_book_an_exam_print_the_slip_and_rebook_a_refused_booking(qtbot, translations, slot_world, tmp_path):  # noqa: F811
    profile, ids, service = slot_world
    as_(profile, ids["nurse"])
    full, spare = service.publish_series(ids["hospital"], "ldct", MONDAY, MONDAY, dt.time(8), dt.time(9), 30, 1,
                                         place="门诊楼二楼CT室", instructions="带身份证")
    as_(profile, ids["me"])
    translations.set_language("en")
    dialog = BookExamDialog(profile, ids["张三"][0], None, "张三")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.modality.setCurrentIndex(dialog.modality.findData("ldct"))
    assert dialog.free.rowCount() == 2
    dialog.from_day.setDate(QDate(2026, 11, 24))  # from Tuesday: Monday's slots are not offered
    assert dialog.free.rowCount() == 0
    dialog.from_day.setDate(QDate(2026, 11, 18))
    dialog.free.selectRow(0)
    dialog.case.setCurrentIndex(1)  # the resident's open case
    booking = dialog.book()
    assert booking and "Booked: YY-" in dialog.message.text()
    assert dialog.mine.item(0, 4).text() == "Tentative — confirmed at the next sync"
    assert dialog.print_slip(tmp_path / "slip.pdf").exists()
    with profile.sessions.begin() as s:  # as the sync records the server's refusal
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == booking)).one()
        entry.status, entry.server_detail = "rejected", {"problems": [{"code": "slot.full", "field": "slot_id", "params": {
            "capacity": 1, "modality": "ldct", "alternatives": [spare], "times": "2026-11-23 08:30"}}]}
    dialog.reload()
    dialog.select_booking(booking)
    assert dialog.mine.item(0, 4).text() == "Refused — rebook"
    assert "Nearest free slots: 2026-11-23 08:30" in dialog.refusal.text()
    assert dialog.alternatives.count() == 1 and dialog.rebook_button.isEnabled()
    assert not dialog.slip_button.isEnabled()  # a refused booking prints no slip
    grab(dialog, "book_exam_refused_en")
    translations.set_language("zh_CN")
    assert "低剂量CT号源已约满" in dialog.refusal.text()
    assert dialog.windowTitle() == "预约检查 — 张三" and "该居民的预约" in texts(dialog)
    grab(dialog, "book_exam_refused_zh")
    assert dialog.rebook()
    assert dialog.mine.item(0, 4).text() == "待确认 — 下次同步时确认"
    assert service.booking(booking).slot.id == spare
    grab(dialog, "book_exam_rebooked_zh")
    before = dialog.free.rowCount()
    as_(profile, ids["nurse"])  # a slot published meanwhile (as a pull brings it) shows without a click
    service.publish(ids["hospital"], "ldct", NOON + dt.timedelta(days=6), 2)
    as_(profile, ids["me"])
    qtbot.waitUntil(lambda: dialog.free.rowCount() == before + 1)


def test_the_pool_is_in_the_sidebar_and_the_patient_window_books_an_exam(qtbot, make_window, profile):
    from tests.app import worklist_data as data
    from ui.workspace import Workspace

    clock.pin(NOON)
    ids = data.load(profile)
    profile.settings.set("user.id", ids["me"])
    window = make_window(profile)  # Chinese, as the workstation starts
    ws = Workspace(window)
    try:
        window.show_page("slots")
        assert isinstance(window.page("slots"), SlotPoolPage)
        assert not window.page("slots").publish_button.isEnabled()  # a station's case manager books only
        assert window.nav.item(window.PAGES.index("slots")).text() == "号源池"
        qtbot.wait(200)  # the page lays itself out before the grab
        grab(window, "main_window_slots_zh")
        w = ws.open_patient(ids["张三"][0])
        assert w.view.action_book_exam.isEnabled() and w.view.action_book_exam.text() == "预约检查"
        dialog = ws._book_exam(w, ids["张三"][0])
        assert isinstance(dialog, BookExamDialog) and dialog.windowTitle() == "预约检查 — 张三"
        dialog.close()
    finally:
        for opened in list(ws.open_patients.values()):
            opened.close()
        clock.pin(None)
