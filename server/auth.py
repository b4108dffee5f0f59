"""Login, short-lived access tokens and rotating refresh tokens bound to a desktop.

Tokens are random and stored hashed; every worker reads them from the database, so
several workers (or hosts) need no shared memory. A desktop (device id) belongs to the
person who first signed in with it: nobody else gets a token for it, so only its owner's
tokens write its audit chain. Failed sign-ins slow down (server/throttle.py) rather than
lock, and an unknown name costs and reads the same as a wrong password. Every sign-in,
failure and refusal is recorded in the security event log (server/security_log.py).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError
from argon2.exceptions import VerificationError
from sqlalchemy import CursorResult
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import clock
from db.ids import uuid7
from db.models import AuthToken
from db.models import Credential
from db.models import Device
from db.models import User
from server import demo_mark
from server import passwords
from server import security_log
from server import throttle
from server.refusal import Refusal

ACCESS_TTL = dt.timedelta(minutes=15)
REFRESH_TTL = dt.timedelta(days=30)
RETRY_GRACE = dt.timedelta(minutes=2)  # a lost refresh answer may be asked for again
# argon2id at OWASP's recommended minimum (19 MiB, 2 passes): a login stays well under
# a second on a clinic server while guessing stays expensive.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Checked when the username is unknown (or the account inactive without a credential), so
# every failed sign-in costs the same argon2 work: the answer's time tells nothing.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

AuthError = Refusal  # the old name: every refusal of the server, not only of sign-in


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


def wrong_credentials() -> Refusal:
    return Refusal(401, "auth.wrong_credentials", "wrong username or password")


def slow_down(seconds: int) -> Refusal:
    return Refusal(429, "auth.slow_down", f"too many failed sign-ins; try again in {seconds} s",
                   {"retry_after_s": seconds}, {"Retry-After": str(seconds)})


def login(session: Session, username: str, password: str, device_id: str, client_addr: str | None = None,
          about: dict | None = None) -> dict:
    """Unknown user, inactive account and wrong password do the same work and get the same
    answer; a slowed-down name or address gets "slow down" whether or not the name exists.
    Only the correct password learns that it must be changed first (auth.password_change_required)."""
    now = clock.now()
    user, credential = _check_password(session, username, password, device_id, client_addr, now)
    reason = passwords.change_needed(credential, now)
    if reason is not None:
        # The password was right, so this is no guess: no slow-down, but the log shows it.
        throttle.succeed(session, username)
        security_log.record(session, "login_failed", code="auth.password_change_required", user_id=user.id,
                            username=username, device_id=device_id, client_addr=client_addr,
                            detail={"reason": reason})
        session.commit()
        raise password_change_required(reason)
    return _signed_in(session, user, credential, password, device_id, client_addr, now, about)


def password_change_required(reason: str) -> Refusal:
    return Refusal(403, "auth.password_change_required",
                   "this password must be changed before signing in (POST /auth/password)", {"reason": reason})


def change_password(session: Session, username: str, old_password: str, new_password: str, device_id: str,
                    client_addr: str | None = None) -> dict:
    """The old password is checked as a sign-in is (slowed down, logged, the same work for an
    unknown name); the new one must meet the policy (server/passwords.py). Answers as a login."""
    now = clock.now()
    user, credential = _check_password(session, username, old_password, device_id, client_addr, now)
    found = passwords.problems(new_password, user.username, passwords.history_of(credential))
    if found:
        first = found[0]
        session.rollback()
        security_log.record(session, "password_refused", code=first.code, user_id=user.id, username=username,
                            device_id=device_id, client_addr=client_addr, detail={"rules": [p.code for p in found]})
        session.commit()
        raise Refusal(422, first.code, f"the new password is refused: {first.code}",
                      {**first.params, "problems": [p.code for p in found]})
    passwords.store(credential, new_password, now, must_change=False)
    security_log.record(session, "password_changed", user_id=user.id, username=username, device_id=device_id,
                        client_addr=client_addr)
    return _signed_in(session, user, credential, new_password, device_id, client_addr, now)


def _check_password(session: Session, username: str, password: str, device_id: str, client_addr: str | None,
                    now) -> tuple[User, Credential]:
    keys = throttle.keys(username, client_addr)
    wait = throttle.blocked_for(session, keys, now)
    if wait is not None:
        throttle.fail(session, keys, now, slowed=True)
        security_log.record(session, "slowed", code="auth.slow_down", username=username, device_id=device_id,
                            client_addr=client_addr, detail={"retry_after_s": wait})
        session.commit()
        raise slow_down(wait)
    found = session.execute(select(User, Credential).join(Credential, Credential.user_id == User.id)
                            .where(User.username == username)).first()
    user, credential = (found.User, found.Credential) if found else (None, None)
    stored = credential.password_hash if credential else None
    try:
        _hasher.verify(stored or _DUMMY_HASH, password)
        verified = stored is not None
    except (VerificationError, InvalidHashError):
        verified = False
    if not verified or user is None or credential is None or not user.active:  # verified: both found
        counts = throttle.fail(session, keys, now, slowed=False)
        security_log.record(session, "login_failed", code="auth.wrong_credentials", user_id=user and user.id,
                            username=username, device_id=device_id, client_addr=client_addr,
                            detail={"failures": max(counts.values())})
        session.commit()
        raise wrong_credentials()
    return user, credential


def _signed_in(session: Session, user: User, credential: Credential, password: str, device_id: str,
               client_addr: str | None, now, about: dict | None = None) -> dict:
    throttle.succeed(session, user.username)
    if _hasher.check_needs_rehash(credential.password_hash):
        credential.password_hash = _hasher.hash(password)
    device = _bind_device(session, user.id, device_id, now, client_addr, user.username, about)
    tokens = _issue(session, user.id, device_id, uuid7())
    security_log.record(session, "login_ok", user_id=user.id, username=user.username, device_id=device_id,
                        client_addr=client_addr)
    warning = passwords.expiry_warning(credential, now)
    session.commit()
    answer = {**tokens, "user": _user_json(user), "device_code": device.code, "demo": demo_mark.is_demo(session)}
    if warning is not None:
        answer["password_expires_in_days"] = warning
    return answer


def end_tokens(session: Session, user_id: str) -> int:
    """End every token of this person at once (account disabled, password reset)."""
    ended = session.execute(update(AuthToken).where(AuthToken.user_id == user_id, AuthToken.revoked_at.is_(None))
                            .values(revoked_at=clock.now()))
    return cast(CursorResult, ended).rowcount  # an UPDATE's result is a CursorResult


def _bind_device(session: Session, user_id: str, device_id: str, now, client_addr, username=None,
                 about: dict | None = None) -> Device:
    """The device id belongs to the person who first signed in with it: another person's
    sign-in with it is refused (it would write that desktop's audit chain)."""
    device = session.get(Device, device_id)
    if device is None:
        try:
            with session.begin_nested():  # two first sign-ins with one id at once: one registers it
                device = Device(id=device_id, user_id=user_id, registered_at=now, last_seen_at=now)
                session.add(device)
        except IntegrityError:
            device = session.get(Device, device_id, populate_existing=True)
    assert device is not None  # the other sign-in registered it
    if device.user_id != user_id or device.revoked_at is not None:
        other = device.user_id != user_id
        code = "auth.device_other_user" if other else "auth.device_revoked"
        session.rollback()
        security_log.record(session, "device_refused", code=code, user_id=user_id, username=username,
                            device_id=device_id, client_addr=client_addr)
        session.commit()
        raise Refusal(403, code, "this desktop is registered to another person; sign in on your own profile"
                      if other else "this desktop was withdrawn by an administrator")
    device.last_seen_at = now
    device.last_addr = (client_addr or device.last_addr or "")[:64] or None  # the administrator's device list
    for column, limit in (("name", 64), ("app_version", 32)):  # as the desktop tells them (older ones do not)
        value = (about or {}).get(column)
        if value:
            setattr(device, column, value[:limit])
    if device.code is None:
        device.code = _allocate_code(session)
    return device


def _allocate_code(session: Session) -> str | None:
    try:
        # local: server/devices.py is written alongside this change; until it exists a
        # device simply has no code yet (the next sign-in allocates it)
        from server import devices
    except ImportError:
        return None
    return devices.allocate_code(session)


def refresh(session: Session, token: str, device_id: str, client_addr: str | None = None,
            about: dict | None = None) -> dict:
    now = clock.now()
    row = session.get(AuthToken, _digest(token))
    if row is not None and row.revoked_at is not None and row.device_id == device_id \
            and getattr(session.get(Device, device_id), "revoked_at", None) is not None:
        _bind_device(session, row.user_id, device_id, now, client_addr)  # refuses: a withdrawn desktop hears why
    if row is not None and row.device_id == device_id and not getattr(session.get(User, row.user_id), "active", True):
        raise Refusal(403, "auth.account_disabled", "this account is disabled")  # its tokens were ended at once
    if row is None or row.kind != "refresh" or row.revoked_at is not None:
        raise Refusal(401, "auth.refresh_invalid", "sign in again: this session is no longer valid")
    if row.device_id != device_id:
        raise Refusal(401, "auth.refresh_other_device", "this sign-in belongs to another desktop; sign in again")
    if row.expires_at <= now:
        raise Refusal(401, "auth.refresh_expired", "the sign-in has expired; sign in again")
    if row.used_at is not None and not _retried(session, row, now):
        # A refresh token is good once. Seeing it again means a copy exists: end the family.
        session.execute(update(AuthToken).where(AuthToken.family_id == row.family_id)
                        .values(revoked_at=now))
        security_log.record(session, "token_reuse", code="auth.refresh_reused", user_id=row.user_id,
                            device_id=device_id, client_addr=client_addr, detail={"family_id": row.family_id})
        session.commit()
        raise Refusal(401, "auth.refresh_reused",
                      "this sign-in was used twice and has been ended for safety; sign in again")
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        raise Refusal(403, "auth.account_disabled", "this account is disabled")
    device = _bind_device(session, row.user_id, device_id, now, client_addr, user.username, about)
    row.used_at = row.used_at or now
    tokens = _issue(session, row.user_id, device_id, row.family_id)
    session.commit()
    return {**tokens, "user": _user_json(user), "device_code": device.code, "demo": demo_mark.is_demo(session)}


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


@dataclass(frozen=True)
class Identity:
    """Who a valid access token speaks for: checked at the ASGI edge before the body is read."""
    user_id: str
    device_id: str
    # The person's row as the token check read it (detached): the endpoint takes it into its own
    # session without reading it again (one query a request, as before the edge checked tokens).
    user: User | None = None


def identify(session: Session, bearer: str | None) -> Identity:
    """The access token's person and desktop, or a refusal (one query: token, user, device)."""
    if not bearer:
        raise Refusal(401, "auth.signin_required", "sign in first")
    found = session.execute(
        select(AuthToken.kind, AuthToken.revoked_at, AuthToken.expires_at, AuthToken.device_id, AuthToken.user_id,
               User, Device.revoked_at.label("device_revoked_at"), Device.user_id.label("device_user_id"))
        .join(User, User.id == AuthToken.user_id)
        .outerjoin(Device, Device.id == AuthToken.device_id)
        .where(AuthToken.token_hash == _digest(bearer))).first()
    if found is not None and found.device_revoked_at is not None and found.device_user_id == found.user_id:
        raise Refusal(403, "auth.device_revoked", "this desktop was withdrawn by an administrator")  # tokens ended too
    if found is not None and not found.User.active:  # its tokens were ended too: say why
        raise Refusal(403, "auth.account_disabled", "this account is disabled")
    if found is None or found.kind != "access" or found.revoked_at is not None:
        raise Refusal(401, "auth.token_invalid", "sign in again: the access token is not valid")
    if found.expires_at <= clock.now():
        raise Refusal(401, "auth.token_expired", "the access token has expired; refresh it")
    if not found.User.active:
        raise Refusal(403, "auth.account_disabled", "this account is disabled")
    if found.device_revoked_at is not None:
        raise Refusal(403, "auth.device_revoked", "this desktop was withdrawn by an administrator")
    if found.device_user_id not in (None, found.user_id):  # a token issued before devices were bound
        raise Refusal(403, "auth.device_other_user", "this desktop is registered to another person")
    return Identity(found.user_id, found.device_id, found.User)


def authenticate(session: Session, bearer: str | None) -> tuple[User, str]:
    identity = identify(session, bearer)
    user = session.get(User, identity.user_id)
    assert user is not None  # identify() found the token with its user
    return user, identity.device_id


def _user_json(user: User) -> dict:
    return {"id": user.id, "username": user.username, "display_name": user.display_name,
            "role": user.role, "org_unit_id": user.org_unit_id}
