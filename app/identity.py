"""Who is working at this desktop: the user, their role and their station.

Until server login exists (the sync issue), the user is the one named in the profile's
settings; a demo profile defaults to its first community case manager so that "mine"
and "my station" show something real.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.rulebook.lookup import SessionLookup
from db.models import User
from db.models.enums import Role


@dataclass(frozen=True)
class Identity:
    user_id: str | None
    display_name: str
    role: str | None
    org_unit_id: str | None
    station_id: str | None  # the street station the user's unit belongs to


NOBODY = Identity(None, "", None, None, None)


def current_identity(profile) -> Identity:
    with profile.sessions() as s:
        user = None
        user_id = profile.settings.get("user.id")
        if user_id:
            user = s.get(User, user_id)
        elif profile.is_demo:
            user = s.scalars(select(User).where(User.role == Role.COMMUNITY_CM.value)
                             .order_by(User.username).limit(1)).first()
        if user is None:
            return NOBODY
        return Identity(user.id, user.display_name, user.role, user.org_unit_id,
                        _station_of(s, user.org_unit_id))


def _station_of(session, unit_id: str | None) -> str | None:
    """The street station a unit belongs to (a community point belongs to one)."""
    return SessionLookup(session).station_of(unit_id)
