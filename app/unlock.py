"""Unlocking a desktop offline: a cached argon2 verifier of the user's password.

After a successful server login the desktop keeps a verifier (never the password) so
the person can unlock after an idle lock without the network. Five wrong passwords
lock the profile for a while; the counter lives in the profile, so restarting the
program does not reset it.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError
from argon2.exceptions import VerificationError

from app import clock
from app.errors import CaseDeskError
from app.problems import Problem

if TYPE_CHECKING:
    from app.profile import Profile

MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


class UnlockRefused(CaseDeskError):
    """`code` (unlock.*) with its parameters; ui/problem_words words it."""

    def __init__(self, code: str, locked_until: dt.datetime | None = None, **params):
        super().__init__(problems=[Problem(code, "password", params)])
        self.locked_until = locked_until


class UnlockGuard:
    def __init__(self, profile: Profile):
        self.profile = profile

    def has_password(self) -> bool:
        return bool(self.profile.get_local("unlock.verifier"))

    def set_password(self, password: str) -> None:
        """Called after the server accepted this password."""
        self.profile.set_local("unlock.verifier", _hasher.hash(password))
        self._reset()

    def locked_until(self) -> dt.datetime | None:
        raw = self.profile.get_local("unlock.locked_until")
        until = dt.datetime.fromisoformat(raw) if raw else None
        return until if until and until > clock.now() else None

    def unlock(self, password: str, server: Callable[[str], bool | None] | None = None) -> None:
        """Return quietly when `password` is right; otherwise raise UnlockRefused (a code).

        `server(password)` asks the server when one is set up: True (it accepted the
        password: the verifier follows it, so a password changed on the server works here
        at once and the old one no longer does), False (it refused), or None (it could
        not be reached: the cached verifier decides, so the desktop unlocks offline). What
        `server` raises goes to the caller: a withdrawn desktop's SyncError (device revoked)
        is the lock screen's cue to erase the profile (ui/lock/guard.py)."""
        until = self.locked_until()
        if until is not None:
            minutes = math.ceil((until - clock.now()).total_seconds() / 60)
            raise UnlockRefused("unlock.wait", until, minutes=minutes)
        verifier = self.profile.get_local("unlock.verifier")
        if not verifier:
            return  # a local demo profile has no password; the lock still hides its data
        answer = server(password) if server is not None else None
        if answer is True:
            self.set_password(password)
            return
        if answer is None:
            try:
                _hasher.verify(verifier, password)
                answer = True
            except (VerificationError, InvalidHashError):
                answer = False
        if not answer:
            self._refuse()
        self._reset()

    def _refuse(self) -> None:
        failures = int(self.profile.get_local("unlock.failures") or 0) + 1
        if failures >= MAX_FAILURES:
            until = clock.now() + LOCKOUT
            self.profile.set_local("unlock.locked_until", until.isoformat())
            self.profile.set_local("unlock.failures", "0")
            raise UnlockRefused("unlock.locked", until, minutes=int(LOCKOUT.total_seconds() // 60))
        self.profile.set_local("unlock.failures", str(failures))
        left = MAX_FAILURES - failures
        raise UnlockRefused("unlock.wrong_password", left=left)

    def _reset(self) -> None:
        self.profile.set_local("unlock.failures", "0")
        self.profile.set_local("unlock.locked_until", "")
