"""The server's security event log (等保 L3; 网络安全法 Art. 21: kept ≥ 180 days): what happens
at the door is recorded, nobody can change it, and the administrator reads it with
`python main.py server security-log`. Real server process, PostgreSQL, HTTP."""
from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy import create_engine
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from tests.e2e.conftest import users_by_role
from tests.support import run_main


@pytest.fixture
def sql(demo_db):
    engine = create_engine(demo_db, poolclass=NullPool)

    def run(statement: str, **params):
        with engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return result.all() if result.returns_rows else None

    yield run
    engine.dispose()


def login(url, user, password=None, device=None):
    return httpx.post(f"{url}/auth/login", timeout=10, json={
        "username": user, "password": password or f"{user}-demo", "device_id": device or str(uuid.uuid4())})


def test_the_door_is_logged_and_the_administrator_reads_it(demo_server, demo_db, sql):
    url = demo_server.url
    cm, other = users_by_role(demo_db)["clinic_cm"][:2]
    device = str(uuid.uuid4())
    signed_in = login(url, cm, device=device).json()
    assert login(url, "\x1b[31mnobody", "guess").status_code == 401  # a typed name with a terminal escape
    assert login(url, other, device=device).status_code == 403  # another person's desktop
    refresh = lambda token: httpx.post(f"{url}/auth/refresh", timeout=10,  # noqa: E731
                                       json={"refresh_token": token, "device_id": device})
    second = refresh(signed_in["refresh_token"]).json()
    assert refresh(second["refresh_token"]).status_code == 200  # the desktop moved on
    assert refresh(signed_in["refresh_token"]).status_code == 401  # a copy of the old one: the family ends
    # Unique to this test: the server process (shared by the e2e tests) remembers forged tokens.
    forged = f"forged-{uuid.uuid4().hex}"
    for _ in range(3):  # the same forged token again is answered from memory: one event, no query
        assert httpx.post(f"{url}/sync/pull", json={"cursor": 0}, timeout=10,
                          headers={"Authorization": f"Bearer {forged}"}).status_code == 401
    kinds = [r[0] for r in sql("SELECT kind FROM security_events ORDER BY id")]
    assert kinds == ["login_ok", "login_failed", "device_refused", "token_reuse", "token_invalid"]

    out = run_main("server", "security-log", "--db", demo_db)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split() == ["time", "(UTC)", "kind", "code", "user", "device", "address", "detail"]
    body = lines[2:]
    assert [line.split()[2] for line in body] == kinds  # newest last
    assert "auth.device_other_user" in body[2] and other in body[2] and device in body[2]
    assert "127.0.0.1" in body[0] and "\x1b" not in out.stdout and "\\x1b[31mnobody" in body[1]
    mine = run_main("server", "security-log", "--db", demo_db, "--user", cm)
    assert [line.split()[2] for line in mine.stdout.splitlines()[2:]] == ["login_ok", "token_reuse"]
    later = run_main("server", "security-log", "--db", demo_db, "--since", "2999-01-01")
    assert later.returncode == 0 and len(later.stdout.splitlines()) == 2
    bad = run_main("server", "security-log", "--db", demo_db, "--since", "last tuesday")
    assert bad.returncode == 2 and "--since" in bad.stderr and "not a date" in bad.stderr


def test_nobody_changes_or_removes_a_recent_event(demo_server, demo_db, sql):
    login(demo_server.url, users_by_role(demo_db)["clinic_cm"][0])
    assert sql("SELECT count(*) FROM security_events")[0][0] == 1
    for statement in ("UPDATE security_events SET kind = 'nothing'", "DELETE FROM security_events",
                      "TRUNCATE security_events"):
        with pytest.raises(DBAPIError, match="append-only"):
            sql(statement)
    assert sql("SELECT kind FROM security_events")[0][0] == "login_ok"


def test_the_server_command_still_runs_the_server_and_lists_the_log(demo_server):
    helped = run_main("server", "--help")
    assert helped.returncode == 0 and "security-log" in helped.stdout and "--init-demo" in helped.stdout
    assert httpx.get(f"{demo_server.url}/health", timeout=5).status_code == 200  # started as `server --db URL --port P`
