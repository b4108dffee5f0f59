"""The password policy (等保 L3), in one place: what a new password must be, when one expires,
and the one-time passwords an administrator hands out.

Rules, each refused with its own code (ui/problem_templates/password.py words them):
at least MIN_LENGTH characters from CLASSES_NEEDED of the four classes (lower, upper, digit,
other), not containing the username (any case), not one of the last HISTORY passwords
(Credential.history keeps their argon2 hashes, checked by argon2 verify). A password older
than max_age_days() must be changed at the next sign-in; WARN_DAYS before that the login
answer says how many days are left. One-time and reset passwords set Credential.must_change.
"""
from __future__ import annotations

import datetime as dt
import os
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError
from argon2.exceptions import VerificationError

from app.problems import Problem
from app.problems import ProblemError
from db.models import Credential

MIN_LENGTH = 8
CLASSES_NEEDED = 3
HISTORY = 5  # the current password and the four before it
DEFAULT_MAX_AGE_DAYS = 180
WARN_DAYS = 14
MAX_AGE_ENV = "CASEDESK_PASSWORD_MAX_AGE_DAYS"  # 0 turns expiry off (a county's own choice)
ONE_TIME_LENGTH = 12
# No 0/O, 1/l/I: a one-time password is read off a printed sheet and typed by hand.
_ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)  # as server/auth.py


def max_age_days() -> int:
    raw = os.environ.get(MAX_AGE_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_AGE_DAYS
    try:
        return max(0, int(raw))
    except ValueError:
        return DEFAULT_MAX_AGE_DAYS


def _classes(password: str) -> int:
    return sum((any(c.islower() for c in password), any(c.isupper() for c in password),
                any(c.isdigit() for c in password), any(not c.isalnum() for c in password)))


def problems(password: str, username: str, history: list[str] | None = None) -> list[Problem]:
    """Every rule the password fails, in the order the rules read (empty: it is good)."""
    found = []
    if len(password) < MIN_LENGTH:
        found.append(Problem("password.too_short", "password", {"min": MIN_LENGTH, "length": len(password)}))
    if _classes(password) < CLASSES_NEEDED:
        found.append(Problem("password.classes", "password", {"needed": CLASSES_NEEDED, "found": _classes(password)}))
    if username and username.casefold() in password.casefold():
        found.append(Problem("password.contains_username", "password", {"username": username}))
    if not found and any(_matches(h, password) for h in (history or [])[:HISTORY]):
        found.append(Problem("password.reused", "password", {"count": HISTORY}))
    return found


def check(password: str, username: str, history: list[str] | None = None) -> None:
    found = problems(password, username, history)
    if found:
        raise ProblemError(found)


def _matches(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def one_time() -> str:
    """A random password that meets the policy (any username: no letters run of a name)."""
    while True:
        candidate = "".join(secrets.choice(_ONE_TIME_ALPHABET) for _ in range(ONE_TIME_LENGTH - 2))
        candidate += secrets.choice("23456789") + secrets.choice("-+=#%")
        if _classes(candidate) >= CLASSES_NEEDED:
            return candidate


def store(credential: Credential, password: str, now: dt.datetime, *, must_change: bool) -> None:
    """The new password's hash on the credential, the old ones kept for the reuse rule."""
    history = [h for h in (credential.history or []) if isinstance(h, str)]
    if credential.password_hash:
        history = [credential.password_hash, *history]
    new_hash = _hasher.hash(password)
    credential.password_hash = new_hash
    credential.history = history[:HISTORY - 1]  # with the current one, the last HISTORY
    credential.changed_at = now
    credential.must_change = must_change
    credential.failed_count = 0


def history_of(credential: Credential) -> list[str]:
    """The hashes a new password is checked against: the current one and those kept before it."""
    return [h for h in [credential.password_hash, *(credential.history or [])] if isinstance(h, str)]


def expires_in_days(credential: Credential, now: dt.datetime) -> int | None:
    """Days until the password expires (≤ 0: expired), or None when it never does (expiry off,
    or a credential from before the policy without a change date)."""
    days = max_age_days()
    if not days or credential.changed_at is None:
        return None
    return (credential.changed_at + dt.timedelta(days=days) - now).days  # an hour past is -1


def change_needed(credential: Credential, now: dt.datetime) -> str | None:
    """Why this password must be changed before the person may sign in, or None."""
    if credential.must_change:
        return "one_time"
    left = expires_in_days(credential, now)
    if left is not None and left < 0:
        return "expired"
    return None


def expiry_warning(credential: Credential, now: dt.datetime) -> int | None:
    left = expires_in_days(credential, now)
    return left if left is not None and 0 <= left <= WARN_DAYS else None


__all__ = ["MIN_LENGTH", "CLASSES_NEEDED", "HISTORY", "WARN_DAYS", "problems", "check", "one_time", "store",
           "history_of", "expires_in_days", "change_needed", "expiry_warning", "max_age_days"]
