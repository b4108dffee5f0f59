"""Page layout of one letter as a display list, drawn by reportlab (PDF) or QPainter (preview, printer).

One layout for both means the preview and a printer show exactly what the PDF holds.
Coordinates are PDF points, origin bottom-left; a text op's y is its baseline. Ops:
    ("text", x, y, size, text, char_space, bold, colour)
    ("line", x1, y1, x2, y2, width, colour)
    ("rect", x, y, w, h, line_width, stroke_colour_or_None, fill_colour_or_None)
"""
from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from app.letters.breaker import break_lines
from app.letters.breaker import char_space
from app.letters.fonts import metrics
from app.letters.qr import qr_ops

MM = 72 / 25.4
BRAND = "#1f4e79"  # letterhead blue
INK, GREY, RULE, CELL = "#111111", "#555555", "#8a99a8", "#eaf0f6"


@dataclass(frozen=True)
class Paper:
    name: str
    width: float
    height: float
    margin_x: float
    margin_y: float
    scale: float  # type sizes relative to A4


PAPERS = {
    "A4": Paper("A4", 210 * MM, 297 * MM, 25 * MM, 18 * MM, 1.0),
    "A5": Paper("A5", 148 * MM, 210 * MM, 15 * MM, 12 * MM, 0.8),
}


@dataclass
class Filled:
    """A letter with every field filled in: what layout draws."""

    letterhead: str
    sender: str  # the line under the letterhead: station, address, phone
    number: str
    print_date: str
    recipient: tuple[str, ...]  # address lines
    title: str
    salutation: str
    body: list[str]
    details: list[tuple[str, str]]
    closing: list[str]
    signature: list[str]
    note: list[str]
    footer: str
    qr: str = ""  # printed as a QR code with the text under it (a referral slip's short code)


@dataclass
class Page:
    width: float
    height: float
    ops: list[tuple] = field(default_factory=list)


class _Flow:
    def __init__(self, paper: Paper, letter: Filled):
        self.p, self.letter, self.m = paper, letter, metrics()
        s = paper.scale
        self.body, self.lead = 12 * s, 12 * s * 1.8
        self.left, self.right = paper.margin_x, paper.width - paper.margin_x
        self.width = self.right - self.left
        self.bottom = paper.margin_y + 20 * s  # room for the footer
        self.pages: list[Page] = []
        self.new_page()

    def new_page(self) -> None:
        self.page = Page(self.p.width, self.p.height)
        self.pages.append(self.page)
        self.y = self.p.height - self.p.margin_y
        if len(self.pages) > 1:  # continuation header
            s = self.p.scale
            self.y -= 9 * s
            self.text(self.left, self.y, 9 * s, f"{self.letter.letterhead} · {self.letter.title}（续）", colour=GREY)
            self.text_right(self.y, 9 * s, self.letter.recipient[-1], colour=GREY)
            self.y -= 5 * s
            self.op("line", self.left, self.y, self.right, self.y, 0.5, RULE)
            self.y -= 14 * s

    def need(self, h: float) -> None:
        if self.y - h < self.bottom:
            self.new_page()

    def op(self, *args) -> None:
        self.page.ops.append(args)

    def text(self, x, y, size, text, cs=0.0, bold=False, colour=INK) -> None:
        self.op("text", x, y, size, text, cs, bold, colour)

    def text_centre(self, y, size, text, cs=0.0, bold=False, colour=INK) -> None:
        w = self.m.width(text, size) + cs * (len(text) - 1)
        self.text(self.left + (self.width - w) / 2, y, size, text, cs, bold, colour)

    def text_right(self, y, size, text, colour=INK) -> None:
        self.text(self.right - self.m.width(text, size), y, size, text, colour=colour)

    def paragraph(self, text: str, size: float, lead: float, indent_em: float = 2, colour=INK,
                  x: float | None = None, width: float | None = None) -> None:
        x = self.left if x is None else x
        width = self.width if width is None else width
        for line in break_lines(text, width, size, self.m.char, indent_em * size):
            self.need(lead)
            self.y -= lead
            cs = char_space(line, width, 2.5, size)
            self.text(x + line.indent, self.y + (lead - size) * 0.3, size, line.text, cs, colour=colour)


