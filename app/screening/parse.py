"""Cell values as lists carry them, turned into what a patient record stores.

Each parser returns the clean value or raises BadValue with a problem code; the codes
are listed (with their Chinese and English texts) in problems.py.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from app.phone import NotAPhone
from app.phone import normalise as normalise_phone
from app.screening.reader import cell_date

EARLIEST = dt.date(1880, 1, 1)


class BadValue(ValueError):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def text(value) -> str:
    """A cell as stripped half-width text; numbers lose a spurious ".0"."""
    if type(value) is str:
        value = value.strip()
        return value if value.isascii() else unicodedata.normalize("NFKC", value).strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    return unicodedata.normalize("NFKC", str(value)).strip()


_SEX = {"男": "M", "女": "F", "m": "M", "f": "F", "male": "M", "female": "F", "1": "M", "2": "F",
        "男性": "M", "女性": "F"}


def sex(value) -> str:
    """男/女, M/F, male/female or the GB/T 2261.1 codes 1/2."""
    s = _SEX.get(text(value).lower())
    if s is None:
        raise BadValue("bad_sex", value=text(value))
    return s


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def date(value, today: dt.date) -> dt.date:
    """A real calendar date: 1956-03-02, 1956/3/2, 1956.03.02, 19560302, 1956年3月2日 or a
    spreadsheet date cell. 1956-02-30 is refused, never rolled over to March."""
    d = cell_date(value)
    raw = text(value)
    if d is None:
        for pattern in _DATE_PATTERNS:
            m = pattern.match(raw)
            if m:
                try:
                    d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    raise BadValue("bad_date", value=raw) from None
                break
        else:
            raise BadValue("bad_date", value=raw)
    if d > today:
        raise BadValue("date_future", value=d.isoformat())
    if d < EARLIEST:
        raise BadValue("date_range", value=d.isoformat())
    return d


def phone(value) -> str:
    """A mainland mobile (13812345678) or a landline with its area code, stored as 010-12345678
    or 0574-87654321 (3- and 4-digit area codes told apart by the numbering plan); spaces,
    dashes, brackets and a +86 prefix are dropped."""
    raw = text(value)
    try:
        return normalise_phone(raw)
    except NotAPhone:
        raise BadValue("bad_phone", value=raw) from None


def id_number(value) -> str:
    """Spaces (also full-width) dropped, full-width digits made ASCII, a trailing x upper-cased."""
    return "".join(text(value).split()).upper()


_NAME_BAD = re.compile(r"[0-9@#$%^&*_=+<>?/\\|{}\[\]]")


def name(value) -> str:
    n = "".join(text(value).split()) if not text(value).isascii() else " ".join(text(value).split())
    if not n:
        raise BadValue("required")
    if _NAME_BAD.search(n):
        raise BadValue("bad_name", value=n)
    return n


# Programme words -> cancer types; "两癌" is breast and cervical.
_PROGRAMMES = {
    "lung": ("lung",), "肺癌": ("lung",), "肺": ("lung",), "lungldct": ("lung",), "低剂量ct": ("lung",),
    "肺癌筛查": ("lung",), "colorectal": ("colorectal",), "结直肠癌": ("colorectal",),
    "大肠癌": ("colorectal",), "肠癌": ("colorectal",), "结直肠": ("colorectal",),
    "colorectalfit": ("colorectal",), "结直肠癌筛查": ("colorectal",), "breast": ("breast",),
    "乳腺癌": ("breast",), "乳腺": ("breast",), "cervical": ("cervical",), "宫颈癌": ("cervical",),
    "宫颈": ("cervical",), "两癌": ("breast", "cervical"), "twocancers": ("breast", "cervical"),
    "stomach": ("stomach",), "gastric": ("stomach",), "胃癌": ("stomach",), "胃": ("stomach",),
    "liver": ("liver",), "肝癌": ("liver",), "肝": ("liver",), "oesophagus": ("oesophagus",),
    "esophagus": ("oesophagus",), "oesophageal": ("oesophagus",), "食管癌": ("oesophagus",),
    "食道癌": ("oesophagus",), "上消化道": ("stomach", "oesophagus"), "prostate": ("prostate",),
    "前列腺癌": ("prostate",), "前列腺": ("prostate",),
}
_SPLIT = re.compile(r"[、,，;；/+＋\s]+")
FEMALE_ONLY = frozenset(("breast", "cervical"))
MALE_ONLY = frozenset(("prostate",))


def programmes(value) -> tuple[str, ...]:
    """The cancer types a programme cell names: "肺癌、结直肠癌", "两癌", "lung"."""
    found: list[str] = []
    for word in _SPLIT.split(text(value).lower()):
        if not word:
            continue
        key = word.replace("_", "").replace("-", "")
        key = key[:-2] if key.endswith("筛查") and key not in _PROGRAMMES else key
        cancers = _PROGRAMMES.get(key)
        if cancers is None:
            raise BadValue("unknown_programme", value=word)
        found += [c for c in cancers if c not in found]
    return tuple(found)


_PLACE_SUFFIXES = ("社区卫生服务站", "社区卫生服务中心", "社区防治点", "防治点", "街道工作站", "工作站",
                   "居民委员会", "村民委员会", "居委会", "村委会", "社区", "街道", "镇", "乡", "村")


def place_key(value) -> str:
    """"金苑社区防治点", "金苑社区" and "金苑" all give "金苑"."""
    s = "".join(text(value).split())
    changed = True
    while changed and s:
        changed = False
        for suffix in _PLACE_SUFFIXES:
            if s.endswith(suffix) and len(s) > len(suffix):
                s, changed = s[:-len(suffix)], True
                break
    return s
