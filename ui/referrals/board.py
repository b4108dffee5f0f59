"""The 转诊 area: incoming, outgoing and breached referrals with live 24-hour countdowns.

Lists load on the database lane; the one-second tick only repaints the clock column of
the rows on screen (ui/referrals/model.py). A slip's code typed or scanned into the
lookup field finds the referral in the local database, so it works offline.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTabBar
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.errors import ValidationError
from app.identity import current_identity
from app.referrals import ReferralService
from app.referrals.board import TABS
from app.referrals.board import BoardQueries
from app.referrals.board import my_units
from app.referrals.states import ACTIONS
from ui import problem_words
from ui.events import EventBridge
from ui.fonts import row_height
from ui.referrals import labels
from ui.referrals.detail import DetailPane
from ui.referrals.model import COLUMNS
from ui.referrals.model import PATIENT_ID_ROLE
from ui.referrals.model import BoardModel
from ui.referrals.reports import ReportsPanel
from ui.referrals.slip import open_slip
from ui.referrals.step_dialogs import BreachDialog
from ui.referrals.step_dialogs import ReasonDialog
from ui.referrals.step_dialogs import ScheduleDialog
from ui.tasks import run_in_background
from ui.writes import off_gui_thread

TICK_MS = 1000
COLUMN_CHARS = {"code": 5, "patient": 5, "direction": 8, "from_org": 12, "to_org": 12, "state": 6, "sent": 9,
                "clock": 9, "appointment": 16, "reason": 12}
# Steps that cannot be taken back: asked for, then held for UNDO_S seconds before they are written.
IRREVERSIBLE = ("accept", "seen", "close")
UNDO_S = 5


class ReferralBoard(QWidget):
    patient_requested = Signal(str)
    edit_requested = Signal(str)  # a draft's referral id
    loaded = Signal()

    def __init__(self, profile, parent=None, events: EventBridge | None = None):
        """`events`: the window's bridge; a board shown on its own makes its own."""
        super().__init__(parent)
        self.profile = profile
        self.service = off_gui_thread(ReferralService(profile))
        self.queries = BoardQueries(profile.sessions)
        self._find_units(current_identity(profile).org_unit_id)
        self.model = BoardModel(self.queries, self)
        self.counts: dict[str, int] = {}
        self.tabs = QTabBar(self)
        for _ in TABS:
            self.tabs.addTab("")
        self.lookup = QLineEdit(self)
        self.lookup.setClearButtonEnabled(True)
        self.lookup.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 14)
        self.find_button = QPushButton(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(row_height(self.table))  # grows with the font size
        self.table.horizontalHeader().setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("中")
        for i, key in enumerate(COLUMNS):
            self.table.setColumnWidth(i, em * COLUMN_CHARS[key])
        self.empty = QLabel(self.table.viewport())
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #777; font-size: 15px;")
        self.detail = DetailPane(self, ReportsPanel(profile))  # parented by the pane's layout
        self.buttons = {a: QPushButton(self) for a in (*ACTIONS, "breach", "edit", "slip", "open")}
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self._shown_id: str | None = None
        self._pending: tuple[str, str, int] | None = None  # (action, referral id, seconds left)
        self.undo_button = QPushButton(self)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo)
        self.undo_timer = QTimer(self)
        self.undo_timer.setInterval(1000)
        self.undo_timer.timeout.connect(self._count_down)
        self._build()
        self._connect()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.events = events if events is not None else EventBridge(profile.bus, self)
        self.events.data_changed.connect(self._data_changed)
        self.events.identity_changed.connect(self._identity_changed)
        self.retranslate()
        self._selected()
        self.reload()

    def _find_units(self, org_unit_id: str | None) -> None:
        with self.profile.sessions() as s:
            self.units = my_units(s, org_unit_id)
        self.queries.units = self.units

    def _data_changed(self, event) -> None:
        if "referrals" in event.tables:
            self.reload()
        elif "referral_attachments" in event.tables:  # a report attached elsewhere, or its bytes arrived
            self.detail.reports.show_for(self.detail.view.id if self.detail.view else None)

    def _identity_changed(self, me) -> None:
        """Another person signed in, or their unit arrived with the first pull: their units' referrals."""
        self._find_units(me.org_unit_id)
        self.reload()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.tabs)
        top.addStretch(1)
        top.addWidget(self.lookup)
        top.addWidget(self.find_button)
        actions = QHBoxLayout()
        for button in self.buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.undo_button)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(lambda _i: self.reload())
        self.lookup.returnPressed.connect(self.find_code)
        self.find_button.clicked.connect(self.find_code)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.table.activated.connect(lambda _i: self.open_patient())
        self.model.deadline_crossed.connect(self.reload)
        self.model.modelReset.connect(self._selected)
        for action, button in self.buttons.items():
            button.clicked.connect(lambda _=False, a=action: self.act(a))

    def retranslate(self) -> None:
        names = labels.tabs()
        for i, tab in enumerate(TABS):
            n = self.counts.get(tab)
            self.tabs.setTabText(i, names[tab] if n is None else f"{names[tab]} ({n})")
        self.lookup.setPlaceholderText(self.tr("Type or scan the slip's code"))
        self.find_button.setText(self.tr("Find"))
        self.undo_button.setText(self.tr("Undo"))
        words = labels.actions()
        for action, button in self.buttons.items():
            button.setText(words.get(action, ""))
        self.buttons["breach"].setText(self.tr("Delay reason…"))
        self.buttons["edit"].setText(self.tr("Edit draft…"))
        self.buttons["slip"].setText(self.tr("Print slip…"))
        self.buttons["open"].setText(self.tr("Open patient"))
        self.empty.setText(self.tr("No referrals here."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.detail.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.empty.resize(self.table.viewport().size())

    # data ----------------------------------------------------------------------
    def current_tab(self) -> str:
        return TABS[max(self.tabs.currentIndex(), 0)]

    def reload(self) -> None:
        tab, queries = self.current_tab(), self.queries

        def work():
            now = clock.now()
            return tab, queries.clocks(tab, now), queries.counts(now)

        run_in_background(work, self._loaded)

    def _loaded(self, result) -> None:
        tab, clocks, counts = result
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.tabs):
            return  # the page was closed while the lists loaded
        if tab != self.current_tab():
            return  # a newer reload for the tab now shown is on its way
        keep = self.selected_id()
        self.counts = counts
        self.model.set_clocks(clocks, clock.now().timestamp())
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        self.empty.setVisible(not clocks)
        self.empty.resize(self.table.viewport().size())
        self.retranslate()
        self.loaded.emit()

    def visible_rows(self) -> tuple[int, int]:
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        return first, (self.model.rowCount() - 1 if last < 0 else last)

    def tick(self) -> None:
        """Once a second: new countdowns for the rows on screen, nothing else."""
        if not self.isVisible() or self.model.rowCount() == 0:
            return
        first, last = self.visible_rows()
        self.model.tick(clock.now().timestamp(), first, last)
        self.detail.tick()

    # selection and actions -------------------------------------------------------
    def selected_id(self) -> str | None:
        """The referral the page shows (and its buttons act on): the table's selection, or
        the one a code lookup found when it is not in the list shown."""
        if self._shown_id is not None:
            return self._shown_id
        index = self.table.currentIndex()
        return self.model.referral_id(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None

    def _selected(self) -> None:
        self._shown_id = None  # a row picked in the table: that one
        self._show(self.selected_id())

    def _show(self, rid: str | None) -> None:
        view = None
        if rid is not None:
            try:
                view = self.service.get(rid)
            except ValidationError:
                view = None
        self.detail.show_referral(view)
        allowed = set(self.service.allowed_actions(view.id)) if view else set()
        for action, button in self.buttons.items():
            enabled = action in allowed
            if action == "breach":
                enabled = view is not None and view.clock().needs_reason
            elif action in ("open", "slip"):
                enabled = view is not None and (action == "open" or view.state in ("sent", "received", "accepted",
                                                                                   "scheduled"))
            elif action == "edit":
                enabled = view is not None and view.state == "draft"
            button.setEnabled(enabled)
            button.setVisible(action in ("open", "slip", "breach") or enabled)

    def act(self, action: str) -> None:
        rid = self.selected_id()
        if rid is None:
            return
        view = self.service.get(rid)
        self.message.clear()
        if action == "open":
            self.open_patient()
        elif action == "edit":
            self.edit_requested.emit(rid)
        elif action == "slip":
            open_slip(self, self.profile, rid, self._say)
        elif action in ("reject", "cancel"):
            call = self.service.reject if action == "reject" else self.service.cancel
            ReasonDialog(labels.actions()[action].rstrip("…"), lambda text: call(rid, text), self).open()
        elif action == "schedule":
            ScheduleDialog(self.service, view, self).open()
        elif action == "breach":
            BreachDialog(self.service, view, self).open()
        else:
            self._step(action, rid)

    def _step(self, action: str, rid: str, confirmed: bool | None = None) -> None:
        """A step that cannot be taken back is asked for, then held for UNDO_S seconds with an
        Undo button before it is written (and so before any sync can send it)."""
        if action in IRREVERSIBLE and self._pending is None:
            view = self.service.get(rid)
            if confirmed is None:
                confirmed = QMessageBox.question(
                    self, labels.actions()[action], self.tr("{step} for {name} ({code})? This cannot be taken back.").format(
                        step=labels.actions()[action], name=view.patient_name, code=view.short_code),
                ) == QMessageBox.StandardButton.Yes
            if not confirmed:
                return
            self._pending = (action, rid, UNDO_S)
            self.undo_button.show()
            self._count_down()
            self.undo_timer.start()
            return
        self._write_step(action, rid)

    def _count_down(self) -> None:
        if self._pending is None:
            return
        action, rid, left = self._pending
        if left <= 0:
            self.commit_pending()
            return
        self._say(self.tr("{step}: written in {seconds} s.").format(step=labels.actions()[action], seconds=left))
        self._pending = (action, rid, left - 1)

    def commit_pending(self) -> None:
        """Write the step held for undo now (its time is up, or the page goes away)."""
        if self._pending is None:
            return
        action, rid, _ = self._pending
        self._pending = None
        self.undo_timer.stop()
        self.undo_button.hide()
        self.message.clear()
        self._write_step(action, rid)

    def undo(self) -> None:
        if self._pending is None:
            return
        action = self._pending[0]
        self._pending = None
        self.undo_timer.stop()
        self.undo_button.hide()
        self._say(self.tr("{step} undone: nothing was written.").format(step=labels.actions()[action]))

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.commit_pending()  # a step asked for is not lost by leaving the page
        super().hideEvent(event)

    def _write_step(self, action: str, rid: str) -> None:
        try:
            result = getattr(self.service, {"seen": "mark_seen"}.get(action, action))(rid)
        except ValidationError as exc:
            self._say(problem_words.say(exc), error=True)
            return
        if action == "close" and result:
            self._say(self.tr("Loop closed; the community follow-up is planned."))

    def find_code(self) -> None:
        try:
            view = self.service.find_by_code(self.lookup.text())
        except ValidationError as exc:
            self._say(problem_words.say(exc), error=True)
            return
        if view is None:
            self._say(self.tr("No referral with code {code} on this computer.").format(
                code=self.lookup.text().strip().upper()), error=True)
            return
        self._say(self.tr("Found {code}: {name}.").format(code=view.short_code, name=view.patient_name))
        row = self.model.row_of(view.id)
        if row >= 0:
            self.table.selectRow(row)  # shows it through _selected
        else:  # not in this list: shown, and the buttons act on it, with nothing else selected
            self.table.clearSelection()
            self.table.setCurrentIndex(self.model.index(-1, -1))
        self._shown_id = view.id
        self._show(view.id)

    def open_patient(self) -> None:
        index = self.table.currentIndex()
        pid = self.model.data(index, PATIENT_ID_ROLE) if index.isValid() else None
        if pid:
            self.patient_requested.emit(pid)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2f6fb3;")
        self.message.setText(text)
