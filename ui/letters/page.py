"""The 信函 area: choose a kind, a date range and whose patients; see who gets a letter and
who is skipped and why; preview; save one PDF or print — in the background, cancellable.
After "Find letters" every row is selected; Ctrl/Shift+click narrows it, and then only the
selected letters print (the buttons say how many)."""
from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTreeWidget
from PySide6.QtWidgets import QTreeWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.letters.gather import Scope
from app.letters.kinds import KINDS
from app.letters.layout import PAPERS
from app.letters.layout import layout
from app.letters.prepare import prepare
from app.letters.service import station_choices
from ui.file_dialogs import save_path
from ui.letters.jobs import printer_job
from ui.letters.jobs import save_pdf_job
from ui.letters.labels import kind_name
from ui.letters.labels import range_hint
from ui.letters.labels import skip_reason
from ui.letters.preview import PreviewPane
from ui.problem_words import say
from ui.tasks import run_in_background


class LettersPage(QWidget):
    listed = Signal(object)  # app.letters.prepare.Prepared, after "Find letters"
    batch_finished = Signal(object)  # app.letters.batch.BatchResult, or the exception that stopped it
    progress_changed = Signal(int, int)  # emitted from the worker; delivered queued on the GUI thread

    def __init__(self, profile, parent: QWidget | None = None):
        super().__init__(parent)
        self.profile = profile
        self.prepared = None
        self._cancel = threading.Event()
        self.kind_box, self.scope_box, self.paper_box = QComboBox(), QComboBox(), QComboBox()
        for code in KINDS:
            self.kind_box.addItem("", code)
        self.paper_box.addItems(list(PAPERS))
        self.paper_box.setCurrentText(profile.settings.get("letters.paper"))
        monday = clock.today() + dt.timedelta(days=7 - clock.today().weekday())
        self.from_edit, self.to_edit = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        self.set_range(monday, monday + dt.timedelta(days=6))
        self.reason_edit = QLineEdit()
        self.hint = QLabel(wordWrap=True)
        self.hint.setStyleSheet("color: palette(mid);")
        self.find_button, self.save_button = QPushButton(), QPushButton()
        self.print_button, self.cancel_button = QPushButton(), QPushButton()
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._listed_params: dict | None = None  # what the listed letters were found with
        self.tree.setAlternatingRowColors(True)
        self.preview = PreviewPane()
        self.progress = QProgressBar()
        self.status = QLabel(wordWrap=True)
        self._labels = [QLabel() for _ in range(6)]
        self._build()
        self._stations = station_choices(profile)
        self.retranslate()
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.find_button.clicked.connect(self.refresh)
        self.save_button.clicked.connect(lambda: self.save_pdf())
        self.print_button.clicked.connect(lambda: self.print_letters())
        self.cancel_button.clicked.connect(self.cancel)
        self.tree.currentItemChanged.connect(self._show_selected)
        self.tree.itemSelectionChanged.connect(self._name_buttons)
        self.progress_changed.connect(self._on_progress)
        self._set_busy(False)

    def _build(self) -> None:
        form = QFormLayout()
        dates = QHBoxLayout()
        dates.addWidget(self.from_edit)
        dates.addWidget(self._labels[5])
        dates.addWidget(self.to_edit)
        for label, field in zip(self._labels, (self.kind_box, dates, self.scope_box, self.paper_box, self.reason_edit)):
            form.addRow(label, field)
        form.addRow("", self.hint)
        buttons = QHBoxLayout()
        for b in (self.find_button, self.save_button, self.print_button):
            buttons.addWidget(b)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addWidget(self.tree, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([420, 620])
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        texts = (self.tr("Letter"), self.tr("From"), self.tr("Patients"), self.tr("Paper"),
                 self.tr("Reprint reason"), self.tr("to"))
        for label, text in zip(self._labels, texts):
            label.setText(text)
        for i in range(self.kind_box.count()):
            self.kind_box.setItemText(i, kind_name(self.kind_box.itemData(i)))
        self.reason_edit.setPlaceholderText(self.tr("Only needed to print letters again"))
        self.find_button.setText(self.tr("Find letters"))
        self._name_buttons()
        self.cancel_button.setText(self.tr("Cancel"))
        self.tree.setHeaderLabels([self.tr("Patient"), self.tr("Date"), self.tr("Status")])
        current = self.scope_box.currentIndex()
        self.scope_box.blockSignals(True)
        self.scope_box.clear()
        self.scope_box.addItem(self.tr("All patients"), Scope())
        user = self.profile.settings.get("user.id")
        if user:
            self.scope_box.addItem(self.tr("My patients"), Scope(user_id=user))
        for station_id, _code, name in self._stations:
            self.scope_box.addItem(self.tr("Station: {name}").format(name=name), Scope(station_id=station_id))
        self.scope_box.setCurrentIndex(max(0, current))
        self.scope_box.blockSignals(False)
        self._kind_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # What the controls ask for -------------------------------------------------------------

    def set_kind(self, code: str) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(code))

    def set_range(self, start: dt.date, end: dt.date) -> None:
        self.from_edit.setDate(QDate(start.year, start.month, start.day))
        self.to_edit.setDate(QDate(end.year, end.month, end.day))

    def params(self) -> dict:
        start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        return {"kind": KINDS[self.kind_box.currentData()], "date_from": min(start, end),
                "date_to": max(start, end), "scope": self.scope_box.currentData() or Scope(),
                "paper": self.paper_box.currentText(), "reprint_reason": self.reason_edit.text().strip() or None}

    def _prepare_fn(self, params: dict):
        return lambda: prepare(self.profile, params["kind"], params["date_from"], params["date_to"],
                               params["scope"], params["reprint_reason"])

    # Actions --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._set_busy(True, self.tr("Finding letters…"))
        params = self.params()
        run_in_background(self._prepare_fn(params), lambda prepared: self._on_listed(prepared, params),
                          self._on_list_failed)

    def save_pdf(self, path: str | Path | None = None) -> None:
        if path is None:
            suggested = f"{kind_name(self.kind_box.currentData())}-{self.from_edit.date().toPython()}.pdf"
            path = save_path(self, self.tr("Save letters as PDF"), suggested, self.tr("PDF files (*.pdf)"))
            if not path:
                return
        params, chosen = self._what_prints()
        self._start(save_pdf_job(self.profile, params, Path(path), self.progress_changed.emit, self._cancel.is_set,
                                 prepared_fn=chosen), self.tr("Writing letters…"))

    def print_letters(self, printer: QPrinter | None = None) -> None:
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
                return
        params, chosen = self._what_prints()
        self._start(printer_job(self.profile, params, printer, self.progress_changed.emit,
                                self._cancel.is_set, chosen or self._prepare_fn(params)), self.tr("Printing…"))
        self._printer = printer  # kept alive until the worker is done with it

    def selected_ready(self) -> list:
        """The selected rows that will print (a skipped letter's row is there to say why)."""
        entries = [item.data(0, Qt.ItemDataRole.UserRole) for item in self.tree.selectedItems()]
        return [e for e in entries if hasattr(e, "filled")]

    def _what_prints(self):
        """(params, prepared_fn): only the selected letters when some but not all are selected
        (found again on the worker, so one printed meanwhile is not printed twice unasked);
        otherwise (None) everything the form asks for, as before there was a selection."""
        chosen = self.selected_ready()
        if self.prepared is None or self._listed_params is None or not chosen or len(chosen) == len(self.prepared.ready):
            return self.params(), None
        params = dict(self._listed_params, paper=self.paper_box.currentText(),
                      reprint_reason=self.reason_edit.text().strip() or None)
        keys = {(r.data.ref_table, r.data.ref_id) for r in chosen}
        find = self._prepare_fn(params)

        def selected():
            fresh = find()
            ready = [r for r in fresh.ready if (r.data.ref_table, r.data.ref_id) in keys]
            skipped = [s for s in fresh.skipped if s.patient_id in {r.data.patient_id for r in chosen}]
            return replace(fresh, ready=ready, skipped=skipped,
                           moved=[m for m in fresh.moved if m.ref_id in {r.data.ref_id for r in ready}])
        return params, selected

    def _name_buttons(self) -> None:
        """The buttons say what they print: all the letters, or the n selected."""
        n = len(self.selected_ready())
        subset = self.prepared is not None and 0 < n < len(self.prepared.ready)
        self.save_button.setText(self.tr("Save %n selected as PDF…", "", n) if subset else self.tr("Save PDF…"))
        self.print_button.setText(self.tr("Print %n selected…", "", n) if subset else self.tr("Print…"))

    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)

    def _start(self, job, message: str) -> None:
        self._cancel.clear()
        self._set_busy(True, message)
        run_in_background(job, self._on_batch_done, self._on_failed)

    # Results (GUI thread) -------------------------------------------------------------------

    def _on_listed(self, prepared, params: dict | None = None) -> None:
        self._listed_params = params
        self._list(prepared)

    def _list(self, prepared) -> None:
        self._set_busy(False)
        self.prepared = prepared
        self.tree.clear()
        moved = {m.ref_id: m.placement.problem for m in getattr(prepared, "moved", ())}
        for r in prepared.ready:
            status = self.tr("Reprint") if r.reprint else self.tr("Will print")
            if r.data.ref_id in moved:  # a clinic visit on a day off prints on the next working day
                status = f"{status} · {say(moved[r.data.ref_id])}"
            item = QTreeWidgetItem([r.data.patient_name, str(r.data.on), status])
            item.setData(0, Qt.ItemDataRole.UserRole, r)
            self.tree.addTopLevelItem(item)
        for s in prepared.skipped:
            item = QTreeWidgetItem([s.patient_name, str(s.on or ""), skip_reason(s.reason, s.detail)])
            item.setData(0, Qt.ItemDataRole.UserRole, s)
            item.setForeground(2, Qt.GlobalColor.darkRed)
            self.tree.addTopLevelItem(item)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        self.status.setText(self.tr("{ready} letters to print, {skipped} skipped").format(
            ready=len(prepared.ready), skipped=len(prepared.skipped)))
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
            self.tree.selectAll()  # all of them print until the person narrows it
        else:
            self.preview.set_message(self.tr("Nothing to print."))
        self.listed.emit(prepared)

    def _show_selected(self, item, _previous=None) -> None:
        entry = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if entry is None:
            self.preview.set_message("")
        elif hasattr(entry, "filled"):
            self.preview.set_pages(layout(entry.filled, PAPERS[self.paper_box.currentText()]))
        else:
            self.preview.set_message(self.tr("This letter will not print: {reason}").format(
                reason=skip_reason(entry.reason, entry.detail)))

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress.maximum() != total:
            self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_batch_done(self, result) -> None:
        self._set_busy(False)
        if result.cancelled:
            text = self.tr("Cancelled: nothing was printed or recorded.")
        elif not result.printed:
            text = self.tr("Nothing printed; {skipped} skipped.").format(skipped=len(result.skipped))
        elif result.out is not None:
            text = self.tr("Saved {printed} letters ({pages} pages) to {file}; {skipped} skipped.").format(
                printed=len(result.printed), pages=result.pages, file=result.out, skipped=len(result.skipped))
        else:
            text = self.tr("Sent {printed} letters to the printer; {skipped} skipped.").format(
                printed=len(result.printed), skipped=len(result.skipped))
        self.status.setText(text)
        self.batch_finished.emit(result)

    def _on_list_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Could not list letters: {error}").format(error=say(exc)))

    def _on_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Could not print: {error}").format(error=say(exc)))
        self.batch_finished.emit(exc)

    def _kind_changed(self, *_args) -> None:
        self.hint.setText(range_hint(self.kind_box.currentData()))

    def _set_busy(self, busy: bool, message: str = "") -> None:
        for w in (self.find_button, self.save_button, self.print_button, self.kind_box):
            w.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        if message:
            self.status.setText(message)
