"""What every administration tab shares: requests on the network lane with a busy cursor and
a busy note (never a silent freeze), sortable tables, and refusals in words.

A request's answer may come after the dialog closed: it is dropped then (shiboken6.isValid).
"""
from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import admin
from app.sync.errors import SyncError
from ui import problem_words
from ui.sync.words import failure_text

ERROR_STYLE = "color: #c0392b;"
NOTE_STYLE = "color: #555;"


def moment_text(moment: dt.datetime | None) -> str:
    """A time as sortable text (local time, to the minute)."""
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def refusal_lines(exc: BaseException) -> list[str]:
    """Every problem the server (or this desktop) named, each in words; else the failure in words."""
    if isinstance(exc, SyncError) and exc.kind != "refused" and not exc.params.get("problems"):
        return [failure_text(exc)]
    found = admin.problems_of(exc)
    if not found:
        return [failure_text(exc)]
    worded = [problem_words.words(p) for p in found]
    if isinstance(exc, SyncError) and exc.code == "files.refused":
        return [" ".join(worded)]  # one file refused, and the loader's reason for it
    return worded


def table(columns: int) -> QTableWidget:
    view = QTableWidget(0, columns)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def fill(view: QTableWidget, rows: list[tuple], keys: list[str], cap: int = 320) -> None:
    """Rows of text into a sortable table; each row's key (an id) in its first cell's UserRole."""
    view.setSortingEnabled(False)  # or rows jump while they are filled
    view.setRowCount(len(rows))
    for r, (cells, key) in enumerate(zip(rows, keys)):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(str(text))
            if len(str(text)) > 24:
                item.setToolTip(str(text))  # a long cell is cut at the column's edge: whole on hover
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, key)
            view.setItem(r, c, item)
    view.setSortingEnabled(True)
    view.resizeColumnsToContents()
    for c in range(view.columnCount() - 1):  # a long cell must not push the others off screen
        view.setColumnWidth(c, min(view.columnWidth(c) + 12, cap))


def selected_key(view: QTableWidget) -> str | None:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not rows:
        return None
    item = view.item(rows[0].row(), 0)
    return item.data(Qt.ItemDataRole.UserRole) if item else None


class AdminTab(QWidget):
    """A tab: its controls on top, a message line and a list of problems under them."""

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner  # run_network(fn(client), on_done, on_error): the sync lane
        self.loaded = False
        self.pending = 0
        self.question: QMessageBox | None = None  # an open question (tests answer it)
        self.said = ("", False, None)  # what the message line says, to word it again
        self.buttons_row = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setMaximumHeight(160)
        self.problems.hide()
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.buttons_row)

    def finish_layout(self) -> None:
        self.body.addWidget(self.message)
        self.body.addWidget(self.problems)

    def button(self, slot) -> QPushButton:
        button = QPushButton()
        button.clicked.connect(slot)
        self.buttons_row.addWidget(button)
        return button

    # -- requests ---------------------------------------------------------------------------

    def request(self, fn, done, busy_text=None, failed=None) -> None:
        """fn(client) on the network lane; done(answer) here. A busy cursor and note meanwhile."""
        self._busy(+1)
        if busy_text:
            self.say(busy_text)

        def ok(answer):
            if shiboken6.isValid(self) and self.pending:
                self._busy(-1)
                done(answer)

        def bad(exc):
            if shiboken6.isValid(self) and self.pending:
                self._busy(-1)
                (failed or self.say_refusal)(exc)

        self.runner.run_network(fn, ok, bad)

    def _busy(self, step: int) -> None:
        before, self.pending = self.pending, self.pending + step
        if before == 0 and self.pending > 0:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        elif before > 0 and self.pending == 0:
            QGuiApplication.restoreOverrideCursor()
        self.set_enabled(self.pending == 0)

    def set_enabled(self, enabled: bool) -> None:
        for i in range(self.buttons_row.count()):
            widget = self.buttons_row.itemAt(i).widget()
            if widget is not None:
                widget.setEnabled(enabled)
        self.selection_changed()

    def selection_changed(self) -> None:
        """Buttons that need a selected row follow the selection (tabs override)."""

    def release_cursor(self) -> None:
        """The dialog closes with a request on its way: its answer is dropped, the cursor freed."""
        if self.pending:
            QGuiApplication.restoreOverrideCursor()
            self.pending = 0

    # -- questions --------------------------------------------------------------------------

    def ask(self, title: str, text: str, yes_text: str, on_yes) -> QMessageBox:
        """A question that does not block (window-modal): on_yes() runs only after `yes_text`."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.question = box
        box.finished.connect(lambda _r: self._answered(box, box.clickedButton() is yes, on_yes))
        box.open()
        return box

    def _answered(self, box: QMessageBox, yes: bool, on_yes) -> None:
        if self.question is box:
            self.question = None
        box.deleteLater()
        if yes:
            on_yes()

    # -- messages ---------------------------------------------------------------------------

    def say(self, text, error: bool = False) -> None:
        """A note or an error under the controls; `text` may be a function of no arguments that
        words it, so a language switch words it again."""
        self.said = (text, error, None)
        self.message.setText(text() if callable(text) else text)
        self.message.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)
        self.message.setVisible(bool(self.message.text()))
        if not error:
            self.problems.clear()
            self.problems.hide()

    def say_refusal(self, exc: BaseException) -> None:
        lines = refusal_lines(exc)
        if len(lines) == 1:
            self.say(lines[0], error=True)
        else:
            self.say(lambda: self.tr("Refused: {count} problems, nothing was changed.").format(
                count=len(lines)), error=True)
            self.problems.clear()
            self.problems.addItems(lines)
            self.problems.show()
        self.said = (None, True, exc)

    def reword(self) -> None:
        """After a language switch: the message (and a refusal's problems) in the new language."""
        text, error, exc = self.said
        if exc is not None:
            self.say_refusal(exc)
        elif callable(text):
            self.say(text, error)
        elif text:
            self.say("")  # a message worded elsewhere, in the old language: gone rather than mixed

    # -- loading ----------------------------------------------------------------------------

    def load(self) -> None:
        """Fetch what the tab shows (first shown, Refresh, after an action)."""
        raise NotImplementedError

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.load()

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reword()
        super().changeEvent(event)
