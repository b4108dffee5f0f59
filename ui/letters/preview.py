"""The preview pane: one letter's pages as images, with page navigation."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from ui.letters.painter import page_image

PREVIEW_WIDTH = 560  # pixels for the page's width: readable, and a whole A4 page fits a laptop screen


class PreviewPane(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pages: list = []
        self.index = 0
        self._message = ""
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setStyleSheet("QLabel { background: #8a8f96; padding: 12px; }")
        self.image.setWordWrap(True)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        self.prev_button = QPushButton()
        self.next_button = QPushButton()
        self.page_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.prev_button.clicked.connect(lambda: self.show_page(self.index - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.index + 1))
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.page_label, 1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(nav)
        self.retranslate()
        self.set_message("")

    def retranslate(self) -> None:
        self.prev_button.setText(self.tr("Previous page"))
        self.next_button.setText(self.tr("Next page"))
        self._update_nav()
        if not self.pages:
            self.image.setText(self._message or self.tr("Select a letter to preview it."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_pages(self, pages: list) -> None:
        self.pages, self._message = pages, ""
        self.show_page(0)

    def set_message(self, text: str) -> None:
        """No letter to show (nothing selected, or a letter that will not print): say why."""
        self.pages, self.index, self._message = [], 0, text
        self.image.setPixmap(QPixmap())
        self.image.setText(text or self.tr("Select a letter to preview it."))
        self._update_nav()

    def show_page(self, index: int) -> None:
        if not self.pages:
            return
        self.index = max(0, min(index, len(self.pages) - 1))
        self.image.setPixmap(QPixmap.fromImage(page_image(self.pages[self.index], PREVIEW_WIDTH)))
        self._update_nav()

    def _update_nav(self) -> None:
        n = len(self.pages)
        self.page_label.setText(self.tr("Page {page} of {pages}").format(page=self.index + 1, pages=n) if n else "")
        self.prev_button.setEnabled(n > 1 and self.index > 0)
        self.next_button.setEnabled(n > 1 and self.index < n - 1)
