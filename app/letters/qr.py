"""A QR code as filled rectangles of the layout's display list.

Drawn as plain "rect" ops, the code prints through reportlab and the Qt preview alike
with no renderer knowing about QR codes. Each row's run of dark modules is one rectangle
(a slip's code is ~150 of them, not ~220 single modules). segno makes the matrix; the
QR holds just the referral's short code, so a barcode scanner that types into the
receiving site's lookup field finds the referral with no network.
"""
from __future__ import annotations

import segno

QUIET = 2  # modules of white margin the symbol needs around it (printed paper is white)


def matrix(data: str) -> list[list[bool]]:
    """Medium error correction: a slip survives a crease or a coffee ring."""
    code = segno.make(data, error="m", micro=False, boost_error=False)
    return [[bool(m) for m in row] for row in code.matrix]


def qr_ops(data: str, x: float, top: float, size: float, colour: str = "#000000") -> list[tuple]:
    """Rect ops drawing `data` as a QR code `size` points wide, its top-left at (x, top)."""
    rows = matrix(data)
    n = len(rows)
    module = size / (n + 2 * QUIET)
    ops = []
    for r, row in enumerate(rows):
        y = top - (QUIET + r + 1) * module
        c = 0
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            ops.append(("rect", x + (QUIET + start) * module, y, (c - start) * module, module, 0, None, colour))
    return ops
