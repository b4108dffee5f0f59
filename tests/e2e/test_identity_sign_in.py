"""The first sign-in on a fresh station profile, against a real server process: once the first
sync is in, 我的/本站 count the signed-in person's cases and the status bar names them and
their station, with no restart (the person's own row arrives only with the pull)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.identity import current_identity
from app.profile import Profile
from app.worklist import Worklist
from db.models import OrgUnit
from db.models import User
from tests.e2e.conftest import users_by_role
from tests.e2e.test_sync_ui_dialogs import sign_in
from tests.e2e.test_sync_ui_dialogs import zh  # noqa: F401  (fixture: the Chinese interface)
from ui.main_window import MainWindow
from ui.workspace import Workspace

pytestmark = pytest.mark.usefixtures("keyring_ready")


@pytest.fixture
def fresh_station(tmp_path, zh, qtbot, demo_server):  # noqa: F811
    profile = Profile.open(tmp_path / "station")
    profile.settings.set("sync.server_url", demo_server.url)
    profile.settings.save()
    window = MainWindow(profile, zh)
    qtbot.addWidget(window)
    ws = Workspace(window)
    yield ws
    from ui.tasks import wait_for_lanes
    ws.sync.controller.shutdown()
    ws.lock.idle.stop()
    wait_for_lanes(30_000)
    profile.close()


def test_first_sign_in_on_a_fresh_station_shows_mine_and_my_station_without_a_restart(
        fresh_station, qtbot, demo_db):
    ws = fresh_station
    window, page, profile = ws.window, ws.worklist_page, ws.window.profile
    assert window.identity_status.text() == "未登录"
    cm = users_by_role(demo_db)["community_cm"][0]
    with qtbot.waitSignal(ws.sync.controller.cycle_finished, timeout=60_000):
        sign_in(qtbot, ws.sync, cm, f"{cm}-demo")

    with profile.sessions() as s:  # what a restart would read
        me = s.scalars(select(User).where(User.username == cm)).one()
        unit = s.get(OrgUnit, me.org_unit_id)
        name = me.display_name
    station = current_identity(profile)
    assert station.station_id, f"{cm} works at {unit.name}, which belongs to a station"
    restarted = Worklist(profile.sessions, me.id, station.station_id).counts(page.filter_bar.filters())
    assert restarted["scope:mine"] > 0 and restarted["scope:station"] > 0
    buttons = page.filter_bar.scope_buttons
    qtbot.waitUntil(lambda: (buttons["mine"].text(), buttons["station"].text())
                    == (f"我的 {restarted['scope:mine']}", f"本站 {restarted['scope:station']}"), timeout=5000)
    page.filter_bar.scope_buttons["mine"].click()
    qtbot.waitUntil(lambda: page.model.rowCount() == restarted["scope:mine"], timeout=5000)
    assert window.identity_status.text() == f"当前用户：{name} · {station.station_name}"
