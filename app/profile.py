"""A profile: one directory holding one desktop's database and settings.

Opening one never changes a file it cannot use: an unwritable directory, a damaged
database or a schema from a newer build is refused with a ProfileError and left as is.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import platformdirs
from sqlalchemy import select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import sessionmaker

from app import profile_key
from app.edge import explain
from app.errors import ProfileError
from app.events import EventBus
from app.profile_lock import ProfileLock
from app.settings import Settings
from app.store import Store
from db import migrate
from db.engine import session_factory
from db.engine import sqlite_engine
from db.ids import uuid7
from db.models import LocalState

DB_NAME = "casedesk.db"
SQLITE_MAGIC = b"SQLite format 3\x00"


def base_profile_dir() -> Path:
    """Where the first start makes its (demo) profile."""
    return Path(platformdirs.user_data_dir("CaseDesk", appauthor=False)) / "profile"


def profile_pointer() -> Path:
    """A one-line file naming the profile to open when none is given: written when a person
    moves from the demo profile to one made for a real network (app/sync/demo_guard.py)."""
    return base_profile_dir().parent / "current-profile.txt"


def default_profile_dir() -> Path:
    """The profile the window and commands open without --profile: the one the pointer names
    (if it is still there), else the first start's."""
    try:
        named = Path(profile_pointer().read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return base_profile_dir()
    return named if named.is_absolute() and named.is_dir() else base_profile_dir()


def _ensure_writable(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        raise ProfileError.coded("profile.not_writable", path=str(path), reason=exc.strerror or str(exc)) from exc


def _check_database_file(db_path: Path) -> None:
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    with db_path.open("rb") as fh:
        header = fh.read(16)
    if header != SQLITE_MAGIC:
        raise ProfileError.coded("profile.database_damaged", path=str(db_path))


def _profile_key(path: Path, db_path: Path) -> tuple[bytes, int]:
    """The profile's database key and page size; a new profile gets a key, an old
    plaintext one is encrypted (keeping its 4 KiB pages)."""
    manifest = profile_key.read_manifest(path)
    if manifest is not None:
        return profile_key.load_key(path, manifest), profile_key.page_size(manifest)
    has_data = db_path.exists() and db_path.stat().st_size > 0
    if has_data:
        _check_database_file(db_path)  # plaintext from an older CaseDesk, or damaged
        key = profile_key.new_key(path, profile_key.LEGACY_PAGE_SIZE)
        profile_key.encrypt_plain_database(db_path, key)
        return key, profile_key.LEGACY_PAGE_SIZE
    return profile_key.new_key(path), profile_key.PAGE_SIZE


def _copy_before_migrating(db_path: Path) -> None:
    """The database as it was, kept beside it; a copy a full disk cut short is not kept."""
    copy = db_path.with_name(f"{DB_NAME}.before-{migrate.head()}")
    try:
        shutil.copy2(db_path, copy)
    except OSError as exc:
        copy.unlink(missing_ok=True)
        known = explain(exc, writing=str(copy))
        if known is None:
            raise
        raise ProfileError(problems=known.problems) from exc


def _cannot_open(db_path: Path, exc: BaseException) -> ProfileError:
    """A full disk or a failing one as itself; anything else the database refuses (a damaged
    file, a key that does not match) as the profile that cannot be opened."""
    known = explain(exc)
    if known is not None and known.problem.code != "edge.database_damaged":
        return ProfileError(problems=known.problems)
    return ProfileError.coded("profile.cannot_open", path=str(db_path),
                              reason=str(exc.orig if hasattr(exc, "orig") else exc))


class Profile:
    def __init__(self, path: Path, engine, sessions: sessionmaker, lock: ProfileLock | None = None):
        self.path = path
        self.lock = lock
        self._closed = False
        self.engine = engine
        self.sessions = sessions
        self.bus = EventBus()
        self.settings = Settings(path / "settings.json")
        self.device_id = self._local("device_id") or self._init_device_id()
        self.store = Store(self.sessions, self.bus, self.device_id,
                           user_id=self.settings.get("user.id") or None)

    @classmethod
    def open(cls, path: Path | str | None = None, *, exclusive: bool = False) -> "Profile":
        """`exclusive`: for the workstation and `sync`, which must not run twice on one
        profile (app/profile_lock.py); other commands (export, import, …) may run beside them."""
        path = Path(path) if path is not None else default_profile_dir()
        _ensure_writable(path)
        lock = ProfileLock.take(path) if exclusive else None
        try:
            return cls._open(path, lock)
        except BaseException:
            if lock is not None:
                lock.release(discard=True)  # a profile that did not open is left as it was
            raise

    @classmethod
    def _open(cls, path: Path, lock: ProfileLock | None) -> "Profile":
        db_path = path / DB_NAME
        key, page_size = _profile_key(path, db_path)
        engine = sqlite_engine(db_path, key, page_size)
        try:
            rev = migrate.check_not_newer(engine)
            if rev != migrate.head():  # at head (every start but the first after an update): nothing to run
                if rev is not None:
                    _copy_before_migrating(db_path)
                migrate.upgrade(engine)
        except migrate.SchemaTooNew as exc:
            engine.dispose()
            raise ProfileError.coded("profile.schema_too_new", path=str(db_path), revision=exc.found) from exc
        except ProfileError:  # the copy before migrating did not fit on the disk
            engine.dispose()
            raise
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            engine.dispose()
            raise _cannot_open(db_path, exc) from exc
        try:
            return cls(path, engine, session_factory(engine), lock)
        except (DatabaseError, sqlite3.DatabaseError) as exc:  # a damaged page under the profile's own state
            engine.dispose()
            raise _cannot_open(db_path, exc) from exc
        except BaseException:
            engine.dispose()
            raise

    def close(self) -> None:
        """Once: a second call (a window closed again at quit) must not reopen the database,
        which may have been erased meanwhile (a withdrawn desktop, app/profile_erase.py)."""
        if self._closed:
            return
        self._closed = True
        try:
            with self.engine.connect() as conn:
                # SQLite's advice: refresh planner statistics where they went stale.
                conn.exec_driver_sql("PRAGMA analysis_limit=1000")
                conn.exec_driver_sql("PRAGMA optimize")
        except DatabaseError:
            pass  # a profile that cannot be optimised still closes
        finally:
            self.engine.dispose()
            if self.lock is not None:
                self.lock.release()

    def analyze(self) -> None:
        """Fresh planner statistics after a bulk load (demo data, a first sync)."""
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
            conn.exec_driver_sql("ANALYZE")

    @property
    def is_demo(self) -> bool:
        return self._local("demo") == "1"

    def is_empty(self) -> bool:
        from db.models import Patient  # local: keeps profile import light for the CLI
        with self.sessions() as s:
            return s.scalar(select(Patient.id).limit(1)) is None

    def get_local(self, key: str) -> str | None:
        return self._local(key)

    def _local(self, key: str) -> str | None:
        with self.sessions() as s:
            row = s.get(LocalState, key)
            return row.value if row else None

    def set_local(self, key: str, value: str) -> None:
        with self.sessions.begin() as s:
            s.merge(LocalState(key=key, value=value))

    def _init_device_id(self) -> str:
        device_id = uuid7()
        self.set_local("device_id", device_id)
        return device_id


def profile_exists(path: Path) -> bool:
    return (path / DB_NAME).exists() and os.path.getsize(path / DB_NAME) > 0
