"""Switching user on a shared desktop, end to end: real profiles, real keyring, real windows.
The leaver's data is hidden at once and their unsynced changes stay in their profile; the
next person opens only their own profile, and only with their own password."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialogButtonBox

from app import profile_key
from app import secrets
from app.sync import service
from app.unlock import UnlockGuard
from app.users import Station
from db.models import Patient
from tests.app import worklist_data as data
from ui.app import parse_args
from ui.app import run_gui
from ui.users.chooser_dialog import LOGIN_ROLE
from ui.users.chooser_dialog import UserChooser
from ui.users.session import DeskSession

PASSWORDS = {"cm01": "cm01-secret", "cm02": "cm02-secret"}


def key_name(path) -> str:
    return f"dbkey:{profile_key.read_manifest(path)['id']}"


@pytest.fixture
def station(tmp_path, keyring_backend):
    """cm01 with a caseload, two unsynced edits and a password; cm02 empty, own password."""
    s = Station(tmp_path / "desk")
    s.add("cm01")
    s.add("cm02")
    for login, password in PASSWORDS.items():
        p = s.open(login)
        if login == "cm01":
            ids = data.load(p)
            p.settings.set("user.id", ids["me"])
            p.settings.save()
            for name in ("欧阳明月", "司马青"):
                with p.store.write() as tx:
                    tx.add(Patient(name=name, name_pinyin="x", name_initials="x", sex="F",
                                   birth_date=dt.date(1960, 1, 1)))
        UnlockGuard(p).set_password(password)
        p.close()
    yield s
    for made in (s.root / "users").glob(f"*/{profile_key.MANIFEST}"):
        secrets.delete(key_name(made.parent))


@pytest.fixture
def session(station, translations, qtbot):
    errors = []
    desk = DeskSession(station, translations, errors.append)
    desk.errors = errors
    yield desk
    desk.close()
    assert errors == []


def answer(qtbot, session, act) -> None:
    """Act on the chooser the session is about to show (it runs modal). The session owns its
    windows and deletes them on a switch: tests do not hand them to qtbot."""
    def poke():
        if session.chooser is None or not session.chooser.isVisible():
            QTimer.singleShot(10, poke)
            return
        act(session.chooser)

    QTimer.singleShot(0, poke)


def choose(login: str):
    def act(chooser: UserChooser) -> None:
        items = [chooser.list.item(i) for i in range(chooser.list.count())]
        chooser.list.setCurrentItem(next(i for i in items if i.data(LOGIN_ROLE) == login))
        chooser.open_selected()
    return act


def unlock(window, password: str) -> None:
    screen = window.workspace.lock.screen
    screen.password.setText(password)
    screen.try_unlock()


def open_as(qtbot, session, login: str):
    answer(qtbot, session, choose(login))
    window = session.start() if session.window is None else session.switch()
    assert window.workspace.lock.locked  # they have a password: they sign in first
    unlock(window, PASSWORDS[login])
    assert not window.workspace.lock.locked
    return window


def test_switching_keeps_each_person_s_data_and_unsynced_changes_apart(qtbot, session):
    a = open_as(qtbot, session, "cm01")
    profile_a = a.profile
    assert profile_a.path.name == "cm01"
    rows_a = a.workspace.worklist_page.model.rowCount()
    assert rows_a > 0
    pending = service.counts(profile_a).pending
    assert pending >= 2
    closed = []
    close = profile_a.close
    profile_a.close = lambda: (closed.append(profile_a.path.name), close())
    patient = a.workspace.open_patient(a.workspace.worklist_page.model.row_data(0).patient_id)
    assert "S&witch user…" not in [x.text() for x in a.file_menu.actions()]
    assert a.switch_user.action in a.file_menu.actions()
    assert a.switch_user.action.text() == "切换用户(&W)…"

    seen = {}

    def look_then_choose(chooser: UserChooser) -> None:
        seen["note"] = chooser.unsynced_note.text() if chooser.unsynced_note.isVisible() else ""
        seen["hidden"] = not patient.isVisible() and a.workspace.lock.locked
        current = [chooser.list.item(i) for i in range(chooser.list.count())
                   if chooser.list.item(i).data(LOGIN_ROLE) == "cm01"][0]
        seen["current"] = current.text()
        seen["current_choosable"] = bool(current.flags() & Qt.ItemFlag.ItemIsEnabled)
        choose("cm02")(chooser)

    answer(qtbot, session, look_then_choose)
    a.activateWindow()  # the patient window took the focus; the shortcut belongs to the main window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is a, timeout=3000)
    qtbot.keyClick(a, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    b = session.window
    assert b is not a
    assert seen["hidden"]  # the leaver's patient data went out of sight before the chooser
    assert seen["note"] == f"{pending} 条更改尚未同步，将保留在您的配置中，下次您在此登录时继续发送。"
    assert seen["current"] == "陈敏 (cm01) — 当前登录" and not seen["current_choosable"]  # name from the profile
    assert not a.isVisible()
    assert closed == ["cm01"]  # the leaver's profile closed, as at quit
    assert b.profile.path.name == "cm02" and b.workspace.lock.locked
    unlock(b, PASSWORDS["cm01"])  # someone else's password does not open it
    assert b.workspace.lock.locked and "密码不正确" in b.workspace.lock.screen.error.text()
    unlock(b, PASSWORDS["cm02"])
    assert not b.workspace.lock.locked
    assert b.workspace.worklist_page.model.rowCount() == 0  # none of cm01's patients
    assert service.counts(b.profile).pending == 0

    # back to cm01, from cm02's lock screen this time
    b.workspace.lock.lock()
    assert b.workspace.lock.screen.switch_button.isVisible()
    answer(qtbot, session, choose("cm01"))
    b.workspace.lock.screen.switch_button.click()
    a2 = session.window
    assert a2.profile.path.name == "cm01" and a2.workspace.lock.locked
    unlock(a2, PASSWORDS["cm01"])
    assert service.counts(a2.profile).pending == pending  # nothing was sent, nothing was lost
    assert a2.workspace.worklist_page.model.rowCount() == rows_a
    assert [u.login for u in session.station.users()] == ["cm01", "cm02"]  # the last here first


def test_cancelling_the_chooser_returns_to_the_same_window(qtbot, session):
    a = open_as(qtbot, session, "cm01")
    answer(qtbot, session, lambda chooser: chooser.reject())
    assert session.switch() is None
    assert session.window is a and not a.workspace.lock.locked
    a.workspace.lock.lock()  # from a locked screen, cancelling leaves it locked
    answer(qtbot, session, lambda chooser: chooser.reject())
    assert session.switch() is None
    assert a.workspace.lock.locked


def test_a_missing_key_is_said_in_the_chooser_and_nobody_is_touched(qtbot, session, station):
    a = open_as(qtbot, session, "cm01")
    dir_b = station.profile_dir(station.get("cm02"))
    key_b = secrets.get(key_name(dir_b))
    secrets.delete(key_name(dir_b))
    seen = {}

    def try_cm02(chooser: UserChooser) -> None:
        choose("cm02")(chooser)
        seen["message"] = chooser.message.text()
        seen["still_open"] = chooser.isVisible()
        chooser.reject()

    try:
        answer(qtbot, session, try_cm02)
        assert session.switch() is None
    finally:
        secrets.put(key_name(dir_b), key_b)
    assert "本机密钥环中没有" in seen["message"] and seen["still_open"]
    assert session.window is a and not a.workspace.lock.locked
    assert service.counts(a.profile).pending >= 2


def test_adding_a_user_in_the_chooser_and_bad_names(qtbot, station, translations):
    chooser = UserChooser(station, current="cm01", unsynced=0)
    qtbot.addWidget(chooser)
    assert not chooser.unsynced_note.isVisible()
    chooser.login.setText("cm 03")
    chooser.add_button.click()
    assert "登录名只能包含字母" in chooser.message.text() and chooser.message.isVisibleTo(chooser)
    chooser.login.setText("cm02")
    chooser.add_button.click()
    assert chooser.message.text() == "此电脑上已有用户“cm02”。"  # the window's language only
    chooser.login.setText("cm03")
    chooser.name.setText("李明")
    chooser.add_button.click()
    assert not chooser.message.isVisibleTo(chooser)
    assert chooser.selected_login() == "cm03"
    assert station.get("cm03").display_name == "李明"
    assert chooser.buttons.button(QDialogButtonBox.StandardButton.Open).isEnabled()


def test_removing_a_user_in_the_chooser_asks_first_and_refuses_unsynced_work(qtbot, station, translations):
    station.add("cm03")
    chooser = UserChooser(station, current="cm02", unsynced=0)
    qtbot.addWidget(chooser)
    asked = []
    chooser.confirm = lambda question: asked.append(question) or len(asked) > 1  # "No", then "Yes"

    def select(login):
        items = [chooser.list.item(i) for i in range(chooser.list.count())]
        chooser.list.setCurrentItem(next(i for i in items if i.data(LOGIN_ROLE) == login))

    select("cm02")  # the person signed in now cannot be chosen, so not removed either
    assert chooser.selected_login() != "cm02"
    select("cm01")  # two changes of theirs have not reached the server
    chooser.remove_button.click()
    assert "cm01" in asked[0] and station.get("cm01") is not None  # answered No: nothing happened
    chooser.remove_button.click()
    assert "2 项修改" in chooser.message.text() and chooser.message.isVisibleTo(chooser)
    assert station.get("cm01") is not None
    select("cm03")  # nothing unsent
    chooser.remove_button.click()
    assert station.get("cm03") is None
    assert sorted(chooser.list.item(i).data(LOGIN_ROLE) for i in range(chooser.list.count())) == ["cm01", "cm02"]
    assert not chooser.message.isVisibleTo(chooser)


def test_station_on_the_command_line(tmp_path, qapp, translations, monkeypatch):
    args = parse_args(["--station", str(tmp_path)])
    assert args.station == tmp_path and args.profile is None
    assert parse_args(["--station"]).station.name == "station"
    assert parse_args([]).station is None  # without it: the one default profile, as before
    monkeypatch.setattr(UserChooser, "exec", lambda self: UserChooser.DialogCode.Rejected)
    assert run_gui(["--station", str(tmp_path / "desk")], report_error=pytest.fail) == 0


def test_the_chooser_says_problems_in_the_language_the_person_chose(qtbot, station, translations):
    chooser = UserChooser(station, current="cm01", unsynced=0)
    qtbot.addWidget(chooser)
    try:
        translations.set_language("en")
        chooser.login.setText("con")
        chooser.add_button.click()
        assert chooser.message.text() == ("“con” is reserved by the operating system and cannot be a "
                                          "login name.")
        translations.set_language("zh_CN")
        chooser.add_button.click()
        assert chooser.message.text() == "“con”是操作系统保留的名称，不能用作登录名。"
    finally:
        translations.set_language("zh_CN")
