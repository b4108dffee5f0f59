"""The window as the person left it: its size and place, splitters, column widths and sort
order, kept per computer account (QSettings) — and always inside a screen that is there.

A view is known by its path from the window (object names where set, else class name and
position among its siblings), so every table is kept without naming each one. A saved state
that no longer fits (a column added by an upgrade) is refused by Qt's restoreState and the
view keeps its defaults. Views built later (a page opened for the first time) get theirs when
they are first shown.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import QRect
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QWidget

from ui.fonts import font_scale
from ui.fonts import widen

GROUP = "window"
MARGIN = 8  # px kept free at the screen's edge


def settings() -> QSettings:
    """The application's (CaseDesk/CaseDesk, ui/app.py) in the default format: the registry on
    Windows, an ini file elsewhere (tests point it at a folder of their own)."""
    return QSettings()


def widget_path(widget: QWidget, top: QWidget) -> str:
    parts = []
    while widget is not None and widget is not top:
        parent = widget.parentWidget()
        name = widget.objectName()
        if not name:
            siblings = [c for c in (parent.children() if parent else []) if type(c) is type(widget)]
            name = f"{type(widget).__name__}{siblings.index(widget) if widget in siblings else 0}"
        parts.append(name)
        widget = parent
    return "/".join(reversed(parts))


def fit_on_screen(window: QWidget) -> None:
    """Move and shrink the window into the available area of the screen it is (mostly) on,
    or of the primary screen if it is on none (a laptop unplugged from its second monitor)."""
    frame = window.frameGeometry()
    screens = QGuiApplication.screens()
    screen = next((s for s in screens if s.availableGeometry().intersects(frame)), QGuiApplication.primaryScreen())
    if screen is None:
        return
    area: QRect = screen.availableGeometry().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    extra_w = frame.width() - window.width()  # the title bar and borders
    extra_h = frame.height() - window.height()
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.top()), area.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class WindowState(QObject):
    """Restores the window's geometry at once, each view's state when it is first shown,
    and saves all of them when the window closes."""

    def __init__(self, window: QWidget, store: QSettings | None = None):
        super().__init__(window)
        self.store = store or settings()
        self.restored: set[int] = set()
        geometry = self.store.value(f"{GROUP}/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
        fit_on_screen(window)
        window.installEventFilter(self)
        stack = getattr(window, "stack", None)  # the main window's pages: a page's views show when it does
        if stack is not None:
            stack.currentChanged.connect(lambda _index: QTimer.singleShot(0, self.restore_views))

    @property
    def window(self):
        """The window is this object's Qt parent; no Python reference of ours keeps it alive
        after Qt deleted it (a cycle would)."""
        return self.parent()

    def views(self) -> list[QWidget]:
        return [*self.window.findChildren(QSplitter), *self.window.findChildren(QHeaderView)]

    def restore_views(self) -> None:
        for view in self.views():
            if id(view) in self.restored or not view.isVisible():
                continue
            self.restored.add(id(view))
            key = f"{GROUP}/views/{widget_path(view, self.window)}"
            state = self.store.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty() and view.restoreState(state):
                # Widths kept at another text size (a shared desk: each person has their own)
                # are scaled to this one, or bigger text would be cut short.
                saved = float(self.store.value(f"{key}/scale", 1.0) or 1.0)
                if isinstance(view, QHeaderView) and view.orientation() == Qt.Orientation.Horizontal \
                        and abs(font_scale() - saved) > 1e-6:
                    widen(view, font_scale() / saved)

    def save(self) -> None:
        self.store.setValue(f"{GROUP}/geometry", self.window.saveGeometry())
        for view in self.views():
            if id(view) in self.restored or view.isVisible():  # never overwrite a state not yet applied
                key = f"{GROUP}/views/{widget_path(view, self.window)}"
                self.store.setValue(key, view.saveState())
                self.store.setValue(f"{key}/scale", font_scale())
        self.store.sync()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window:
            if event.type() in (QEvent.Type.Show, QEvent.Type.LayoutRequest):
                self.restore_views()
            elif event.type() == QEvent.Type.Close:
                self.save()
        return super().eventFilter(watched, event)
