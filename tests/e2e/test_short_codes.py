"""Referral short codes are unique across the network while desktops are offline (issue 14
item 5): device codes from a real PostgreSQL server database, some allocated concurrently,
then 200 offline desktops making 500 codes each — and a real profile making its codes
through the referral service."""
from __future__ import annotations

import datetime as dt
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.referrals import codes
from db.engine import session_factory
from db.engine import url_engine
from db.models import Device
from db.models import OrgUnit
from db.models import Referral
from db.models import User
from server import devices
from tests.app.test_referrals import get
from tests.app.test_referrals import up_form
from tests.app.test_referrals import world  # noqa: F401 - the fixture
from ui import problem_words

DESKTOPS = 200
PER_DESKTOP = 500
NOW = dt.datetime(2026, 11, 18, 4, tzinfo=dt.timezone.utc)


@pytest.fixture
def server_sessions(pg_url):
    from db import migrate

    engine = url_engine(pg_url, pool_size=40)
    migrate.upgrade(engine)
    sessions = session_factory(engine)
    with sessions.begin() as s:
        unit = OrgUnit(kind="centre", code="C01", name="县肿瘤防治中心")
        s.add(unit)
        s.flush()
        s.add(User(username="cm01", display_name="陈敏", role="community_cm", org_unit_id=unit.id))
    yield sessions
    engine.dispose()


def register(sessions, barrier: threading.Barrier | None = None) -> str:
    """What a first sign-in does (server/auth.py): the Device row, its code, one commit."""
    with sessions.begin() as s:
        user_id = s.scalar(select(User.id))
        device = Device(id=str(uuid.uuid4()), user_id=user_id, registered_at=NOW, last_seen_at=NOW)
        s.add(device)
        if barrier is not None:
            barrier.wait()  # every registration in flight at once
        device.code = devices.allocate_code(s)
        return device.code


def test_200_offline_desktops_make_100000_codes_and_none_collides(server_sessions, world):  # noqa: F811
    half = DESKTOPS // 2
    sequential = [register(server_sessions) for _ in range(half)]
    barrier = threading.Barrier(10)
    with ThreadPoolExecutor(10) as pool:
        concurrent = list(pool.map(lambda _: register(server_sessions, barrier), range(half)))
    with server_sessions() as s:
        stored = list(s.scalars(select(Device.code)))
    assert sorted(stored) == sorted(sequential + concurrent) and len(set(stored)) == DESKTOPS
    assert all(codes.is_device_code(c) for c in stored)

    # Offline, each desktop draws against its own referrals only (a set stands in for its
    # local table at this volume); nothing is shared between them but the scheme.
    made = []
    for device_code in stored:
        local: set[str] = set()
        for _ in range(PER_DESKTOP):
            code = codes.compose(device_code, local.__contains__)
            local.add(code)
        made.extend(local)
    assert len(made) == DESKTOPS * PER_DESKTOP == 100_000
    collisions = len(made) - len(set(made))
    assert collisions == 0
    assert all(len(c) <= 12 and c[3] == "-" for c in made)  # fits referrals.short_code String(12)

    # A real profile, signed in once (the sync client stored its device code), makes its
    # referrals through the service: its codes carry its device code.
    profile, ids, service = world
    profile.set_local(codes.DEVICE_CODE_KEY, stored[0])
    real = [get(profile, service.save(up_form(service, ids, name=name))).short_code
            for name in ("张三", "李四", "王五", "张三")]
    assert all(c.startswith(stored[0] + "-") and len(c) == 9 for c in real) and len(set(real)) == len(real)


def test_allocate_code_never_hands_out_a_code_twice_under_contention(server_sessions, monkeypatch):
    """40 desktops register at once while only 48 codes exist: random draws collide all the
    time, and each code must still go to one desktop only (and every sign-in succeed)."""
    pool_of_codes = [a + b + c for a in "ABCD" for b in "EFGH" for c in "JK3"]
    monkeypatch.setattr(devices, "_draw", lambda: devices.secrets.choice(pool_of_codes))
    barrier = threading.Barrier(40)
    with ThreadPoolExecutor(40) as pool:
        given = list(pool.map(lambda _: register(server_sessions, barrier), range(40)))
    assert len(set(given)) == 40 and set(given) <= set(pool_of_codes)
    with server_sessions() as s:
        assert sorted(s.scalars(select(Device.code))) == sorted(given)


def test_the_last_free_codes_are_found_and_then_none_is_handed_out(server_sessions, monkeypatch):
    """A nearly full space: random draws keep hitting taken codes, the free one is still found."""
    monkeypatch.setattr(devices, "ALPHABET", "AB")
    monkeypatch.setattr(devices, "_draw", lambda: "AAA")
    given = [register(server_sessions) for _ in range(8)]
    assert sorted(given) == sorted(a + b + c for a in "AB" for b in "AB" for c in "AB")
    assert register(server_sessions) is None


def test_a_device_without_a_code_keeps_the_older_local_form_which_never_equals_a_network_code():
    local = codes.compose(None, lambda _: False)
    network = codes.compose("K7P", lambda _: False)
    assert len(local) == 6 and "-" not in local and set(local) <= set(codes.ALPHABET)
    assert len(network) == 9 and network.startswith("K7P-")
    assert len(codes.normalise(network)) == 8 != len(codes.normalise(local))
    assert codes.stored_forms("k7p 3xh9q") == ["K7P-3XH9Q", "K7P3XH9Q"]
    assert codes.stored_forms(" abc-234 ") == ["ABC234"]


def test_lookup_finds_a_network_code_however_it_is_typed(world):  # noqa: F811
    profile, ids, service = world
    profile.set_local(codes.DEVICE_CODE_KEY, "K7P")
    rid = service.save(up_form(service, ids), send=True)
    code = get(profile, rid).short_code
    assert code.startswith("K7P-")
    for typed in (code, code.lower(), code.replace("-", ""), f" {code[:3].lower()} {code[4:]} ", code.replace("-", "_")):
        assert service.find_by_code(typed).id == rid, typed
    assert service.find_by_code("K7P-22222") is None
    with profile.sessions() as s:  # an older six-character code still works
        assert s.scalar(select(Referral.id).where(Referral.short_code == "ABC123")) is not None
    assert service.find_by_code("abc-123").short_code == "ABC123"
    with pytest.raises(ValidationError) as exc:
        service.find_by_code("K7P-")
    assert exc.value.field == "code" and "K7P-3XH9Q" in problem_words.say(exc.value, "zh_CN")
    assert "转诊单" in problem_words.say(exc.value, "zh_CN")
