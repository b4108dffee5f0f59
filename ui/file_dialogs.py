"""Choosing a file to open or save: in the person's documents folder, in the window's
language, with a suggested name.

Qt's own dialog is used rather than the system's: the system dialog speaks the system's
language, and a Chinese window with an English file dialog is two languages on one screen
(the translations for Qt's dialog ship with CaseDesk, ui/i18n.py). The folder last used is
remembered for the session.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QWidget

_last_folder: Path | None = None


def documents() -> Path:
    folder = (QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
              or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation))
    return Path(folder)


def start_folder() -> Path:
    return _last_folder if _last_folder is not None and _last_folder.is_dir() else documents()


def _remember(path: str) -> str:
    global _last_folder
    if path:
        _last_folder = Path(path).parent
    return path


def save_path(parent: QWidget | None, title: str, suggested_name: str, filters: str) -> str:
    """The path chosen to save to ("" when cancelled)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / suggested_name), filters,
                                          options=QFileDialog.Option.DontUseNativeDialog)
    return _remember(path)


def open_path(parent: QWidget | None, title: str, filters: str) -> str:
    """The file chosen to open ("" when cancelled)."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filters,
                                          options=QFileDialog.Option.DontUseNativeDialog)
    return _remember(path)
