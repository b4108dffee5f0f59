"""The whole county path of README "Deploying for a county (部署)", as a county runs it: the
commands in subprocesses, a database and role of its own on the real PostgreSQL, the server
started from its settings file over HTTPS with a certificate from the county's CA, and a
community case manager's desktop (the real keyring) that trusts that CA through the system
store (SSL_CERT_FILE; see tests/e2e/test_server_tls_logs.py for why that is the same path as
a CA installed in /etc/ssl/certs).

Init, the example organisation tree and staff list of docs/examples/, the first sign-in
forced to change its one-time password, the password command, the example screening list
whose 街道/社区 are the tree's real names and aliases (大碶街道, 璎珞, 九峰山社区 …), a sync, and
the patients in the server's database under the right communities."""
from __future__ import annotations

import csv
import os
import re
import ssl
import subprocess
import sys
import time
import uuid

import httpx
import pytest
from sqlalchemy import create_engine
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from tests.conftest import PG_ADMIN_URL
from tests.conftest import _pg_admin
from tests.e2e import certs
from tests.e2e.conftest import free_port
from tests.support import ROOT
from tests.support import run_main

pytestmark = [pytest.mark.postgres, pytest.mark.keyring]

EXAMPLES = ROOT / "docs" / "examples"
ENGLISH = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "CASEDESK_LANG": ""}
ADMIN_PASSWORD = "Beilun-county-1"
DB_PASSWORD = "Db-secret-2027"
NEW_PASSWORD = "Daqi-station-7"
# docs/examples/screening_list.csv: name -> the community point its 社区 value names.
EXPECTED = {"陈桂英": "BL-DQ-01", "林国平": "BL-DQ-01", "徐秀兰": "BL-DQ-02",
            "周建华": "BL-DQ-02", "邵美娟": "BL-DQ-01", "胡志强": "BL-DQ-02"}


@pytest.fixture
def county_database():
    """An empty database owned by a login role of its own, as the README creates them."""
    suffix = uuid.uuid4().hex[:8]
    role, name = f"casedesk_county_{suffix}", f"casedesk_county_{suffix}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE \"{role}\" LOGIN PASSWORD '{DB_PASSWORD}'"))
        conn.execute(text(f'CREATE DATABASE "{name}" OWNER "{role}"'))
    host = PG_ADMIN_URL.split("@", 1)[1].rsplit("/", 1)[0]
    yield f"postgresql+psycopg://{role}@{host}/{name}", f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


def main(*args: str, **env: str) -> subprocess.CompletedProcess:
    out = run_main(*args, env={**ENGLISH, **env})
    assert "Traceback" not in out.stderr, out.stderr
    return out


@pytest.fixture
def https_server_from_settings(tmp_path):
    """`start(db_url)` writes the settings file (password in a 0600 file, certificate, logs)
    and starts `server --config FILE` with nothing secret on its command line or in its
    environment; returns (url, ca, logs)."""
    started = []

    def start(db_url: str):
        tls = certs.make(tmp_path)
        secret = tmp_path / "db-password"
        secret.write_text(DB_PASSWORD + "\n", encoding="utf-8")
        secret.chmod(0o600)
        port = free_port()
        settings = tmp_path / "server.toml"
        settings.write_text(f'[database]\nurl = "{db_url}"\npassword_file = "db-password"\n'
                            f'[server]\nhost = "127.0.0.1"\nport = {port}\nworkers = 1\n'
                            f'certfile = "{tls["cert"].name}"\nkeyfile = "{tls["key"].name}"\n'
                            f'[logs]\ndirectory = "logs"\n', encoding="utf-8")
        checked = main("server", "check-config", "--config", str(settings))
        assert checked.returncode == 0 and "HTTPS" in checked.stdout, checked.stdout + checked.stderr
        env = {k: v for k, v in os.environ.items() if not k.startswith("CASEDESK_")}
        args = [sys.executable, str(ROOT / "main.py"), "server", "--config", str(settings)]
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started.append(proc)
        assert not any(DB_PASSWORD in a for a in args)
        url = f"https://localhost:{port}"
        trust = ssl.create_default_context(cafile=str(tls["ca"]))
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/health", verify=trust, timeout=1).status_code == 200:
                    return url, tls["ca"], tmp_path / "logs"
            except httpx.TransportError:
                pass
            assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
            assert time.monotonic() < deadline, "no HTTPS answer within 30 s"
            time.sleep(0.1)

    yield start
    for proc in started:
        proc.kill()
        proc.wait(timeout=10)


