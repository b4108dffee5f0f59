"""Slowing down password guessing without a lock anyone can trigger.

Failed sign-ins are counted per typed username ("user:<name>", whether or not such an
account exists, so the answers tell nothing about who exists) and per client address
("addr:<ip>", so one machine cannot walk through many names). Past a threshold each further
failure doubles the wait (1 s, 2 s, 4 s … capped at 15 minutes) during which tries are
answered "slow down" without checking the password; after the wait the right password works.
A try during the wait counts as a failure too (a hammering client only lengthens its own wait,
up to the cap). Counters start over after an hour without failures.

Each count is one atomic UPSERT … RETURNING, so concurrent failures are all counted (the row
lock of the upsert is held to commit, when the wait is set from the count it returned).
"""
from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import case
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from db.models import LoginThrottle

FREE = {"user": 5, "addr": 20}  # failures before any wait: a clinic's NAT carries many people's typos
FIRST_WAIT = dt.timedelta(seconds=1)
MAX_WAIT = dt.timedelta(minutes=15)
QUIET = dt.timedelta(hours=1)  # no failure for this long: the counter starts over


def keys(username: str, client_addr: str | None) -> list[str]:
    out = [f"user:{username.strip().casefold()[:150]}"]
    if client_addr:
        out.append(f"addr:{client_addr[:150]}")
    return out


def wait_for(key: str, failures: int) -> dt.timedelta | None:
    over = failures - FREE[key.split(":", 1)[0]]
    if over < 0:
        return None
    return min(FIRST_WAIT * 2 ** min(over, 20), MAX_WAIT)


def blocked_for(session: Session, keys_: list[str], now: dt.datetime) -> int | None:
    """Whole seconds still to wait before a try is checked, or None if it may be checked now."""
    until = session.scalar(select(func.max(LoginThrottle.blocked_until)).where(
        LoginThrottle.key.in_(keys_), LoginThrottle.blocked_until > now))
    if until is None:
        return None
    return max(1, math.ceil((until - now).total_seconds()))


def fail(session: Session, keys_: list[str], now: dt.datetime, *, slowed: bool) -> dict[str, int]:
    """Count one failure on every key; a checked failure (not `slowed`) sets the next wait.
    Returns key → failures. The caller commits."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    counts = {}
    for key in sorted(keys_):  # one order for all requests: no deadlock between two keys
        stmt = insert(LoginThrottle).values(key=key, failures=1, last_failure_at=now, blocked_until=None)
        stale = LoginThrottle.last_failure_at < now - QUIET
        upsert = stmt.on_conflict_do_update(index_elements=["key"], set_={
            # in SQL, so the increment happens under the row lock, not in Python
            "failures": case((stale, 1), else_=LoginThrottle.failures + 1),
            "last_failure_at": now,
        }).returning(LoginThrottle.failures)
        counts[key] = session.execute(upsert).scalar_one()
        wait = wait_for(key, counts[key])
        if wait is not None and not slowed:
            session.execute(update(LoginThrottle).where(LoginThrottle.key == key).values(blocked_until=now + wait))
    return counts


def succeed(session: Session, username: str) -> None:
    """The account's counter starts over; the address's does not (one known password must not
    reset the count of a machine trying many names)."""
    session.execute(update(LoginThrottle).where(LoginThrottle.key == keys(username, None)[0])
                    .values(failures=0, blocked_until=None))

