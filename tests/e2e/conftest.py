"""Real server processes on real PostgreSQL, spoken to over real HTTP."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid

import httpx
import pytest

from tests.conftest import need_component
from tests.support import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    """`python main.py server` as a child process; restartable to test crashes."""

    def __init__(self, db_url: str, workers: int = 1, extra: tuple[str, ...] = ()):
        self.db_url, self.workers, self.port, self.extra = db_url, workers, free_port(), extra
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> "ServerProcess":
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "server", "--db", self.db_url, "--port", str(self.port),
             "--workers", str(self.workers), *self.extra], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
        raise RuntimeError("server did not answer /health within 30 s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


def init_demo(db_url: str, patients: int = 120) -> None:
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "server", "--db", db_url, "--init-demo",
                          "--patients", str(patients)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr


@pytest.fixture
def keyring_ready():
    from app import secrets
    try:
        secrets._backend()
    except secrets.KeyringUnavailable as exc:
        need_component("SecretService keyring", str(exc))


@pytest.fixture(scope="session")
def demo_template():
    """One demo database built once; each test gets a copy (CREATE DATABASE … TEMPLATE)."""
    from sqlalchemy import text

    from tests.conftest import PG_ADMIN_URL
    from tests.conftest import _pg_admin

    admin = _pg_admin()
    name = f"casedesk_tpl_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    init_demo(url)
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def shared_server(demo_template):
    """One server process for the whole session. `reset()` gives it a fresh copy of the demo
    template under the same database name (its pooled connections reconnect) and starts it
    again if a test stopped it: a test costs a database copy, not a server start."""
    from sqlalchemy import create_engine
    from sqlalchemy import text
    from sqlalchemy.pool import NullPool

    from tests.conftest import PG_ADMIN_URL
    from tests.conftest import _pg_admin

    admin = _pg_admin()
    name = f"casedesk_e2e_{uuid.uuid4().hex[:8]}"
    server = ServerProcess(f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}")

    def reset():
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{demo_template}"'))
        if server.proc is None or server.proc.poll() is not None:
            server.start()

    server.reset, server.db = reset, server.db_url
    server.engine = create_engine(server.db_url, poolclass=NullPool)  # survives resets
    yield server
    server.stop()
    server.engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def demo_db(shared_server):
    """The URL of a fresh copy of the demo database, served by `demo_server`."""
    shared_server.reset()
    yield shared_server.db


@pytest.fixture
def demo_server(demo_db, shared_server):
    """The server process on `demo_db`; a test may stop and start it."""
    yield shared_server


def users_by_role(db_url: str) -> dict[str, list[str]]:
    from sqlalchemy import create_engine
    from sqlalchemy import text
    engine = create_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT role, username FROM users ORDER BY username")).all()
    engine.dispose()
    out: dict[str, list[str]] = {}
    for role, username in rows:
        out.setdefault(role, []).append(username)
    return out


__all__ = ["ServerProcess", "free_port", "init_demo", "users_by_role"]


@pytest.fixture
def fleet(tmp_path, demo_server, demo_db, keyring_ready):
    """`fleet(name, role="clinic_cm", index=0)` opens a signed-in desktop (tests/e2e/desks.py)
    on a FaultTransport; `fleet.sql(statement)` runs SQL on the server's database."""
    from sqlalchemy import create_engine
    from sqlalchemy import text
    from sqlalchemy.pool import NullPool

    from tests.e2e.desks import open_desk

    roles = users_by_role(demo_db)
    opened = []
    engine = create_engine(demo_db, poolclass=NullPool)

    def open_(name: str, role: str = "clinic_cm", index: int = 0):
        desk = open_desk(tmp_path, name, demo_server.url, roles[role][index])
        opened.append(desk)
        return desk

    def sql(statement: str, **params):
        with engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return result.all() if result.returns_rows else None

    open_.roles, open_.server, open_.db, open_.sql = roles, demo_server, demo_db, sql
    yield open_
    for desk in opened:
        desk.close()
    engine.dispose()
