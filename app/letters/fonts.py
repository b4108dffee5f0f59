"""The letter fonts: WenQuanYi Micro Hei first, then the rare-character fallbacks, for reportlab.

Every desktop prints with the bundled TrueType fonts, subset-embedded, so a letter looks the
same at a community station as at the centre. WenQuanYi has the main CJK block but nothing
beyond it; names written with Extension A–H characters (𠮷, 𬌗 …) are drawn from three
fallback subsets (scripts/subset_font.py rebuilds them): Hanazono Mincho for Extensions A–F,
BabelStone Han for G–H. Each character is drawn by the first font that has it; a fallback is
read only when a text needs it, since the B–F file alone is 30 MB. Widths come from the
drawing font's own table and are cached per character: the line breaker asks for every
character of every letter.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from app.resources import resource_root

RESOURCES = resource_root()  # the resources package (app/resources.py)
FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
FONT_NAME = "WQYMicroHei"
FONT_FAMILY = "WenQuanYi Micro Hei"  # the family name Qt knows the same file by
SUBFONT_INDEX = 0  # 0 is the proportional face; 1 is the Mono face

EXT_A, EXT_B_TO_F, EXT_G_H = (0x3400, 0x4DBF), (0x20000, 0x2EBEF), (0x30000, 0x323AF)
COMPAT, COMPAT_SUP = (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)  # compatibility ideographs, if unnormalised
# (reportlab name, file, Qt family, the code point ranges the file draws), in fallback order.
FALLBACKS = (
    ("CaseDeskHanExtA", "casedesk-han-ext-a.ttf", "CaseDesk Han Ext A", (EXT_A, COMPAT, COMPAT_SUP)),
    ("CaseDeskHanExtBF", "casedesk-han-ext-bf.ttf", "CaseDesk Han Ext BF", (EXT_B_TO_F,)),
    # G and H, and the few A–C characters Hanazono lacks (to U+2B73F, the end of C).
    ("CaseDeskHanExtGH", "casedesk-han-ext-gh.ttf", "CaseDesk Han Ext GH", (EXT_A, (0x20000, 0x2B73F), EXT_G_H)),
)
FALLBACK_FILES = tuple(RESOURCES / "fonts" / f for _, f, _, _ in FALLBACKS)
FALLBACK_FAMILIES = tuple(family for _, _, family, _ in FALLBACKS)
FALLBACK_NAMES = tuple(name for name, _, _, _ in FALLBACKS)
_FALLBACK_RANGE = re.compile(
    "[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in (EXT_A, COMPAT, EXT_B_TO_F, COMPAT_SUP, EXT_G_H)) + "]")

_lock = threading.Lock()


def _register(name: str, path, **kw):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _lock:
        try:
            return pdfmetrics.getFont(name)
        except KeyError:
            _fix_reportlab_to_unicode()
            font = TTFont(name, str(path), **kw)
            pdfmetrics.registerFont(font)
            return font


@lru_cache(maxsize=1)
def letter_font():
    """The registered reportlab TTFont (registration is process-wide and idempotent)."""
    return _register(FONT_NAME, FONT_FILE, subfontIndex=SUBFONT_INDEX)


@lru_cache(maxsize=None)
def fallback_font(index: int):
    """FALLBACKS[index] registered with reportlab, read from disk the first time it is asked for."""
    name, file, _, _ = FALLBACKS[index]
    return _register(name, RESOURCES / "fonts" / file)


def _utf16_hex(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _fix_reportlab_to_unicode() -> None:
    """reportlab writes a ToUnicode entry as '%04X' of the code point, so 𠀀 (U+20000) becomes
    <20000>, which no reader takes as UTF-16: the letter prints right but its text copies
    and searches as garbage. PDF wants UTF-16BE, a surrogate pair beyond U+FFFF. Identical
    output for every character of the main plane."""
    from reportlab.pdfbase import ttfonts

    if getattr(ttfonts.makeToUnicodeCMap, "casedesk_utf16", False):
        return
    original = ttfonts.makeToUnicodeCMap

    def make_to_unicode_cmap(fontname, subset):
        text = original(fontname, subset)
        if all(v <= 0xFFFF for v in subset):
            return text
        head, _, tail = text.partition("beginbfchar")
        _, _, tail = tail.partition("endbfchar")
        pairs = "\n".join(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset))
        return f"{head}beginbfchar\n{pairs}\nendbfchar{tail}"

    make_to_unicode_cmap.casedesk_utf16 = True  # type: ignore[attr-defined]  # a marker on the function, on purpose
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


class Metrics:
    """Character widths in 1/1000 em, cached; `width(text, size)` in points.

    Line placement (ascent, descent) is the main font's: a fallback character sits on the
    same baseline in a line of ordinary text."""

    def __init__(self):
        face = letter_font().face
        self._widths = face.charWidths
        self._default = face.defaultWidth
        self._cmap = face.charToGlyph
        self.ascent = face.ascent / 1000
        self.descent = -face.descent / 1000
        self._cache: dict[str, float] = {}
        self._font_of: dict[str, str | None] = {}

    def font_of(self, ch: str) -> str | None:
        """The reportlab name of the font that draws `ch`, or None if no font has it."""
        code = ord(ch)
        if code in self._cmap:
            return FONT_NAME
        found = self._font_of.get(ch, "")
        if found == "":
            found = None
            for i, (name, _, _, ranges) in enumerate(FALLBACKS):
                if any(lo <= code <= hi for lo, hi in ranges) and code in fallback_font(i).face.charToGlyph:
                    found = name
                    break
            self._font_of[ch] = found
        return found

    def char(self, ch: str) -> float:
        w = self._cache.get(ch)
        if w is None:
            name = self.font_of(ch)
            if name is None or name == FONT_NAME:
                w = self._widths.get(ord(ch), self._default) / 1000
            else:
                face = fallback_font(FALLBACK_NAMES.index(name)).face
                w = face.charWidths.get(ord(ch), face.defaultWidth) / 1000
            self._cache[ch] = w
        return w

    def width(self, text: str, size: float) -> float:
        char = self.char
        return sum(char(c) for c in text) * size

    def runs(self, text: str) -> list[tuple[str, str]]:
        """`text` cut into (font name, piece) runs, each drawn in one font. A character no
        font has stays in the main font's run (prepare skips such letters before layout)."""
        if not _FALLBACK_RANGE.search(text):
            return [(FONT_NAME, text)]  # nearly every line: one regex scan, not a lookup per character
        cmap = self._cmap
        out: list[tuple[str, str]] = []
        start, current = 0, FONT_NAME
        for i, ch in enumerate(text):
            name = FONT_NAME if ord(ch) in cmap else (self.font_of(ch) or FONT_NAME)
            if name != current:
                if i > start:
                    out.append((current, text[start:i]))
                start, current = i, name
        if len(text) > start:
            out.append((current, text[start:]))
        return out

    def missing(self, text: str) -> list[str]:
        """Characters no letter font has a glyph for, in order of first appearance (no duplicates).

        Spaces and line breaks are not glyphs anyone misses."""
        cmap = self._cmap
        seen: list[str] = []
        for ch in text:
            if ord(ch) not in cmap and not ch.isspace() and ch not in seen and self.font_of(ch) is None:
                seen.append(ch)
        return seen



@lru_cache(maxsize=1)
def metrics() -> Metrics:
    return Metrics()


def describe_chars(chars: list[str]) -> str:
    """'𪚥 (U+2A6A5), 䶮 (U+4DAE)': the code point lets someone look the character up."""
    return "、".join(f"{c} (U+{ord(c):04X})" for c in chars)
