"""Sign-in failures tell nothing and lock nobody out (等保 L3 without a lockout anyone can
trigger): unknown names and wrong passwords cost the same and read the same, concurrent
failures are all counted, a slow-down reads the same for a real and a made-up name, and the
right password works once the wait is over. Real server process, PostgreSQL, HTTP."""
from __future__ import annotations

import statistics
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from tests.e2e.conftest import users_by_role


def login(url: str, user: str, password: str, device: str | None = None) -> httpx.Response:
    return httpx.post(f"{url}/auth/login", json={"username": user, "password": password,
                                                 "device_id": device or str(uuid.uuid4())}, timeout=30)


@pytest.fixture
def sql(demo_db):
    engine = create_engine(demo_db, poolclass=NullPool)

    def run(statement: str, **params):
        with engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return result.all() if result.returns_rows else None

    yield run
    engine.dispose()


def throttle(fleet_sql, key: str) -> int | None:
    rows = fleet_sql("SELECT failures FROM login_throttle WHERE key = :k", k=key)
    return rows[0][0] if rows else None


def test_unknown_and_known_names_take_the_same_time_and_get_the_same_answer(demo_server, demo_db, sql):
    users = [u for us in users_by_role(demo_db).values() for u in us][:20]
    assert len(users) == 20
    known, unknown, answers = [], [], set()
    login(demo_server.url, "warm-up", "x")  # the first request pays for connections
    for i, user in enumerate(users):
        for name, times in ((user, known), (f"nobody{i:03d}", unknown)):
            sql("DELETE FROM login_throttle")  # the work of a check, not the slow-down, is measured
            start = time.perf_counter()
            answer = login(demo_server.url, name, "wrong-password")
            times.append(time.perf_counter() - start)
            answers.add((answer.status_code, answer.json()["code"], answer.text))
    assert len(answers) == 1 and answers.pop()[:2] == (401, "auth.wrong_credentials")  # one answer for both
    ratio = statistics.median(known) / statistics.median(unknown)
    print(f"median known {statistics.median(known) * 1000:.1f} ms, unknown "
          f"{statistics.median(unknown) * 1000:.1f} ms, ratio {ratio:.2f}")
    assert 1 / 1.5 < ratio < 1.5


def test_forty_concurrent_wrong_tries_are_all_counted(demo_server, demo_db, sql):
    user = users_by_role(demo_db)["ward_cm"][0]
    with ThreadPoolExecutor(40) as pool:
        codes = list(pool.map(lambda _: login(demo_server.url, user, "wrong-password").status_code, range(40)))
    assert set(codes) <= {401, 429} and codes.count(401) >= 5
    assert throttle(sql, f"user:{user}") == 40
    assert throttle(sql, "addr:127.0.0.1") == 40
    kinds = dict(sql("SELECT kind, count(*) FROM security_events WHERE username = :u GROUP BY kind", u=user))
    assert kinds.get("login_failed", 0) + kinds.get("slowed", 0) == 40


def test_a_slow_down_reads_the_same_for_a_real_and_a_made_up_name(demo_server, demo_db, sql):
    real = users_by_role(demo_db)["clinic_cm"][1]
    answers = {}
    for name in (real, "no-such-person"):
        firsts = [login(demo_server.url, name, "wrong-password").status_code for _ in range(5)]
        assert firsts == [401] * 5
        slowed = login(demo_server.url, name, "wrong-password")
        assert slowed.status_code == 429, slowed.text
        answers[name] = (slowed.json(), slowed.headers["Retry-After"])
    assert answers[real] == answers["no-such-person"]
    body, retry_after = answers[real]
    assert body["code"] == "auth.slow_down" and body["params"]["retry_after_s"] == int(retry_after) >= 1
    assert sql("SELECT count(*) FROM security_events WHERE kind = 'slowed'")[0][0] == 2


def test_the_right_password_works_after_the_wait_and_starts_the_count_over(demo_server, demo_db, sql):
    user = users_by_role(demo_db)["clinic_cm"][2]
    for _ in range(5):
        assert login(demo_server.url, user, "wrong-password").status_code == 401
    waiting = login(demo_server.url, user, f"{user}-demo")  # not even the right one is checked now
    assert waiting.status_code == 429
    time.sleep(int(waiting.headers["Retry-After"]) + 0.2)
    signed_in = login(demo_server.url, user, f"{user}-demo")
    assert signed_in.status_code == 200, signed_in.text
    assert throttle(sql, f"user:{user}") == 0
    assert login(demo_server.url, user, "wrong-password").status_code == 401  # no wait left behind


def test_an_old_password_hash_is_upgraded_at_the_next_sign_in(demo_server, demo_db, sql):
    user = users_by_role(demo_db)["clinic_cm"][3]
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(f"{user}-demo")
    sql("UPDATE credentials SET password_hash = :h WHERE user_id = (SELECT id FROM users WHERE username = :u)",
        h=weak, u=user)
    assert login(demo_server.url, user, f"{user}-demo").status_code == 200
    (stored,), = sql("SELECT c.password_hash FROM credentials c JOIN users u ON u.id = c.user_id "
                     "WHERE u.username = :u", u=user)
    assert stored != weak and "m=19456,t=2" in stored
    assert login(demo_server.url, user, f"{user}-demo").status_code == 200
