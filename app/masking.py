"""Personal numbers are masked wherever lists show them; revealing one is audited elsewhere."""
from __future__ import annotations


def mask_id_number(value: str | None) -> str:
    """330206********123X: region kept (it tells the station where a person registered),
    birth date and sequence hidden, the last four kept so a person can confirm who it is."""
    if not value:
        return ""
    if len(value) < 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str | None) -> str:
    if not value:
        return ""
    if len(value) < 8:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
