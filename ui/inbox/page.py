"""The 收件箱 page: what arrived for the person, conflicts first, and "Mark all read".

The list loads on the database lane and follows every data change (the window's one event
bridge); `count_changed` carries the unread count for the sidebar and `arrived` the items
that are new since the last load, for the desktop notification (ui/inbox/wiring.py).
Double-click asks for the thing itself; the wiring knows where each kind opens.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import inbox
from app.inbox import Inbox
from app.inbox import InboxItem
from ui.fonts import row_height
from ui.inbox.model import COLUMNS
from ui.inbox.model import InboxModel
from ui.tasks import run_in_background

SHORT_COLUMNS = ("kind", "when", "patient")
SCREEN_ROWS = 60  # rows to size the columns by while the page has no size yet


class InboxPage(QWidget):
    patient_requested = Signal(str)  # patient id: an MDT decision
    referral_requested = Signal(str)  # referral id: an incoming referral
    change_requested = Signal(int)  # outbox seq: a conflict or a refused change
    count_changed = Signal(int)  # unread items
    arrived = Signal(list)  # InboxItems not there at the previous load, unread
    loaded = Signal()

    def __init__(self, inbox_: Inbox, parent: QWidget | None = None):
        super().__init__(parent)
        self.inbox = inbox_
        self.model = InboxModel(self)
        self._known: set[str] | None = None  # item ids at the last load; None before the first
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.mark_button = QPushButton(self)
        self.mark_button.clicked.connect(self.mark_all_read)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(row_height(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMNS.index("what"), QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.open_row(index.row()))  # double-click or Enter
        self.empty = QLabel(self.table.viewport())
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #777; padding: 24px;")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.mark_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.retranslate()

    # -- data ------------------------------------------------------------------------------

    def follow(self, user_id: str | None, station_id: str | None) -> None:
        """Another person works here now: their inbox, with nothing announced as new."""
        self.inbox = Inbox(self.inbox.profile, user_id, station_id)
        self._known = None
        self.reload()

    def reload(self) -> None:
        run_in_background(self.inbox.items, self._loaded, owner=self)

    def _loaded(self, items: list[InboxItem]) -> None:
        if not shiboken6.isValid(self.table):
            return
        keep = self.selected()
        self.model.set_items(items)
        if keep is not None:
            for row, item in enumerate(items):
                if item.id == keep.id:
                    self.table.selectRow(row)
        new = [] if self._known is None else [i for i in items if i.id not in self._known and not i.seen]
        self._known = {i.id for i in items}
        self.empty.setVisible(not items)
        self.empty.resize(self.table.viewport().size())
        self.retranslate()
        self.count_changed.emit(self.inbox.count(items))
        if new:
            self.arrived.emit(new)
        self.loaded.emit()

    def selected(self) -> InboxItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    # -- actions ---------------------------------------------------------------------------

    def open_row(self, row: int) -> None:
        """The thing itself: the change to settle, the referral on the board, the patient.
        Opening an item counts as reading it."""
        item = self.model.item(row)
        if item is None:
            return
        if not item.seen:
            self.inbox.mark_seen([item.id])
            self.reload()
        if item.kind in (inbox.CONFLICT, inbox.REFUSED) and item.seq is not None:
            self.change_requested.emit(item.seq)
        elif item.kind == inbox.REFERRAL_IN:
            self.referral_requested.emit(item.record_id)
        elif item.patient_id:
            self.patient_requested.emit(item.patient_id)

    def mark_all_read(self) -> None:
        self.inbox.mark_seen(item.id for item in self.model.items)
        self.reload()

    # -- words -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Inbox"))
        unread = sum(1 for item in self.model.items if not item.seen)
        if self.model.items:
            self.summary.setText(self.tr(
                "{unread} unread of {total}. Conflicts and refused changes come first: until they "
                "are settled, those changes are on this computer only. Double-click an item to open it."
            ).format(unread=unread, total=len(self.model.items)))
        else:
            self.summary.setText("")
        self.empty.setText(self.tr("Nothing new: no conflicts, no refused changes, no referrals waiting "
                                   "for your answer and no MDT decisions in the last two weeks."))
        self.mark_button.setText(self.tr("Mark all read"))
        self.mark_button.setEnabled(unread > 0)
        self.model.retranslate()
        self._fit_short_columns()

    def _fit_short_columns(self) -> None:
        """The short columns as wide as their words, in either language. Not
        resizeColumnToContents: it asks the model about up to 1,000 rows per column (two
        thirds of opening a 1,000-item inbox: bench inbox). The widest a column can be is
        known from fewer: the first row of each kind, read and unread (bold is wider), the
        longest patient name, and the rows on screen (a time is always 'YYYY-MM-DD HH:MM')."""
        items = self.model.items
        rows = set(self._rows_on_screen())
        firsts: dict[tuple[str, bool], int] = {}
        for row, item in enumerate(items):
            firsts.setdefault((item.kind, item.seen), row)
        rows.update(firsts.values())
        if items:
            bold = QFont(self.table.font())
            bold.setBold(True)
            metrics = QFontMetrics(bold)
            rows.add(max(range(len(items)), key=lambda r: metrics.horizontalAdvance(items[r].patient_name)))
        header = self.table.horizontalHeader()
        grid = 1 if self.table.showGrid() else 0
        for key in SHORT_COLUMNS:
            column = COLUMNS.index(key)
            cells = (self.table.sizeHintForIndex(self.model.index(row, column)).width() + grid for row in rows)
            self.table.setColumnWidth(column, max([header.sectionSizeHint(column), *cells]))

    def _rows_on_screen(self) -> range:
        count = self.model.rowCount()
        first = max(self.table.rowAt(0), 0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        if last < 0:  # fewer rows than the screen holds, or the page not laid out yet
            last = min(count, first + SCREEN_ROWS) - 1
        return range(first, last + 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.empty.resize(self.table.viewport().size())
