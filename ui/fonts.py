"""The bundled CJK font, so Chinese renders on machines without any system CJK font."""
from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from ui.resources import resources_dir

FONT_FILE = "fonts/wqy-microhei.ttc"
FONT_LICENCE = "WenQuanYi Micro Hei (Apache-2.0 / GPLv3)"


def install_bundled_font(app: QApplication) -> list[str]:
    """Register the bundled font and put it behind the system UI font as a fallback.

    The system family stays first so Latin text keeps the platform look; characters it
    lacks (all of Chinese on a bare machine) fall through to WenQuanYi Micro Hei.
    Returns the families registered (empty if the file is missing or unreadable).
    """
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / FONT_FILE))
    if font_id < 0:
        return []
    families = [f for f in QFontDatabase.applicationFontFamilies(font_id) if "Mono" not in f]
    font = QFont(app.font())
    current = [f for f in font.families() or [font.family()] if f not in families]
    font.setFamilies(current + families)
    app.setFont(font)
    return families
