"""Referral short codes: what a slip prints and the receiving site types or scans, unique
across the network although desktops make them offline.

A code is the desktop's device code (3 characters, handed out by the server when the
device first signs in, unique across the network: server/devices.py) and a local part
(5 characters, unique on that desktop), printed "K7P-3XH9Q". Two desktops never share a
device code and one desktop never repeats a local part, so no two codes are equal, however
long desktops stay offline. 31^5 ≈ 28.6 million local parts per desktop.

A profile that has never signed in (the demo profile, a workstation before its first
sign-in) has no device code. It draws the older form, six characters without a hyphen:
a network code has eight characters besides its hyphen, so the two can never be equal,
even typed without the hyphen; and it is what demo data and slips printed before the
device codes carry. Such codes are unique on the desktop only, as all codes were before.

Codes are drawn at random (not counted up) so that a mistyped character almost never
lands on another referral.
"""
from __future__ import annotations

import re
import secrets
from collections.abc import Callable

# No 0/O, 1/I/L: codes are read out over the phone and typed from paper.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
DEVICE_CODE_LENGTH = 3
LOCAL_LENGTH = 5
LOCAL_ONLY_LENGTH = 6  # the older form: profiles without a device code
DEVICE_CODE_KEY = "sync.device_code"  # LocalState key the sync client stores it under
SEPARATOR = "-"
_DEVICE_CODE_RE = re.compile(f"^[{ALPHABET}]{{{DEVICE_CODE_LENGTH}}}$")


def draw(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def is_device_code(text: str | None) -> bool:
    return text is not None and text != "" and _DEVICE_CODE_RE.match(text) is not None


def compose(device_code: str | None, taken: Callable[[str], bool]) -> str:
    """A new code: `device_code`-prefixed when there is one, else the local-only form;
    `taken(code)` says whether this desktop already holds it."""
    while True:
        if is_device_code(device_code):
            code = f"{device_code}{SEPARATOR}{draw(LOCAL_LENGTH)}"
        else:
            code = draw(LOCAL_ONLY_LENGTH)
        if not taken(code):
            return code


def normalise(text: str) -> str:
    """What a person typed, without spaces, hyphens or underscores, in upper case."""
    return re.sub(r"[\s\-_]", "", text or "").upper()


def stored_forms(text: str) -> list[str]:
    """The stored codes a typed text may mean: "k7p3xh9q", "K7P 3XH9Q" and "K7P-3XH9Q" all
    mean "K7P-3XH9Q"; older and imported codes are stored as typed, without a hyphen."""
    code = normalise(text)
    forms = [code]
    if len(code) == DEVICE_CODE_LENGTH + LOCAL_LENGTH:
        forms.insert(0, f"{code[:DEVICE_CODE_LENGTH]}{SEPARATOR}{code[DEVICE_CODE_LENGTH:]}")
    return forms
