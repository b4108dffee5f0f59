"""Device codes: three characters, unique across the network, handed to a desktop when it is
first registered (server/auth.py) and printed in front of every referral short code it makes
offline (app/referrals/codes.py), so two desktops never make the same code.

Codes are drawn at random from the short codes' alphabet (31^3 = 29,791 of them) and kept
for good: a revoked or erased desktop's code stays taken, because slips carrying it are
still in people's hands.

Concurrent registrations: the caller puts the code on its Device row after this returns and
commits later (with the tokens), so two sign-ins could each see a code as free and both
take it; the unique constraint on devices.code would then refuse the second one's whole
sign-in. On PostgreSQL allocations are therefore serialised with a transaction-scoped
advisory lock, held until the caller's transaction ends: the next allocator's check runs
after the previous one's code is committed (or rolled back), and sees it. The unique
constraint stays as the last guard. SQLite (the embedded demo server) has one writer at a
time, and a sign-in has written (the throttle) before it allocates.
"""
from __future__ import annotations

import datetime as dt
import itertools
import logging
import secrets
from dataclasses import dataclass
from typing import cast

from sqlalchemy import CursorResult
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy import update
from sqlalchemy.orm import Session

from app import clock
from app.problems import refuse
from app.referrals.codes import ALPHABET
from app.referrals.codes import DEVICE_CODE_LENGTH
from db.models import AuthToken
from db.models import Device
from db.models import User
from server import security_log

log = logging.getLogger(__name__)

# pg_advisory_xact_lock key for "allocating a device code" ("CDDEVC" in ASCII): one number
# nothing else in CaseDesk uses.
_LOCK_KEY = 0x434444455643
_DRAWS = 64  # random tries before looking for what is left (the space is nearly full then)


def _draw() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(DEVICE_CODE_LENGTH))


def allocate_code(session: Session) -> str | None:
    """A device code no device holds, for the device the caller is registering in this
    session's transaction. None only when every code is taken (the desktop then makes
    local-only referral codes, and an administrator should hear of it: logged)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
    for _ in range(_DRAWS):
        code = _draw()
        if session.scalar(select(Device.id).where(Device.code == code)) is None:
            return code
    taken = set(session.scalars(select(Device.code).where(Device.code.is_not(None))))
    free = ["".join(c) for c in itertools.product(ALPHABET, repeat=DEVICE_CODE_LENGTH) if "".join(c) not in taken]
    if not free:
        log.error("all %d device codes are in use: new desktops make referral codes unique on the desktop only",
                  len(ALPHABET) ** DEVICE_CODE_LENGTH)
        return None
    return secrets.choice(free)


@dataclass(frozen=True)
class DeviceView:
    """One desktop as the administrator's list shows it."""

    id: str
    code: str | None
    username: str
    display_name: str
    name: str | None
    app_version: str | None
    registered_at: dt.datetime
    last_seen_at: dt.datetime | None  # its last sign-in or token refresh: a sync renews its token
    last_addr: str | None
    revoked_at: dt.datetime | None


def list_devices(session: Session) -> list[DeviceView]:
    """Every desktop ever registered, most recently seen first (withdrawn ones too: their
    codes stay taken and the list says when they were withdrawn)."""
    rows = session.execute(select(Device, User.username, User.display_name).join(User, User.id == Device.user_id)
                           .order_by(Device.last_seen_at.desc().nulls_last(), Device.id)).all()
    return [DeviceView(d.id, d.code, username, display, d.name, d.app_version, d.registered_at, d.last_seen_at,
                       d.last_addr, d.revoked_at) for d, username, display in rows]


def revoke(session: Session, device_id: str, client_addr: str | None = None,
           by: str | None = None) -> tuple[DeviceView, int]:
    """Withdraw a desktop (a lost laptop): it may not sign in again, and every token it holds
    ends now — the next request with one is refused (auth.device_revoked), and the desktop
    erases its profile then. Recorded in the security log; the caller commits. Returns the
    desktop and how many live tokens were ended."""
    device = session.get(Device, device_id, with_for_update=True)
    if device is None:
        raise refuse("devices.unknown", "device", device=device_id)
    if device.revoked_at is not None:
        raise refuse("devices.already_revoked", "device", device=device_id,
                     at=device.revoked_at.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    now = clock.now()
    device.revoked_at = now
    ended = cast(CursorResult, session.execute(  # an UPDATE's result is a CursorResult
        update(AuthToken).where(AuthToken.device_id == device_id, AuthToken.revoked_at.is_(None),
                                AuthToken.expires_at > now).values(revoked_at=now))).rowcount
    # Expired ones too, so no row of this desktop is left without an end.
    session.execute(update(AuthToken).where(AuthToken.device_id == device_id, AuthToken.revoked_at.is_(None))
                    .values(revoked_at=now))
    security_log.record(session, "device_revoked", user_id=device.user_id, device_id=device_id,
                        client_addr=client_addr, detail={"tokens_ended": ended, "code": device.code,
                                                        **({"by": by} if by else {})})
    session.flush()
    user = session.get(User, device.user_id)
    assert user is not None  # a device's user_id is a foreign key
    return DeviceView(device.id, device.code, user.username, user.display_name, device.name, device.app_version,
                      device.registered_at, device.last_seen_at, device.last_addr, device.revoked_at), ended
