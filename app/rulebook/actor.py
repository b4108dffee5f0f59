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
