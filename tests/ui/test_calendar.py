"""The follow-up calendar page as a case manager uses it: month counts, the day's list,
drag-and-drop in the week, the chase list, completing and moving follow-ups."""
from __future__ import annotations

import datetime as dt
import os
import re

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from sqlalchemy import select

from app import clock
from app.followups import Completion
from app.followups import FollowupService
from app.pathway.holidays import CC_SOURCE
from db.models import Followup
from db.models import Referral
from tests.app.test_followups import seed
from ui.calendar import CalendarPage
from ui.calendar.list_model import COLUMNS
from ui.tasks import wait_for_lanes

FRI, SAT = dt.date(2026, 11, 20), dt.date(2026, 11, 21)


@pytest.fixture
def world(profile):
    ids = seed(profile)  # today: Wednesday 2026-11-18; I am cm01 of station S0
    service = FollowupService(profile)

    def plan(name, day, method="phone"):
        pid, cid = ids[name]
        return service.create(pid, cid, day, method, assignee_id=ids["me"])

    yield profile, ids, service, plan
    wait_for_lanes()
    clock.pin(None)


@pytest.fixture
def make_page(qtbot, world):
    def make():
        page = CalendarPage(world[0])
        qtbot.addWidget(page)
        page.resize(1300, 850)
        page.show()
        return page
    return make


def names(model):
    return [model.data(model.index(r, COLUMNS.index("name"))) for r in range(model.rowCount())]


def test_month_view_counts_by_method_in_my_station(world, make_page):
    _profile, _ids, _service, plan = world
    plan("张三", FRI)
    plan("张珊珊", FRI, "clinic")
    plan("李四", FRI, "home")  # another station: not in my view
    plan("张三", dt.date(2026, 11, 17))
    page = make_page()
    assert page.title.text() == "November 2026"
    counts = page.month_view.counts
    assert counts[FRI].planned == {"phone": 1, "clinic": 1}
    assert counts[dt.date(2026, 11, 17)].planned == {"phone": 1}
    assert "Phone: 1" in page.month_view.tooltip_for(FRI) and "Clinic: 1" in page.month_view.tooltip_for(FRI)
    page.scope.setCurrentIndex(0)  # all follow-ups
    assert page.month_view.counts[FRI].planned == {"phone": 1, "clinic": 1, "home": 1}
    assert not page.warning.isVisible()


def test_the_days_list_follows_the_selected_day(qtbot, world, make_page):
    _profile, _ids, _service, plan = world
    plan("张三", FRI)
    plan("张珊珊", FRI, "clinic")
    page = make_page()
    assert page.lists.models["day"].rowCount() == 0  # today has nothing
    page.month_view.select(FRI)
    assert names(page.lists.models["day"]) == ["张珊珊", "张三"]
    assert page.lists.tabs.tabText(0).startswith("Nov 20")
    rect = page.month_view.cell_rect(SAT)
    qtbot.mouseClick(page.month_view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert page.selected == SAT and page.lists.models["day"].rowCount() == 0


def test_dragging_a_follow_up_to_another_day_reschedules_it(qtbot, world, make_page):
    profile, _ids, _service, plan = world
    fid = plan("张三", FRI)
    page = make_page()
    page.set_mode("week")
    models = page.week_view.models
    assert [m.day for m in models][4] == FRI and models[4].rowCount() == 1
    mime = models[4].mimeData([models[4].index(0)])
    assert models[3].canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    models[3].dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    with profile.sessions() as s:
        assert s.get(Followup, fid).due_date == dt.date(2026, 11, 19)
    assert models[4].rowCount() == 0 and [r.id for r in models[3].items] == [fid]
    # A weekend day is not a drop target: the dialog is there for that.
    models[5].dropMimeData(models[3].mimeData([models[3].index(0)]), Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    with profile.sessions() as s:
        assert s.get(Followup, fid).due_date == dt.date(2026, 11, 19)
    assert "not a working day" in page.message.text()


def test_the_chase_list_shows_missed_follow_ups_with_their_attempts(qtbot, world, make_page):
    _profile, _ids, service, plan = world
    fid = plan("张三", dt.date(2026, 11, 10))
    for _ in range(3):
        service.complete(fid, Completion("phone", reached=False))
    page = make_page()
    model = page.lists.models["chase"]
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3000)
    assert model.data(model.index(0, COLUMNS.index("attempts"))) == "3"
    assert model.data(model.index(0, COLUMNS.index("status"))) == "Not reached"
    qtbot.waitUntil(lambda: page.lists.tabs.tabText(2) == "Chase list (1)", timeout=3000)


def test_completing_with_recurrence_suspected_opens_a_referral_draft(qtbot, world, make_page):
    profile, _ids, _service, plan = world
    fid = plan("张三", clock.today())
    page = make_page()
    page.lists.tables["day"].selectRow(0)
    assert "Select a follow-up" not in page.lists.detail.text()
    dialog = page.complete_selected()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("recurrence_suspected"))
    assert dialog.action_hint.isVisible() and "referral draft" in dialog.action_hint.text()
    assert "Proposed by the rules" in dialog.explanation.text() and dialog.next_method.currentData() == "clinic"
    dialog.notes.setPlainText("咳嗽加重，痰中带血")
    assert dialog.save()
    with profile.sessions() as s:
        assert s.get(Followup, fid).status == "done"
        assert sorted(s.scalars(select(Referral.state)).all()) == ["closed", "draft", "sent"]


def test_a_refused_date_is_shown_at_its_field(world, make_page):
    profile, _ids, _service, plan = world
    fid = plan("张三", clock.today())
    page = make_page()
    page.lists.tables["day"].selectRow(0)
    dialog = page.complete_selected()
    dialog.next_date.setDate(dialog.next_date.date().addYears(-80))
    assert not dialog.save()
    assert dialog.error.isVisible() and "born" in dialog.error.text()
    assert "c0392b" in dialog.next_date.styleSheet()
    with profile.sessions() as s:
        assert s.get(Followup, fid).status == "planned"


