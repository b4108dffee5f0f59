"""The server's security event log (等保 L3 audit of every user; 网络安全法 Art. 21: ≥ 6 months).

`record()` adds an event to the caller's session, so it commits with what it describes. A
refusal that rolls its transaction back records the event after the rollback and commits it
alone. The database keeps the table append-only and refuses to delete an event younger than
RETENTION_DAYS (migration 0007), so not even a bug here can rewrite or prune it early.

Kinds: login_ok, login_failed, slowed, token_reuse, device_refused, write_refused,
scope_refused, audit_refused, clock_skew, token_invalid; password_changed, password_refused,
server_initialised, user_added, user_updated, user_disabled, user_enabled, password_reset,
users_imported.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from db.models import SecurityEvent
from db.models import User

RETENTION_DAYS = 180
KINDS = frozenset({"login_ok", "login_failed", "slowed", "token_reuse", "device_refused", "write_refused",
                   "scope_refused", "audit_refused", "clock_skew", "token_invalid",
                   # accounts (server/accounts.py, server/auth.py): each administrative action, and a
                   # person's own password change
                   "password_changed", "password_refused", "server_initialised", "user_added", "user_updated",
                   "user_disabled", "user_enabled", "password_reset", "users_imported"})
KINDS |= {"org_imported", "device_revoked"}  # organisation tree and devices (server/org_import.py, server/devices.py)
KINDS |= {"device_erased"}  # a withdrawn desktop erased its profile (server/erased.py)
KINDS |= {"server_backed_up", "server_restored"}  # `server backup` / `server restore` (server/backup.py)
KINDS |= {"file_published", "file_withdrawn"}  # files for every desktop (server/files.py)
KINDS |= {"admin_refused"}  # someone not an administrator asked for /admin/ (server/admin_api.py)


def record(session: Session, kind: str, *, code: str | None = None, user_id: str | None = None,
           username: str | None = None, device_id: str | None = None, client_addr: str | None = None,
           detail: dict[str, Any] | str | None = None) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown security event kind {kind!r}")
    if isinstance(detail, str):
        detail = {"text": detail}
    session.add(SecurityEvent(at=clock.now(), kind=kind, code=code, user_id=user_id,
                              username=(username or None) and username[:64], device_id=device_id and device_id[:64],
                              client_addr=client_addr and client_addr[:64], detail=detail))


def record_alone(sessions, kind: str, **fields) -> None:
    """Record and commit in a session of its own (after the request's work was rolled back)."""
    with sessions() as session:
        record(session, kind, **fields)
        session.commit()


@dataclass(frozen=True)
class Event:
    at: dt.datetime
    kind: str
    code: str | None
    user: str | None  # the account's username, else the name as typed
    device_id: str | None
    client_addr: str | None
    detail: dict | None


def events(session: Session, since: dt.datetime | None = None, username: str | None = None,
           limit: int | None = None, until: dt.datetime | None = None) -> list[Event]:
    """Events oldest first (newest last, as a log reads), optionally since a time or of one person
    (their account's events, failed sign-ins typed with their name, and what they did as an
    administrator: the events whose detail names them as "by")."""
    query = (select(SecurityEvent, User.username).outerjoin(User, User.id == SecurityEvent.user_id)
             .order_by(SecurityEvent.at, SecurityEvent.id))
    if since is not None:
        query = query.where(SecurityEvent.at >= since)
    if until is not None:
        query = query.where(SecurityEvent.at < until)
    if username:  # what happened to the account, and what its holder did as an administrator ("by")
        query = query.where(or_(User.username == username, SecurityEvent.username == username,
                                SecurityEvent.detail["by"].as_string() == username))
    if limit is not None:  # the newest `limit`, read newest first from the index, then in log order
        query = query.order_by(None).order_by(SecurityEvent.at.desc(), SecurityEvent.id.desc()).limit(limit)
        rows = session.execute(query).all()[::-1]
    else:
        rows = session.execute(query).all()
    return [Event(e.at, e.kind, e.code, name or e.username, e.device_id, e.client_addr, e.detail) for e, name in rows]
