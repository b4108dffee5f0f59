"""Resident ID numbers (公民身份号码) after GB 11643-1999.

18 characters: a 6-digit administrative region code (GB/T 2260), the birth date as
YYYYMMDD, a 3-digit sequence code whose last digit is odd for men and even for women,
and a check character (ISO 7064 MOD 11-2; "X" stands for 10).

The region code is checked only for a plausible province prefix: codes are those in
force when the number was issued and many have since been abolished or renumbered,
so a table of current codes would refuse real people.
"""
from __future__ import annotations

import datetime as dt

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"  # indexed by (weighted sum mod 11)

# Province-level prefixes of GB/T 2260 (81/82/83: Hong Kong, Macao, Taiwan residence permits).
PROVINCE_PREFIXES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)
EARLIEST_BIRTH = dt.date(1880, 1, 1)


def normalize(value: str) -> str:
    """Strip spaces (also full-width ones) and upper-case a trailing x."""
    return "".join(value.split()).upper()


def check_digit(first17: str) -> str:
    """The check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"need 17 digits, got {first17!r}")
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS))
    return CHECK_CHARS[total % 11]


def make_id(region_code: str, birth_date: dt.date, seq: int, sex: str) -> str:
    """A valid number. `seq` (0-999) is the sequence code; its last digit's parity is
    adjusted to `sex` ("M" odd, "F" even), so callers may pass any sequence."""
    if len(region_code) != 6 or not region_code.isdigit():
        raise ValueError(f"region code must be 6 digits, got {region_code!r}")
    if not 0 <= seq <= 999:
        raise ValueError(f"sequence code must be 0-999, got {seq}")
    sex = _sex(sex)
    if (seq % 2 == 1) != (sex == "M"):
        seq ^= 1
    first17 = f"{region_code}{birth_date:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


def validate(value: str, today: dt.date | None = None) -> bool:
    """True for a well-formed number: digits, a real birth date not after `today`
    (default: no upper bound), a known province prefix and a matching check character.
    A lower-case trailing "x" is accepted; spaces are not (normalize() first)."""
    try:
        _parse(value, today)
    except ValueError:
        return False
    return True


def parse(value: str, today: dt.date | None = None) -> tuple[str, dt.date, str]:
    """(region code, birth date, sex "M"/"F") of a valid number; ValueError says why not."""
    return _parse(value, today)


def problem(value: str, today: dt.date | None = None) -> str | None:
    """Why `value` is not a valid number (a short English reason), or None when it is."""
    try:
        _parse(value, today)
    except ValueError as exc:
        return str(exc)
    return None


class IdNumberError(ValueError):
    """Why a number is not valid: `code` for the rule book (worded in ui/), the message for logs."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def problem_code(value: str, today: dt.date | None = None) -> str | None:
    """Why `value` is not a valid number, as a code (length, digits, last_char, province,
    birth_date, birth_range, check_digit), or None when it is valid."""
    try:
        _parse(value, today)
    except IdNumberError as exc:
        return exc.code
    return None


def _parse(value: str, today: dt.date | None) -> tuple[str, dt.date, str]:
    if not isinstance(value, str) or len(value) != 18:
        raise IdNumberError("length", "must be 18 characters")
    value = value.upper()
    first17, last = value[:17], value[17]
    if not first17.isascii() or not first17.isdigit():
        raise IdNumberError("digits", "the first 17 characters must be digits")
    if not (last.isdigit() or last == "X"):
        raise IdNumberError("last_char", "the last character must be a digit or X")
    if value[:2] not in PROVINCE_PREFIXES:
        raise IdNumberError("province", f"unknown province code {value[:2]}")
    try:
        birth = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise IdNumberError("birth_date", f"birth date {value[6:14]} is not a date") from None
    if birth < EARLIEST_BIRTH or (today is not None and birth > today):
        raise IdNumberError("birth_range", f"birth date {birth:%Y-%m-%d} is out of range")
    if check_digit(first17) != last:
        raise IdNumberError("check_digit", "check digit does not match")
    sex = "M" if int(value[16]) % 2 == 1 else "F"
    return value[:6], birth, sex


def _sex(sex: str) -> str:
    s = sex.upper()[:1] if sex else ""
    if s in ("M", "男"):
        return "M"
    if s in ("F", "女"):
        return "F"
    raise ValueError(f"sex must be 'M' or 'F', got {sex!r}")
