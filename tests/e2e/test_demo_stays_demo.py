"""Demo stays demo: a demo profile never signs in to a real network (refused before the password
or any change leaves; the sign-in window offers a new, empty profile for that network instead),
a demo server says it is one, and the title says DEMO only over demo data. And a withdrawn
desktop erases its profile when the lock screen's check or the `password` command hears it.

Real server processes on PostgreSQL (`server init` and `server --init-demo`), the real command
line, the real keyring, pytest-qt."""
from __future__ import annotations

import json
import os
import uuid

import httpx
import pytest
import shiboken6
from sqlalchemy import create_engine
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from app import secrets
from app.demo import fill_demo_profile
from app.profile import Profile
from app.sync import demo_guard
from app.sync import service
from app.sync.errors import SyncError
from db.models import OutboxEntry
from db.models import Patient
from tests.conftest import PG_ADMIN_URL
from tests.conftest import _pg_admin
from tests.e2e.conftest import ServerProcess
from tests.e2e.conftest import users_by_role
from tests.e2e.test_sync_device_withdrawn import device_of
from tests.e2e.test_sync_device_withdrawn import key_name
from tests.e2e.test_sync_device_withdrawn import revoke
from tests.support import run_main

pytestmark = pytest.mark.usefixtures("keyring_ready")

ADMIN = "admin"
ADMIN_PASSWORD = "Beilun-county1"
ENGLISH = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "CASEDESK_LANG": ""}
CHINESE = {"LANG": "C.UTF-8", "LC_ALL": "", "CASEDESK_LANG": ""}
REFUSED_EN = "This is a demo profile"
REFUSED_ZH = "这是演示配置"


class RealServer:
    """`server init` (no demo data), served by a real server process."""

    def __init__(self):
        self.name = f"casedesk_hd_real_{uuid.uuid4().hex[:8]}"
        admin = _pg_admin()
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        admin.dispose()
        self.db = f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{self.name}"
        out = run_main("server", "init", "--db", self.db, env={**ENGLISH, "CASEDESK_PASSWORD": ADMIN_PASSWORD})
        assert out.returncode == 0, out.stderr
        self.process = ServerProcess(self.db).start()
        self.url = self.process.url
        self.engine = create_engine(self.db, poolclass=NullPool)

    def sql(self, statement: str, **params):
        with self.engine.begin() as conn:
            return conn.execute(text(statement), params).all()

    def footprint(self) -> dict:
        """Everything a sign-in or a push would leave on the server."""
        return {"patients": self.sql("SELECT count(*) FROM patients")[0][0],
                "changes": self.sql("SELECT count(*) FROM change_log")[0][0],
                "devices": self.sql("SELECT count(*) FROM devices")[0][0],
                "tokens": self.sql("SELECT count(*) FROM auth_tokens")[0][0],
                "events": self.sql("SELECT kind FROM security_events ORDER BY at, id")}

    def close(self) -> None:
        self.process.stop()
        self.engine.dispose()
        admin = _pg_admin()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module")
def real():
    server = RealServer()
    yield server
    server.close()


def demo_profile(path, patients: int = 12) -> Profile:
    profile = Profile.open(path)
    fill_demo_profile(profile, patients=patients, events=(1, 3))
    assert profile.is_demo
    return profile


def counts(profile) -> tuple[int, int]:
    with profile.sessions() as s:
        return (s.scalar(select(func.count()).select_from(Patient)),
                s.scalar(select(func.count()).select_from(OutboxEntry)))


# -- the server says whether it is a demo ---------------------------------------------------

