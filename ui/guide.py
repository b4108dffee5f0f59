"""Help ▸ User guide: the Chinese 用户手册 (resources/guide/), shown in a window of its own.

The guide is Markdown with PNG screenshots beside it. It is shown by Qt's own Markdown
reader rather than handed to the operating system: a clinic's Windows desktop usually has
no program for .md files, and openUrl would then fail without a word. The same file opens
from a checkout, a wheel and a frozen build (it sits in the resources package)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction
from PySide6.QtGui import QDesktopServices
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QTextCursor
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import QTextFormat
from PySide6.QtGui import QTextImageFormat
from PySide6.QtWidgets import QTextBrowser
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.resources import resource_root

GUIDE_FILE = "用户手册.md"


def guide_path() -> Path:
    return resource_root() / "guide" / GUIDE_FILE


class GuideWindow(QWidget):
    """The guide, readable at any window width: screenshots shrink to fit, never overflow."""

    MARGIN = 80  # the document margin, a list indent and the scroll bar

    def __init__(self, path: Path, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        # Wide enough for the screenshots at their own size, inside the screen it opens on.
        room = self.screen().availableGeometry()
        self.resize(min(1280, room.width() - 40), min(760, room.height() - 40))
        self.retranslate()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.fit_images)  # once the viewport has its width

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_images()

    def fit_images(self) -> None:
        """Each screenshot at its own size, or the width of the window if that is narrower."""
        document = self.browser.document()
        room = max(200, self.browser.viewport().width() - self.MARGIN)
        images = []  # collected first: changing a format while walking the fragments moves them
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    images.append((fragment.position(), fragment.length(),
                                   fragment.charFormat().toImageFormat()))
                it += 1
            block = block.next()
        cursor = QTextCursor(document)
        for position, length, image_format in images:
            natural = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image_format.name()))
            width = natural.width() if hasattr(natural, "width") and natural.width() > 0 else room
            wanted = min(width, room)
            if image_format.width() == wanted:
                continue
            resized = QTextImageFormat(image_format)
            resized.setWidth(wanted)
            resized.clearProperty(QTextFormat.Property.ImageHeight)  # keep the proportions
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(resized)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("CaseDesk user guide"))


class GuideEntry(QObject):
    """Help ▸ User guide (F1), first in the Help menu."""

    def __init__(self, window, menu):
        super().__init__(window)
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.action.triggered.connect(self.open)
        menu.insertAction(menu.actions()[0] if menu.actions() else None, self.action)
        window.installEventFilter(self)
        self.retranslate()

    @property
    def window(self):
        return self.parent()

    @property
    def path(self) -> Path:
        return guide_path()

    def open(self) -> QWidget | None:
        """The guide's window; if Qt cannot show Markdown here, the system's own program."""
        path = self.path
        try:
            viewer = GuideWindow(path, self.window)
        except Exception:  # noqa: BLE001 — the guide must still open somehow
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            return None
        viewer.show()
        return viewer

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&User guide"))
