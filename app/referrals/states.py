"""The referral's life: which step may follow which, and why a step is refused.

    draft → sent → received → accepted | rejected → scheduled → seen → closed
    cancelled (with a reason) from any open state

The table is the whole order of steps; app/rulebook/referrals.py checks every change
against it (and who may take each step), on the desktop and on the server alike.
"""
from __future__ import annotations

from db.models.enums import OPEN_REFERRAL_STATES
from db.models.enums import ReferralState as S

OPEN = tuple(s.value for s in OPEN_REFERRAL_STATES)
# The 24-hour clock runs while the receiving site has not yet given a date.
CLOCK_RUNNING = (S.SENT.value, S.RECEIVED.value, S.ACCEPTED.value)
FINAL = (S.REJECTED.value, S.CLOSED.value, S.CANCELLED.value)

# action -> (states it may start from, state it leads to)
ACTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "send": ((S.DRAFT.value,), S.SENT.value),
    "receive": ((S.SENT.value,), S.RECEIVED.value),
    "accept": ((S.RECEIVED.value,), S.ACCEPTED.value),
    "reject": ((S.RECEIVED.value,), S.REJECTED.value),
    "schedule": ((S.ACCEPTED.value, S.SCHEDULED.value), S.SCHEDULED.value),  # again = 改约
    "seen": ((S.SCHEDULED.value,), S.SEEN.value),
    "close": ((S.SEEN.value,), S.CLOSED.value),
    "cancel": (OPEN, S.CANCELLED.value),
}
# Which side of the referral acts: the sending site drafts, sends, closes the loop and may
# cancel; the receiving site receives, decides and gives the appointment.
SIDE = {"send": "from", "cancel": "from", "close": "from", "receive": "to", "accept": "to",
        "reject": "to", "schedule": "to", "seen": "to"}

# What has to happen first, for the refusals people meet most: (state, action) -> the
# action to take first (worded in ui/problem_templates/referral.py).
FIRST = {
    ("draft", "receive"): "send",
    ("sent", "accept"): "receive",
    ("sent", "schedule"): "receive",
    ("received", "schedule"): "accept",
    ("accepted", "seen"): "schedule",
    ("scheduled", "close"): "seen",
}


def actions(state: str) -> list[str]:
    """The actions allowed from `state`, in the order a person takes them."""
    return [a for a, (sources, _) in ACTIONS.items() if state in sources]


def target(action: str) -> str:
    return ACTIONS[action][1]
