"""Draws a letter's layout pages with QPainter: the preview image and a real printer.

QtPdf is not part of our PySide6 wheels, so the preview does not rasterise the PDF; it
paints the same display list the PDF is drawn from (app/letters/layout.py), with the same
bundled font, which is exact and needs no external tool. Printing uses the same code on a
QPrinter, so paper shows what the preview showed.
"""
from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtCore import QPointF
from PySide6.QtCore import QRectF
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QFont
from PySide6.QtGui import QFontDatabase
from PySide6.QtGui import QImage
from PySide6.QtGui import QPageLayout
from PySide6.QtGui import QPageSize
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPen
from PySide6.QtPrintSupport import QPrinter

from app.letters.fonts import FALLBACK_FAMILIES
from app.letters.fonts import FONT_FAMILY
from app.letters.fonts import FONT_FILE
from app.letters.fonts import metrics as letter_metrics

UNIT = 100.0  # text is drawn at this pixel size and scaled, so any point size (10.5) is exact
_family: list[str] = []


def letter_family() -> str:
    """The bundled font's family, registered with Qt on first use."""
    if not _family:
        if FONT_FAMILY not in QFontDatabase.families():
            font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
            names = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            _family.append(next((n for n in names if "Mono" not in n), FONT_FAMILY))
        else:
            _family.append(FONT_FAMILY)
    return _family[0]


def _font(bold: bool) -> QFont:
    font = QFont()
    # The rare-character fonts the PDF falls back to, named here too: Qt's own fallback finds
    # them on Linux but not on every Windows desk (registered by ui/fonts.py at start).
    font.setFamilies([letter_family(), *FALLBACK_FAMILIES])
    font.setPixelSize(int(UNIT))
    font.setBold(bold)  # the one face is emboldened, as the PDF strokes it
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def paint_page(painter: QPainter, page, scale: float) -> None:
    """Paint one layout page; `scale` is device pixels per PDF point."""
    _paint(painter, page, scale)


def _paint(painter: QPainter, page, scale: float) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    h = page.height
    fonts = {False: _font(False), True: _font(True)}
    metrics = letter_metrics()
    for op in page.ops:
        kind = op[0]
        if kind == "line":
            _, x1, y1, x2, y2, width, colour = op
            painter.setPen(QPen(QColor(colour), width))
            painter.drawLine(QPointF(x1, h - y1), QPointF(x2, h - y2))
        elif kind == "rect":
            _, x, y, w, rh, width, edge, inside = op
            painter.setPen(QPen(QColor(edge), width) if edge else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(inside) if inside else Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x, h - y - rh, w, rh))
        else:
            _, x, y, size, text, cs, bold, colour = op
            painter.setFont(fonts[bold])
            painter.setPen(QColor(colour))
            painter.save()
            painter.translate(x, h - y)
            k = size / UNIT
            painter.scale(k, k)
            if cs:
                # Justified: each character placed from the font's own advances, as in the
                # PDF. (QFont letter spacing is applied in device units on a printer.)
                pos, step = 0.0, cs / k
                for ch in text:
                    painter.drawText(QPointF(pos, 0), ch)
                    pos += metrics.char(ch) * UNIT + step
            else:
                painter.drawText(QPointF(0, 0), text)
            painter.restore()
    painter.restore()


def page_image(page, width_px: int) -> QImage:
    """The page as an image `width_px` wide, on white paper."""
    scale = width_px / page.width
    image = QImage(int(page.width * scale), int(page.height * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_page(painter, page, scale)
    painter.end()
    return image


def setup_printer(printer: QPrinter, paper: str) -> None:
    size = QPageSize.PageSizeId.A5 if paper == "A5" else QPageSize.PageSizeId.A4
    printer.setPageLayout(QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait,
                                      QMarginsF(), QPageLayout.Unit.Point))
    printer.setFullPage(True)  # our layout has its own margins, measured from the paper's edge


def print_pages(printer: QPrinter, letters, cancelled=None) -> bool:
    """Paint every page of `letters` (an iterable of page lists) on `printer`.

    Runs on a worker thread (QPainter on a QPrinter may). Returns False when cancelled,
    after aborting the job so nothing half-printed is sent."""
    return _print_pages(printer, letters, cancelled)


def _print_pages(printer: QPrinter, letters, cancelled) -> bool:
    painter = QPainter()
    started = False
    scale = printer.resolution() / 72.0
    for pages in letters:
        if cancelled is not None and cancelled():
            break
        for page in pages:
            if not started:
                if not painter.begin(printer):
                    raise RuntimeError("The printer could not be started.")
                started = True
            else:
                printer.newPage()
            paint_page(painter, page, scale)
    else:
        if started:
            painter.end()
        return True
    if started:
        printer.abort()
        painter.end()
    return False
