"""One patient's letter, from the patient view: check, preview, then print or save.

Everything a batch refuses is refused here too, but said in a message box at once: a
character the font lacks is named before anything prints, and a letter printed before
asks for the reprint reason that goes into the record.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QInputDialog
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.errors import CaseDeskError
from app.letters.batch import paper_of
from app.letters.batch import print_batch
from app.letters.batch import record
from app.letters.kinds import parse_kind
from app.letters.layout import PAPERS
from app.letters.layout import layout
from app.letters.service import prepare_for_patient
from ui.file_dialogs import save_path
from ui.letters.labels import kind_name
from ui.letters.labels import skip_reason
from ui.letters.painter import print_pages
from ui.letters.painter import setup_printer
from ui.letters.preview import PreviewPane
from ui.problem_words import say


class LetterPreviewDialog(QDialog):
    """The letter as it will print, with Print… and Save PDF…; records only what went out."""

    def __init__(self, profile, prepared, parent: QWidget | None = None):
        super().__init__(parent)
        self.profile, self.prepared = profile, prepared
        self.paper = paper_of(profile, None)
        self.result_path = None
        self.printed = False
        ready = prepared.ready[0]
        self.setWindowTitle(self.tr("{kind} for {name}").format(
            kind=kind_name(prepared.kind.code), name=ready.data.patient_name))
        self.preview = PreviewPane()
        self.preview.set_pages(layout(ready.filled, PAPERS[self.paper]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save PDF…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(lambda: self.print_letter())
        self.save_button.clicked.connect(lambda: self.save_pdf())
        layout_ = QVBoxLayout(self)
        layout_.addWidget(self.preview, 1)
        layout_.addWidget(buttons)
        self.resize(660, 820)

    def print_letter(self, printer: QPrinter | None = None) -> bool:
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
                return False
        setup_printer(printer, self.paper)
        pages = layout(self.prepared.ready[0].filled, PAPERS[self.paper])
        if print_pages(printer, [pages]):  # one letter: quick enough for the GUI thread
            record(self.profile, self.prepared, self.prepared.ready, printer.printerName() or "printer", self.paper)
            self.printed = True
            self.accept()
        return self.printed

    def save_pdf(self, path: str | None = None) -> bool:
        if path is None:
            path = save_path(self, self.tr("Save letter as PDF"),
                             f"{kind_name(self.prepared.kind)}-{clock.today().isoformat()}.pdf", self.tr("PDF files (*.pdf)"))
            if not path:
                return False
        result = print_batch(self.profile, self.prepared.kind, path, paper=self.paper, prepared=self.prepared)
        self.result_path, self.printed = result.out, bool(result.printed)
        self.accept()
        return self.printed


def print_single_letter(parent: QWidget | None, profile, patient_id: str, kind: str) -> LetterPreviewDialog | None:
    """Check and preview one patient's letter of `kind` (code or CLI name); the dialog prints it.

    Returns the dialog after it closed (its `printed` says whether a letter went out), or
    None when the letter cannot be printed (the person was told why)."""
    title = QCoreApplication.translate("Letters", "Print letter")
    try:
        letter_kind = parse_kind(kind)
        prepared = prepare_for_patient(profile, letter_kind, patient_id)
        if prepared.skipped and prepared.skipped[0].reason == "already_printed":
            reason, ok = QInputDialog.getText(
                parent, title, QCoreApplication.translate(
                    "Letters", "This letter was printed on {when}. Why print it again?").format(
                    when=prepared.skipped[0].detail))
            if not ok or not reason.strip():
                return None
            prepared = prepare_for_patient(profile, letter_kind, patient_id, reprint_reason=reason)
    except CaseDeskError as exc:
        QMessageBox.warning(parent, title, say(exc))
        return None
    if prepared.skipped:
        skip = prepared.skipped[0]
        QMessageBox.warning(parent, title, QCoreApplication.translate(
            "Letters", "This letter cannot be printed for {name}: {reason}").format(
            name=skip.patient_name, reason=skip_reason(skip.reason, skip.detail)))
        return None
    dialog = LetterPreviewDialog(profile, prepared, parent)
    dialog.exec()
    return dialog