def test_health_and_the_sign_in_answer_say_whether_the_server_holds_demo_data(real, demo_server, demo_db):
    assert httpx.get(f"{real.url}/health", timeout=10).json()["demo"] is False
    assert httpx.get(f"{demo_server.url}/health", timeout=10).json()["demo"] is True
    login = {"password": ADMIN_PASSWORD, "username": ADMIN, "device_id": str(uuid.uuid4())}
    assert httpx.post(f"{real.url}/auth/login", json=login, timeout=30).json()["demo"] is False
    user = users_by_role(demo_db)["clinic_cm"][0]
    answer = httpx.post(f"{demo_server.url}/auth/login", timeout=30,
                        json={"username": user, "password": f"{user}-demo", "device_id": str(uuid.uuid4())})
    assert answer.json()["demo"] is True


# -- a demo profile and a real server ---------------------------------------------------------

def test_sync_login_refuses_a_demo_profile_on_a_real_server_before_anything_is_sent(real, tmp_path):
    path = tmp_path / "demo"
    profile = demo_profile(path)
    before_local = counts(profile)
    profile.close()
    before = real.footprint()
    for env, words in ((ENGLISH, REFUSED_EN), (CHINESE, REFUSED_ZH)):
        out = run_main("sync", "--profile", str(path), "--server", real.url, "--login", ADMIN,
                       env={**env, "CASEDESK_PASSWORD": ADMIN_PASSWORD})
        assert out.returncode == 2, out.stderr
        assert words in out.stderr and real.url in out.stderr and "Traceback" not in out.stderr
    assert "Nothing was sent" in run_main("sync", "--profile", str(path), "--server", real.url, "--login", ADMIN,
                                          env={**ENGLISH, "CASEDESK_PASSWORD": ADMIN_PASSWORD}).stderr
    # no sign-in (not even a failed one: the password never left), no device, no change
    assert real.footprint() == before
    profile = Profile.open(path)
    try:
        assert counts(profile) == before_local and profile.is_demo  # the demo profile as it was
        assert profile.settings.get("sync.server_url") == "" and not service.signed_in(profile)
    finally:
        profile.close()


def test_the_password_command_keeps_a_demo_profiles_password_off_a_real_server(real, tmp_path):
    path = tmp_path / "demo"
    demo_profile(path).close()
    before = real.footprint()
    out = run_main("password", "--profile", str(path), "--login", ADMIN, "--server", real.url,
                   env={**ENGLISH, "CASEDESK_PASSWORD": ADMIN_PASSWORD, "CASEDESK_NEW_PASSWORD": "Other-pass-88"})
    assert out.returncode == 2 and REFUSED_EN in out.stderr, out.stderr
    assert real.footprint() == before


def test_a_demo_profile_that_signed_in_to_a_real_server_earlier_stops_before_pushing(real, tmp_path):
    """A demo profile signed in before this check existed holds a refresh token for the real
    network: its next cycle stops at the token's answer, before a change goes out."""
    profile = demo_profile(tmp_path / "demo")
    try:
        profile.set_local("demo", "0")  # as an older CaseDesk let it sign in
        client = service.make_client(profile, real.url)
        service.sign_in(profile, client, ADMIN, ADMIN_PASSWORD)
        client.close()
        profile.set_local("demo", "1")
        before = real.footprint()["patients"], real.footprint()["changes"]
        client = service.make_client(profile)
        with pytest.raises(SyncError) as refused:
            client.cycle()
        client.close()
        assert refused.value.code == demo_guard.REAL_SERVER
        assert (real.footprint()["patients"], real.footprint()["changes"]) == before
    finally:
        profile.close()


# -- a demo profile and a demo server; the title ----------------------------------------------

def test_a_demo_profile_signs_in_to_a_demo_server_as_before(tmp_path, demo_server, demo_db):
    path = tmp_path / "demo"
    demo_profile(path).close()
    user = users_by_role(demo_db)["clinic_cm"][0]
    out = run_main("sync", "--profile", str(path), "--server", demo_server.url, "--login", user,
                   env={**ENGLISH, "CASEDESK_PASSWORD": f"{user}-demo"})
    assert out.returncode == 0, out.stderr
    profile = Profile.open(path)
    try:
        assert profile.get_local(demo_guard.SERVER_DEMO_KEY) == "1" and demo_guard.shows_demo_data(profile)
    finally:
        profile.close()


