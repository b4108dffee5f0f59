"""Who is working at this desktop: the user, their role and their station.

The user is the one the server signed in (`user.id` in the profile's settings); a demo profile
defaults to its first community case manager so that "mine" and "my station" show something
real. Who that is changes at a sign-in, when the person's own row first arrives with a pull (a
fresh station profile knows the id before it knows the unit), or when an administrator moves
them: IdentityWatch publishes one IdentityChanged each time, so every page follows at once.
"""
from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.events import DataChanged
from app.events import IdentityChanged
from app.rulebook.lookup import SessionLookup
from db.models import OrgUnit
from db.models import User
from db.models.enums import Role

if TYPE_CHECKING:
    from app.profile import Profile

# A pull or edit of these can change who "I" am (my unit, my station, my name).
IDENTITY_TABLES = frozenset({"users", "org_units"})


@dataclass(frozen=True)
class Identity:
    user_id: str | None
    display_name: str
    role: str | None
    org_unit_id: str | None
    station_id: str | None  # the street station the user's unit belongs to
    station_name: str = ""

    def event(self) -> IdentityChanged:
        return IdentityChanged(self.user_id, self.station_id, self.org_unit_id, self.display_name,
                               self.station_name)


NOBODY = Identity(None, "", None, None, None)


def current_identity(profile: Profile) -> Identity:
    with profile.sessions() as s:
        user = None
        user_id = profile.settings.get("user.id")
        if user_id:
            user = s.get(User, user_id)
            if user is None:
                # Signed in, but the first pull has not brought the person's row yet: "mine" is
                # already theirs; their unit and station follow with the pull.
                return Identity(user_id, profile.settings.get("sync.username") or "", None, None, None)
        elif profile.is_demo:
            user = s.scalars(select(User).where(User.role == Role.COMMUNITY_CM.value)
                             .order_by(User.username).limit(1)).first()
        if user is None:
            return NOBODY
        station_id = _station_of(s, user.org_unit_id)
        station = s.get(OrgUnit, station_id) if station_id else None
        return Identity(user.id, user.display_name, user.role, user.org_unit_id, station_id,
                        station.name if station is not None else "")


def _station_of(session, unit_id: str | None) -> str | None:
    """The street station a unit belongs to (a community point belongs to one)."""
    return SessionLookup(session).station_of(unit_id)


class IdentityWatch:
    """Keeps the profile's current identity and publishes IdentityChanged when it changes.

    Checks run on whichever thread noticed a possible change (the sync lane for a sign-in or a
    pull); the event reaches widgets through the window's event bridge like any other."""

    def __init__(self, profile: Profile):
        self._profile = weakref.ref(profile)  # the watch is kept per profile, never keeps one open
        self._bus = profile.bus
        self._lock = threading.Lock()
        self.current = current_identity(profile)
        self._unsubscribe = profile.bus.subscribe(self._on_event)

    def _on_event(self, event: object) -> None:
        if isinstance(event, DataChanged) and event.tables & IDENTITY_TABLES:
            self.check()

    def check(self) -> Identity:
        """Re-read who works here; publish once if that changed. Returns the current identity."""
        profile = self._profile()
        if profile is None:
            return self.current
        with self._lock:
            me = current_identity(profile)
            changed, self.current = me != self.current, me
            if me.user_id:
                profile.store.user_id = me.user_id  # what this desktop writes is theirs
        if changed:
            self._bus.publish(me.event())
        return me

    def close(self) -> None:
        self._unsubscribe()


_watches: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_watches_lock = threading.Lock()


def watch(profile: Profile) -> IdentityWatch:
    """The profile's one identity watch, started on first use."""
    with _watches_lock:
        found = _watches.get(profile)
        if found is None:
            found = _watches[profile] = IdentityWatch(profile)
        return found


def announce(profile: Profile) -> Identity:
    """Call where the signed-in person may have changed (a sign-in): publishes IdentityChanged
    to whoever follows this profile, once, if it did."""
    return watch(profile).check()
