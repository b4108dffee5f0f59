"""The patients behind a number: a list to scan, with a double-click that opens one.

For a rate the list switches between those who met it and those who did not (the
referrals that took longer than 24 hours, the follow-ups still open ...).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout

from app.dashboard.people import LIMIT
from app.dashboard.people import people
from ui.labels import sexes
from ui.tasks import run_in_background


class DrillDialog(QDialog):
    patient_requested = Signal(str)
    listed = Signal(list)  # the patient ids now shown

    def __init__(self, profile, title: str, figure, parent=None):
        super().__init__(parent)
        self.profile = profile
        self.figure = figure
        self.setWindowTitle(title)
        self.heading = QLabel(wordWrap=True)
        self.which = QComboBox()
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Sex / age"), self.tr("ID number"),
                                              self.tr("Community")])
        self.table.cellDoubleClicked.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.which)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Double-click a patient to open them."))
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)
        if figure.is_rate:
            self.which.addItem(self.tr("Met ({n})").format(n=len(figure.patients)), "met")
            self.which.addItem(self.tr("Not met ({n})").format(n=len(figure.others)), "unmet")
            self.which.currentIndexChanged.connect(self.load)
        else:
            self.which.hide()
        self.resize(640, 520)
        self.load()

    def ids(self) -> tuple[str, ...]:
        return self.figure.others if self.which.currentData() == "unmet" else self.figure.patients

    def load(self, *_args) -> None:
        ids = self.ids()
        total = len(ids)
        text = self.tr("{n} patients").format(n=f"{total:,}")
        if total > LIMIT:
            text += " " + self.tr("(the first {limit} shown; export the statistics for all)").format(limit=LIMIT)
        self.heading.setText(text)
        run_in_background(lambda: people(self.profile, ids, self.figure.key), self._show)

    def _show(self, rows) -> None:
        words = sexes()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.name, f"{words.get(row.sex, row.sex)} / {row.age}", row.masked_id, row.community)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.patient_id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.listed.emit([row.patient_id for row in rows])

    def _open(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.patient_requested.emit(item.data(Qt.ItemDataRole.UserRole))
