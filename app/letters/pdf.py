"""Draws layout pages into one PDF with reportlab, the bundled fonts subset-embedded.

The canvas starts in the letter font (initialFontName), so no Helvetica is ever declared:
`pdffonts` lists the letter font, embedded, and a fallback font only when a rare character
needed it. The file is written beside its target and renamed
when complete, so a cancelled or failed batch never leaves half a PDF under the real name.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from app.letters.fonts import FONT_NAME
from app.letters.fonts import letter_font
from app.letters.fonts import metrics
from app.letters.layout import Page

BOLD_STROKE = 0.035  # fake bold: the one face is stroked as well as filled, by this share of the size


class PdfWriter:
    def __init__(self, out: Path, title: str = "", author: str = "CaseDesk"):
        letter_font()
        self.out = Path(out)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        # A fresh name, created by reportlab on save with the usual permissions (not mkstemp's 0600).
        self.tmp = str(self.out.with_name(f".{self.out.stem}.{uuid.uuid4().hex[:8]}.pdf.part"))
        self.canvas = Canvas(self.tmp, initialFontName=FONT_NAME, initialFontSize=12, pageCompression=1)  # type: ignore[arg-type]  # types-reportlab: a font name, not a float
        self.canvas.setTitle(title)
        self.canvas.setAuthor(author)
        self.canvas.setCreator("CaseDesk letters")
        self.pages = 0
        self._colours: dict[str, Color] = {}

    def colour(self, hex_: str) -> Color:
        c = self._colours.get(hex_)
        if c is None:
            c = self._colours[hex_] = HexColor(hex_)
        return c

    def add_pages(self, pages: list[Page]) -> None:
        """Shapes first, then every text of the page in ONE text object.

        No shape of a letter covers text, so the order is safe; one BT…ET per page with
        font, colour and spacing set only when they change is what makes our pages
        cheaper to draw than a drawString per line."""
        c = self.canvas
        for page in pages:
            c.setPageSize((page.width, page.height))
            width = fill = stroke = None  # showPage resets the graphics state
            texts = []
            for op in page.ops:
                kind = op[0]
                if kind == "text":
                    texts.append(op)
                    continue
                lw, colour = (op[5], op[6]) if kind == "line" else (op[5], op[6] or stroke)
                if lw != width:
                    c.setLineWidth(lw)
                    width = lw
                if colour is not None and colour != stroke:  # None: a rect without a stroke, none set yet
                    c.setStrokeColor(self.colour(colour))
                    stroke = colour
                if kind == "line":
                    c.line(op[1], op[2], op[3], op[4])
                    continue
                if op[7] and op[7] != fill:
                    c.setFillColor(self.colour(op[7]))
                    fill = op[7]
                c.rect(op[1], op[2], op[3], op[4], stroke=1 if op[6] else 0, fill=1 if op[7] else 0)
            bold = [op[3] for op in texts if op[6]]
            if bold:
                c.setLineWidth(max(bold) * BOLD_STROKE)
            self._texts(texts, fill)
            c.showPage()
            self.pages += 1

    def _texts(self, texts: list[tuple], fill: str | None) -> None:
        t = self.canvas.beginText()
        size = cs = font = None
        bold = False
        runs = metrics().runs
        for _, x, y, sz, text, space, is_bold, colour in texts:
            if sz != size:
                t.setFont(FONT_NAME, sz)
                size, font = sz, FONT_NAME
            if colour != fill:
                t.setFillColor(self.colour(colour))
                fill = colour
                if is_bold:
                    t.setStrokeColor(self.colour(colour))
            if is_bold != bold:
                t.setTextRenderMode(2 if is_bold else 0)
                if is_bold:
                    t.setStrokeColor(self.colour(colour))
                bold = is_bold
            if space != cs:
                t.setCharSpace(space)
                cs = space
            t.setTextOrigin(x, y)
            # A rare character comes from a fallback font: a font change inside the text
            # object, the pen carrying on from where the last run ended.
            for name, piece in runs(text):
                if name != font:
                    t.setFont(name, sz)
                    font = name
                t.textOut(piece)
        self.canvas.drawText(t)

    def finish(self) -> Path:
        self.canvas.save()
        os.replace(self.tmp, self.out)
        return self.out

    def abandon(self) -> None:
        if os.path.exists(self.tmp):
            os.remove(self.tmp)
