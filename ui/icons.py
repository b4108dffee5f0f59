"""Drawn icons for timeline event types: a coloured tile with one Chinese character.

Drawn with QPainter rather than shipped as images so they stay crisp at any size and
need no resource build. The glyph is what a case manager already writes on paper
(筛 screening, 转 referral ...); the colour tells the types apart at a glance.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QFont
from PySide6.QtGui import QIcon
from PySide6.QtGui import QIconEngine
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
_DISABLED = "#c3c8cf"  # one grey for every kind: a disabled action shows its glyph, not its colour
_cache: dict[str, QIcon] = {}


def event_colour(kind: str) -> QColor:
    return QColor(EVENT_STYLE.get(kind, _UNKNOWN)[1])


def event_pixmap(kind: str, size: int) -> QPixmap:
    """One tile of `size` device-independent pixels, drawn at the screen's pixel ratio."""
    app = QApplication.instance()
    return _tile(kind, size, app.devicePixelRatio() if app is not None else 1.0)


def _tile(kind: str, size: int, ratio: float, disabled: bool = False) -> QPixmap:
    glyph, colour = EVENT_STYLE.get(kind, _UNKNOWN)
    if disabled:
        colour = _DISABLED
    app = QApplication.instance()
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


class _TileEngine(QIconEngine):
    """Draws a tile the first time a size is asked for. Drawing every kind at six sizes
    up front cost ~10 ms of glyph rendering when the first patient opened; the views
    ask for two sizes. A disabled tile is grey: asking the style to grey it cost more
    than drawing it (PySide builds QStyle's enums on first use)."""

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind
        self._pixmaps: dict[tuple[int, bool], QPixmap] = {}

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        side = max(1, min(size.width(), size.height()))  # device pixels
        disabled = mode == QIcon.Mode.Disabled
        found = self._pixmaps.get((side, disabled))
        if found is None:
            found = self._pixmaps[(side, disabled)] = _tile(self.kind, side, 1.0, disabled)
        return found

    def paint(self, painter: QPainter, rect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatio() if painter.device() is not None else 1.0
        side = round(min(rect.width(), rect.height()) * ratio)
        painter.drawPixmap(rect, self.pixmap(QSize(side, side), mode, state))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> QIconEngine:
        return _TileEngine(self.kind)


def event_icon(kind: str) -> QIcon:
    """The icon for an event kind, one per kind shared by every view; its tiles are
    drawn at the sizes the views ask for."""
    icon = _cache.get(kind)
    if icon is None:
        icon = _cache[kind] = QIcon(_TileEngine(kind))
    return icon


def clear_cache() -> None:
    """Forget drawn icons, e.g. after the application font changed."""
    _cache.clear()
