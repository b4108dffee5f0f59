"""The server's pooled PostgreSQL connections: one the database ended (a restart, a dropped
database, an administrator's pg_terminate_backend) is replaced before a request gets it, and
a healthy one is lent without a round trip of its own. Real PostgreSQL."""
from __future__ import annotations

import time

from sqlalchemy import text

from db.engine import url_engine
from tests.conftest import PG_ADMIN_URL


def backend(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT pg_backend_pid()")).scalar_one()


def test_a_connection_the_database_ended_is_replaced_unnoticed():
    engine, admin = url_engine(PG_ADMIN_URL, pool_size=1, max_overflow=0), url_engine(PG_ADMIN_URL)
    try:
        first = backend(engine)
        with admin.connect() as conn:
            assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": first}).scalar_one()
        time.sleep(0.2)  # the termination notice reaches the pooled connection's socket
        second = backend(engine)  # no error: the request never saw the dead connection
        assert second != first
        assert backend(engine) == second
    finally:
        engine.dispose()
        admin.dispose()


def test_a_healthy_connection_is_lent_without_asking_the_database_first(monkeypatch):
    from db import engine as engine_mod

    engine = url_engine(PG_ADMIN_URL, pool_size=1, max_overflow=0)
    pings: list[int] = []
    ping = engine.dialect.do_ping
    monkeypatch.setattr(engine.dialect, "do_ping", lambda conn: pings.append(1) or ping(conn))
    try:
        first = backend(engine)
        assert [backend(engine) for _ in range(3)] == [first] * 3 and pings == []
        monkeypatch.setattr(engine_mod, "PING_IDLE_S", 0.0)  # idle "long enough": asked, and kept
        assert backend(engine) == first and pings == [1]
    finally:
        engine.dispose()
