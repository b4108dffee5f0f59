"""Unlocking with a server: online the server has the last word on the password (one
changed on the server works at once, the old one no longer does); offline the cached
verifier decides. Real server process, PostgreSQL, keyring and lock screen."""
from __future__ import annotations

import pytest

from app.profile import Profile
from app.sync import service
from app.unlock import UnlockGuard
from app.unlock import UnlockRefused
from server.auth import hash_password
from tests.e2e.conftest import users_by_role

pytestmark = pytest.mark.usefixtures("keyring_ready")


@pytest.fixture
def signed_in(tmp_path, demo_server, demo_db):
    user = users_by_role(demo_db)["clinic_cm"][0]
    profile = Profile.open(tmp_path / "desk")
    client = service.make_client(profile, demo_server.url)
    service.sign_in(profile, client, user, f"{user}-demo")
    client.close()
    yield profile, user
    profile.close()


def set_server_password(fleet, user: str, password: str) -> None:
    fleet.sql("UPDATE credentials SET password_hash = :h WHERE user_id = (SELECT id FROM users WHERE username = :u)",
              h=hash_password(password), u=user)


def test_online_the_server_decides_and_offline_the_verifier(signed_in, fleet):
    profile, user = signed_in
    guard, check = UnlockGuard(profile), service.password_check(profile)
    assert check is not None
    guard.unlock(f"{user}-demo", server=check)  # the server agrees
    set_server_password(fleet, user, "a-new-secret-1")  # changed at the hospital's desk
    with pytest.raises(UnlockRefused, match="unlock.wrong_password"):
        guard.unlock(f"{user}-demo", server=check)  # the old one matches the verifier, not the server
    guard.unlock("a-new-secret-1", server=check)
    fleet.server.stop()  # offline now: the verifier learned the new password
    try:
        assert check("a-new-secret-1") is None
        guard.unlock("a-new-secret-1", server=check)
        with pytest.raises(UnlockRefused):
            guard.unlock(f"{user}-demo", server=check)
    finally:
        fleet.server.start()


def test_a_desktop_without_a_server_has_no_server_check(tmp_path):
    profile = Profile.open(tmp_path / "local")
    try:
        assert service.password_check(profile) is None
    finally:
        profile.close()


def test_the_lock_screen_checks_with_the_server_and_says_so(signed_in, fleet, qtbot, monkeypatch):
    from ui import problem_words
    from ui.lock.screen import LockScreen
    from ui.tasks import wait_for_lanes

    monkeypatch.setattr(problem_words, "_language", "en")  # the window has no translator here: English

    profile, user = signed_in
    screen = LockScreen(UnlockGuard(profile), user, server_check=lambda: service.password_check(profile))
    qtbot.addWidget(screen)
    screen.reset()
    screen.password.setText("wrong-password")
    screen.try_unlock()
    assert not screen.password.isEnabled() and "server" in screen.error.text()  # it says what it does
    qtbot.waitUntil(lambda: screen.password.isEnabled(), timeout=10_000)
    assert "Wrong password" in screen.error.text()
    with qtbot.waitSignal(screen.unlocked, timeout=10_000):
        screen.password.setText(f"{user}-demo")
        screen.try_unlock()
    wait_for_lanes(10_000)
