"""The settings dialog: a list of pages on the left, Apply/OK validate and save them all.

Values go through app.settings (declared once, typed, with defaults).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QStackedWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.settings import Settings
from ui.settings.pages import GeneralPage
from ui.settings.pages import LettersPage
from ui.settings.pages import SecurityPage
from ui.settings.pages import SettingsPage
from ui.settings.pages import SyncPage


class SettingsDialog(QDialog):
    """Apply or OK validates every page, saves, then emits `saved` (the window re-reads)."""

    saved = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.pages: dict[str, SettingsPage] = {
            "general": GeneralPage(),
            "sync": SyncPage(),
            "security": SecurityPage(),
            "letters": LettersPage(),
        }
        self.nav = QListWidget()
        self.nav.setFixedWidth(130)
        self.stack = QStackedWidget()
        for page in self.pages.values():
            page.load(settings)
            self.nav.addItem(page.title())
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.Apply)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)
        self.resize(620, 380)
        self.retranslate()

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(list(self.pages).index(key))

    def apply(self) -> bool:
        """Validate all pages (so every message shows), then save; False leaves the dialog open."""
        first_bad: tuple[str, QWidget] | None = None
        for key, page in self.pages.items():
            field = page.validate()
            if field is not None and first_bad is None:
                first_bad = (key, field)
        if first_bad is not None:
            self.show_page(first_bad[0])
            first_bad[1].setFocus()
            return False
        for page in self.pages.values():
            page.save(self.settings)
        try:
            self.settings.save()
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("The settings could not be saved: {reason}").format(reason=exc.strerror))
            return False
        self.saved.emit()
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for row, page in enumerate(self.pages.values()):
            self.nav.item(row).setText(page.title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
