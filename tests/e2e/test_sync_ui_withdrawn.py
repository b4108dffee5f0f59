"""The workstation on a desktop the administrator withdrew: at its next background sync the
window and its profile close, the profile is erased (files and real keyring), and only then the
person is told why, in Chinese. The sign-in's password-expiry warning shows in the sync status.
Real server process, real keyring, pytest-qt."""
from __future__ import annotations

import json

import pytest

from app import secrets
from app.profile import Profile
from tests.e2e.conftest import users_by_role
from tests.e2e.test_sync_device_withdrawn import device_of
from tests.e2e.test_sync_device_withdrawn import revoke
from tests.e2e.test_sync_device_withdrawn import sql
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
    keep = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)  # the test's own window closing must not end pytest-qt's app
    yield translations
    wait_for_lanes(30_000)
    qapp.setQuitOnLastWindowClosed(keep)
    translations.clear()


def test_the_workstation_closes_erases_then_says_why(tmp_path, zh, qtbot, demo_server, demo_db):
    user = users_by_role(demo_db)["clinic_cm"][0]
    sql(demo_server, "UPDATE credentials SET changed_at = now() - interval '170 days 12 hours' "
                     "WHERE user_id = (SELECT id FROM users WHERE username = :u)", u=user)
    path = tmp_path / "desk"
    profile = Profile.open(path, exclusive=True)
    profile.settings.set("sync.server_url", demo_server.url)
    profile.settings.save()
    window = MainWindow(profile, zh)
    qtbot.addWidget(window)
    ui = SyncUi(window)
    window.show()
    dialog = ui.open_login()
    dialog.username.setText(user)
    dialog.password.setText(f"{user}-demo")
    with qtbot.waitSignal(ui.controller.cycle_finished, timeout=60_000):
        dialog.submit()
    state = window.sync_status.state_label
    assert "您的密码将在 9 天后过期" in state.text()  # the sign-in's warning, beside the sync state
    dbkey = "dbkey:" + json.loads((path / "profile.json").read_text())["id"]
    device = device_of(demo_server, user)
    assert secrets.get(dbkey) and secrets.get(f"refresh:{device}")

    revoke(demo_server, device)
    ui.controller.sync_now()
    qtbot.waitUntil(lambda: ui.erased_notice is not None, timeout=30_000)
    notice = ui.erased_notice
    assert "已被清除" in notice.text() and "管理员" in notice.text()
    assert not window.isVisible()
    assert not path.exists()  # database, manifest, settings, lock: everything it made
    assert secrets.get(dbkey) is None and secrets.get(f"refresh:{device}") is None
    assert sql(demo_server, "SELECT count(*) FROM security_events WHERE kind = 'device_erased' "
                            "AND device_id = :d", d=device) == [(1,)]
    assert not ui.controller.sync_now()  # nothing runs on an erased profile
    notice.close()
    profile.close()  # as the application does again at quit: must not bring a database back
    assert not path.exists()
    window.deleteLater()  # the application ends here; the closed window is never shown again
    qtbot.wait(50)