def test_a_county_goes_from_an_empty_database_to_a_synced_desktop_over_https(
        county_database, https_server_from_settings, tmp_path, keyring_ready):
    db, db_as_superuser = county_database
    # The role has a password, as on a county's database host; this PostgreSQL trusts local
    # connections, so it is not checked here. The server reads it from the settings file's
    # password_file (0600); no command line carries it.

    # The administrator sets the server up.
    out = main("server", "init", "--db", db, CASEDESK_PASSWORD=ADMIN_PASSWORD)
    assert out.returncode == 0, out.stderr
    out = main("server", "org", "import", "--db", db, str(EXAMPLES / "org_tree.csv"))
    assert out.returncode == 0 and "14 added" in out.stdout, out.stdout + out.stderr
    # The real tree's centre takes the place of the placeholder init made; admin moves to it.
    assert "Centre BL took the place of the placeholder centre" in out.stdout, out.stdout
    sheet = tmp_path / "first-passwords.csv"
    out = main("server", "users", "import", "--db", db, str(EXAMPLES / "staff.csv"), "--passwords-out", str(sheet))
    assert out.returncode == 0 and "5 added, 1 updated" in out.stdout, out.stdout + out.stderr
    with open(sheet, encoding="utf-8-sig", newline="") as fh:
        one_time = {row["用户名"]: row["初始密码"] for row in csv.DictReader(fh)}
    assert set(one_time) == {"zhang.min", "li.hong", "wang.fang", "chen.jie", "zhao.lei"}
    assert not any(p in out.stdout + out.stderr for p in one_time.values())  # only in the sheet
    url, ca, logs = https_server_from_settings(db)

    # 王芳, the community case manager of 大碶街道, on her desktop, trusting the county's CA.
    desk = str(tmp_path / "desk")
    trusts = {"SSL_CERT_FILE": str(ca)}
    first = main("sync", "--profile", desk, "--server", url, "--login", "wang.fang",
                 CASEDESK_PASSWORD=one_time["wang.fang"], **trusts)
    assert first.returncode == 2 and "must be changed before you can sign in" in first.stderr, first.stderr
    assert "main.py password" in first.stderr
    changed = main("password", "--profile", desk, "--login", "wang.fang", "--server", url,
                   CASEDESK_PASSWORD=one_time["wang.fang"], CASEDESK_NEW_PASSWORD=NEW_PASSWORD, **trusts)
    assert changed.returncode == 0 and "The password of wang.fang was changed" in changed.stdout, changed.stderr
    signed_in = main("sync", "--profile", desk, "--login", "wang.fang", CASEDESK_PASSWORD=NEW_PASSWORD, **trusts)
    assert signed_in.returncode == 0 and "signed in as" in signed_in.stdout, signed_in.stderr

    imported = main("import", "--profile", desk, str(EXAMPLES / "screening_list.csv"))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "6 new patients" in imported.stdout, imported.stdout
    synced = main("sync", "--profile", desk, CASEDESK_PASSWORD=NEW_PASSWORD, **trusts)
    assert synced.returncode == 0, synced.stderr
    assert re.search(r"pushed: \d+ applied\n", synced.stdout) and "waiting: 0 changes" in synced.stdout, synced.stdout

    # The server's PostgreSQL holds them, each under the community its line named, in 大碶's
    # cases, with 王芳 as their community case manager.
    engine = create_engine(db_as_superuser, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            patients = dict(conn.execute(text(
                "SELECT p.name, o.code FROM patients p JOIN org_units o ON o.id = p.community_id")).all())
            cases = conn.execute(text(
                "SELECT DISTINCT s.code, u.username FROM cases c JOIN org_units s ON s.id = c.station_id "
                "JOIN users u ON u.id = c.community_cm_id")).all()
            must_change = conn.execute(text(
                "SELECT c.must_change FROM credentials c JOIN users u ON u.id = c.user_id "
                "WHERE u.username = 'wang.fang'")).scalar_one()
    finally:
        engine.dispose()
    assert patients == EXPECTED
    assert cases == [("BL-DQ", "wang.fang")]
    assert must_change is False
    access = (logs / "access.log").read_text(encoding="utf-8")
    assert " POST /sync/push 200 " in access and " POST /auth/password 200 " in access
    assert not any(name in access for name in EXPECTED)
