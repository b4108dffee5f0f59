"""The sync screens against a real server process: sign-in (and its failures said in the
dialog), the first sync's progress, and a conflict settled in the dialog end to end."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func
from sqlalchemy import select

from app.profile import Profile
from app.sync import errors
from app.sync import service
from app.sync.client import SyncClient
from app.sync.errors import SyncError
from db.models import OutboxEntry
from db.models import Patient
from tests.e2e.conftest import users_by_role
from ui.main_window import MainWindow
from ui.sync.wiring import SyncUi

pytestmark = pytest.mark.usefixtures("keyring_ready")


@pytest.fixture
def zh(qapp, tmp_path_factory, monkeypatch):
    from ui.app import create_application
    from ui.i18n import Translations
    from ui.tasks import wait_for_lanes

    monkeypatch.setenv("CASEDESK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    create_application()
    translations = Translations(qapp)
    translations.set_language("zh_CN")
    yield translations
    wait_for_lanes(30_000)
    translations.clear()


@pytest.fixture
def desk(tmp_path, zh, qtbot, demo_server):
    opened = []

    def make(name="desk", url=None):
        profile = Profile.open(tmp_path / name)
        profile.settings.set("sync.server_url", url or demo_server.url)
        profile.settings.save()
        window = MainWindow(profile, zh)
        qtbot.addWidget(window)
        ui = SyncUi(window)
        opened.append((window, ui, profile))
        return window, ui, profile
    yield make
    from ui.tasks import wait_for_lanes
    for _window, ui, profile in opened:
        ui.controller.shutdown()
        wait_for_lanes(30_000)
        profile.close()


@pytest.fixture
def cm(demo_db) -> str:
    return users_by_role(demo_db)["clinic_cm"][0]


def sign_in(qtbot, ui, user, password):
    dialog = ui.open_login()
    dialog.username.setText(user)
    dialog.password.setText(password)
    dialog.submit()
    return dialog


def test_wrong_password_then_sign_in_then_the_first_sync_shows_progress(desk, qtbot, cm):
    window, ui, profile = desk()
    dialog = sign_in(qtbot, ui, cm, "wrong")
    qtbot.waitUntil(lambda: dialog.message.text() == "用户名或密码错误。", timeout=10_000)
    assert dialog.password.text() == "" and dialog.isVisible()
    dialog.password.setText(f"{cm}-demo")
    with qtbot.waitSignal(ui.controller.cycle_finished, timeout=60_000):
        dialog.submit()
    progress = ui.first_sync
    assert progress is not None and progress.outcome == ("done", "")
    assert progress.watermark > 0 and progress.cursor == progress.watermark
    assert window.sync_status.state_label.text().startswith("在线 · 上次同步 ")
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Patient)) == 120
    assert window.sync_action.isEnabled()


def test_another_person_on_this_profile_is_told_so_not_that_the_account_is_disabled(desk, qtbot, cm, demo_db,
                                                                                   demo_server):
    _window, ui, profile = desk()
    client = SyncClient(profile, demo_server.url)
    try:
        service.sign_in(profile, client, cm, f"{cm}-demo")  # this profile's device is now cm's
    finally:
        client.close()
    other = users_by_role(demo_db)["clinic_cm"][1]
    dialog = sign_in(qtbot, ui, other, f"{other}-demo")
    qtbot.waitUntil(lambda: dialog.message.text().startswith("本机的这个个人配置已登记在另一位用户名下"),
                    timeout=10_000)
    assert "停用" not in dialog.message.text() and dialog.isVisible()


def test_unreachable_server_is_said_in_the_dialog(desk, qtbot, cm):
    _window, ui, _profile = desk(url="http://127.0.0.1:9")
    dialog = sign_in(qtbot, ui, cm, "whatever")
    qtbot.waitUntil(lambda: dialog.message.text().startswith("无法连接服务器"), timeout=10_000)


def test_too_many_wrong_passwords_slow_the_sign_in_down_and_say_how_long(desk, qtbot, cm, demo_server):
    _window, ui, profile = desk()
    client = SyncClient(profile, demo_server.url)
    slowed = None
    try:
        for _ in range(12):
            try:
                service.sign_in(profile, client, cm, "wrong")
            except SyncError as exc:
                if exc.kind == errors.SLOWED_DOWN:
                    slowed = exc
                    break
                assert exc.kind == errors.WRONG_CREDENTIALS
    finally:
        client.close()
    assert slowed is not None and slowed.status == 429 and slowed.params["retry_after_s"] > 0
    dialog = sign_in(qtbot, ui, cm, "wrong again")
    qtbot.waitUntil(lambda: dialog.message.text().startswith("登录尝试次数过多，请等待 "), timeout=10_000)
    assert "秒后再试" in dialog.message.text()


def test_a_conflict_settled_in_the_dialog_reaches_the_other_desktop(desk, qtbot, cm, tmp_path, demo_server):
    other = Profile.open(tmp_path / "other")
    other_client = SyncClient(other, demo_server.url)
    other_client.login(cm, f"{cm}-demo")
    other_client.cycle()
    window, ui, profile = desk()
    with qtbot.waitSignal(ui.controller.cycle_finished, timeout=60_000):
        sign_in(qtbot, ui, cm, f"{cm}-demo")
    with profile.sessions() as s:
        pid = s.scalars(select(Patient.id).order_by(Patient.id).limit(1)).one()
    with other.store.write() as tx:
        tx.update(tx.session.get(Patient, pid), phone="13900000001")
    other_client.cycle()
    with profile.store.write() as tx:
        tx.update(tx.session.get(Patient, pid), phone="13900000002", address="城关镇解放路8号")
    with qtbot.waitSignal(ui.controller.cycle_finished, timeout=30_000):
        ui.controller.sync_now()
    qtbot.waitUntil(lambda: window.sync_status.problems_label.text() == "1 项需处理", timeout=5000)
    view = ui.open_outbox()
    view.table.selectRow(0)
    dialog = view.open_conflict()
    assert dialog.value_labels["phone"][0].text() == "13900000002"
    assert dialog.value_labels["phone"][1].text() == "13900000001"
    dialog.mine_buttons["phone"].click()
    with qtbot.waitSignal(ui.controller.cycle_finished, timeout=30_000):  # resolved, then sent
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=30_000)
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    other_client.cycle()
    with other.sessions() as s:
        row = s.get(Patient, pid)
        assert (row.phone, row.address) == ("13900000002", "城关镇解放路8号")
    assert window.sync_status.problems_label.isHidden()
    other_client.close()
    other.close()