def signed_in_station_profile(root, login: str, url: str, password: str) -> Profile:
    from app.users import Station

    station = Station(root)
    desk_user = station.add(login)
    profile = Profile.open(station.profile_dir(desk_user))
    client = service.make_client(profile, url)
    try:
        service.sign_in(profile, client, login, password)
    finally:
        client.close()
    return profile


def test_the_title_says_demo_only_over_a_demo_servers_data(tmp_path, qtbot, real, demo_server, demo_db):
    from ui.main_window import MainWindow

    user = users_by_role(demo_db)["clinic_cm"][0]
    on_demo = signed_in_station_profile(tmp_path / "station-a", user, demo_server.url, f"{user}-demo")
    on_real = signed_in_station_profile(tmp_path / "station-b", ADMIN, real.url, ADMIN_PASSWORD)
    windows = []
    try:
        assert not on_demo.is_demo and not on_real.is_demo  # both made empty, not by the demo generator
        windows = [MainWindow(on_demo), MainWindow(on_real)]
        assert "DEMO" in windows[0].windowTitle()
        assert "DEMO" not in windows[1].windowTitle()
    finally:
        qtbot.wait(20)  # what the windows queued at their start runs while they exist
        for window in windows:  # gone before their profiles close: a later language switch reaches no window
            shiboken6.delete(window)
        on_demo.close()
        on_real.close()


# -- the sign-in window's offer ------------------------------------------------------------------

@pytest.fixture
def translations(qapp, tmp_path_factory, monkeypatch):
    from ui.i18n import Translations

    monkeypatch.setenv("CASEDESK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    translations = Translations(qapp)
    yield translations
    translations.clear()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_sign_in_window_refuses_and_offers_a_new_empty_profile_for_the_real_server(
        tmp_path, qtbot, real, translations, language):
    from ui.sync.controller import SyncController
    from ui.sync.login_dialog import LoginDialog
    from ui.tasks import wait_for_lanes

    translations.set_language(language)
    demo = demo_profile(tmp_path / "profile")
    demo.settings.set("ui.language", language)
    demo.settings.save()
    before_local, before = counts(demo), real.footprint()
    switched = []
    controller = SyncController(demo)
    dialog = LoginDialog(controller, real.url, ADMIN, switch_to=lambda path: switched.append(path) or True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.new_profile.isVisible(), timeout=20_000)
    said = dialog.message.text()
    assert (REFUSED_EN if language == "en" else REFUSED_ZH) in said and real.url in said
    assert dialog.password.text() == ""  # cleared, and it never left this desktop
    offer = dialog.new_profile.text()
    assert offer == ("Start a new, empty profile for this server" if language == "en" else "为此服务器新建一个空配置")
    shot(dialog, f"login_demo_refused_{language}")

    with qtbot.waitSignal(dialog.new_profile_made, timeout=20_000) as made:
        dialog.new_profile.click()
    path = made.args[0]
    assert switched == [path] and path == tmp_path / "profile-127.0.0.1"
    assert str(path) in dialog.message.text() and not dialog.new_profile.isVisible()
    shot(dialog, f"login_demo_new_profile_{language}")
    fresh = Profile.open(path)
    try:  # empty, for the real network, in the person's language, never DEMO
        assert fresh.is_empty() and not fresh.is_demo and not demo_guard.shows_demo_data(fresh)
        assert fresh.settings.get("sync.server_url") == real.url
        assert fresh.settings.get("sync.username") == ADMIN
        assert fresh.settings.get("ui.language") == language
        assert fresh.device_id != demo.device_id
    finally:
        fresh.close()
    # asked again another day (CaseDesk opened on the demo profile once more): the same profile
    assert demo_guard.new_profile_for(demo, real.url + "/", ADMIN) == path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile", "profile-127.0.0.1"]
    assert counts(demo) == before_local and demo.is_demo  # the demo profile untouched
    assert real.footprint() == before  # nothing reached the real server
    controller.shutdown()
    wait_for_lanes(10_000)
    demo.close()


def shot(widget, name: str) -> None:
    folder = os.environ.get("CASEDESK_SHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, f"{name}.png"))


# -- a withdrawn desktop: the password command and the lock screen -----------------------------

def test_the_password_command_on_a_withdrawn_desktop_erases_its_profile(tmp_path, demo_server, demo_db):
    user = users_by_role(demo_db)["clinic_cm"][0]
    desk = tmp_path / "desk"
    first = run_main("sync", "--profile", str(desk), "--server", demo_server.url, "--login", user,
                     env={**ENGLISH, "CASEDESK_PASSWORD": f"{user}-demo"})
    assert first.returncode == 0, first.stderr
    device, dbkey = device_of(demo_server, user), key_name(desk)
    assert secrets.get(dbkey) and secrets.get(f"refresh:{device}")
    (desk / "my-notes.txt").write_text("not CaseDesk's")
    revoke(demo_server, device)

    out = run_main("password", "--profile", str(desk), "--login", user,
                   env={**ENGLISH, "CASEDESK_PASSWORD": f"{user}-demo", "CASEDESK_NEW_PASSWORD": "Fresh-pass-42"})
    assert out.returncode == 2
    assert "has been erased" in out.stderr and "Traceback" not in out.stderr
    assert sorted(p.name for p in desk.iterdir()) == ["my-notes.txt"]  # database, key file, settings: gone
    assert secrets.get(dbkey) is None and secrets.get(f"refresh:{device}") is None
    with demo_server.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM security_events WHERE kind = 'device_erased' "
                                 "AND device_id = :d"), {"d": device}).scalar_one() == 1


