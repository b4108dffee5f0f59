"""The server in-process (ASGI, starlette's TestClient) on a real PostgreSQL database: one
small demo database built per session, a fresh copy per test."""
from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine
from sqlalchemy import text

from tests.conftest import PG_ADMIN_URL
from tests.conftest import _pg_admin

BASE = PG_ADMIN_URL.rsplit("/", 1)[0]


@pytest.fixture(scope="session")
def server_template():
    from db.engine import url_engine
    from server.demo import init_demo

    admin = _pg_admin()
    name = f"casedesk_srv_tpl_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = url_engine(f"{BASE}/{name}")
    init_demo(engine, 40, seed=3, events=(0, 6))
    engine.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def server_db(server_template):
    admin = _pg_admin()
    name = f"casedesk_srv_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{server_template}"'))
    yield f"{BASE}/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


class Api:
    """A TestClient that raises on any unhandled server error, plus sign-in helpers."""

    def __init__(self, db_url: str):
        from starlette.testclient import TestClient

        from db.engine import url_engine
        from server.app import create_app

        self.db_url = db_url
        self.engine = url_engine(db_url)
        self.client = TestClient(create_app(self.engine))
        self.sql_engine = create_engine(db_url)
        self.users = {}
        for role, username, uid in self.sql("SELECT role, username, id FROM users ORDER BY username"):
            self.users.setdefault(role, []).append((username, uid))

    def sql(self, statement: str, **params):
        with self.sql_engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return result.all() if result.returns_rows else None

    def login(self, role: str = "clinic_cm", index: int = 0, device: str | None = None) -> dict:
        username = self.users[role][index][0]
        answer = self.client.post("/auth/login", json={"username": username, "password": f"{username}-demo",
                                                       "device_id": device or f"dev-{role}-{index}"})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        return {"Authorization": f"Bearer {body['access_token']}", "refresh": body["refresh_token"],
                "user": body["user"]}

    def close(self) -> None:
        self.client.close()
        self.engine.dispose()
        self.sql_engine.dispose()


@pytest.fixture
def api(server_db):
    api = Api(server_db)
    yield api
    api.close()
