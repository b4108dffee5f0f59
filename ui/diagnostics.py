"""Help ▸ Export diagnostics…: the zip of logs, versions and settings (app/diagnostics.py)
that a station sends to the county's IT person when something went wrong."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from app import diagnostics
from ui.file_dialogs import save_path
from ui.tasks import run_in_background


class DiagnosticsEntry(QObject):
    def __init__(self, window, menu):
        super().__init__(window)
        self.action = QAction(window)
        self.action.triggered.connect(self.ask)
        menu.insertAction(menu.actions()[0] if menu.actions() else None, self.action)
        window.installEventFilter(self)
        self.retranslate()

    @property
    def window(self):
        """The window is this object's Qt parent; no Python reference of ours keeps it alive
        after Qt deleted it (a cycle would)."""
        return self.parent()

    def suggested_path(self) -> Path:
        folder = (QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DesktopLocation)
                  or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation))
        return Path(folder) / diagnostics.default_name()

    def ask(self) -> None:
        chosen = save_path(self.window, self.tr("Export diagnostics"), self.suggested_path().name,
                           self.tr("Zip files (*.zip)"))
        if chosen:
            self.export(Path(chosen))

    def export(self, target: Path) -> None:
        """Written on the database lane (it counts rows); the answer comes back as a message."""
        if target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")
        extra, profile = {"qt": _qt_version()}, self.window.profile
        run_in_background(lambda: diagnostics.write(target, profile, extra),
                          on_done=self._written, on_error=self._failed, owner=self.window)

    def _written(self, target: Path) -> None:
        QMessageBox.information(self.window, self.tr("Diagnostics exported"), self.tr(
            "Written to {file}.\n\nIt holds the logs, versions and settings: no patient data and no passwords. "
            "Send it to your IT contact.").format(file=target))

    def _failed(self, exc: Exception) -> None:
        QMessageBox.warning(self.window, self.tr("Diagnostics not exported"), self.tr(
            "The file could not be written ({reason}). Choose another folder, one with free space.")
            .format(reason=getattr(exc, "strerror", None) or type(exc).__name__))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.action.setText(self.tr("Export &diagnostics…"))


def _qt_version() -> str:
    from PySide6 import __version__

    return __version__
