"""Pinyin search keys for Chinese names, kept beside each name so a search never runs
pypinyin over a whole table. Used wherever patients are created: demo data, list imports."""
from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import Style
from pypinyin import lazy_pinyin

# Surnames whose reading differs from the character's everyday one.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "查": "zha", "乐": "yue",
    "缪": "miao", "覃": "qin", "朴": "piao", "区": "ou", "盖": "ge", "万": "wan",
}

_TOKENS = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9·•.\-]")


@lru_cache(maxsize=None)
def _syllable(char: str) -> str:
    out = lazy_pinyin(char, style=Style.NORMAL, errors="ignore")
    return out[0].lower() if out else ""


def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) for search: "张三" -> ("zhangsan", "zs"); "吕" is "lv".

    The first character is read as a surname. Latin words are kept whole, lower-cased;
    characters pypinyin does not know are kept as they are so a search still finds them.
    """
    syllables = []
    for i, token in enumerate(_TOKENS.findall(name)):
        if token.isascii():
            syllables.append(token.lower())
            continue
        s = SURNAME_READINGS.get(token) if i == 0 else None
        syllables.append(s or _syllable(token) or token)
    return "".join(syllables), "".join(s[0] for s in syllables)
