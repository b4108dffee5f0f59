"""Chinese line breaking (禁则): no line starts with closing punctuation, none ends with opening.

reportlab's wordWrap="CJK" still starts lines with "！", so letters break their own lines:
characters are measured with the font's widths, Latin words and numbers stay whole, and
when a line would start with "。" the previous character moves down with it (the line is
then justified so the right edge stays straight). Only when no legal break exists on the
line at all does the punctuation hang into the margin instead.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# GB/T 15834 point marks and closing brackets: never first on a line.
NO_START = frozenset(
    "。，、；：？！）》」』】〕〉〗〙］｝”’…—～·．・,.;:?!)]}%‰℃°′″々ー"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
# Opening brackets and quotes: never last on a line.
NO_END = frozenset("（《「『【〔〈〖〘［｛“‘([{￥$£")

# A Latin word, a number, a phone number or a date like 2026-11-30 stays on one line;
# "……" and "——" are one mark and are never split.
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.:/\-_@+'][A-Za-z0-9]+)*%?|……|——| +|.", re.S)


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    width: float  # natural width in points, without any justification
    indent: float  # points before the first character
    justify: bool  # spread to the full width (not for a paragraph's last line)


_EM: dict = {}  # per width function: token -> width in em; tokens repeat across letters


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


def break_lines(text: str, width: float, size: float, char_width: Callable[[str], float],
                first_indent: float = 0.0) -> list[Line]:
    """Break one paragraph into lines no wider than `width` points at font `size`.

    `char_width(ch)` is a character's advance in em (1/1000 of the font's units). The
    first line starts `first_indent` points in (the usual two-character indent).
    """
    tokens = tokenize(text.replace("\n", " ").strip())
    if not tokens:
        return []
    cache = _EM.setdefault(char_width, {})
    if len(cache) > 50_000:  # phone numbers and house numbers are mostly unique
        cache.clear()
    widths = []
    for t in tokens:
        em = cache.get(t)
        if em is None:
            em = cache[t] = sum(char_width(c) for c in t)
        widths.append(em * size)
    lines: list[Line] = []
    n, i, indent = len(tokens), 0, first_indent
    while i < n:
        avail = width - indent
        j, w = i, 0.0
        while j < n and w + widths[j] <= avail + 1e-6:
            w += widths[j]
            j += 1
        if j == n:
            lines.append(_line(tokens, widths, i, n, indent, justify=False))
            break
        if j == i:  # one token wider than the line (a very long number): split it
            tokens[i:i + 1], widths[i:i + 1] = _split_token(tokens[i], avail, size, char_width)
            n = len(tokens)
            continue
        k = _legal_break(tokens, i, j)
        lines.append(_line(tokens, widths, i, k, indent, justify=True))
        i, indent = k, 0.0
        while i < n and tokens[i].isspace():
            i += 1
    return lines


def _legal_break(tokens: list[str], start: int, j: int) -> int:
    """Where to end the line that holds tokens[start:j] and overflows at tokens[j]."""
    k = j
    while k > start + 1 and not _can_break(tokens, k):
        k -= 1  # push the character before the break down to the next line
    if _can_break(tokens, k):
        return k
    # No legal break on the whole line: let up to four marks ("。”）" …) hang past the margin.
    for hang in range(j + 1, j + 5):
        if hang <= len(tokens) and _can_break(tokens, hang):
            return hang
    return j  # nothing helps (a line of nothing but punctuation): break where it overflows


def _can_break(tokens: list[str], k: int) -> bool:
    """May a line end before tokens[k]? Spaces are looked through: "CT ；" must not
    leave "；" first on the next line just because a space came before it."""
    a = k
    while a < len(tokens) and tokens[a].isspace():
        a += 1
    if a >= len(tokens):
        return True
    if tokens[a][0] in NO_START:
        return False
    b = k - 1
    while b >= 0 and tokens[b].isspace():
        b -= 1
    return b < 0 or tokens[b][-1] not in NO_END


def _line(tokens: list[str], widths: list[float], i: int, k: int, indent: float, justify: bool) -> Line:
    while k > i + 1 and tokens[k - 1].isspace():
        k -= 1  # trailing spaces take no room at a line end
    return Line("".join(tokens[i:k]), sum(widths[i:k]), indent, justify)


def _split_token(token: str, avail: float, size: float, char_width) -> tuple[list[str], list[float]]:
    parts, widths, cur, w = [], [], "", 0.0
    for ch in token:
        cw = char_width(ch) * size
        if cur and w + cw > avail:
            parts.append(cur)
            widths.append(w)
            cur, w = "", 0.0
        cur += ch
        w += cw
    parts.append(cur)
    widths.append(w)
    return parts, widths


def char_space(line: Line, width: float, max_stretch_em: float, size: float) -> float:
    """Extra space after each character to make a justified line exactly `width` wide.

    A line pushed short by more than `max_stretch_em` (a long word moved down) is left
    ragged rather than spread into gaps a reader would notice."""
    if not line.justify or len(line.text) < 2:
        return 0.0
    slack = width - line.indent - line.width
    if slack <= 0 or slack > max_stretch_em * size:
        return 0.0
    return slack / (len(line.text) - 1)