def layout(letter: Filled, paper: Paper) -> list[Page]:
    f = _Flow(paper, letter)
    s = paper.scale
    _letterhead(f, letter, s)
    qr_bottom = _qr(f, letter.qr, s) if letter.qr else f.y
    # Recipient block, then the title.
    f.y -= 8 * s
    for i, line in enumerate(letter.recipient):  # where a window envelope shows the address
        f.y -= 16 * s
        f.text(f.left, f.y, 11.5 * s if i else 10.5 * s, line, bold=bool(i), colour=INK)
    f.y -= 36 * s
    title_size = 20 * s
    cs = title_size * 0.35 if len(letter.title) <= 6 else 0.0
    f.text_centre(f.y, title_size, letter.title, cs, bold=True)
    f.y = min(f.y, qr_bottom) - 10 * s
    f.paragraph(letter.salutation, f.body, f.lead, indent_em=0)
    for para in letter.body:
        f.paragraph(para, f.body, f.lead)
    if letter.details:
        f.y -= 8 * s
        _details(f, letter.details, s)
    f.y -= 4 * s
    for para in letter.closing:
        f.paragraph(para, f.body, f.lead)
    _signature(f, letter.signature, s)
    if letter.note:
        f.need(30 * s)
        f.y -= 16 * s
        for para in letter.note:
            f.paragraph(para, 9 * s, 9 * s * 1.6, indent_em=0, colour=GREY)
    _footers(f, letter, s)
    return f.pages


def _letterhead(f: _Flow, letter: Filled, s: float) -> None:
    size = 19 * s
    f.y -= size * f.m.ascent
    f.text_centre(f.y, size, letter.letterhead, cs=size * 0.12, bold=True, colour=BRAND)
    if letter.sender:
        f.y -= 15 * s
        f.text_centre(f.y, 8.5 * s, letter.sender, colour=GREY)
    f.y -= 8 * s
    f.op("line", f.left, f.y, f.right, f.y, 1.8 * s, BRAND)
    f.op("line", f.left, f.y - 2.6 * s, f.right, f.y - 2.6 * s, 0.5 * s, BRAND)
    f.y -= 16 * s
    f.text(f.left, f.y, 9 * s, f"编号：{letter.number}", colour=GREY)
    f.text_right(f.y, 9 * s, f"日期：{letter.print_date}", colour=GREY)


def _qr(f: _Flow, code: str, s: float) -> float:
    """The code at the top right, beside the recipient block, its text under it; returns
    the lowest y it uses so the letter's text starts below it."""
    size = 26 * MM * s
    top = f.y - 4 * s
    for op in qr_ops(code, f.right - size, top, size, INK):
        f.op(*op)
    # At most as wide as the QR code: nine-character network codes ("WMW-WMWMW") would
    # otherwise reach into the right margin.
    label = min(13 * s, 13 * s * size / max(f.m.width(code, 13 * s), 1))
    y = top - size - label * 0.8
    f.text(f.right - size / 2 - f.m.width(code, label) / 2, y, label, code, bold=True)
    return y - 6 * s


def _details(f: _Flow, rows: list[tuple[str, str]], s: float) -> None:
    size, lead, pad = 11 * s, 11 * s * 1.55, 5 * s
    label_w = max(max(f.m.width(label, size) for label, _ in rows), 4 * size) + 2 * pad
    value_w = f.width - label_w - 2 * pad
    for label, value in rows:
        lines = break_lines(value, value_w, size, f.m.char) or []
        h = max(1, len(lines)) * lead + pad
        f.need(h)
        top = f.y
        f.op("rect", f.left, top - h, label_w, h, 0.6, RULE, CELL)
        f.op("rect", f.left + label_w, top - h, f.width - label_w, h, 0.6, RULE, None)
        base = top - pad / 2 - lead + (lead - size) * 0.35
        f.text(f.left + pad, base, size, label, colour=GREY)
        for line in lines:
            f.text(f.left + label_w + pad, base, size, line.text, char_space(line, value_w, 2, size))
            base -= lead
        f.y = top - h


def _signature(f: _Flow, lines: list[str], s: float) -> None:
    size, lead = f.body, f.body * 1.6
    h = 18 * s + lead * len(lines)
    f.need(h)
    f.y -= 18 * s
    width = max(f.m.width(line, size) for line in lines)
    x = f.right - width - f.body  # one character in from the right edge, lines centred on each other
    for line in lines:
        f.y -= lead
        f.text(x + (width - f.m.width(line, size)) / 2, f.y, size, line)


def _footers(f: _Flow, letter: Filled, s: float) -> None:
    total, size = len(f.pages), 8 * s
    y = f.p.margin_y
    for n, page in enumerate(f.pages, start=1):
        f.page = page
        f.op("line", f.left, y + 11 * s, f.right, y + 11 * s, 0.4, RULE)
        f.text(f.left, y, size, letter.footer, colour=GREY)
        label = f"第 {n} 页 / 共 {total} 页"
        f.text(f.right - f.m.width(label, size), y, size, label, colour=GREY)
