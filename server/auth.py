"""Login, short-lived access tokens and rotating refresh tokens bound to a desktop.

Tokens are random and stored hashed; every worker reads them from the database, so
several workers (or hosts) need no shared memory.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError
from argon2.exceptions import VerificationError
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from app import clock
from db.ids import uuid7
from db.models import AuthToken
from db.models import Credential
from db.models import Device
from db.models import User

ACCESS_TTL = dt.timedelta(minutes=15)
REFRESH_TTL = dt.timedelta(days=30)
MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
RETRY_GRACE = dt.timedelta(minutes=2)  # a lost refresh answer may be asked for again
# argon2id at OWASP's recommended minimum (19 MiB, 2 passes): a login stays well under
# a second on a clinic server while guessing stays expensive.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


class AuthError(Exception):
    """An HTTP answer with a status and a reason in words (not only for auth)."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _issue(session: Session, user_id: str, device_id: str, family_id: str) -> dict:
    now = clock.now()
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    session.add_all([
        AuthToken(token_hash=_digest(access), kind="access", user_id=user_id, device_id=device_id,
                  family_id=family_id, created_at=now, expires_at=now + ACCESS_TTL),
        AuthToken(token_hash=_digest(refresh), kind="refresh", user_id=user_id, device_id=device_id,
                  family_id=family_id, created_at=now, expires_at=now + REFRESH_TTL),
    ])
    return {"access_token": access, "refresh_token": refresh, "expires_in": int(ACCESS_TTL.total_seconds())}


def login(session: Session, username: str, password: str, device_id: str) -> dict:
    now = clock.now()
    user = session.scalars(select(User).where(User.username == username, User.active.is_(True))).first()
    cred = session.get(Credential, user.id) if user else None
    if cred is None:
        raise AuthError(401, "wrong username or password")  # same words: usernames are not probed
    if cred.locked_until and cred.locked_until > now:
        minutes = int((cred.locked_until - now).total_seconds() // 60) + 1
        raise AuthError(423, f"too many failed logins; try again in {minutes} minutes or ask an administrator")
    try:
        _hasher.verify(cred.password_hash, password)
    except (VerificationError, InvalidHashError):
        cred.failed_count += 1
        if cred.failed_count >= MAX_FAILURES:
            cred.locked_until, cred.failed_count = now + LOCKOUT, 0
        session.commit()
        raise AuthError(401, "wrong username or password") from None
    cred.failed_count, cred.locked_until = 0, None
    device = session.get(Device, device_id)
    if device is None:
        session.add(Device(id=device_id, user_id=user.id, registered_at=now, last_seen_at=now))
    else:
        device.last_seen_at = now
    tokens = _issue(session, user.id, device_id, uuid7())
    session.commit()
    return {**tokens, "user": _user_json(user)}


def refresh(session: Session, token: str, device_id: str) -> dict:
    now = clock.now()
    row = session.get(AuthToken, _digest(token))
    if row is None or row.kind != "refresh" or row.revoked_at is not None:
        raise AuthError(401, "sign in again: this session is no longer valid")
    if row.device_id != device_id:
        raise AuthError(401, "this sign-in belongs to another desktop; sign in again")
    if row.expires_at <= now:
        raise AuthError(401, "the sign-in has expired; sign in again")
    if row.used_at is not None and not _retried(session, row, now):
        # A refresh token is good once. Seeing it again means a copy exists: end the family.
        session.execute(update(AuthToken).where(AuthToken.family_id == row.family_id)
                        .values(revoked_at=now))
        session.commit()
        raise AuthError(401, "this sign-in was used twice and has been ended for safety; sign in again")
    row.used_at = row.used_at or now
    user = session.get(User, row.user_id)
    tokens = _issue(session, row.user_id, device_id, row.family_id)
    session.commit()
    return {**tokens, "user": _user_json(user)}


def _retried(session: Session, row: AuthToken, now) -> bool:
    """The same desktop asking again within moments, before it ever used what the first
    answer gave it: that answer was lost on the way (a dropped response, a duplicated or
    late request). Anything else is a second holder of the token."""
    if now - row.used_at > RETRY_GRACE:
        return False
    later_used = session.scalar(select(AuthToken.token_hash).where(
        AuthToken.family_id == row.family_id, AuthToken.kind == "refresh",
        AuthToken.created_at >= row.used_at, AuthToken.used_at.is_not(None)).limit(1))
    return later_used is None


def authenticate(session: Session, bearer: str | None) -> tuple[User, str]:
    if not bearer:
        raise AuthError(401, "sign in first")
    found = session.execute(  # token and user in one query: every request starts here
        select(AuthToken.kind, AuthToken.revoked_at, AuthToken.expires_at, AuthToken.device_id, User)
        .join(User, User.id == AuthToken.user_id).where(AuthToken.token_hash == _digest(bearer))).first()
    if found is None or found.kind != "access" or found.revoked_at is not None:
        raise AuthError(401, "sign in again: the access token is not valid")
    if found.expires_at <= clock.now():
        raise AuthError(401, "the access token has expired; refresh it")
    if not found.User.active:
        raise AuthError(403, "this account is disabled")
    return found.User, found.device_id


def _user_json(user: User) -> dict:
    return {"id": user.id, "username": user.username, "display_name": user.display_name,
            "role": user.role, "org_unit_id": user.org_unit_id}
