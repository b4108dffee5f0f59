"""The side panel: the selected day's list, the overdue list and the chase list (主动追踪),
the buttons that act on the selected follow-up, and why it is on its day. Several rows can be
selected (Ctrl/Shift+click, Ctrl+A): Reschedule… then moves them all in one go."""
from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from ui import due_words
from ui.calendar.list_model import COLUMNS
from ui.calendar.list_model import WIDTHS
from ui.calendar.list_model import FollowupListModel
from ui.tasks import run_in_background

LISTS = ("day", "overdue", "chase")
BACKGROUND = ("overdue", "chase")


class ListsPanel(QWidget):
    complete_requested = Signal()
    reschedule_requested = Signal()
    patient_requested = Signal(str)
    loaded = Signal(str)  # a list's ids arrived (kind)

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self.service = service
        self._wanted = {kind: 0 for kind in BACKGROUND}
        self.models = {kind: FollowupListModel(service, self) for kind in LISTS}
        self.tables: dict[str, QTableView] = {}
        self.tabs = QTabWidget(self)
        for kind in LISTS:
            table = QTableView(self)
            table.setModel(self.models[kind])
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            table.verticalHeader().hide()
            table.verticalHeader().setDefaultSectionSize(24)
            table.horizontalHeader().setStretchLastSection(True)
            table.setAlternatingRowColors(True)
            table.setWordWrap(False)
            for col, key in enumerate(COLUMNS):
                if key in WIDTHS:
                    table.setColumnWidth(col, WIDTHS[key])
            table.activated.connect(lambda _i: self.complete_requested.emit())
            table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
            table.selectionModel().selectionChanged.connect(lambda *_: self.show_detail())
            self.tables[kind] = table
            self.tabs.addTab(table, "")
        self.tabs.currentChanged.connect(lambda _i: self.show_detail())
        self.complete_button, self.reschedule_button, self.patient_button = (QPushButton(self) for _ in range(3))
        self.complete_button.clicked.connect(self.complete_requested)
        self.reschedule_button.clicked.connect(self.reschedule_requested)
        self.patient_button.clicked.connect(self._open_patient)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("color: #4a5561; background: #f5f7fa; padding: 6px;")
        self.detail.setMinimumHeight(70)
        buttons = QHBoxLayout()
        for button in (self.complete_button, self.reschedule_button, self.patient_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.detail)

    def retranslate(self) -> None:
        self.complete_button.setText(self.tr("Complete…"))
        self.patient_button.setText(self.tr("Open patient"))
        self.show_detail()

    def load(self, kind: str, scope, day: dt.date, today: dt.date) -> None:
        """The day list at once (one index lookup); the overdue and chase lists, which scan
        history, on the database lane, the latest request winning."""
        if kind in BACKGROUND:
            self._wanted[kind] += 1
            ticket = self._wanted[kind]
            run_in_background(lambda: self.service.ids(kind, scope, day),
                              lambda ids: self._loaded(kind, ticket, ids, today))
            return
        self._apply(kind, self.service.ids(kind, scope, day), today)

    def _loaded(self, kind: str, ticket: int, ids: list, today: dt.date) -> None:
        if not shiboken6.isValid(self) or ticket != self._wanted[kind]:
            return  # the page is gone, or a newer request is on its way
        self._apply(kind, ids, today)

    def _apply(self, kind: str, ids: list, today: dt.date) -> None:
        """Show new ids, keeping the selected follow-up selected if it is still listed."""
        table, model = self.tables[kind], self.models[kind]
        current = table.currentIndex()
        keep = model.ids[current.row()] if current.isValid() else None
        model.load(ids, today)
        row = model.row_of(keep) if keep else -1
        if row >= 0:
            table.selectRow(row)
        self.show_detail()
        self.loaded.emit(kind)

    def set_titles(self, day_text: str) -> None:
        self.tabs.setTabText(0, self.tr("{day} (%n)", "", self.models["day"].rowCount()).format(day=day_text))
        self.tabs.setTabText(1, self.tr("Overdue (%n)", "", self.models["overdue"].rowCount()))
        self.tabs.setTabText(2, self.tr("Chase list (%n)", "", self.models["chase"].rowCount()))

    def show_list(self, kind: str) -> QTableView:
        self.tabs.setCurrentIndex(LISTS.index(kind))
        return self.tables[kind]

    def current_row(self):
        kind = LISTS[self.tabs.currentIndex()]
        index = self.tables[kind].currentIndex()
        return self.models[kind].row_data(index.row()) if index.isValid() else None

    def selected_rows(self) -> list:
        """The selected follow-ups of the list shown, in list order (the current one if none is)."""
        kind = LISTS[self.tabs.currentIndex()]
        table, model = self.tables[kind], self.models[kind]
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
        found = [model.row_data(r) for r in rows]
        if not rows:
            current = self.current_row()
            found = [current] if current is not None else []
        return [r for r in found if r is not None]

    def select_id(self, kind: str, fid: str) -> bool:
        """Show list `kind` with follow-up `fid` selected (a click in the week view)."""
        row = self.models[kind].row_of(fid)
        if row < 0:
            return False
        table = self.show_list(kind)
        table.selectRow(row)
        table.scrollTo(self.models[kind].index(row, 0))
        return True

    def show_detail(self) -> None:
        row = self.current_row()
        chosen = self.selected_rows()
        open_ = [r for r in chosen if r.status in ("planned", "missed")]
        self.complete_button.setEnabled(len(chosen) == 1 and bool(open_))
        self.reschedule_button.setEnabled(bool(open_))
        self.reschedule_button.setText(self.tr("Reschedule %n…", "", len(open_)) if len(open_) > 1
                                       else self.tr("Reschedule…"))
        self.patient_button.setEnabled(row is not None)
        if len(chosen) > 1:
            self.detail.setText(self.tr("%n follow-ups selected: Reschedule… moves them together to one day.", "",
                                        len(chosen)))
            return
        self.detail.setText(due_words.lines(self.service.date_reasons(row.id)) if row else self.tr(
            "Select a follow-up to see why it is on its day."))

    def _open_patient(self) -> None:
        row = self.current_row()
        if row is not None:
            self.patient_requested.emit(row.patient_id)
