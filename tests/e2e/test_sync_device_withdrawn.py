"""A desktop the administrator withdrew (`server devices revoke`) erases its profile at its next
contact — database files, its key and its sign-in in the real keyring — says why, and the server
records it; each sign-in tells the server the computer's name and CaseDesk version; a password
about to expire is announced by `sync --login`. Real server process, real keyring, real CLI."""
from __future__ import annotations

import json
import platform
import uuid

import httpx
import pytest

from app import __version__
from app import secrets
from app.users import Station
from tests.e2e.conftest import users_by_role
from tests.support import run_main

pytestmark = pytest.mark.usefixtures("keyring_ready")

ENGLISH = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "CASEDESK_LANG": ""}
CHINESE = {"LANG": "C.UTF-8", "LC_ALL": "", "CASEDESK_LANG": ""}
ERASED_EN = "has been erased"
ERASED_ZH = "已被清除"


def sync(path, server, user=None, env=ENGLISH):
    login = ["--server", server.url, "--login", user] if user else []
    return run_main("sync", "--profile", str(path), *login,
                    env={**env, **({"CASEDESK_PASSWORD": f"{user}-demo"} if user else {})})


def device_of(server, user) -> str:
    rows = sql(server, "SELECT d.id FROM devices d JOIN users u ON u.id = d.user_id WHERE u.username = :u", u=user)
    assert len(rows) == 1, rows
    return rows[0][0]


def sql(server, statement, **params):
    from sqlalchemy import text

    with server.engine.begin() as conn:
        result = conn.execute(text(statement), params)
        return result.all() if result.returns_rows else None


def key_name(path) -> str:
    return "dbkey:" + json.loads((path / "profile.json").read_text())["id"]


def revoke(server, device):
    out = run_main("server", "devices", "revoke", "--db", server.db, "--device", device, env=ENGLISH)
    assert out.returncode == 0, out.stderr


def test_a_withdrawn_desktop_erases_its_profile_at_its_next_sync(tmp_path, demo_server, demo_db):
    user = users_by_role(demo_db)["clinic_cm"][0]
    desk = tmp_path / "desk"
    first = sync(desk, demo_server, user)
    assert first.returncode == 0, first.stderr
    device = device_of(demo_server, user)
    # the sign-in told the server which computer and which CaseDesk this is
    assert sql(demo_server, "SELECT name, app_version FROM devices WHERE id = :d", d=device) == \
        [(platform.node()[:64], __version__)]
    dbkey = key_name(desk)
    assert secrets.get(dbkey) and secrets.get(f"refresh:{device}")
    (desk / "casedesk.db.before-0006").write_bytes(b"an older copy")  # as a migration leaves it
    (desk / "my-notes.txt").write_text("not CaseDesk's")
    assert sync(desk, demo_server).returncode == 0

    revoke(demo_server, device)
    out = sync(desk, demo_server)
    assert out.returncode == 2
    assert ERASED_EN in out.stderr and "Ask your administrator" in out.stderr and "Traceback" not in out.stderr
    left = sorted(p.name for p in desk.iterdir())
    assert left == ["my-notes.txt"], left  # database, WAL/SHM, backup, manifest, settings, lock: gone
    assert secrets.get(dbkey) is None and secrets.get(f"refresh:{device}") is None
    assert sql(demo_server, "SELECT kind, device_id FROM security_events WHERE kind IN ('device_erased') ") == \
        [("device_erased", device)]
    assert sql(demo_server, "SELECT count(*) FROM security_events WHERE kind = 'device_refused' "
                            "AND device_id = :d", d=device) == [(1,)]


def test_a_withdrawn_person_at_a_shared_desktop_loses_only_their_profile(tmp_path, demo_server, demo_db):
    cms = users_by_role(demo_db)["clinic_cm"]
    station = Station(tmp_path / "station")
    gone, stays = station.add(cms[0]), station.add(cms[1])
    for person in (gone, stays):
        out = sync(station.profile_dir(person), demo_server, person.login, env=CHINESE)
        assert out.returncode == 0, out.stderr
    kept_key = key_name(station.profile_dir(stays))
    gone_key = key_name(station.profile_dir(gone))
    revoke(demo_server, device_of(demo_server, gone.login))

    out = sync(station.profile_dir(gone), demo_server, env=CHINESE)
    assert out.returncode == 2 and ERASED_ZH in out.stderr, out.stderr
    assert [u.login for u in station.users()] == [stays.login]
    assert not station.profile_dir(gone).exists() and secrets.get(gone_key) is None
    assert secrets.get(kept_key)
    assert sync(station.profile_dir(stays), demo_server).returncode == 0  # the other person works on


def test_signing_in_on_a_withdrawn_desktop_erases_it_too(tmp_path, demo_server, demo_db):
    user = users_by_role(demo_db)["clinic_cm"][0]
    desk = tmp_path / "desk"
    assert sync(desk, demo_server, user).returncode == 0
    dbkey = key_name(desk)
    revoke(demo_server, device_of(demo_server, user))
    out = sync(desk, demo_server, user)  # a fresh sign-in with the right password
    assert out.returncode == 2 and ERASED_EN in out.stderr, out.stderr
    assert not desk.exists() and secrets.get(dbkey) is None


def test_the_erasure_endpoint_takes_only_a_withdrawn_desktop_once(demo_server, demo_db):
    user = users_by_role(demo_db)["clinic_cm"][0]
    device = str(uuid.uuid4())
    login = httpx.post(f"{demo_server.url}/auth/login", json={"username": user, "password": f"{user}-demo",
                                                              "device_id": device}, timeout=30)
    assert login.status_code == 200  # an older desktop: no name, no version
    assert sql(demo_server, "SELECT name, app_version FROM devices WHERE id = :d", d=device) == [(None, None)]
    post = lambda d: httpx.post(f"{demo_server.url}/devices/erased", json={"device_id": d}, timeout=30)  # noqa: E731
    for not_withdrawn in (device, "no-such-desktop"):
        refused = post(not_withdrawn)
        assert refused.status_code == 404 and refused.json()["code"] == "devices.not_withdrawn"
    revoke(demo_server, device)
    assert post(device).status_code == 204 and post(device).status_code == 204
    assert sql(demo_server, "SELECT count(*) FROM security_events WHERE kind = 'device_erased' AND device_id = :d",
               d=device) == [(1,)]


@pytest.mark.parametrize("env, said", [(ENGLISH, "Your password expires in 9 day(s)"),
                                       (CHINESE, "您的密码将在 9 天后过期")])
def test_sync_login_warns_of_a_password_about_to_expire(tmp_path, demo_server, demo_db, env, said):
    user = users_by_role(demo_db)["clinic_cm"][0]
    sql(demo_server, "UPDATE credentials SET changed_at = now() - interval '170 days 12 hours' "
                     "WHERE user_id = (SELECT id FROM users WHERE username = :u)", u=user)
    out = sync(tmp_path / "desk", demo_server, user, env=env)
    assert out.returncode == 0, out.stderr
    assert said in out.stderr
    quiet = sync(tmp_path / "other", demo_server, users_by_role(demo_db)["clinic_cm"][1], env=env)
    assert quiet.returncode == 0 and "expires" not in quiet.stderr and "过期" not in quiet.stderr
