"""The password policy (等保 L3) as the server applies it: each rule refused by its own code,
the last five refused by their argon2 hashes, expiry and its warning (server/passwords.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from app.problems import ProblemError
from db.models import Credential
from server import passwords
from ui.problem_words import words

NOW = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.timezone.utc)


def codes(password: str, username: str = "li.na", history=None) -> list[str]:
    return [p.code for p in passwords.problems(password, username, history)]


@pytest.mark.parametrize("password, expected", [
    ("Ab1-xyz", ["password.too_short"]),
    ("abcdefgh", ["password.classes"]),  # one class
    ("abcdefg1", ["password.classes"]),  # two classes
    ("abc", ["password.too_short", "password.classes"]),
    ("xLI.NAx-99", ["password.contains_username"]),  # any case
    ("Abcdefg1", []),  # three classes: lower, upper, digit
    ("abcdef-1", []),  # lower, digit, other
    ("病例管理Ab-x", []),  # Chinese is neither case: lower, upper and - make the three
])
def test_each_rule_is_refused_by_its_own_code(password, expected):
    assert codes(password) == expected


def test_a_refusal_is_worded_with_the_rule_it_failed():
    with pytest.raises(ProblemError) as caught:
        passwords.check("short", "admin")
    text = "\n".join(words(p, "en") for p in caught.value.problems)
    assert "at least 8 characters" in text and "at least 3 of these kinds" in text
    assert "至少需要 8 个字符" in words(caught.value.problems[0], "zh_CN")


def test_the_last_five_passwords_cannot_be_used_again_the_sixth_can():
    credential = Credential(user_id="u", password_hash="", history=[])
    used = [f"Good-pass{i}" for i in range(7)]
    for p in used:
        passwords.store(credential, p, NOW, must_change=False)
    history = passwords.history_of(credential)
    assert len(history) == passwords.HISTORY
    for recent in used[-5:]:
        assert codes(recent, history=history) == ["password.reused"]
    assert codes(used[1], history=history) == []  # six changes ago: allowed again
    assert codes("Brand-new9", history=history) == []
    assert not any(used[-1] in h for h in history)  # hashes, never the password


def test_one_time_passwords_meet_the_policy_and_must_be_changed():
    drawn = {passwords.one_time() for _ in range(50)}
    assert len(drawn) == 50
    assert all(codes(p, "admin") == [] for p in drawn)
    credential = Credential(user_id="u", password_hash="", history=[])
    passwords.store(credential, drawn.pop(), NOW, must_change=True)
    assert passwords.change_needed(credential, NOW) == "one_time"


def test_expiry_after_180_days_with_a_warning_14_days_before(monkeypatch):
    monkeypatch.delenv(passwords.MAX_AGE_ENV, raising=False)
    credential = Credential(user_id="u", password_hash="", history=[])
    passwords.store(credential, "Good-pass1", NOW - dt.timedelta(days=100), must_change=False)
    assert passwords.change_needed(credential, NOW) is None
    assert passwords.expiry_warning(credential, NOW) is None
    credential.changed_at = NOW - dt.timedelta(days=170)
    assert passwords.expiry_warning(credential, NOW) == 10
    assert passwords.change_needed(credential, NOW) is None
    credential.changed_at = NOW - dt.timedelta(days=180, hours=1)
    assert passwords.change_needed(credential, NOW) == "expired"
    monkeypatch.setenv(passwords.MAX_AGE_ENV, "365")  # a county's own choice
    assert passwords.change_needed(credential, NOW) is None
    monkeypatch.setenv(passwords.MAX_AGE_ENV, "0")  # off
    assert passwords.expires_in_days(credential, NOW) is None
