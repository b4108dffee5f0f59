"""Settings ▸ Sync ▸ Change password… against a real server process: offered only to a
signed-in, online desktop; a weak password is refused with the rule that failed (in Chinese),
two different new passwords are caught here, a good one works — the server signs in with the
new password and not the old, the offline unlock follows, and the change is in the security log."""
from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from app.profile import Profile
from app.unlock import UnlockGuard
from tests.e2e.conftest import demo_db  # noqa: F401 - fixtures of the real server
from tests.e2e.conftest import demo_server  # noqa: F401
from tests.e2e.conftest import demo_template  # noqa: F401
from tests.e2e.conftest import keyring_ready  # noqa: F401
from tests.e2e.conftest import shared_server  # noqa: F401
from tests.e2e.conftest import users_by_role
from tests.e2e.test_sync_device_withdrawn import sql
from ui.main_window import MainWindow
from ui.workspace import Workspace

pytestmark = pytest.mark.usefixtures("keyring_ready")
SHOTS = Path(os.environ.get("CASEDESK_SHOTS", "/tmp/shots"))
GOOD = "Qiang-Mima2026"


@pytest.fixture
def window(tmp_path, translations, qtbot, demo_server):  # noqa: F811
    from ui.tasks import wait_for_lanes

    profile = Profile.open(tmp_path / "desk")
    profile.settings.set("sync.server_url", demo_server.url)
    profile.settings.save()
    window = MainWindow(profile, translations)
    qtbot.addWidget(window)
    window.workspace = Workspace(window)
    yield window
    window.workspace.sync.controller.shutdown()
    window.workspace.lock.idle.stop()
    wait_for_lanes(30_000)
    profile.close()


def sign_in(qtbot, window, username: str) -> None:
    ui = window.workspace.sync
    dialog = ui.open_login()
    dialog.username.setText(username)
    dialog.password.setText(f"{username}-demo")
    with qtbot.waitSignal(ui.controller.cycle_finished, timeout=90_000):
        dialog.submit()


def login(server, username: str, password: str) -> int:
    return httpx.post(f"{server.url}/auth/login", json={"username": username, "password": password,
                                                         "device_id": "d-check"}).status_code


def test_change_password_in_settings(window, qtbot, demo_server, demo_db):  # noqa: F811
    user = users_by_role(demo_db)["community_cm"][0]
    settings = window.open_settings()
    page = settings.pages["sync"]
    assert page.change_password.isHidden()  # no user name on this desktop yet: whose password?
    assert window.password_change.open() is None
    settings.reject()

    sign_in(qtbot, window, user)
    settings = window.open_settings()
    settings.show_page("sync")
    page = settings.pages["sync"]
    assert not page.change_password.isHidden() and page.change_password.text() == "修改密码(&C)…"
    page.change_password.click()
    dialog = window.password_change.dialog
    assert dialog is not None and dialog.isVisible()

    # weak: refused with the rule that failed, nothing changed
    dialog.old.setText(f"{user}-demo")
    dialog.new.setText("abc")
    dialog.again.setText("abc")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() and "密码太短" in dialog.message.text(), timeout=30_000)
    assert "至少需要 8 个字符" in dialog.message.text() and "字符种类不足" in dialog.message.text()
    assert dialog.new.text() == "" and dialog.isVisible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    dialog.grab().save(str(SHOTS / "admin_password_refused_zh.png"))
    assert login(demo_server, user, f"{user}-demo") == 200

    # two different new passwords: caught here
    dialog.old.setText(f"{user}-demo")
    dialog.new.setText(GOOD)
    dialog.again.setText(GOOD + "x")
    dialog.submit()
    assert "两次输入的密码不一致" in dialog.message.text() or "不一致" in dialog.message.text()

    # good: changed on the server; the new one signs in, the old one no longer
    dialog.old.setText(f"{user}-demo")
    dialog.new.setText(GOOD)
    dialog.again.setText(GOOD)
    with qtbot.waitSignal(dialog.finished, timeout=30_000):
        dialog.submit()
    assert "密码已修改" in page.account.text()
    assert login(demo_server, user, GOOD) == 200
    assert login(demo_server, user, f"{user}-demo") == 401
    assert sql(demo_server, "SELECT client_addr FROM security_events WHERE kind = 'password_changed' "
                            "AND username = :u", u=user) == [("127.0.0.1",)]
    guard = UnlockGuard(window.profile)
    guard.unlock(GOOD)  # the offline unlock checks the new password (raises if not)
    settings.reject()


