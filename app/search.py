"""One search box over name, pinyin initials, full pinyin, phone tail and ID tail.

Whatever a person types becomes bound LIKE parameters with wildcards escaped, never
SQL text. Prefix searches on pinyin use ranges so SQLite can walk an index.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY = 64  # longer input is cut: no name, pinyin or ID tail is longer
_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
_LETTERS = re.compile(r"^[a-z]+$")
_ID_TAIL = re.compile(r"^[0-9]+x?$")


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class SearchTerms:
    """What one query means: each non-None part is a way for a patient to match."""

    name_contains: str | None = None
    pinyin_prefix: str | None = None
    tail: str | None = None  # phone or ID number ending

    @property
    def empty(self) -> bool:
        return self.name_contains is None and self.pinyin_prefix is None and self.tail is None


def parse(query: str) -> SearchTerms:
    text = unicodedata.normalize("NFKC", query or "").strip()[:MAX_QUERY]
    text = "".join(ch for ch in text if ch.isprintable())
    if not text:
        return SearchTerms()
    folded = text.lower().replace(" ", "")
    if _LETTERS.match(folded):
        return SearchTerms(pinyin_prefix=folded)
    if _ID_TAIL.match(folded):
        return SearchTerms(tail=folded.upper())
    return SearchTerms(name_contains=text)


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix`."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def contains_cjk(text: str) -> bool:
    return bool(_CJK.search(text))
