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

import itertools
import logging
import secrets

from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.referrals.codes import ALPHABET
from app.referrals.codes import DEVICE_CODE_LENGTH
from db.models import Device

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
