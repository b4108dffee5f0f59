"""Export the visible list to CSV or xlsx, off the GUI thread."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app import clock
from app.export import export_worklist
from ui.file_dialogs import save_path
from ui.problem_words import say
from ui.sheet_words import sheet_words
from ui.tasks import run_in_background


def export_visible_list(page, path: str | None = None, on_finished=None) -> None:
    title = QCoreApplication.translate("WorklistExport", "Export worklist")
    if path is None:
        path = save_path(
            page, title, QCoreApplication.translate("WorklistExport", "worklist-{date}.xlsx").format(
                date=clock.today().isoformat()),
            QCoreApplication.translate("WorklistExport", "Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
    m = page.model
    columns = page.visible_columns()
    page.export_button.setEnabled(False)
    words = sheet_words()  # the window's language now, read on the GUI thread

    def work():
        return export_worklist(page.profile.store, page.worklist, path, words=words, filters=m.filters,
                               sort=m.sort_key, descending=m.descending, columns=columns)

    def done(n):
        page.export_button.setEnabled(True)
        message = QCoreApplication.translate("WorklistExport", "%n case(s) exported to %1", None, n)
        status = getattr(page.window(), "statusBar", None)
        if status is not None:
            status().showMessage(message.replace("%1", path), 8000)
        if on_finished:
            on_finished(n)

    def failed(exc):
        page.export_button.setEnabled(True)
        QMessageBox.warning(page, title, say(exc))
        if on_finished:
            on_finished(exc)

    run_in_background(work, done, failed)
