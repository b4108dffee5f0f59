"""The call dialog: seven outcomes, a length only when someone picked up, reasons in words
beside their field, a call-back and the follow-up it counts for; the patient view's
"Phone call" opens it."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtCore import QTime
from sqlalchemy import select

from app import clock
from app.calls import CALL_OUTCOMES
from app.calls import CallService
from app.followups import FollowupService
from app.patients import PatientService
from db.models import Call
from db.models import Followup
from db.models import Task
from tests.app import worklist_data as data
from ui.patient.call_dialog import CallDialog
from ui.patient.view import PatientView


@pytest.fixture
def world(profile):
    clock.pin(data.NOON)
    ids = data.load(profile)
    profile.store.user_id = ids["me"]
    yield profile, ids
    profile.store.user_id = None
    clock.pin(None)


def dialog_for(qtbot, profile, patient_id) -> CallDialog:
    d = CallDialog(CallService.for_profile(profile), patient_id, patient_name="张三")
    qtbot.addWidget(d)
    d.show()
    return d


def calls_of(profile, patient_id) -> list[Call]:
    with profile.sessions() as s:
        return list(s.scalars(select(Call).where(Call.patient_id == patient_id)))


def test_the_length_is_for_a_call_someone_answered(qtbot, world):
    profile, ids = world
    d = dialog_for(qtbot, profile, ids["张三"][0])
    assert set(d.radios) == set(CALL_OUTCOMES) and d.outcome() is None
    assert not d.duration.isEnabled()
    for outcome, enabled in (("connected", True), ("no_answer", False), ("other_person", True),
                             ("switched_off", False), ("refused", True), ("invalid_number", False)):
        d.radios[outcome].click()
        assert d.duration.isEnabled() is enabled, outcome
    assert not d.for_followup.isVisible()  # no open phone follow-up


def test_a_refusal_is_shown_in_words_beside_its_field(qtbot, world, translations):
    profile, ids = world
    d = dialog_for(qtbot, profile, ids["张三"][0])
    assert d.radios["no_answer"].text() == "未接" and d.radios["rescheduled"].text() == "改约"
    d.submit()
    assert d.isVisible() and d.errors["outcome"].isVisible()
    assert d.errors["outcome"].text() == "请选择通话结果。"
    d.radios["no_answer"].click()
    d.call_back.setChecked(True)
    d.call_back_at.setDateTime(QDateTime(d.call_back_at.date().addDays(-2), QTime(9, 0)))
    d.submit()
    assert not d.errors["outcome"].isVisible() and d.errors["call_back_at"].isVisible()
    assert d.errors["call_back_at"].text() == "回拨时间必须晚于本次通话。"
    assert calls_of(profile, ids["张三"][0]) == []


def test_a_connected_call_is_saved_with_its_length_and_notes(qtbot, world):
    profile, ids = world
    pid = ids["张三"][0]
    d = dialog_for(qtbot, profile, pid)
    d.radios["connected"].click()
    d.minutes.setValue(3)
    d.seconds.setValue(5)
    d.notes.setPlainText("咳嗽好转")
    with qtbot.waitSignal(d.accepted, timeout=2000):
        d.buttons.button(d.buttons.StandardButton.Save).click()
    (call,) = calls_of(profile, pid)
    assert (call.outcome, call.duration_s, call.notes, call.followup_id) == ("connected", 185, "咳嗽好转", None)
    assert d.result_call.contact


def test_an_unanswered_call_counts_for_the_open_phone_follow_up_and_books_a_call_back(qtbot, world):
    profile, ids = world
    pid, cid = ids["张三"]
    fid = FollowupService(profile).create(pid, cid, data.TODAY, "phone", assignee_id=ids["me"])
    d = dialog_for(qtbot, profile, pid)
    assert d.for_followup.isVisible() and d.for_followup.isChecked()
    assert "2026-11-18" in d.for_followup.text()
    d.radios["no_answer"].click()
    d.minutes.setValue(2)  # typed before the outcome changed: not saved for a call nobody answered
    d.call_back.setChecked(True)
    d.call_back_at.setDateTime(QDateTime(d.call_back_at.date().addDays(1), QTime(9, 30)))
    d.submit()
    assert not d.isVisible()
    (call,) = calls_of(profile, pid)
    assert (call.outcome, call.duration_s, call.followup_id) == ("no_answer", None, fid)
    with profile.sessions() as s:
        assert s.get(Followup, fid).attempts == 1
        task = s.get(Task, d.result_call.task_id)
    assert task.kind == "call_back" and task.due_date == dt.date(2026, 11, 19)


def test_the_patient_view_opens_the_call_dialog(qtbot, world):
    profile, ids = world
    view = PatientView(PatientService(profile.store), ids["张三"][0])
    qtbot.addWidget(view)
    view.action_add_call.trigger()
    dialogs = view.findChildren(CallDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    assert not view.editor.isVisible()  # not the free-text note editor any more
    dialogs[0].radios["connected"].click()
    with qtbot.waitSignal(dialogs[0].accepted, timeout=2000):
        dialogs[0].submit()
    assert [c.outcome for c in calls_of(profile, ids["张三"][0])] == ["connected"]


def test_ctrl_l_records_a_call_and_shows_it_even_when_calls_are_filtered_out(qtbot, world):
    profile, ids = world
    view = PatientView(PatientService(profile.store), ids["张三"][0])
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    view.timeline.tree.setFocus()
    view.timeline.filter_actions["call"].trigger()
    assert not view.timeline.filter_actions["call"].isChecked()
    # The binding, then the action it triggers: a simulated Ctrl+L opens a window-modal dialog
    # on the press, the release is blocked, and later tests would see Ctrl held down.
    assert view.action_add_call.shortcut().toString() == "Ctrl+L"
    view.action_add_call.trigger()
    (d,) = view.findChildren(CallDialog)
    d.radios["no_answer"].click()
    with qtbot.waitSignal(d.accepted, timeout=2000):
        d.submit()
    assert view.timeline.filter_actions["call"].isChecked()
    assert view.timeline.current_event_id() == d.result_call.event_id
