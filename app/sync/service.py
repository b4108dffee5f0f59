"""What the sync screens and the `sync` command ask of the local outbox and the client,
without Qt: counts for the status area, the outbox listed in words, sign-in with its
failure said precisely, and a failure sorted into a kind a person can act on.

The client's SyncError carries its HTTP status only inside the message text; `http_status`
reads it from there until the client exposes it as an attribute (asked for in issue #4).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy import select

from app.errors import CaseDeskError
from app.secrets import KeyringUnavailable
from app.sync import local
from app.sync.client import SyncClient
from app.sync.client import SyncError
from app.unlock import UnlockGuard
from db.models import MODEL_BY_TABLE
from db.models import OutboxEntry
from db.models import Patient
from db.models import User

LAST_SUCCESS_KEY = "sync.last_success"

# What went wrong, in kinds the UI words for people (ui/sync/words.py).
OFFLINE = "offline"  # the server could not be reached: changes are kept
TIMEOUT = "timeout"  # reached, but no answer in time
SIGNED_OUT = "signed_out"  # no sign-in on this desktop, or it expired / was ended
WRONG_PASSWORD = "wrong_password"
LOCKED = "locked"
DISABLED = "disabled"
VERSION = "version"  # this CaseDesk is too old or too new for the server
REFUSED = "refused"  # the server refused for another reason (detail says which)
KEYRING = "keyring"
NO_SERVER = "no_server"
UNEXPECTED = "unexpected"

UNLOCK_TIMEOUT = 5.0  # seconds: the person waits at the lock screen
_STATUS = re.compile(r"\(HTTP (\d{3})\)\s*$")


@dataclass(frozen=True)
class Counts:
    pending: int = 0
    conflict: int = 0
    rejected: int = 0

    @property
    def problems(self) -> int:
        return self.conflict + self.rejected


@dataclass(frozen=True)
class OutboxItem:
    seq: int
    mutation_id: str
    table: str
    row_id: str
    op: str  # insert / update / delete
    changes: dict  # field -> [old, new], wire values
    status: str  # pending / conflict / rejected
    reason: str | None
    detail: dict | None  # a conflict's {"fields", "version", "server_change"}
    created_at: dt.datetime
    patient_name: str  # whose record it is ('' if it belongs to nobody)

    @property
    def fields(self) -> list[str]:
        return sorted(self.changes)


class SyncProblem(CaseDeskError):
    """A sync or sign-in failure sorted into a `kind` (see the constants above)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def counts(profile) -> Counts:
    with profile.sessions() as s:
        rows = dict(s.execute(select(OutboxEntry.status, func.count()).group_by(OutboxEntry.status)).all())
    return Counts(rows.get("pending", 0), rows.get("conflict", 0), rows.get("rejected", 0))


def last_success(profile) -> dt.datetime | None:
    """When the last full cycle ended, in local time (None: never)."""
    text = profile.get_local(LAST_SUCCESS_KEY)
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone().replace(tzinfo=None)


def pull_cursor(profile) -> int:
    """The last change this desktop has (a first sync resumes from here)."""
    with profile.sessions() as s:
        return local.cursor(s)


def is_first_sync(profile) -> bool:
    return profile.get_local(LAST_SUCCESS_KEY) is None


def outbox_items(profile, statuses: tuple[str, ...] | None = None) -> list[OutboxItem]:
    """The outbox, oldest first, each entry named by the person its record belongs to."""
    with profile.sessions() as s:
        q = select(OutboxEntry).order_by(OutboxEntry.seq)
        if statuses:
            q = q.where(OutboxEntry.status.in_(statuses))
        entries = list(s.scalars(q))
        names = _patient_names(s, entries)
        return [OutboxItem(e.seq, e.mutation_id, e.table_name, e.row_id, e.op, dict(e.changes or {}),
                           e.status, e.server_reason, e.server_detail, e.created_at,
                           names.get((e.table_name, e.row_id), "")) for e in entries]


def outbox_item(profile, seq: int) -> OutboxItem | None:
    for item in outbox_items(profile):
        if item.seq == seq:
            return item
    return None


