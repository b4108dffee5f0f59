"""Letters for the worklist's selected cases: one letter of a kind per case (the one its patient
window would print), as ONE PDF or one print job, the way the letters page prints a batch
(app/letters/batch.py): progress while it runs off the GUI thread; Cancel leaves no file and
no record; what could not print is listed with why."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import bulk
from app import clock
from app.letters.batch import print_batch
from app.letters.kinds import KINDS
from app.letters.layout import PAPERS
from ui.file_dialogs import save_path
from ui.letters.jobs import printer_job
from ui.letters.labels import kind_name
from ui.letters.labels import skip_reason
from ui.problem_words import say
from ui.tasks import run_in_background

SKIPS_SHOWN = 5  # the rest are counted; the letters page lists them all


class _Relay(QObject):
    moved = Signal(int, int)  # emitted on the worker, delivered on the GUI thread


class BulkLettersDialog(QDialog):
    finished_work = Signal(object)  # app.letters.batch.BatchResult, or the exception that stopped it

    def __init__(self, page, case_ids: list[str], parent: QWidget | None = None):
        super().__init__(parent or page)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.profile, self.case_ids = page.profile, list(case_ids)
        self._stop = threading.Event()
        self._printer: QPrinter | None = None
        self.result = None
        self.setWindowTitle(self.tr("Print letters"))
        self.kind = QComboBox(self)
        for code in KINDS:
            self.kind.addItem(kind_name(code), code)
        self.kind.setCurrentIndex(self.kind.findData("followup_reminder"))
        self.paper = QComboBox(self)
        self.paper.addItems(list(PAPERS))
        self.paper.setCurrentText(self.profile.settings.get("letters.paper"))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Only needed to print letters again"))
        self.count = QLabel(self.tr("One letter for each of %n selected case(s), in one PDF or one print job.", "",
                                    len(self.case_ids)))
        self.count.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("Save PDF…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.cancel)
        self.save_button.clicked.connect(lambda: self.save_pdf())
        self.print_button.clicked.connect(lambda: self.print_letters())
        form = QFormLayout()
        form.addRow(self.count)
        form.addRow(self.tr("Letter"), self.kind)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Reprint reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self._relay = _Relay(self)
        self._relay.moved.connect(self._on_progress)

    def _prepare_fn(self):
        profile, ids, stop = self.profile, self.case_ids, self._stop
        kind, reason = KINDS[self.kind.currentData()], self.reason.text().strip() or None
        return lambda: bulk.letters_for_cases(profile, kind, ids, reason, stop.is_set)

    def save_pdf(self, path: str | Path | None = None) -> None:
        if path is None:
            suggested = f"{kind_name(self.kind.currentData())}-{clock.today().isoformat()}.pdf"
            path = save_path(self, self.tr("Save letters as PDF"), suggested, self.tr("PDF files (*.pdf)"))
            if not path:
                return
        prepared_fn, out, paper, relay, stop = self._prepare_fn(), Path(path), self.paper.currentText(), self._relay, self._stop

        def job():
            prepared = prepared_fn()
            return print_batch(self.profile, prepared.kind, out, paper=paper, prepared=prepared,
                               progress=relay.moved.emit, cancelled=stop.is_set)
        self._start(job)

    def print_letters(self, printer: QPrinter | None = None) -> None:
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
                return
        self._printer = printer  # kept alive until the worker is done with it
        self._start(printer_job(self.profile, {"paper": self.paper.currentText()}, printer, self._relay.moved.emit,
                                self._stop.is_set, self._prepare_fn()))

    def _start(self, job) -> None:
        self._stop.clear()
        self.progress.setRange(0, 0)  # finding the letters; then one step a letter
        self.progress.show()
        self.message.setText(self.tr("Preparing letters…"))
        for w in (self.save_button, self.print_button, self.kind, self.paper, self.reason):
            w.setEnabled(False)
        run_in_background(job, self._done, self._failed, owner=self)

    def cancel(self) -> None:
        if self.progress.isVisible() and not self._stop.is_set():
            self._stop.set()  # the PDF is abandoned and nothing is recorded
            return
        self.reject()

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress.maximum() != total:
            self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _idle(self) -> None:
        self.progress.hide()
        for w in (self.save_button, self.print_button, self.kind, self.paper, self.reason):
            w.setEnabled(True)

    def _done(self, result) -> None:
        self._idle()
        self.result = result
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
        lines = [text] + [self.tr("{name}: {reason}").format(name=s.patient_name, reason=skip_reason(s.reason, s.detail))
                          for s in result.skipped[:SKIPS_SHOWN]]
        if len(result.skipped) > SKIPS_SHOWN:
            lines.append(self.tr("… and %n more.", "", len(result.skipped) - SKIPS_SHOWN))
        self.message.setText("\n".join(lines))
        if result.printed:
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.finished_work.emit(result)

    def _failed(self, exc: Exception) -> None:
        self._idle()
        self.message.setText(say(exc))
        self.finished_work.emit(exc)
