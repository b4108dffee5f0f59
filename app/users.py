"""A shared clinic desktop (a "station"): one ordinary profile per person who works at it.

    <root>/users.json          who works here: login, display name, directory, last used
    <root>/users/<login>/      that person's Profile: own database, own key in the keyring
                               (by the profile's id), own outbox, settings and unlock verifier

Keeping people apart is keeping profiles apart: opening one person's profile reads only
that directory and that keyring entry, so another person's database, key and unsynced
changes are never touched. The manifest holds no secret and no patient data; a person's
display name is only a label for the chooser. `--profile DIR` keeps meaning one profile;
a station's profiles are such directories too, so every subcommand works on them.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import replace
from pathlib import Path

import platformdirs

from app import clock
from app import profile_erase
from app.errors import ProfileError
from app.problems import refuse
from app.profile import Profile
from app.settings import SETTINGS
from app.settings import Settings

MANIFEST = "users.json"
USERS_DIR = "users"
FORMAT = 1
LOGIN_MAX = 64
_LOGIN = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?")
# Device names Windows will not use as a directory, even with an extension ("con.x").
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
# What a new person inherits from the station's last user: where the server is, the language.
_SHARED_SETTINGS = ("sync.server_url", "ui.language")


def default_station_root() -> Path:
    return Path(platformdirs.user_data_dir("CaseDesk", appauthor=False)) / "station"


@dataclass(frozen=True)
class DeskUser:
    login: str  # the server user name
    display_name: str
    directory: str  # relative to the station root, e.g. "users/cm01"
    last_used: str = ""  # ISO time; "" if never opened

    @property
    def label(self) -> str:
        return f"{self.display_name} ({self.login})" if self.display_name else self.login


def check_login(login: str) -> str:
    """The login name, stripped; a ProblemError (users.login_*) if it cannot name a profile."""
    login = login.strip()
    if not login:
        raise refuse("users.login_required", "login")
    if len(login) > LOGIN_MAX:
        raise refuse("users.login_too_long", "login", max=LOGIN_MAX)
    if not _LOGIN.fullmatch(login):
        raise refuse("users.login_characters", "login")
    if login.lower().split(".")[0] in _RESERVED:
        raise refuse("users.login_reserved", "login", login=login)
    return login


class Station:
    def __init__(self, root: Path | str | None = None):
        self.root = Path(root) if root is not None else default_station_root()

    # -- who works here ---------------------------------------------------------------

    def users(self) -> list[DeskUser]:
        """Everyone known at this desktop, the most recently used first."""
        by_login = sorted(self._read(), key=lambda u: u.login.lower())
        return sorted(by_login, key=lambda u: u.last_used, reverse=True)  # stable; never used last

    def get(self, login: str) -> DeskUser | None:
        wanted = login.strip().lower()
        return next((u for u in self._read() if u.login.lower() == wanted), None)

    def last_user(self) -> DeskUser | None:
        used = [u for u in self.users() if u.last_used]
        return used[0] if used else None

    def profile_dir(self, user: DeskUser) -> Path:
        return self.root / user.directory

    # -- changes ----------------------------------------------------------------------

    def add(self, login: str, display_name: str = "") -> DeskUser:
        """Create a person's profile (a new key in the keyring) and list them here.

        A directory left by an earlier listing of the same login (a lost users.json) is
        taken back as it is: its key is still in the keyring under its own id.
        """
        login = check_login(login)
        if self.get(login) is not None:
            raise refuse("users.already_here", "login", login=login)
        user = DeskUser(login, display_name.strip(), f"{USERS_DIR}/{login.lower()}")
        template = self.last_user()
        profile = Profile.open(self.profile_dir(user))
        try:
            self._first_settings(profile, login, template)
        finally:
            profile.close()
        self._write([*self._read(), user])
        return user

    def open(self, login: str) -> Profile:
        """Open one person's profile; nobody else's files or keyring entries are read."""
        user = self._known(login)
        path = self.profile_dir(user)
        if not path.is_dir():
            raise ProfileError.coded("users.profile_missing", login=user.login, path=str(path))
        profile = Profile.open(path, exclusive=True)
        self._update(user.login, last_used=clock.now().isoformat(timespec="seconds"))
        return profile

    def remove(self, login: str, *, withdrawn: bool = False) -> None:
        """Take someone off this desktop (they left, or moved): their profile directory and
        its key go. Refused while their profile is open, or while anything of theirs has not
        reached the server — changes waiting, in conflict or rejected, or audit entries: on
        this desktop that is the only copy. The list is written first, so a crash midway
        leaves a directory that adding them again takes back, never a list naming nothing.

        `withdrawn`: the administrator withdrew this desktop for this person (a lost or stolen
        laptop): the server refuses what was not sent, and nothing of it may stay here."""
        user = self._known(login)
        path = self.profile_dir(user)
        profile = self._open_to_remove(path, withdrawn) if path.is_dir() else None
        try:
            if profile is not None and not withdrawn:
                changes, audit = _unsent(profile)
                if changes or audit:
                    raise refuse("users.unsent", "login", login=user.login, changes=changes, audit=audit)
            if profile is not None:
                profile.engine.dispose()  # the lock stays held until the files are gone
            self._write([u for u in self._read() if u.login != user.login])
            if path.is_dir():
                profile_erase.erase_files(path, profile.device_id if profile is not None else None)
                shutil.rmtree(path, ignore_errors=True)
        finally:
            if profile is not None and profile.lock is not None:  # opened exclusive: it holds the lock
                profile.lock.release()

    @staticmethod
    def _open_to_remove(path: Path, withdrawn: bool) -> Profile | None:
        try:
            return Profile.open(path, exclusive=True)
        except ProfileError as exc:
            codes = {p.code for p in getattr(exc, "problems", None) or ()}
            if not withdrawn or "profile.in_use" in codes:
                raise  # never erase what another CaseDesk has open
            return None  # a key already gone or a damaged file: the files go all the same

    def _known(self, login: str) -> DeskUser:
        user = self.get(login)
        if user is None:
            raise ProfileError.coded("users.unknown", login=login)
        return user

    def remember_name(self, login: str, display_name: str) -> None:
        """The person's name as the server knows it, for the chooser."""
        user = self.get(login)
        if user is not None and display_name and display_name != user.display_name:
            self._update(user.login, display_name=display_name)

    def _first_settings(self, profile: Profile, login: str, template: DeskUser | None) -> None:
        settings = profile.settings
        if not settings.get("sync.username"):
            settings.set("sync.username", login)  # the sign-in dialog asks this person only
        settings.set("station.login", login)  # and the server accepts no one else here
        if template is not None:
            theirs = Settings(self.profile_dir(template) / "settings.json")  # plain settings, no key
            for key in _SHARED_SETTINGS:
                if settings.get(key) == SETTINGS[key].default:
                    settings.set(key, theirs.get(key))
        settings.save()

    # -- the manifest -----------------------------------------------------------------

    def _read(self) -> list[DeskUser]:
        path = self.root / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return [DeskUser(**{k: str(row.get(k, "")) for k in ("login", "display_name", "directory",
                                                                  "last_used")})
                    for row in data["users"]]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ProfileError.coded("users.list_damaged", path=str(path), reason=str(exc)) from exc

    def _write(self, users: list[DeskUser]) -> None:
        path = self.root / MANIFEST
        tmp = path.with_name(MANIFEST + ".tmp")
        body = {"format": FORMAT, "users": [asdict(u) for u in users]}
        tmp.write_text(json.dumps(body, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)  # atomic: a crash never leaves half a list

    def _update(self, login: str, **changes) -> None:
        self._write([replace(u, **changes) if u.login == login else u for u in self._read()])


def station_of(path: Path, login: str | None = None) -> tuple[Station, DeskUser] | None:
    """The shared desktop and person whose profile `path` is, when it is one (users/<login>/
    under a station listing that person); None for a profile of its own."""
    path = Path(path)
    if path.parent.name != USERS_DIR or not (path.parent.parent / MANIFEST).is_file():
        return None
    station = Station(path.parent.parent)
    user = station.get(login or path.name)
    if user is None or station.profile_dir(user).resolve() != path.resolve():
        return None
    return station, user


def _unsent(profile: Profile) -> tuple[int, int]:
    from sqlalchemy import func
    from sqlalchemy import select

    from app.sync.audit_push import ACKED_KEY  # local: the manifest code needs no sync machinery
    from db.models import AuditEntry
    from db.models import OutboxEntry

    acked = int(profile.get_local(ACKED_KEY) or 0)
    with profile.sessions() as s:
        changes = s.scalar(select(func.count()).select_from(OutboxEntry))
        audit = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.device_id == profile.device_id, AuditEntry.seq > acked))
    return changes, audit
