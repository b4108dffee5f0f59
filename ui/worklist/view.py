"""The worklist page: search, quick filters, the table, saved views, columns and export."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QToolButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.worklist import COLUMNS
from app.worklist import Worklist
from ui.fonts import row_height
from ui.tasks import run_in_background
from ui.worklist.filter_bar import FilterBar
from ui.worklist.model import PATIENT_ID_ROLE
from ui.worklist.model import WorklistModel
from ui.worklist.model import column_title
from ui.worklist.views_menu import ViewsMenu
from ui.writes import off_gui_thread

SEARCH_DELAY_MS = 60
COUNTS_DELAY_MS = 250  # counts follow once typing pauses; the list itself never waits
# Typical width of each column in Chinese characters (an ID number is ~9 wide).
COLUMN_CHARS = {"name": 5, "sex_age": 5, "id_number": 11, "cancer_type": 6, "stage": 6,
                "next_action": 9, "due_date": 13, "risk_level": 4, "station": 8, "case_manager": 6,
                "last_contact": 7, "waiting_referral": 7, "waiting_mdt": 4, "sync_state": 5}  # the clock: "超时 12:34"


class WorklistPage(QWidget):
    patient_requested = Signal(str)  # patient id

    def __init__(self, profile, worklist: Worklist, parent=None):
        super().__init__(parent)
        self.profile = profile
        self.worklist = worklist
        self.model = WorklistModel(worklist, self)
        self._counts_wanted = False

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.filter_bar = FilterBar(self)
        self.views = ViewsMenu(self)
        self.columns_button = QToolButton(self)
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button = QToolButton(self)
        self.print_button = QToolButton(self)  # 打印日程: call list, home visits, chase list, this list
        self.register_button = QToolButton(self)  # 登记患者: a walk-in becomes a patient here
        self.table = QTableView(self)
        self.table.setModel(self.model)
        # Indicator first, then sorting on: enabling sorting asks the model to sort by the
        # indicator, which would otherwise re-query 100k ids for the default order.
        self.table.horizontalHeader().setSortIndicator(COLUMNS.index("due_date"), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows at once (Ctrl/Shift+click): bulk work from the context menu (ui/worklist/bulk.py).
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._bulk_menu_at)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(row_height(self.table))  # grows with the font size
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, key in enumerate(COLUMNS):  # wide enough for the usual content, in pixels of text
            self.table.setColumnWidth(i, self.fontMetrics().horizontalAdvance("中") * COLUMN_CHARS.get(key, 6))
        self.table.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._columns_menu_at)
        self.table.activated.connect(self._open)
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #777; font-size: 15px;")

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.views.button)
        top.addWidget(self.columns_button)
        top.addWidget(self.export_button)
        top.addWidget(self.print_button)
        top.addWidget(self.register_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)

        self._counts_timer = QTimer(self, singleShot=True, interval=COUNTS_DELAY_MS)
        self._counts_timer.timeout.connect(self._count_now)
        self._clock_timer = QTimer(self, interval=30_000)  # referral clocks move by the minute
        self._clock_timer.timeout.connect(self._tick_clocks)
        self._clock_timer.start()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.filter_bar.changed.connect(self.apply)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        self.columns_button.clicked.connect(lambda: self._columns_menu().exec(
            self.columns_button.mapToGlobal(self.columns_button.rect().bottomLeft())))
        self.export_button.clicked.connect(self._export)
        self.print_button.clicked.connect(self._print)
        self.register_button.clicked.connect(self.register_patient)
        self.retranslate()
        self.apply()

    # data ----------------------------------------------------------------
    def apply(self) -> None:
        """Re-query with the current search and filters (keystrokes land here)."""
        self.model.load(self.filter_bar.filters(self.search.text()))
        self._after_load()
        self._request_counts()

    def refresh(self) -> None:
        """Data changed underneath: reload, keeping the selected case and the scroll position."""
        selected = self.current_case_id()
        scroll = self.table.verticalScrollBar().value()
        self.model.load()
        self._after_load()
        if selected:
            row = self.model.row_of(selected)
            if row >= 0:
                self.table.selectRow(row)
        self.table.verticalScrollBar().setValue(scroll)
        self._request_counts()

    def follow_identity(self, user_id: str | None, station_id: str | None) -> None:
        """Someone signed in, or their station became known with the first pull: 我的/本站,
        their counts and their saved views are theirs from now on."""
        self.worklist.user_id, self.worklist.station_id = user_id, station_id
        self.views.set_user(user_id)
        self.refresh()

    def _after_load(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        if empty:
            self.empty_label.resize(self.table.viewport().size())

    def _request_counts(self) -> None:
        """Counts scan every case in scope: wait until typing pauses, then count off the
        GUI thread; a request overtaken by a newer one is dropped before it runs."""
        self._counts_for = self.filter_bar.filters(self.search.text())
        self._counts_timer.start()

    def _count_now(self) -> None:
        filters = self._counts_for

        def count():
            if filters != self._counts_for:
                return filters, None  # superseded while queued: don't scan for nothing
            return filters, self.worklist.counts(filters)
        run_in_background(count, self._show_counts, owner=self)

    def _show_counts(self, result) -> None:
        filters, counts = result
        if counts is not None and filters == self._counts_for:
            self.filter_bar.set_counts(counts)

    def _tick_clocks(self) -> None:
        top = self.table.rowAt(0)
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        if top >= 0:
            self.model.tick_clocks(top, bottom if bottom >= 0 else self.model.rowCount() - 1)

    def current_case_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.case_id(index.row()) if index.isValid() else None

    def selected_case_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [cid for cid in (self.model.case_id(r) for r in rows) if cid]

    def _bulk_menu_at(self, pos) -> None:
        from ui.worklist.bulk import bulk_menu  # on first use
        ids = self.selected_case_ids()
        if ids:
            bulk_menu(self, ids).exec(self.table.viewport().mapToGlobal(pos))

    # actions ---------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _open(self, index: QModelIndex) -> None:
        patient_id = self.model.data(index, PATIENT_ID_ROLE)
        if patient_id:
            self.patient_requested.emit(patient_id)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.search.clear()
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.model.rowCount():
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self._open(self.table.currentIndex())
            return
        super().keyPressEvent(event)

    def visible_columns(self) -> tuple[str, ...]:
        return tuple(k for i, k in enumerate(COLUMNS) if not self.table.isColumnHidden(i))

    def set_visible_columns(self, columns) -> None:
        for i, key in enumerate(COLUMNS):
            self.table.setColumnHidden(i, key not in columns)

    def _columns_menu(self) -> QMenu:
        menu = QMenu(self)
        for i, key in enumerate(COLUMNS):
            act = QAction(column_title(key), menu, checkable=True, checked=not self.table.isColumnHidden(i))
            act.setEnabled(key != "name")  # a list without names helps nobody
            act.toggled.connect(lambda on, i=i: self.table.setColumnHidden(i, not on))
            menu.addAction(act)
        return menu

    def _columns_menu_at(self, pos) -> None:
        self._columns_menu().exec(self.table.horizontalHeader().mapToGlobal(pos))

    def _export(self) -> None:
        from ui.worklist.export_dialog import export_visible_list
        export_visible_list(self)

    def _print(self) -> None:
        from ui.daysheets import print_day_sheets
        print_day_sheets(self)

    def register_patient(self):
        """The registration dialog; the saved patient (or a duplicate chosen instead) opens."""
        from app.registration import Registration
        from ui.patient.register_dialog import RegisterDialog  # on first use

        dialog = RegisterDialog(off_gui_thread(Registration.for_profile(self.profile)), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_patient.connect(self.patient_requested)
        dialog.accepted.connect(lambda: self.patient_requested.emit(dialog.saved_id))
        dialog.open()
        return dialog

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.empty_label.resize(self.table.viewport().size())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search name, pinyin initials, phone or ID ending  (Ctrl+F)"))
        self.columns_button.setText(self.tr("Columns"))
        self.export_button.setText(self.tr("Export…"))
        from ui.daysheets import word_print_button  # its words are in casedesk_daysheet_zh_CN.ts
        word_print_button(self.print_button)
        # Context RegisterDialog: the words live in that feature's catalogue (casedesk_register_zh_CN.ts).
        self.register_button.setText(QCoreApplication.translate("RegisterDialog", "Register patient…"))
        self.empty_label.setText(self.tr("No cases match. Clear the search or the filters to see more."))
        self.filter_bar.retranslate()
        self.views.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
