"""File ▸ Import screening list…: the menu action that opens the import dialog."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeySequence


class ImportAction(QObject):
    """Puts the action at the top of the window's File menu and keeps its text in the
    interface language (a QAction gets no LanguageChange of its own)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog = None
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence("Ctrl+I"))
        self.action.triggered.connect(lambda: self.open())
        menu = window.file_menu
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.action)
        menu.insertSeparator(first)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Import screening list…"))

    def open(self, path=None):
        """Window-modal and non-blocking, like the settings dialog."""
        # Imported here: the importer brings pypinyin's tables (half a second), which
        # every start would otherwise pay for a dialog most sessions never open.
        from ui.screening.import_dialog import ImportDialog

        if self.dialog is None:
            self.dialog = ImportDialog(self.window.profile, path, self.window)
            self.dialog.finished.connect(self._closed)
        self.dialog.open()
        return self.dialog

    def _closed(self) -> None:
        self.dialog.deleteLater()
        self.dialog = None

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
