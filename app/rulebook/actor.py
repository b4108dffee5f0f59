"""Who acts: the person, their role and organisation, and the desktop they act from."""
from __future__ import annotations

from dataclasses import dataclass

from db.models.enums import Role

NETWORK_WIDE = frozenset({Role.ADMIN.value, Role.CLINIC_CM.value, Role.WARD_CM.value})


@dataclass(frozen=True)
class Actor:
    user_id: str
    role: str
    org_unit_id: str | None
    # The actor's organisation and every unit below it (a street station and its community
    # points); None for network-wide staff, who may act for any unit of the network.
    units: frozenset[str] | None
    device_id: str | None = None
    # The desktop runs the schema before the server's (desktops update over weeks): a rule
    # that asks for a field it has no column for (a 下转's handover) does not apply to it.
    older_desktop: bool = False

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN.value

    @property
    def is_family_doctor(self) -> bool:
        return self.role == Role.FAMILY_DOCTOR.value

    def acts_for(self, unit_id: str | None) -> bool:
        """May this person act in the name of `unit_id` (send from it, receive at it)?"""
        if unit_id is None:
            return False
        return self.units is None or unit_id in self.units


def actor_for(session, user_id: str, device_id: str | None = None) -> Actor | None:
    """The Actor for `user_id` from the organisation tree and users in `session` (the
    desktop's copy or the server's): None when the person is not in it."""
    from app.sync.scope import scope_for  # local: scope imports the models this module avoids
    from db.models import User
    user = session.get(User, user_id)
    if user is None:
        return None
    return Actor(user.id, user.role, user.org_unit_id, scope_for(session, user).units, device_id)
