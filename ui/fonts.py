"""The bundled CJK font, so Chinese renders on machines without any system CJK font."""
from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from app.letters.fonts import FALLBACK_FILES
from ui.resources import resources_dir

FONT_FILE = "fonts/wqy-microhei.ttc"
# Names only, so the sentence it goes into reads in either language.
FONT_LICENCE = ("WenQuanYi Micro Hei (Apache-2.0 / GPLv3), Hanazono Mincho (Hanazono Font License / OFL-1.1), "
                "BabelStone Han (Arphic Public License)")


def install_bundled_font(app: QApplication) -> list[str]:
    """Register the bundled font and put it behind the system UI font as a fallback.

    The system family stays first so Latin text keeps the platform look; characters it
    lacks (all of Chinese on a bare machine) fall through to WenQuanYi Micro Hei, and
    a name's Extension A–H characters on to the rare-character fonts.
    Returns the families registered (empty if the file is missing or unreadable).
    """
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / FONT_FILE))
    if font_id < 0:
        return []
    families = [f for f in QFontDatabase.applicationFontFamilies(font_id) if "Mono" not in f]
    for path in FALLBACK_FILES:  # the same files the letters print with
        families += QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(path)))
    font = QFont(app.font())
    current = [f for f in font.families() or [font.family()] if f not in families]
    font.setFamilies(current + families)
    app.setFont(font)
    return families


FONT_SCALES = {"small": 0.9, "standard": 1.0, "large": 1.2, "xlarge": 1.4}
_BASE = "casedeskBasePointSize"  # the platform's own size, before any scaling
_SCALE = "casedeskFontScale"


def row_height(widget) -> int:
    """A table row tall enough for one line of the widget's font (26 px at the standard size)."""
    return max(26, widget.fontMetrics().height() + 10)


def apply_font_size(app: QApplication, size: str) -> float:
    """Scale the whole interface's text at once: the application font, every widget that set
    a font of its own (a title 1.5× the text stays 1.5×), and table rows. Windows opened
    later derive their fonts from the application font, so they follow by themselves."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView
    from PySide6.QtWidgets import QTableView

    scale = FONT_SCALES.get(size, 1.0)
    base = app.property(_BASE)
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty(_BASE, base)
    old = app.property(_SCALE) or 1.0
    if abs(scale - old) < 1e-6:
        return scale
    ratio = scale / old
    own = [w for w in app.allWidgets() if w.testAttribute(Qt.WidgetAttribute.WA_SetFont)]
    font = QFont(app.font())
    font.setPointSizeF(base * scale)
    app.setFont(font)
    app.setProperty(_SCALE, scale)
    for widget in own:
        scaled = QFont(widget.font())
        if scaled.pointSizeF() > 0:
            scaled.setPointSizeF(scaled.pointSizeF() * ratio)
            widget.setFont(scaled)
    for table in (w for w in app.allWidgets() if isinstance(w, QTableView)):
        header = table.verticalHeader()
        header.setDefaultSectionSize(max(row_height(table), round(header.defaultSectionSize() * ratio)))
    for header in (w for w in app.allWidgets() if isinstance(w, QHeaderView)
                   and w.orientation() == Qt.Orientation.Horizontal):
        _widen(header, ratio)  # columns sized for the old text would cut the new one short ("…")
    return scale


def font_scale() -> float:
    """The text size applied now (1.0 = the platform's own)."""
    app = QApplication.instance()
    return float((app.property(_SCALE) if app is not None else None) or 1.0)


def widen(header, ratio: float) -> None:
    """Scale a horizontal header's interactive columns (not the stretched last one)."""
    _widen(header, ratio)


def _widen(header, ratio: float) -> None:
    from PySide6.QtWidgets import QHeaderView

    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionResizeMode(section) != QHeaderView.ResizeMode.Interactive:
            continue
        if header.stretchLastSection() and section == header.count() - 1:
            continue
        header.resizeSection(section, round(header.sectionSize(section) * ratio))
