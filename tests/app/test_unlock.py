"""Offline unlock: the cached verifier, and five wrong passwords lock the profile."""
from __future__ import annotations

import datetime as dt

import pytest

from app import clock
from app.unlock import UnlockGuard
from app.unlock import UnlockRefused
from ui.problem_words import say


@pytest.fixture
def guard(profile):
    g = UnlockGuard(profile)
    g.set_password("correct horse")
    yield g
    clock.pin(None)


def test_the_right_password_unlocks_and_no_password_is_stored(guard, profile):
    guard.unlock("correct horse")
    assert "correct horse" not in (profile.get_local("unlock.verifier") or "")


def test_five_wrong_passwords_lock_even_the_right_one_out_for_a_while(guard):
    start = dt.datetime(2026, 11, 22, 2, 0, tzinfo=dt.timezone.utc)
    clock.pin(start)
    for left in (4, 3, 2, 1):
        with pytest.raises(UnlockRefused) as info:
            guard.unlock("wrong")
        assert info.value.problem.code == "unlock.wrong_password" and info.value.problem.params == {"left": left}
    with pytest.raises(UnlockRefused) as info:
        guard.unlock("wrong")
    assert say(info.value, "en") == "Too many wrong passwords: locked for 15 minutes."
    assert say(info.value, "zh_CN") == "密码错误次数过多，已锁定 15 分钟。"
    with pytest.raises(UnlockRefused) as info:
        guard.unlock("correct horse")
    assert info.value.problem.code == "unlock.wait" and info.value.problem.params == {"minutes": 15}
    clock.pin(start + dt.timedelta(minutes=16))
    guard.unlock("correct horse")


def test_the_counter_survives_a_restart(guard, profile):
    for _ in range(3):
        with pytest.raises(UnlockRefused):
            guard.unlock("wrong")
    again = UnlockGuard(profile)  # a new program start reads the same profile
    with pytest.raises(UnlockRefused) as info:
        again.unlock("wrong")
    assert say(info.value, "en") == "Wrong password. Tries left: 1."
