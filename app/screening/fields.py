"""The fields a screening list can carry and the headers that name them.

Lists come from the regional health platform, from check-up centres and from street
stations' own spreadsheets, so the same field turns up under many headers (姓名, 居民姓名,
Name ...). Recognition normalises a header (full-width to half-width, case, spaces and
punctuation, "（必填）"-style notes) and looks it up; what it cannot place a person maps
in the import dialog, and that mapping is remembered for the next list from the source.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    key: str
    label_zh: str
    label_en: str
    max_len: int


FIELDS = (
    Field("name", "姓名", "Name", 64),
    Field("sex", "性别", "Sex", 8),
    Field("birth_date", "出生日期", "Birth date", 32),
    Field("id_number", "身份证号", "ID number", 32),
    Field("phone", "联系电话", "Phone", 32),
    Field("street", "街道", "Street", 60),
    Field("community", "社区", "Community", 60),
    Field("address", "现住址", "Address", 200),
    Field("programme", "筛查项目", "Programme", 60),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)
BY_KEY = {f.key: f for f in FIELDS}

# Normalised header -> field. Keys are written already normalised (see normalise()).
_SYNONYMS = {
    "name": "姓名 名字 居民姓名 患者姓名 人员姓名 受检者姓名 筛查对象 name fullname patientname "
            "personname",
    "sex": "性别 sex gender",
    "birth_date": "出生日期 出生年月日 出生年月 生日 出生 birthdate dateofbirth dob birthday born",
    "id_number": "身份证号 身份证号码 身份证 公民身份号码 证件号码 证件号 身份证件号码 idnumber idno "
                 "idcard idcardnumber residentid residentidnumber nationalid",
    "phone": "联系电话 电话 手机 手机号 手机号码 联系方式 联系电话号码 本人电话 phone mobile mobilephone "
             "telephone tel phonenumber contactphone",
    "street": "街道 乡镇街道 乡镇 所属街道 街道乡镇 镇街 street town township subdistrict",
    "community": "社区 村居 社区村 村社区 居委会 所属社区 社区名称 村 community village neighbourhood "
                 "neighborhood",
    "address": "现住址 住址 居住地址 家庭住址 地址 现居住地址 常住地址 address currentaddress "
               "homeaddress residentialaddress",
    "programme": "筛查项目 筛查类型 项目 癌种 筛查癌种 programme program screening screeningprogramme "
                 "screeningprogram cancer",
}
_NOTES = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]")  # "（必填）", "(YYYY-MM-DD)"
_DROP = re.compile(r"[\s_\-·.:：*#/\\,，、]+")


def normalise(header: object) -> str:
    """A header as recognition compares it: "身份证号（必填）" and " ID_Number " both match."""
    if header is None:
        return ""
    text = unicodedata.normalize("NFKC", str(header)).strip().lower()
    text = _NOTES.sub("", text)
    return _DROP.sub("", text)


SYNONYMS: dict[str, str] = {normalise(word): key for key, words in _SYNONYMS.items() for word in words.split()}


def recognise(header: object) -> str | None:
    """The field a header names, or None."""
    return SYNONYMS.get(normalise(header))


def auto_mapping(headers: Sequence[object]) -> dict[int, str]:
    """Column index -> field for the headers recognised; a field goes to its first column."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        key = recognise(header)
        if key and key not in taken:
            mapping[index] = key
            taken.add(key)
    return mapping


def source_key(headers: Sequence[object]) -> str:
    """Identifies a source by its header row: the same platform export has the same headers."""
    text = "\x1f".join(normalise(h) for h in headers)
    return "import.mapping." + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def missing_required(mapping: dict[int, str]) -> list[str]:
    """What the mapping still lacks: a name, and an ID number or both birth date and sex."""
    mapped = set(mapping.values())
    missing = [] if "name" in mapped else ["name"]
    if "id_number" not in mapped:
        missing += [k for k in ("birth_date", "sex") if k not in mapped]
    return missing
