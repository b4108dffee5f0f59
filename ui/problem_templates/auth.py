"""The server's door: refusals of a desktop's audit trail and of requests it cannot route.
(The sign-in and sync codes of the same contract are worded in sync.py, beside the desktop's
own sync kinds: one code is worded in one place.)"""
from __future__ import annotations

_TRAIL = ("This desktop's audit trail was changed (entry {seq}). Nothing of it was sent; "
          "keep this desktop as it is and tell your administrator.")

ENGLISH = {
    "audit.link_mismatch": _TRAIL,
    "audit.hash_mismatch": _TRAIL,
    "audit.differs": "Audit entry {seq} on this desktop differs from the copy the server already holds: the "
                     "trail here was changed. Keep this desktop as it is and tell your administrator.",
    "audit.other_user": "Audit entry {seq} names another person than the one signed in. The server refused "
                        "the trail; tell your administrator.",
    "audit.in_future": "Audit entry {seq} is dated after this computer's own clock. Check the computer's date "
                       "and time, then tell your administrator.",
    "audit.collision": "The audit trail was sent twice at once. It will be sent again at the next sync.",
    "audit.append_only": "An audit entry cannot be changed once written.",
    "request.not_found": "The server does not offer this. Check the server address, or ask for an update.",
    "request.method_not_allowed": "The server does not accept this kind of request here. Ask for an update.",
}
