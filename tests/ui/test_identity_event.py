"""Who is signed in is one event (app/identity.py → the window's bridge): the worklist's
我的/本站, the referral board's units, the calendar's scopes and saved views follow a sign-in
at once; the status bar says who and where; a new idle-lock time counts from the save.
(The first sign-in on a fresh station profile against a real server: tests/e2e/test_identity_sign_in.py.)"""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app import clock
from app.followups import Scope
from app.identity import announce
from app.unlock import UnlockGuard
from app.users import Station
from app.worklist import Worklist
from tests.app import worklist_data as data
from tests.ui.test_switch_user import answer
from tests.ui.test_switch_user import choose
from tests.ui.test_switch_user import unlock
from ui.users.session import DeskSession
from ui.workspace import Workspace


@pytest.fixture
def workspace(make_window, profile):
    clock.pin(dt.datetime.combine(data.TODAY, dt.time(4), tzinfo=dt.timezone.utc))
    ids = data.load(profile)
    profile.settings.set("user.id", ids["me"])
    ws = Workspace(make_window(profile))
    yield ws, ids
    ws.lock.idle.stop()
    clock.pin(None)


def sign_in_as(profile, user_id: str) -> None:
    """What a sign-in does once the server said yes (app/sync/client.py, app/sync/service.py)."""
    profile.settings.set("user.id", user_id)
    announce(profile)


def test_worklist_board_calendar_and_views_follow_the_person_who_signs_in(qtbot, workspace):
    ws, ids = workspace
    profile = ws.window.profile
    page = ws.worklist_page
    board, calendar = ws.page("referrals"), ws.page("calendar")
    board.tabs.setCurrentIndex(1)  # outgoing: 陈敏's station sent 张三 up
    qtbot.waitUntil(lambda: board.model.rowCount() == 1, timeout=3000)
    assert calendar.scope.currentText() == "新城街道工作站"
    assert calendar.scope.itemData(1) == Scope(user_id=ids["me"])
    page.views.save_current("陈敏的视图")
    mine_before = page.filter_bar.scope_buttons["mine"].text()

    sign_in_as(profile, ids["other"])

    # 周杰 works at the other station: as after a restart, without one
    restarted = Worklist(profile.sessions, ids["other"], ids["stations"][1]).counts(page.filter_bar.filters())
    qtbot.waitUntil(lambda: page.filter_bar.scope_buttons["mine"].text() == f"我的 {restarted['scope:mine']}", timeout=3000)
    assert page.filter_bar.scope_buttons["mine"].text() != mine_before
    assert page.filter_bar.scope_buttons["station"].text() == f"本站 {restarted['scope:station']}"
    qtbot.waitUntil(lambda: board.model.rowCount() == 0, timeout=3000)  # 周杰's station sent nothing
    board.tabs.setCurrentIndex(0)  # incoming: 张三 is coming to 周杰's station
    qtbot.waitUntil(lambda: board.model.rowCount() == 1, timeout=3000)
    assert calendar.scope.currentText() == "老街街道工作站"
    assert calendar.scope.itemText(1) == "我的随访" and calendar.scope.itemData(1) == Scope(user_id=ids["other"])
    assert [v.name for v in page.views.store.all()] == []  # 陈敏's saved views stay hers
    assert ws.window.identity_status.text() == "当前用户：周杰 · 老街街道工作站"
    assert ws.lock.screen.user_name == "周杰"


def test_one_sign_in_is_one_event_and_signing_in_again_as_the_same_person_is_none(qtbot, workspace):
    ws, ids = workspace
    seen = []
    ws.window.events.identity_changed.connect(seen.append)
    sign_in_as(ws.window.profile, ids["other"])
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=3000)
    sign_in_as(ws.window.profile, ids["other"])  # the unlock screen's online check signs in again
    qtbot.wait(300)
    assert [(e.user_id, e.station_id) for e in seen] == [(ids["other"], ids["stations"][1])]


def test_the_status_bar_says_who_and_where_in_either_language(qtbot, workspace, translations):
    ws, _ids = workspace
    status = ws.window.identity_status
    assert status.text() == "当前用户：陈敏 · 新城街道工作站"
    translations.set_language("en")
    assert status.text() == "User: 陈敏 · 新城街道工作站"
    sign_in_as(ws.window.profile, "")  # signed out: nobody to name
    qtbot.waitUntil(lambda: status.text() == "Not signed in", timeout=3000)
    translations.set_language("zh_CN")
    assert status.text() == "未登录"


def test_a_new_idle_time_locks_after_the_new_time_without_a_manual_lock(qtbot, workspace):
    ws, _ids = workspace
    UnlockGuard(ws.window.profile).set_password("s3cret-pass")
    ws.lock.minute_ms = 40  # a "minute" of 40 ms: the test sees the lock happen
    qtbot.wait(200)
    assert not ws.lock.locked  # the old time (10 "minutes") has not run out
    dialog = ws.window.open_settings()
    dialog.pages["security"].idle_minutes.setValue(2)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: ws.lock.locked, timeout=2000)


# -- the station desktop: switching user ---------------------------------------------------

PASSWORDS = {"cm01": "cm01-secret", "cm02": "cm02-secret"}


@pytest.fixture
def station(tmp_path, keyring_backend):
    """Two people with a profile each on one desktop, each already signed in once."""
    from app import profile_key
    from app import secrets

    s = Station(tmp_path / "desk")
    for login, who in (("cm01", "me"), ("cm02", "other")):
        s.add(login)
        p = s.open(login)
        p.settings.set("user.id", data.load(p)[who])
        p.settings.save()
        UnlockGuard(p).set_password(PASSWORDS[login])
        p.close()
    yield s
    for made in (s.root / "users").glob(f"*/{profile_key.MANIFEST}"):
        secrets.delete(f"dbkey:{profile_key.read_manifest(made.parent)['id']}")


def test_the_status_bar_changes_on_switching_user(qtbot, station, translations):
    errors = []
    desk = DeskSession(station, translations, errors.append)
    try:
        answer(qtbot, desk, choose("cm01"))
        a = desk.start()
        assert a.identity_status.text() == "当前用户：陈敏 · 新城街道工作站"
        unlock(a, PASSWORDS["cm01"])
        answer(qtbot, desk, choose("cm02"))
        b = desk.switch()
        assert b is not a and b.identity_status.isVisible()
        assert b.identity_status.text() == "当前用户：周杰 · 老街街道工作站"
    finally:
        desk.close()
    assert errors == []