def test_the_lock_screen_on_a_withdrawn_desktop_erases_its_profile(tmp_path, qtbot, qapp, translations,
                                                                   demo_server, demo_db):
    from ui.app import build_workstation
    from ui.tasks import wait_for_lanes

    user = users_by_role(demo_db)["clinic_cm"][0]
    path = tmp_path / "desk"
    profile = Profile.open(path, exclusive=True)
    client = service.make_client(profile, demo_server.url)
    service.sign_in(profile, client, user, f"{user}-demo")
    client.close()
    device, dbkey = device_of(demo_server, user), key_name(path)
    revoke(demo_server, device)

    keep = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)  # the window closing must not end pytest-qt's application
    try:
        profile.settings.set("ui.language", "en")
        window = build_workstation(profile, translations, demo=False)
        sync = window.workspace.sync
        sync.controller.debounce.stop()  # the lock screen, not a background sync, hears it first
        sync.controller.interval.stop()
        window.show()
        lock = window.workspace.lock
        assert lock.locked  # a signed-in desktop starts at the lock screen
        lock.screen.password.setText(f"{user}-demo")
        lock.screen.try_unlock()
        qtbot.waitUntil(lambda: sync.erased_notice is not None, timeout=30_000)
        assert "has been erased" in sync.erased_notice.text()
        assert not window.isVisible() and not path.exists()
        assert secrets.get(dbkey) is None and secrets.get(f"refresh:{device}") is None
        assert sync.controller.cycles_started == 0  # erased by the lock screen's check, no cycle ran
        sync.erased_notice.close()
        wait_for_lanes(10_000)
        shiboken6.delete(window)  # its profile is erased: no later language switch may reach it
    finally:
        qapp.setQuitOnLastWindowClosed(keep)


def test_the_server_marks_only_init_demo_databases(real, demo_db):
    for db, demo in ((real.db, False), (demo_db, True)):
        engine = create_engine(db, poolclass=NullPool)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT value FROM server_meta WHERE key = 'demo'")).all()
        engine.dispose()
        # Both say it: `server init` marks a real network, `--init-demo` the demo one.
        assert [json.loads(r[0]) if isinstance(r[0], str) else r[0] for r in rows] == [{"demo": demo}]
