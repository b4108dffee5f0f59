"""Referrals (转诊): up to the hospital (with the green channel) and down to the community,
on a 24-hour clock from sent to scheduled. Qt-free: the server checks pushed changes with
the same rule book (app/rulebook/referrals.py) the desktop runs.

Names are loaded on first use (PEP 562): the rule book imports states.py and deadline.py
from this package, and the service imports the rule book, so nothing here may import the
service eagerly.
"""
from __future__ import annotations

import importlib

_WHERE = {
    "BREACH_REASONS": "deadline", "Countdown": "deadline", "countdown": "deadline",
    "countdowns_for_cases": "deadline", "ReferralForm": "forms", "ReferralService": "service",
    "ReferralView": "view",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
