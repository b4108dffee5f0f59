"""Export the visible list to CSV or xlsx, with progress, off the GUI thread."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QMessageBox

from app.export import export_worklist
from ui.tasks import run_in_background


def export_visible_list(page, path: str | None = None, on_finished=None) -> None:
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            page, page.tr("Export worklist"), "worklist.xlsx",
            page.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
    m = page.model
    columns = page.visible_columns()
    page.export_button.setEnabled(False)

    def work():
        return export_worklist(page.profile.store, page.worklist, path, filters=m.filters,
                               sort=m.sort_key, descending=m.descending, columns=columns)

    def done(n):
        page.export_button.setEnabled(True)
        page.window().statusBar().showMessage(page.tr("%n case(s) exported to %1", "", n).replace("%1", path), 8000) \
            if hasattr(page.window(), "statusBar") else None
        if on_finished:
            on_finished(n)

    def failed(exc):
        page.export_button.setEnabled(True)
        QMessageBox.warning(page, page.tr("Export worklist"), str(exc))
        if on_finished:
            on_finished(exc)

    run_in_background(work, done, failed)
