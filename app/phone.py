"""Mainland telephone numbers in the one form CaseDesk stores: a mobile as its 11 digits
(13812345678), a landline as its area code and number (010-12345678, 0574-87654321).

China's area codes are 3 digits (010 Beijing, 021 Shanghai, 02x) or 4 (0571 Hangzhou,
0574 Ningbo), and a landline is 7 or 8 digits after them, so the split cannot be read
off the digits' count: 01012345678 and 05748765432 are both 11 digits. Google's
libphonenumber (the `phonenumbers` package) knows the numbering plan and places every
landline. A mobile is taken by its shape (1, then 3-9, 11 digits) without asking the
plan which ranges are issued: the plan's list trails new allocations and IoT or
virtual-operator ranges (14x, 16x) that people do carry, and turning away a real
number stops a whole list; the shape check also costs 1 µs where a parse costs 50.
"""
from __future__ import annotations

import re

import phonenumbers
from phonenumbers import PhoneNumberType

_SEPARATORS = re.compile(r"[\s\-‐‑–—－()（）.]")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE_TYPES = (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


class NotAPhone(ValueError):
    """Not a mainland mobile or landline (too short, no area code, an unused range, foreign)."""


def normalise(raw: str) -> str:
    """The stored form of a mainland number written any usual way: spaces, dashes, dots and
    brackets, a +86 or 0086 prefix, full-width digits already made ASCII by the caller.
    Raises NotAPhone."""
    digits = _SEPARATORS.sub("", raw or "")
    national = digits
    if national.startswith("+86"):
        national = national[3:]
    elif national.startswith("0086"):
        national = national[4:]
    if not (national.isascii() and national.isdigit()):
        raise NotAPhone(raw)
    if _MOBILE.fullmatch(national):
        return national
    try:
        number = phonenumbers.parse(digits, "CN")
    except phonenumbers.NumberParseException:
        raise NotAPhone(raw) from None
    if number.country_code != 86 or not phonenumbers.is_valid_number(number):
        raise NotAPhone(raw)
    significant = phonenumbers.national_significant_number(number)
    kind = phonenumbers.number_type(number)
    if kind == PhoneNumberType.MOBILE:
        return significant
    if kind not in _LANDLINE_TYPES:  # 400/800 service lines, paging, VoIP: not a person's telephone
        raise NotAPhone(raw)
    area = phonenumbers.length_of_geographical_area_code(number)
    if not area:
        raise NotAPhone(raw)
    return f"0{significant[:area]}-{significant[area:]}"