def test_clinic_closed_moves_the_stations_day(world, make_page):
    profile, _ids, _service, plan = world
    day = dt.date(2026, 9, 30)
    moved = [plan("张三", day), plan("张珊珊", day)]
    page = make_page()
    dialog = page.close_day()
    dialog.date.setDate(dialog.date.date().addDays((day - clock.today()).days))
    assert "2 follow-up(s)" in dialog.note.text() and "2026-10-08" in dialog.note.text()
    assert not dialog.save() and "c0392b" in dialog.reason.styleSheet()  # a reason is required
    dialog.reason.setText("停电")
    assert dialog.save()
    assert "2 follow-up(s) moved to 2026-10-08" in page.message.text()
    with profile.sessions() as s:
        assert {s.get(Followup, f).due_date for f in moved} == {dt.date(2026, 10, 8)}


def test_reschedule_dialog_warns_about_a_holiday(world, make_page):
    profile, _ids, _service, plan = world
    fid = plan("张三", clock.today())
    page = make_page()
    page.lists.tables["day"].selectRow(0)
    dialog = page.reschedule_selected()
    dialog.date.setDate(dialog.date.date().addDays((dt.date(2027, 1, 1) - clock.today()).days))
    assert "2027" in dialog.note.text() and "not in the data" in dialog.note.text()
    assert dialog.save()
    with profile.sessions() as s:
        assert s.get(Followup, fid).due_date == dt.date(2027, 1, 1)


def test_a_year_without_holiday_data_shows_a_warning(world, make_page):
    page = make_page()
    page.go_to(dt.date(2028, 3, 1))
    assert page.warning.isVisible() and "2028" in page.warning.text()
    page.go_to(dt.date(2026, 3, 1))
    assert not page.warning.isVisible()


def test_the_models_pass_qt_model_tester(qtmodeltester, world, make_page):
    _profile, _ids, _service, plan = world
    plan("张三", FRI)
    page = make_page()
    page.month_view.select(FRI)
    qtmodeltester.check(page.lists.models["day"])
    page.set_mode("week")
    qtmodeltester.check(page.week_view.models[4])


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_proposed_date_is_explained_in_the_windows_language_only(world, make_page, translations, lang):
    """The rules' explanation follows the window's language: no Chinese step under English,
    no English one under Chinese (the Due carries codes, worded in the dialog)."""
    translations.set_language(lang)
    _profile, _ids, _service, plan = world
    plan("张三", clock.today())
    page = make_page()
    page.lists.tables["day"].selectRow(0)
    dialog = page.complete_selected()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("symptoms"))
    text = dialog.explanation.text()
    if lang == "en":
        assert text.startswith("Proposed by the rules:\nDue 2026-12-02 (Wed)\nRule outcome-symptoms, version 2026.1")
        # the outcome as the list above names it
        assert "Follow-up outcome “Symptoms, advised to see a doctor”: the next follow-up 14 days later" in text
        assert dialog.outcome.currentText() == "Symptoms, advised to see a doctor"
        assert "2026-11-18 + 14 days = 2026-12-02" in text and "is a working day, so it stays" in text
        assert not re.search(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]", text), text
    else:
        assert "到期日 2026-12-02（周三）" in text and "随访结局“出现不适，已指导就诊”：14天后再次随访" in text
        assert dialog.outcome.currentText() == "出现不适，已指导就诊"
        assert "2026-11-18 + 14天 = 2026-12-02" in text and "是工作日，不顺延" in text
        assert not re.search(r"\b(Due|Rule|days|working|Proposed)\b", text), text
    if os.environ.get("CASEDESK_SHOTS"):  # for a person to look at: nothing cut off, one language
        dialog.show()
        dialog.grab().save(os.path.join(os.environ["CASEDESK_SHOTS"], f"complete_dialog_{lang}.png"))


@pytest.mark.parametrize("lang, name", [("en", "National Day"), ("zh_CN", "国庆节")])
def test_a_holiday_is_named_in_the_windows_language(world, make_page, translations, lang, name):
    """The calendar data names holidays by code; the month view words them for its reader."""
    translations.set_language(lang)
    page = make_page()
    cal = page.service.pathway.calendar
    view = page.month_view
    view.set_data(2026, 10, {}, {dt.date(2026, 10, 2): cal.info(dt.date(2026, 10, 2))}, clock.today(), None)
    assert view.tooltip_for(dt.date(2026, 10, 2)).splitlines()[1] == name


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_why_a_follow_up_is_on_its_day_reads_in_the_windows_language(world, make_page, translations, lang):
    translations.set_language(lang)
    _profile, ids, service, _plan = world
    fid = service.create(*ids["张三"], dt.date(2026, 10, 10), "phone", rule_id="rehab-curative",
                         assignee_id=ids["me"])
    page = make_page()
    page.go_to(dt.date(2026, 10, 10))
    page.lists.tables["day"].selectRow(0)
    assert page.lists.models["day"].row_data(0).id == fid
    text = page.lists.detail.text()
    if lang == "en":
        assert text.splitlines() == [
            f"2026-10-10 (Sat): a make-up working day for National Day [holiday data: {CC_SOURCE}]",
            "Planned by rule rehab-curative, version 2026.1"]
    else:
        assert text.splitlines()[0] == f"2026-10-10（周六）国庆节调休上班日［节假日数据：{CC_SOURCE}］"
        assert text.splitlines()[1].startswith("由规则 rehab-curative v2026.1 《")
