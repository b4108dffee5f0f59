"""Desktops as the administrator sees them (server/devices.py, `server devices list|revoke`)."""
from __future__ import annotations

ENGLISH = {
    "devices.unknown": "No desktop has the id {device}: `server devices list` shows them.",
    "devices.already_revoked": "Desktop {device} was already withdrawn on {at}.",
    "devices.revoked": "Desktop {device} ({user}) withdrawn: {tokens} sign-in token(s) ended. At its next "
                       "contact it erases its profile.",
    "devices.none": "No desktop has signed in yet.",
    "devices.not_withdrawn": "No withdrawn desktop has this id.",
}