def test_a_one_time_password_is_changed_here_and_signs_the_desktop_in(window, qtbot, demo_server, demo_db):  # noqa: F811
    user = users_by_role(demo_db)["family_doctor"][0]
    admin = httpx.post(f"{demo_server.url}/auth/login", json={"username": "admin", "password": "admin-demo",
                                                                "device_id": "d-admin"}).json()
    one_time = httpx.post(f"{demo_server.url}/admin/users/{user}/reset-password",
                          headers={"Authorization": f"Bearer {admin['access_token']}"}).json()["one_time_password"]
    assert login(demo_server, user, one_time) == 403  # a one-time password may not sign in
    window.profile.settings.set("sync.username", user)
    window.profile.settings.save()
    settings = window.open_settings()
    page = settings.pages["sync"]
    assert not page.change_password.isHidden()  # not signed in: this is how the one-time password goes
    page.change_password.click()
    dialog = window.password_change.dialog
    dialog.old.setText(one_time)
    dialog.new.setText(GOOD)
    dialog.again.setText(GOOD)
    controller = window.workspace.sync.controller
    with qtbot.waitSignal(controller.cycle_finished, timeout=90_000):
        dialog.submit()
    assert window.profile.settings.get("user.id") and "已登录" in page.account.text()
    assert login(demo_server, user, GOOD) == 200
    settings.reject()


def test_the_dialog_reads_in_english(window, qtbot, translations):
    from ui.settings.password import ChangePasswordDialog

    translations.set_language("en")
    dialog = ChangePasswordDialog(None, "cm17", window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.old.setText("x")
    dialog.new.setText("Qiang-Mima2026")
    dialog.again.setText("Qiang-Mima2027")
    dialog.submit()  # caught here, before any request
    assert dialog.message.text() == "The two passwords are not the same. Nothing was changed."
    assert dialog.buttons.buttons()[0].text() in ("Change password", "Cancel")
    qtbot.wait(50)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "admin_password_en.png"))


def test_the_sign_in_dialog_offers_to_change_a_one_time_password_and_signs_in(window, qtbot, demo_server, demo_db):  # noqa: F811
    user = users_by_role(demo_db)["family_doctor"][1]
    admin = httpx.post(f"{demo_server.url}/auth/login", json={"username": "admin", "password": "admin-demo",
                                                                "device_id": "d-admin2"}).json()
    one_time = httpx.post(f"{demo_server.url}/admin/users/{user}/reset-password",
                          headers={"Authorization": f"Bearer {admin['access_token']}"}).json()["one_time_password"]
    ui = window.workspace.sync
    dialog = ui.open_login(demo_server.url, user)
    dialog.password.setText(one_time)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.change_now.isHidden(), timeout=30_000)
    assert "必须先修改此密码才能登录" in dialog.message.text() and "python main.py" not in dialog.message.text()
    assert dialog.change_now.text() == "立即修改密码…"
    change = dialog.change_password_now()
    change.old.setText(one_time)
    change.new.setText(GOOD)
    change.again.setText(GOOD)
    with qtbot.waitSignal(ui.controller.cycle_finished, timeout=90_000):
        change.submit()
    assert window.profile.settings.get("user.id") and window.profile.settings.get("sync.username") == user
    assert login(demo_server, user, GOOD) == 200
