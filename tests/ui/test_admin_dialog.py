"""The administration dialog against a real server process (PostgreSQL, HTTP, the real
keyring): the entry shows only for an online administrator; list people, add one (the
one-time password shown once, and it signs in only to be changed), reset a password, withdraw
a desktop (it ends its tokens, logged with the address), an organisation file with a bad line
named and nothing written, the security log newest first. Screenshots in Chinese and English
go to /tmp/shots/ for a person to look at."""
from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QMessageBox

from app.profile import Profile
from tests.e2e.conftest import demo_db  # noqa: F401
from tests.e2e.conftest import demo_server  # noqa: F401 - fixtures of the real server
from tests.e2e.conftest import demo_template  # noqa: F401
from tests.e2e.conftest import keyring_ready  # noqa: F401
from tests.e2e.conftest import shared_server  # noqa: F401
from tests.e2e.conftest import users_by_role
from tests.e2e.test_sync_device_withdrawn import sql
from ui.main_window import MainWindow
from ui.workspace import Workspace

pytestmark = pytest.mark.usefixtures("keyring_ready")
SHOTS = Path(os.environ.get("CASEDESK_SHOTS", "/tmp/shots"))


@pytest.fixture
def desk(tmp_path, translations, qtbot, demo_server):  # noqa: F811
    from ui.tasks import wait_for_lanes

    opened = []

    def make(username: str, name: str = "desk"):
        profile = Profile.open(tmp_path / name)
        profile.settings.set("sync.server_url", demo_server.url)
        profile.settings.save()
        window = MainWindow(profile, translations)
        qtbot.addWidget(window)
        window.workspace = Workspace(window)
        opened.append(window)
        ui = window.workspace.sync
        dialog = ui.open_login()
        dialog.username.setText(username)
        dialog.password.setText(f"{username}-demo")
        with qtbot.waitSignal(ui.controller.cycle_finished, timeout=90_000):
            dialog.submit()
        return window
    yield make
    for window in opened:
        window.workspace.sync.controller.shutdown()
        window.workspace.lock.idle.stop()
        wait_for_lanes(30_000)
        window.profile.close()


def answer(qtbot, tab, yes: bool = True) -> None:
    qtbot.waitUntil(lambda: tab.question is not None, timeout=5_000)
    box = tab.question
    button = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole) if yes \
        else box.button(QMessageBox.StandardButton.Cancel)
    button.click()


def idle(qtbot, tab, timeout=30_000) -> None:
    qtbot.waitUntil(lambda: tab.pending == 0, timeout=timeout)


def rows(view) -> list[list[str]]:
    return [[view.item(r, c).text() for c in range(view.columnCount())] for r in range(view.rowCount())]


def select(view, text: str, column: int = 0) -> None:
    for r in range(view.rowCount()):
        if text in view.item(r, column).text():
            view.selectRow(r)
            return
    raise AssertionError(f"no row with {text!r}: {rows(view)}")


def shoot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"admin_{name}.png"))


def test_the_entry_is_for_an_online_administrator_only(desk, demo_db, demo_server, qtbot):  # noqa: F811
    cm = desk(users_by_role(demo_db)["clinic_cm"][0], "cm")
    assert not cm.admin_entry.refresh() and not cm.admin_entry.action.isVisible()
    assert cm.admin_entry.open() is None
    admin = desk("admin", "admin")
    assert admin.admin_entry.refresh() and admin.admin_entry.action.isVisible()
    assert admin.admin_entry.action.text() == "管理(&A)…"
    assert admin.admin_entry.action in admin.file_menu.actions()
    # offline: the entry goes (the server would not answer what it offers)
    controller = admin.workspace.sync.controller
    demo_server.stop()
    try:
        with qtbot.waitSignal(controller.cycle_failed, timeout=60_000):
            controller.sync_now()
        assert not admin.admin_entry.action.isVisible() and admin.admin_entry.open() is None
    finally:
        demo_server.start()


