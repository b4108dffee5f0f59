"""Idle lock: patient data disappears after idle time and comes back only with the password."""
from __future__ import annotations

import datetime as dt

import pytest

from app import clock
from app.unlock import UnlockGuard
from tests.app import worklist_data as data
from ui.workspace import Workspace


@pytest.fixture
def workspace(make_window, profile):
    clock.pin(dt.datetime.combine(data.TODAY, dt.time(4), tzinfo=dt.timezone.utc))
    ids = data.load(profile)
    profile.settings.set("user.id", ids["me"])
    UnlockGuard(profile).set_password("s3cret-pass")
    ws = Workspace(make_window(profile))
    assert ws.lock.locked  # a profile with a password starts locked: sign in first
    ws.lock.screen.password.setText("s3cret-pass")
    ws.lock.screen.try_unlock()
    assert not ws.lock.locked
    yield ws, ids
    for w in list(ws.open_patients.values()):
        w.close()
    ws.lock.idle.stop()
    clock.pin(None)


def test_idle_time_locks_and_hides_every_patient_window(qtbot, workspace):
    ws, ids = workspace
    patient = ws.open_patient(ids["张三"][0])
    ws.lock.idle.set_timeout(50)
    qtbot.waitUntil(lambda: ws.lock.locked, timeout=3000)
    assert not patient.isVisible()
    assert not ws.worklist_page.isVisible()
    assert not ws.window.menuBar().isEnabled()
    assert ws.lock.screen.title.text() == "CaseDesk 已锁定"


def test_a_wrong_password_says_so_and_the_right_one_restores_everything(qtbot, workspace):
    ws, ids = workspace
    patient = ws.open_patient(ids["张三"][0])
    ws.lock.lock()
    ws.lock.screen.password.setText("nope")
    ws.lock.screen.try_unlock()
    assert ws.lock.locked and "4" in ws.lock.screen.error.text()
    ws.lock.screen.password.setText("s3cret-pass")
    ws.lock.screen.try_unlock()
    assert not ws.lock.locked and patient.isVisible() and ws.window.menuBar().isEnabled()


def test_lock_now_from_the_file_menu(qtbot, workspace):
    ws, _ = workspace
    assert ws.lock.action in ws.window.file_menu.actions()
    ws.lock.action.trigger()
    assert ws.lock.locked
