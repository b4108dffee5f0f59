"""What the sync screens and the `sync` command ask of the local outbox and the client,
without Qt: counts for the status area, the outbox entries with the server's problems,
sign-in, and the kind of a failure (SyncError carries it; ui/ words it).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlalchemy import select

from app import identity
from app import profile_erase
from app.problems import Problem
from app.secrets import KeyringUnavailable
from app.sync import demo_guard
from app.sync import local
from app.sync.client import SyncClient
from app.sync.client import confirm_erased
from app.sync.errors import ACCOUNT_DISABLED
from app.sync.errors import DEVICE_OTHER_USER
from app.sync.errors import DEVICE_REVOKED
from app.sync.errors import KEYRING
from app.sync.errors import NO_SERVER
from app.sync.errors import OFFLINE
from app.sync.errors import REFUSED
from app.sync.errors import SERVER_BUSY
from app.sync.errors import SERVER_ERROR
from app.sync.errors import SIGNED_OUT
from app.sync.errors import SLOWED_DOWN
from app.sync.errors import TIMEOUT
from app.sync.errors import UNEXPECTED
from app.sync.errors import UNREADABLE
from app.sync.errors import VERSION
from app.sync.errors import WRONG_CREDENTIALS
from app.sync.errors import SyncError
from app.unlock import UnlockGuard
from db.models import MODEL_BY_TABLE
from db.models import OutboxEntry
from db.models import Patient
from db.models import User

if TYPE_CHECKING:
    from app.profile import Profile

LAST_SUCCESS_KEY = "sync.last_success"
ERASED = "sync.device_erased"  # a withdrawn desktop's profile was erased (ui/problem_templates/sync.py)
# The kinds (app/sync/errors.py) are re-exported here for the screens and the CLI.
KINDS = (OFFLINE, TIMEOUT, UNREADABLE, SIGNED_OUT, WRONG_CREDENTIALS, SLOWED_DOWN, ACCOUNT_DISABLED,
         DEVICE_OTHER_USER, DEVICE_REVOKED, VERSION, REFUSED, SERVER_BUSY, SERVER_ERROR, KEYRING,
         NO_SERVER, UNEXPECTED)

UNLOCK_TIMEOUT = 5.0  # seconds: the person waits at the lock screen


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
    reason: str | None  # the server's English reason, for logs (people read `problems`)
    detail: dict | None  # a conflict's {"fields", "version", "server_change"}; a rejection's {"problems"}
    created_at: dt.datetime
    patient_name: str  # whose record it is ('' if it belongs to nobody)

    @property
    def fields(self) -> list[str]:
        return sorted(self.changes)

    @property
    def problems(self) -> list[Problem]:
        """Why the server refused this change, as codes (an older server sent only `reason`)."""
        if self.status != "rejected" or not self.detail:
            return []
        return [Problem.from_json(p) for p in self.detail.get("problems") or () if isinstance(p, dict)]


def counts(profile: Profile) -> Counts:
    with profile.sessions() as s:
        rows = dict(s.execute(select(OutboxEntry.status, func.count()).group_by(OutboxEntry.status)).all())
    return Counts(rows.get("pending", 0), rows.get("conflict", 0), rows.get("rejected", 0))


def last_success(profile: Profile) -> dt.datetime | None:
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


def pull_cursor(profile: Profile) -> int:
    """The last change this desktop has (a first sync resumes from here)."""
    with profile.sessions() as s:
        return local.cursor(s)


def is_first_sync(profile: Profile) -> bool:
    return profile.get_local(LAST_SUCCESS_KEY) is None


def outbox_items(profile: Profile, statuses: tuple[str, ...] | None = None) -> list[OutboxItem]:
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


def outbox_item(profile: Profile, seq: int) -> OutboxItem | None:
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


def user_name(profile: Profile, user_id: str | None) -> str:
    """A colleague's display name from the pulled users table ('' if unknown here)."""
    if not user_id:
        return ""
    with profile.sessions() as s:
        user = s.get(User, user_id)
        return (user.display_name or user.username) if user else ""


# -- the client ---------------------------------------------------------------------------

def server_url(profile: Profile) -> str:
    return profile.settings.get("sync.server_url").strip()


def signed_in(profile: Profile) -> bool:
    return bool(profile.settings.get("user.id"))


def make_client(profile: Profile, url: str | None = None, transport=None) -> SyncClient:
    url = (url or server_url(profile)).strip()
    if not url:
        raise SyncError(NO_SERVER, detail="no server address in the settings")
    return SyncClient(profile, url, transport=transport)


def sign_in(profile: Profile, client: SyncClient, username: str, password: str) -> dict:
    """Sign in and remember the server; a failure is a SyncError (or KeyringUnavailable).
    A demo profile is refused before the password leaves when the server is a real one."""
    demo_guard.check_before_sign_in(profile, client)
    user = client.login(username, password)
    profile.settings.set("sync.server_url", client.base_url)
    profile.settings.save()
    # The server accepted this password: keep its verifier (never the password) so the
    # person can unlock this desktop offline after an idle lock or at the next start.
    UnlockGuard(profile).set_password(password)
    identity.announce(profile)  # "mine" and "my station" now mean this person, on every page
    return user


def password_check(profile: Profile, transport=None) -> Callable[[str], bool | None] | None:
    """For the lock screen: the server's word on a password (app/unlock.py), when this
    desktop has a server and a sign-in; None when it has neither (the verifier decides).
    A withdrawn desktop's check raises the SyncError (device revoked): the profile must go."""
    url, username = server_url(profile), profile.settings.get("sync.username")
    if not url or not username:
        return None

    def check(password: str) -> bool | None:
        client = SyncClient(profile, url, transport=transport, timeout=UNLOCK_TIMEOUT)
        try:
            if profile.is_demo:  # its password goes only to a demo server (app/sync/demo_guard.py)
                demo_guard.check_before_sign_in(profile, client)
            client.login(username, password)  # also a fresh sign-in for the next sync
            return True
        except SyncError as exc:
            if withdrawn(exc):
                raise  # the caller erases this desktop's profile (erase_withdrawn), as a sync does
            if exc.offline:
                return None
            # Wrong password, or an account the server disabled. A slow-down, a device bound
            # to someone else or a server error says nothing about this password: the
            # verifier decides.
            return False if exc.kind in (WRONG_CREDENTIALS, ACCOUNT_DISABLED) else None
        except KeyringUnavailable:
            return None
        finally:
            client.close()

    return check


def withdrawn(exc: BaseException) -> bool:
    """The server says an administrator withdrew this desktop: its profile must be erased."""
    return isinstance(exc, SyncError) and exc.kind == DEVICE_REVOKED


def erase_withdrawn(profile: Profile, transport=None) -> Problem:
    """Erase a withdrawn desktop's profile (closing it first: the caller must not use it again)
    and tell the server; what to tell the person, as a problem code ui/ words."""
    path, device_id = profile.path, profile.device_id
    login = profile.settings.get("station.login") or None
    url = server_url(profile)
    profile.close()
    profile_erase.erase_withdrawn(path, device_id, login)
    if url:
        confirm_erased(url, device_id, transport)
    return Problem(ERASED)


def classify(exc: BaseException) -> str:
    """The kind of any failure of a sync action (a SyncError knows its own)."""
    if isinstance(exc, SyncError):
        return exc.kind
    if isinstance(exc, KeyringUnavailable):
        return KEYRING
    return UNEXPECTED


def answered(exc: BaseException) -> bool:
    """Whether the server answered (if only to refuse): it is online."""
    return isinstance(exc, SyncError) and exc.status is not None
