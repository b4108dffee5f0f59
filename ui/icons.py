"""Drawn icons for timeline event types: a coloured tile with one Chinese character.

Drawn with QPainter rather than shipped as images so they stay crisp at any size and
need no resource build. The glyph is what a case manager already writes on paper
(筛 screening, 转 referral ...); the colour tells the types apart at a glance.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QFont
from PySide6.QtGui import QIcon
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

# kind → (glyph, colour). Kinds are app.patients.EVENT_KINDS.
EVENT_STYLE: dict[str, tuple[str, str]] = {
    "screening": ("筛", "#1f77b4"),
    "referral": ("转", "#d9711c"),
    "exam": ("检", "#0f8a8a"),
    "mdt": ("会", "#7b4fa6"),
    "treatment": ("治", "#c8394b"),
    "followup": ("访", "#2e8b3e"),
    "letter": ("信", "#8c6239"),
    "note": ("记", "#5f6f80"),
    "call": ("电", "#c2549b"),
    "stage": ("期", "#a67c00"),
}
_UNKNOWN = ("·", "#8a8f96")
_SIZES = (16, 20, 24, 32, 48, 64)
_cache: dict[str, QIcon] = {}


def event_colour(kind: str) -> QColor:
    return QColor(EVENT_STYLE.get(kind, _UNKNOWN)[1])


def event_pixmap(kind: str, size: int) -> QPixmap:
    """One tile of `size` device-independent pixels, drawn at the screen's pixel ratio."""
    glyph, colour = EVENT_STYLE.get(kind, _UNKNOWN)
    app = QApplication.instance()
    ratio = app.devicePixelRatio() if app is not None else 1.0
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    rect = QRectF(0.5, 0.5, size - 1, size - 1)
    p.drawRoundedRect(rect, size * 0.22, size * 0.22)
    # The application font carries the bundled CJK family as a fallback (ui/fonts.py).
    font = QFont(QApplication.font()) if app is not None else QFont()
    font.setPixelSize(max(8, round(size * 0.64)))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(rect.adjusted(0, -size * 0.02, 0, -size * 0.02), Qt.AlignmentFlag.AlignCenter, glyph)
    p.end()
    return pixmap


def event_icon(kind: str) -> QIcon:
    """The icon for an event kind, built once per kind and shared by every view."""
    icon = _cache.get(kind)
    if icon is None:
        icon = QIcon()
        for size in _SIZES:
            icon.addPixmap(event_pixmap(kind, size))
        _cache[kind] = icon
    return icon


def clear_cache() -> None:
    """Forget drawn icons, e.g. after the application font changed."""
    _cache.clear()
