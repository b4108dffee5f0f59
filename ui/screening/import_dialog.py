"""Import a screening list: map its columns, check every row, then import all or nothing.

Reading, checking and writing run in the background with progress and a Cancel that
leaves nothing behind. The column mapping is remembered for the list's source (its
header row) when the import succeeds.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout

from app.masking import mask_id_number
from app.masking import mask_phone
from app.screening.fields import FIELD_KEYS
from app.screening.fields import missing_required
from app.screening.importer import ListImport
from app.screening.reader import Cancelled
from app.screening.template import save_template
from app.screening.validate import Decisions
from ui.file_dialogs import open_path
from ui.file_dialogs import save_path
from ui.problem_words import say
from ui.screening.labels import field_names
from ui.screening.results import ProblemList
from ui.tasks import run_in_background

NOT_IMPORTED = ""


_ID_LIKE = re.compile(r"\d{17}[\dXx]|\d{15}")
_PHONE_LIKE = re.compile(r"(\+?86)?1\d{10}|0\d{2,3}-?\d{7,8}")


def _masked(sample: str) -> str:
    """A sample cell that looks like an ID number or a phone is masked, as in every list."""
    compact = sample.replace(" ", "")
    if _ID_LIKE.fullmatch(compact):
        return mask_id_number(compact)
    if _PHONE_LIKE.fullmatch(compact):
        return mask_phone(compact)
    return sample


MAX_TEXT_COLUMN = 260  # px: the file's header and first-row columns


class ImportDialog(QDialog):
    read_done = Signal()
    checked = Signal(object)  # app.screening.validate.Report
    imported = Signal(object)  # app.screening.importer.ImportResult
    failed = Signal(object)  # the exception that stopped a step (Cancelled included)
    progress_changed = Signal(int, int)  # emitted by workers, delivered queued on the GUI thread

    def __init__(self, profile, path: str | Path | None = None, parent=None):
        super().__init__(parent)
        self.profile = profile
        self.job: ListImport | None = None
        self.report = None
        self._stop = threading.Event()
        self._busy = False
        self.file_label, self.source_label, self.summary = QLabel(), QLabel(), QLabel(wordWrap=True)
        self.choose_button, self.check_button = QPushButton(), QPushButton()
        self.import_button, self.cancel_button = QPushButton(), QPushButton()
        self.exclude_button = QPushButton()
        self.template_button = QPushButton()
        self.mapping = QTableWidget(0, 3)
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.problems = ProblemList()
        self.progress = QProgressBar()
        self._build()
        self.retranslate()
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button.clicked.connect(lambda: self.save_template())
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)
        self.exclude_button.clicked.connect(self.problems.exclude_all)
        self.problems.decisions_changed.connect(self._stale)
        self.progress_changed.connect(self._on_progress)
        for b in (self.choose_button, self.check_button, self.import_button, self.cancel_button, self.exclude_button):
            b.setAutoDefault(False)
        self.resize(980, 680)
        self._set_busy(False)
        if path is not None:
            self.open_file(path)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.template_button)
        top.addWidget(self.choose_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.mapping)
        split.addWidget(self.problems)
        split.setSizes([260, 320])
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addStretch(1)
        for b in (self.exclude_button, self.check_button, self.import_button, self.cancel_button):
            bottom.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.source_label)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import screening list"))
        self.choose_button.setText(self.tr("Choose file…"))
        self.template_button.setText(self.tr("Save a template…"))
        self.template_button.setToolTip(self.tr("A list with the columns the import recognises and one example row"))
        self.check_button.setText(self.tr("Check rows"))
        self.import_button.setText(self.tr("Import"))
        self.exclude_button.setText(self.tr("Exclude all problem lines"))
        self.mapping.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("First row"),
                                                self.tr("Imports as")])
        if self.job is None:
            self.file_label.setText(self.tr("No file chosen. Lists are .xlsx, .xls, .ods or .csv (UTF-8 or GBK)."))

    # -- steps ---------------------------------------------------------------------
    def save_template(self, path: str | None = None) -> str:
        if path is None:
            path = save_path(self, self.tr("Save a template"), self.tr("screening-list-template.xlsx"),
                             self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
            if not path:
                return ""
        try:
            save_template(path)
        except OSError as exc:
            self.summary.setText(self.tr("The template could not be written: {reason}").format(reason=exc.strerror or exc))
            return ""
        self.summary.setText(self.tr("Template saved: {path}").format(path=path))
        return path

    def choose_file(self) -> None:
        path = open_path(self, self.tr("Import screening list"), self.tr("Lists (*.xlsx *.xls *.ods *.csv)"))
        if path:
            self.open_file(path)

    def open_file(self, path) -> None:
        self.job = ListImport(self.profile, path)
        self.report = None
        self.file_label.setText(str(path))
        self._run(lambda: self.job.read(self.progress_changed.emit, self._stop.is_set), self._read_done)

    def check(self) -> None:
        self.job.set_mapping(self.current_mapping())
        missing = missing_required(self.job.mapping)
        if missing:
            names = field_names()
            self.summary.setText(self.tr("Map these columns first: {fields}.").format(
                fields="、".join(names[k] for k in missing)))
            return
        decisions = self.problems.decisions() if self.report is not None else Decisions()
        self._run(lambda: self.job.validate(decisions, self.progress_changed.emit, self._stop.is_set),
                  lambda report: self._checked(report, decisions))

    def start_import(self) -> None:
        report = self.report
        self._run(lambda: self.job.commit(report, self.progress_changed.emit, self._stop.is_set), self._imported)

    def cancel(self) -> None:
        if self._busy:
            self._stop.set()
        else:
            self.reject()

    # -- results -------------------------------------------------------------------
    def _read_done(self, sheet) -> None:
        names = field_names()
        first = sheet.rows[0][1] if sheet.rows else []
        self.mapping.setRowCount(len(sheet.headers))
        for i, header in enumerate(sheet.headers):
            self.mapping.setItem(i, 0, QTableWidgetItem(header))
            sample = str(first[i] if i < len(first) and first[i] is not None else "")[:40]
            self.mapping.setItem(i, 1, QTableWidgetItem(_masked(sample)))
            box = QComboBox()
            box.addItem(self.tr("(not imported)"), NOT_IMPORTED)
            for key in FIELD_KEYS:
                box.addItem(names[key], key)
            box.setCurrentIndex(box.findData(self.job.mapping.get(i, NOT_IMPORTED)))
            box.currentIndexChanged.connect(self._stale)
            self.mapping.setCellWidget(i, 2, box)
        self.mapping.resizeColumnsToContents()
        # Long headers or samples must not squeeze the column a person works in: the file's two
        # columns are capped, the mapping keeps at least its choices' width.
        for column in (0, 1):
            self.mapping.setColumnWidth(column, min(self.mapping.columnWidth(column), MAX_TEXT_COLUMN))
        widest = max((self.mapping.cellWidget(i, 2).sizeHint().width() for i in range(self.mapping.rowCount())),
                     default=0)
        self.mapping.horizontalHeader().setMinimumSectionSize(min(60, widest))
        self.mapping.setColumnWidth(2, max(widest + 24, self.mapping.columnWidth(2)))
        if self.job.mapping_remembered:
            text = self.tr("{rows} rows; headers on line {line}. Column mapping remembered from the last list "
                           "of this source.")
        else:
            text = self.tr("{rows} rows; headers on line {line}. Columns recognised by their headers: check "
                           "the mapping.")
        self.source_label.setText(text.format(rows=len(sheet.rows), line=sheet.header_line))
        self.problems.clear()
        self.summary.setText(self.tr("Check the rows before importing: nothing is imported while any row has a problem."))
        self._set_busy(False)
        self.read_done.emit()

    def _checked(self, report, used: Decisions) -> None:
        self.report = report
        self.problems.show_report(report, used)
        bad = len(report.bad_lines)
        if report.ok:
            text = self.tr("All {good} rows are good ({excluded} lines excluded). Import adds them in one go.")
        else:
            text = self.tr("{bad} lines need a decision or a fix; {good} rows are good. Nothing is imported "
                           "until every listed line is fixed in the file or excluded here.")
        self.summary.setText(text.format(good=len(report.people), bad=bad, excluded=len(report.excluded)))
        self._set_busy(False)
        self.checked.emit(report)

    def _imported(self, result) -> None:
        self.job.remember_mapping()
        self.summary.setText(self.tr("Imported: {patients} new patients, {merged} merged, {cases} screening cases.")
                             .format(patients=result.patients, merged=result.merged, cases=result.cases))
        self.report = None
        self._set_busy(False)
        self.imported.emit(result)

    def current_mapping(self) -> dict[int, str]:
        out = {}
        for row in range(self.mapping.rowCount()):
            key = self.mapping.cellWidget(row, 2).currentData()
            if key:
                out[row] = key
        return out

    def set_column(self, column: int, key: str) -> None:
        box = self.mapping.cellWidget(column, 2)
        box.setCurrentIndex(box.findData(key))

    # -- plumbing ------------------------------------------------------------------
    def _stale(self, *_args) -> None:
        if self.report is not None and self.report.ok:
            self.report = None
        self._set_busy(False)

    def _run(self, work, on_done) -> None:
        self._stop.clear()
        self._set_busy(True)
        run_in_background(work, on_done, self._failed)

    def _failed(self, exc) -> None:
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            self.summary.setText(self.tr("Cancelled: nothing was imported."))
        else:
            self.summary.setText(say(exc))
        self.failed.emit(exc)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        ready = self.job is not None and self.job.sheet is not None and not busy
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready and self.report is not None and self.report.ok)
        self.exclude_button.setEnabled(ready and self.report is not None and not self.report.ok)
        self.choose_button.setEnabled(not busy)
        self.mapping.setEnabled(not busy)
        self.cancel_button.setText(self.tr("Stop") if busy else self.tr("Close"))
        self.progress.setVisible(busy)
        if not busy:
            self.progress.reset()
