"""The one letter font: WenQuanYi Micro Hei from resources/, registered with reportlab once.

Every desktop prints with the bundled TrueType font, subset-embedded, so a letter looks the
same at a community station as at the centre. Widths come from the font's own table and
are cached per character: the line breaker asks for every character of every letter.
"""
from __future__ import annotations

import threading
from functools import lru_cache

from app.resources import resource_root

RESOURCES = resource_root()  # the resources package (app/resources.py)
FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
FONT_NAME = "WQYMicroHei"
FONT_FAMILY = "WenQuanYi Micro Hei"  # the family name Qt knows the same file by
SUBFONT_INDEX = 0  # 0 is the proportional face; 1 is the Mono face

_lock = threading.Lock()


@lru_cache(maxsize=1)
def letter_font():
    """The registered reportlab TTFont (registration is process-wide and idempotent)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _lock:
        try:
            return pdfmetrics.getFont(FONT_NAME)
        except KeyError:
            font = TTFont(FONT_NAME, str(FONT_FILE), subfontIndex=SUBFONT_INDEX)
            pdfmetrics.registerFont(font)
            return font


class Metrics:
    """Character widths in 1/1000 em, cached; `width(text, size)` in points."""

    def __init__(self):
        face = letter_font().face
        self._widths = face.charWidths
        self._default = face.defaultWidth
        self._cmap = face.charToGlyph
        self.ascent = face.ascent / 1000
        self.descent = -face.descent / 1000
        self._cache: dict[str, float] = {}

    def char(self, ch: str) -> float:
        w = self._cache.get(ch)
        if w is None:
            w = self._cache[ch] = self._widths.get(ord(ch), self._default) / 1000
        return w

    def width(self, text: str, size: float) -> float:
        char = self.char
        return sum(char(c) for c in text) * size

    def missing(self, text: str) -> list[str]:
        """Characters the font has no glyph for, in order of first appearance (no duplicates).

        Spaces and line breaks are not glyphs anyone misses."""
        cmap = self._cmap
        seen: list[str] = []
        for ch in text:
            if ord(ch) not in cmap and not ch.isspace() and ch not in seen:
                seen.append(ch)
        return seen


@lru_cache(maxsize=1)
def metrics() -> Metrics:
    return Metrics()


def describe_chars(chars: list[str]) -> str:
    """'𪚥 (U+2A6A5), 䶮 (U+4DAE)': the code point lets someone look the character up."""
    return "、".join(f"{c} (U+{ord(c):04X})" for c in chars)
