"""Server-only tables: credentials, devices, tokens, the change log and sync bookkeeping.

They exist in every database the migrations build (one history for desktop and server),
but only the server writes them; nothing here syncs to a desktop.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from db.models.base import Base
from db.types import JSONDoc
from db.types import UTCDateTime
from db.types import UUIDStr


class Credential(Base):
    __tablename__ = "credentials"

    user_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("users.id"), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # 等保 L3 password policy: a one-time or reset password must be changed at first use,
    # passwords expire, and the last few cannot be used again (their argon2 hashes).
    must_change: Mapped[bool] = mapped_column(default=False)
    changed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    history: Mapped[list | None] = mapped_column(JSONDoc)


class Device(Base):
    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("users.id"), index=True)
    registered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # Unique across the network, handed out at registration: the prefix of every referral
    # short code this desktop makes offline, so two desktops never draw the same code.
    code: Mapped[str | None] = mapped_column(String(8), unique=True)
    # The desktop's clock minus the server's at its last request, in seconds (flagged > 300).
    clock_skew_s: Mapped[int | None] = mapped_column(Integer)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # What the administrator's list shows of each desktop.
    name: Mapped[str | None] = mapped_column(String(64))
    app_version: Mapped[str | None] = mapped_column(String(32))
    last_addr: Mapped[str | None] = mapped_column(String(64))


class AuthToken(Base):
    """Opaque tokens, stored hashed. Refresh tokens rotate within a family; presenting a
    used one revokes the whole family (it was stolen, or replayed)."""

    __tablename__ = "auth_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # access / refresh
    user_id: Mapped[str] = mapped_column(UUIDStr, ForeignKey("users.id"), index=True)
    device_id: Mapped[str] = mapped_column(String(64))
    family_id: Mapped[str] = mapped_column(UUIDStr, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class AppliedMutation(Base):
    """A pushed mutation's outcome, written in the same transaction as its effect, so a
    replayed push (lost response, duplicate request) gets the same answer and no second effect."""

    __tablename__ = "applied_mutations"

    mutation_id: Mapped[str] = mapped_column(UUIDStr, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[str] = mapped_column(UUIDStr)
    result: Mapped[dict] = mapped_column(JSONDoc)
    applied_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ChangeLog(Base):
    """One entry per applied change, in commit order (server_seq). Pull pages walk it;
    merges ask it which fields changed since a base version."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_row", "table_name", "row_id", "version"),)

    server_seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(UUIDStr)
    version: Mapped[int] = mapped_column(Integer)
    fields: Mapped[list] = mapped_column(JSONDoc)
    user_id: Mapped[str | None] = mapped_column(UUIDStr)
    device_id: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class SeqCounter(Base):
    """The single row handing out server_seq. Taking it with UPDATE holds its row lock to
    commit, so sequence numbers become visible in commit order: a puller never sees 11
    before 10 has committed (the safe watermark is simply the committed counter)."""

    __tablename__ = "seq_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncConflict(Base):
    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True)
    mutation_id: Mapped[str] = mapped_column(UUIDStr, index=True)
    table_name: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(UUIDStr, index=True)
    fields: Mapped[dict] = mapped_column(JSONDoc)  # field -> {"server": v, "client": v}
    base_version: Mapped[int] = mapped_column(Integer)
    server_version: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[str] = mapped_column(UUIDStr)
    device_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class SecurityEvent(Base):
    """The server's security event log (等保 L3 audit; 网络安全法 Art. 21: kept ≥ 180 days):
    sign-ins, failures, slow-downs, token reuse, device refusals, refused writes, scope
    refusals. Append-only: the database refuses UPDATE and TRUNCATE, and DELETE of an
    event younger than the retention period (migration 0007)."""

    __tablename__ = "security_events"
    __table_args__ = (Index("ix_security_events_at", "at"), Index("ix_security_events_user_at", "user_id", "at"))

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(32))  # login_ok, login_failed, slowed, token_reuse ...
    code: Mapped[str | None] = mapped_column(String(64))  # the refusal's code, if any
    user_id: Mapped[str | None] = mapped_column(UUIDStr)
    username: Mapped[str | None] = mapped_column(String(64))  # as typed, for failed sign-ins
    device_id: Mapped[str | None] = mapped_column(String(64))
    client_addr: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict | None] = mapped_column(JSONDoc)


class LoginThrottle(Base):
    """Failed sign-ins per account name and per client address: each failure doubles the
    wait before the next try is even checked (capped), instead of a hard lock that anyone
    could trigger against a predictable username. Updated with one atomic UPSERT."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)  # "user:<name>" / "addr:<ip>"
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    blocked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class DuplicateReview(Base):
    """Two registrations that may be one person, at least one outside the scope of whoever
    pushed: nothing about the other is told to the desktop; an administrator reviews it."""

    __tablename__ = "duplicate_reviews"

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True)
    patient_id: Mapped[str] = mapped_column(UUIDStr, index=True)
    other_patient_id: Mapped[str] = mapped_column(UUIDStr)
    user_id: Mapped[str] = mapped_column(UUIDStr)
    device_id: Mapped[str] = mapped_column(String(64))
    detected_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class ServerMeta(Base):
    """The server's own facts, one row each. "history": a random id the server's history
    carries; `server restore` gives the restored database a new one, so a desktop that synced
    with the rewound history sees it change and sends again what the server no longer has."""

    __tablename__ = "server_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict | None] = mapped_column(JSONDoc)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class PublishedFile(Base):
    """A rule, risk, holiday or letter-template file an administrator published once for
    every desktop. Checked by the same loader the desktop uses before it is stored; the
    current file of a (kind, name) is the latest one not withdrawn. Never synced as rows:
    desktops fetch the files themselves (GET /files, GET /files/{id})."""

    __tablename__ = "published_files"
    __table_args__ = (Index("ix_published_files_kind_name", "kind", "name", "published_at"),)

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # rules / risk / holidays / letters
    name: Mapped[str] = mapped_column(String(120))  # the file name on the desktop: pathway.toml, 2027.toml ...
    version: Mapped[str] = mapped_column(String(40))  # the file's own version (or its hash's head)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)
    published_by: Mapped[str] = mapped_column(UUIDStr, ForeignKey("users.id"))
    published_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    withdrawn_by: Mapped[str | None] = mapped_column(UUIDStr)
