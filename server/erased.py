"""A withdrawn desktop's word that it erased its profile (POST /devices/erased).

The desktop has no token left when it learns it was withdrawn (its tokens ended with the
revocation), so the request is not signed. What keeps it honest: only a device id the
administrator withdrew is accepted, and each is recorded once, so a stranger can at most
confirm an erasure early for a desktop that was withdrawn anyway; the event says so
(detail "unsigned") and keeps the address it came from.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Device
from db.models import SecurityEvent
from server import security_log
from server.refusal import Refusal

KIND = "device_erased"


def confirm(session: Session, device_id: str, client_addr: str | None) -> None:
    device = session.get(Device, device_id)
    if device is None or device.revoked_at is None:
        # Unknown and not withdrawn look the same: the answer tells nobody which ids exist.
        raise Refusal(404, "devices.not_withdrawn", "no withdrawn desktop has this id")
    seen = session.scalar(select(SecurityEvent.id).where(SecurityEvent.kind == KIND,
                                                         SecurityEvent.device_id == device_id).limit(1))
    if seen is not None:
        return  # said again (a retry, a lost answer): recorded once
    security_log.record(session, KIND, user_id=device.user_id, device_id=device_id, client_addr=client_addr,
                        detail={"unsigned": True})
    session.commit()
