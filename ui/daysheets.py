"""打印日程 / Day sheets…: the worklist page's "Print…" button asks which sheet, for which day,
and where to save the PDF (app/daysheets.py writes it off the GUI thread).

The worklist sheet prints what the page shows: its filters, sort and visible columns. The call
list, the home-visit sheet and the chase list print phone numbers in full, and say so in the
dialog before anything is printed: each patient printed is audited as a reveal.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QVBoxLayout

from app import clock
from app.pathway.queries import Scope
from app.problems import Problem
from ui.daysheet_words import SHEETS
from ui.daysheet_words import daysheet_words
from ui.file_dialogs import save_path
from ui.problem_words import say
from ui.tasks import run_in_background


def word_print_button(button) -> None:
    """The worklist page's "Print…" button, worded from this feature's catalogue."""
    button.setText(QCoreApplication.translate("DaySheetDialog", "Print…"))
    button.setToolTip(QCoreApplication.translate(
        "DaySheetDialog", "Day sheets: today's calls, home visits, the chase list or this list, as PDF"))


class DaySheetDialog(QDialog):
    """Which sheet and which day; the file is asked for after OK."""

    def __init__(self, parent=None, kind: str = "calls"):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Day sheets"))
        self.buttons_group = QButtonGroup(self)
        names = {"calls": self.tr("Today's call list (phone numbers in full)"),
                 "visits": self.tr("Home-visit sheet, by community"),
                 "chase": self.tr("Chase list: patients not reached"),
                 "worklist": self.tr("The worklist as filtered now")}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Print which sheet?"), self))
        self.choices: dict[str, QRadioButton] = {}
        for k in SHEETS:
            button = QRadioButton(names[k], self)
            self.buttons_group.addButton(button)
            self.choices[k] = button
            layout.addWidget(button)
        self.choices[kind].setChecked(True)
        form = QFormLayout()
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        today = clock.today()
        self.date.setDate(QDate(today.year, today.month, today.day))
        form.addRow(self.tr("Day:"), self.date)
        layout.addLayout(form)
        self.note = QLabel(self.tr("Printing a phone number in full is recorded in the audit log, "
                                   "once for each patient on the sheet."), self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        layout.addWidget(self.note)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save as PDF…"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.buttons_group.buttonToggled.connect(lambda *_: self._follow_kind())
        self._follow_kind()

    def kind(self) -> str:
        return next(k for k, b in self.choices.items() if b.isChecked())

    def day(self):
        return self.date.date().toPython()

    def _follow_kind(self) -> None:
        kind = self.kind()
        self.date.setEnabled(kind in ("calls", "visits", "chase"))
        self.note.setVisible(kind != "worklist")


def print_day_sheets(page, *, kind: str | None = None, path: str | None = None, on_finished=None) -> None:
    """From the worklist page: ask (unless `kind` and `path` are given, as tests do), then print."""
    from app.daysheets import print_day_sheet  # reportlab is read when someone prints, not at start
    from app.daysheets import scope_of

    title = QCoreApplication.translate("DaySheetDialog", "Day sheets")
    day = clock.today()
    if kind is None:
        dialog = DaySheetDialog(page)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        kind, day = dialog.kind(), dialog.day()
    if path is None:
        suggested = f"{kind}-{day.isoformat()}.pdf"
        path = save_path(page, title, suggested, QCoreApplication.translate("DaySheetDialog", "PDF (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
    words = daysheet_words()  # the window's language now, read on the GUI thread
    m = page.model
    columns = page.visible_columns()
    worklist = page.worklist
    scope = Scope(station_id=worklist.station_id) if worklist.station_id else scope_of(page.profile)
    page.print_button.setEnabled(False)

    def work():
        return print_day_sheet(page.profile, kind, path, words, day=day, scope=scope, filters=m.filters,
                               sort=m.sort_key, descending=m.descending, columns=columns, worklist=worklist)

    def done(printed):
        page.print_button.setEnabled(True)
        status = getattr(page.window(), "statusBar", None)
        if status is not None:
            status().showMessage(say(Problem("daysheet.written", None, dict(
                sheet=kind, rows=printed.rows, pages=printed.pages, path=str(printed.path)))), 8000)
        if on_finished:
            on_finished(printed)

    def failed(exc):
        page.print_button.setEnabled(True)
        QMessageBox.warning(page, title, say(exc))
        if on_finished:
            on_finished(exc)

    run_in_background(work, done, failed, owner=page)