def test_people_desktops_org_and_log_in_the_dialog(desk, demo_server, demo_db, qtbot, translations):  # noqa: F811
    window = desk("admin")
    window.resize(1280, 800)
    dialog = window.admin_entry.open()
    qtbot.addWidget(dialog)
    users = dialog.users
    idle(qtbot, users)
    listed = {row[0]: row for row in rows(users.table)}
    cm = users_by_role(demo_db)["clinic_cm"][0]
    assert listed["admin"][2] == "管理员" and listed[cm][5] == "在用"
    shoot(dialog, "users_zh")

    # add a person: the one-time password is shown once, then gone
    add = users.open_add()
    add.username.setText("wang.li")
    add.name.setText("王丽")
    add.role.setCurrentIndex(add.role.findData("community_cm"))
    add.unit.setCurrentIndex(1)
    shoot(add, "add_zh")
    add.buttons.accepted.emit()
    qtbot.waitUntil(lambda: users.one_time is not None and users.one_time.isVisible(), timeout=30_000)
    shown = users.one_time
    password = shown.password.text()
    assert len(password) == 12
    shoot(shown, "one_time_zh")
    shown.copy.click()
    shown.close()
    assert shown.password.text() == ""
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text() != password  # the copy went with the dialog
    first = httpx.post(f"{demo_server.url}/auth/login",
                       json={"username": "wang.li", "password": password, "device_id": "d-wang"})
    assert first.status_code == 403 and first.json()["code"] == "auth.password_change_required"
    idle(qtbot, users)
    assert "wang.li" in {row[0] for row in rows(users.table)}
    assert not list(Path(window.profile.path).rglob("*")) or all(
        password.encode() not in p.read_bytes() for p in Path(window.profile.path).rglob("*") if p.is_file())

    # a bad person is refused with the rule, in words
    add = users.open_add()
    add.username.setText("bad name")
    add.name.setText("X")
    add.buttons.accepted.emit()
    qtbot.waitUntil(lambda: add.message.isVisible(), timeout=30_000)
    assert "不能作为登录名" in add.message.text() or "登录名" in add.message.text()
    add.reject()

    # reset a password: asked first, shown once
    select(users.table, "wang.li")
    users.reset_button.click()
    answer(qtbot, users)
    qtbot.waitUntil(lambda: users.one_time is not shown and users.one_time is not None, timeout=30_000)
    again = users.one_time.password.text()
    assert again and again != password
    users.one_time.close()

    # withdraw a desktop: asked first; its tokens end; logged with the address
    lost = httpx.post(f"{demo_server.url}/auth/login",
                      json={"username": cm, "password": f"{cm}-demo", "device_id": "dev-lost-laptop",
                            "device_name": "LOST-LAPTOP", "app_version": "1.0"})
    assert lost.status_code == 200
    dialog.tabs.setCurrentWidget(dialog.devices)
    devices = dialog.devices
    idle(qtbot, devices)
    select(devices.table, "LOST-LAPTOP", 1)
    shoot(dialog, "devices_zh")
    devices.revoke_button.click()
    answer(qtbot, devices)
    idle(qtbot, devices)
    qtbot.waitUntil(lambda: "已收回" in devices.message.text() or "收回" in devices.message.text(), timeout=30_000)
    assert sql(demo_server, "SELECT revoked_at IS NOT NULL FROM devices WHERE id = 'dev-lost-laptop'") == [(True,)]
    assert sql(demo_server, "SELECT client_addr, detail->>'by' FROM security_events WHERE kind = 'device_revoked'") \
        == [("127.0.0.1", "admin")]
    refused = httpx.post(f"{demo_server.url}/sync/pull", json={"cursor": 0},
                         headers={"Authorization": f"Bearer {lost.json()['access_token']}"})
    assert refused.status_code == 403 and refused.json()["code"] == "auth.device_revoked"

    # an organisation file with a bad line: named, nothing written
    dialog.tabs.setCurrentWidget(dialog.org)
    org = dialog.org
    idle(qtbot, org)
    assert org.tree.topLevelItemCount() >= 1
    before = sql(demo_server, "SELECT count(*), max(server_seq) FROM org_units")
    bad = Path(window.profile.path).parent / "units.csv"
    bad.write_text("编码,名称,类型,上级编码\nBL,北仑分中心,分中心,\nBL01,大碶街道工作站,街道工作站,NOPE\n"
                   "BL02,新碶街道工作站,诊所,BL\n", encoding="utf-8")
    org.import_file(str(bad))
    idle(qtbot, org)
    lines = [org.problems.item(i).text() for i in range(org.problems.count())]
    assert org.problems.isVisible() and len(lines) == 2, lines
    assert "第 3 行" in lines[0] and "上级编码" in lines[0] and "第 4 行" in lines[1] and "类型" in lines[1]
    assert sql(demo_server, "SELECT count(*), max(server_seq) FROM org_units") == before
    shoot(dialog, "org_zh")

    # the security log: newest first, every action of this session there
    dialog.tabs.setCurrentWidget(dialog.log)
    log = dialog.log
    idle(qtbot, log)
    times = [row[0] for row in rows(log.table)]
    assert times == sorted(times, reverse=True)
    seen = {row[1] for row in rows(log.table)}
    assert {"已添加人员", "已重置密码", "已收回设备"} <= seen, seen
    shoot(dialog, "log_zh")

    # published files: a bad one refused with its line, nothing stored; a good one listed, then withdrawn
    dialog.tabs.setCurrentWidget(dialog.files)
    files = dialog.files
    idle(qtbot, files)
    assert files.table.rowCount() == 0 and "尚未发布任何文件" in files.message.text()
    example = (Path(__file__).resolve().parents[2] / "docs" / "examples" / "holidays" / "2027.toml").read_text("utf-8")
    folder = Path(window.profile.path).parent
    (folder / "bad").mkdir()
    (folder / "bad" / "2027.toml").write_text(example.replace("to = 2027-02-13", "to = 2027-02-99"), "utf-8")
    files.publish(str(folder / "bad" / "2027.toml"))
    idle(qtbot, files)
    said = files.message.text() + " ".join(files.problems.item(i).text() for i in range(files.problems.count()))
    assert "2027.toml:29" in said and not files.problems.isVisible(), said  # the file and its line
    assert sql(demo_server, "SELECT count(*) FROM published_files") == [(0,)]
    (folder / "2027.toml").write_text(example, "utf-8")
    files.publish(str(folder / "2027.toml"))
    qtbot.waitUntil(lambda: files.table.rowCount() == 1, timeout=30_000)
    assert rows(files.table)[0][:3] == ["节假日", "2027.toml", "draft-2026-12-04"] and rows(files.table)[0][4] == "admin"
    shoot(dialog, "files_zh")
    select(files.table, "节假日")
    files.withdraw_button.click()
    answer(qtbot, files)
    qtbot.waitUntil(lambda: files.table.rowCount() == 0 and "已撤回" in files.message.text(), timeout=30_000)

    # the same dialog in English: every word switches
    translations.set_language("en")
    dialog.tabs.setCurrentWidget(dialog.users)
    qtbot.wait(50)
    assert dialog.tabs.tabText(0) == "People" and users.table.horizontalHeaderItem(0).text() == "Login name"
    assert {row[5] for row in rows(users.table)} <= {"Active", "Disabled", "Active, must change password",
                                                      "Disabled, must change password"}
    assert dialog.files.message.text().endswith("was withdrawn.")  # the last message, worded again
    assert "Refused: 2 problems" in dialog.org.message.text()
    for name, tab in (("users", dialog.users), ("devices", dialog.devices), ("org", dialog.org),
                      ("log", dialog.log), ("files", dialog.files)):
        dialog.tabs.setCurrentWidget(tab)
        qtbot.wait(20)
        shoot(dialog, f"{name}_en")
    from ui.admin.one_time import OneTimePasswordDialog
    shown = OneTimePasswordDialog("wang.li", "KpTzcgKzF77+", dialog)
    shown.show()
    qtbot.wait(20)
    assert shown.copy.text() == "&Copy"
    shoot(shown, "one_time_en")
    shown.close()
    add = users.open_add()
    add.show()
    qtbot.wait(20)
    assert add.role.itemText(0) == "Clinic case manager"
    shoot(add, "add_en")
    add.reject()
    dialog.close()