def _patient_names(session, entries) -> dict[tuple[str, str], str]:
    """(table, row id) → patient name, a query per table, not per entry."""
    owner: dict[tuple[str, str], str] = {}
    by_table: dict[str, set[str]] = {}
    for e in entries:
        by_table.setdefault(e.table_name, set()).add(e.row_id)
    for table, ids in by_table.items():
        model = MODEL_BY_TABLE.get(table)
        if model is None:
            continue
        if table == "patients":
            owner.update({(table, i): i for i in ids})
        elif "patient_id" in model.__table__.columns:
            for chunk in _chunks(sorted(ids)):
                rows = session.execute(select(model.id, model.patient_id).where(model.id.in_(chunk)))
                owner.update({(table, row_id): pid for row_id, pid in rows if pid})
    names: dict[str, str] = {}
    for chunk in _chunks(sorted(set(owner.values()))):
        names.update(session.execute(select(Patient.id, Patient.name).where(Patient.id.in_(chunk))).all())
    return {key: names.get(pid, "") for key, pid in owner.items()}


def _chunks(items: list[str], size: int = 500):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def user_name(profile, user_id: str | None) -> str:
    """A colleague's display name from the pulled users table ('' if unknown here)."""
    if not user_id:
        return ""
    with profile.sessions() as s:
        user = s.get(User, user_id)
        return (user.display_name or user.username) if user else ""


# -- the client ---------------------------------------------------------------------------

def server_url(profile) -> str:
    return profile.settings.get("sync.server_url").strip()


def signed_in(profile) -> bool:
    return bool(profile.settings.get("user.id"))


def make_client(profile, url: str | None = None, transport=None) -> SyncClient:
    url = (url or server_url(profile)).strip()
    if not url:
        raise SyncProblem(NO_SERVER, "没有配置服务器 / No server is set up: enter its address in "
                                     "Settings → Sync (or give --server URL).")
    return SyncClient(profile, url, transport=transport)


def sign_in(profile, client: SyncClient, username: str, password: str) -> dict:
    """Sign in and remember the server; a failure comes back as a SyncProblem of a kind."""
    try:
        user = client.login(username, password)
    except (SyncError, KeyringUnavailable) as exc:
        raise SyncProblem(classify(exc, signing_in=True), str(exc)) from exc
    profile.settings.set("sync.server_url", client.base_url)
    profile.settings.save()
    # The server accepted this password: keep its verifier (never the password) so the
    # person can unlock this desktop offline after an idle lock or at the next start.
    UnlockGuard(profile).set_password(password)
    return user


def password_check(profile, transport=None) -> Callable[[str], bool | None] | None:
    """For the lock screen: the server's word on a password (app/unlock.py), when this
    desktop has a server and a sign-in; None when it has neither (the verifier decides)."""
    url, username = server_url(profile), profile.settings.get("sync.username")
    if not url or not username:
        return None

    def check(password: str) -> bool | None:
        client = SyncClient(profile, url, transport=transport, timeout=UNLOCK_TIMEOUT)
        try:
            client.login(username, password)  # also a fresh sign-in for the next sync
            return True
        except SyncError as exc:
            if exc.offline:
                return None
            # Wrong password, or an account the server disabled. A lockout on the server
            # (423) or a server error says nothing about this password: the verifier decides.
            return False if http_status(exc) in (401, 403) else None
        except KeyringUnavailable:
            return None
        finally:
            client.close()

    return check


def http_status(exc: BaseException) -> int | None:
    status = getattr(exc, "status", None)
    if isinstance(status, int):
        return status
    match = _STATUS.search(str(exc))
    return int(match.group(1)) if match else None


def classify(exc: BaseException, signing_in: bool = False) -> str:
    """The kind of a failure, so the UI can say what happened and what to do."""
    if isinstance(exc, SyncProblem):
        return exc.kind
    if isinstance(exc, KeyringUnavailable):
        return KEYRING
    if not isinstance(exc, SyncError):
        return UNEXPECTED
    if exc.offline:
        return TIMEOUT if "超时" in str(exc) or "in time" in str(exc) else OFFLINE
    status = http_status(exc)
    if status == 401:
        return WRONG_PASSWORD if signing_in else SIGNED_OUT
    if status == 423:
        return LOCKED
    if status == 403:
        return DISABLED
    if status == 409 and "too old" in str(exc):
        return VERSION
    if status is None and "Sign in" in str(exc):
        return SIGNED_OUT
    return REFUSED


def server_words(exc: BaseException) -> str:
    """The server's own reason, without the client's bilingual prefix and HTTP code."""
    text = str(exc)
    if ": " in text and "The server refused" in text:
        text = text.split("The server refused: ", 1)[-1]
    return _STATUS.sub("", text).strip()
