"""Changes waiting: everything in the outbox, and what to do about each one.

Conflicts open the conflict dialog; rejected changes can be corrected and sent again, or
discarded (after a confirmation: the server's version comes back). Pending changes are
only shown: they go with the next cycle. The list follows every data change.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.sync import conflicts
from app.sync.service import OutboxItem
from ui.sync.conflict_dialog import ConflictDialog
from ui.sync.outbox_model import COLUMNS
from ui.sync.outbox_model import OutboxModel
from ui.sync.resend_dialog import ResendDialog
from ui.sync.words import failure_text
from ui.sync.words import record_text


class OutboxView(QDialog):
    discarding = Signal(int, int)  # (done, total), emitted on the network lane, shown here
    sending_again = Signal(int, int)
    def __init__(self, profile, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.profile, self.controller = profile, controller
        self.child: QDialog | None = None  # the conflict / resend dialog open from here
        self.model = OutboxModel(profile, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several at once (Ctrl/Shift+click, Ctrl+A): discarding many takes one confirmation.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("reason"), QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.act())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        self.settle_button, self.resend_button, self.discard_button = QPushButton(), QPushButton(), QPushButton()
        self.again_button = QPushButton()
        self.sync_button, self.close_button = QPushButton(), QPushButton()
        self.settle_button.clicked.connect(self.open_conflict)
        self.resend_button.clicked.connect(self.open_resend)
        self.discard_button.clicked.connect(self.discard)
        self.again_button.clicked.connect(lambda: self.send_again())
        self.sync_button.clicked.connect(controller.sync_now)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.settle_button, self.resend_button, self.again_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.discarding.connect(self._discard_progress)
        self.sending_again.connect(self._again_progress)
        controller.state_changed.connect(self._state_changed)
        self.resize(980, 460)
        self.reload()

    # -- content ----------------------------------------------------------------------------

    def reload(self) -> None:
        selected = self.selected()
        self.model.reload()
        if selected is not None:
            for row, item in enumerate(self.model.items):
                if item.seq == selected.seq:
                    self.table.selectRow(row)
        elif self.model.items:
            self.table.selectRow(0)
        self.retranslate()

    def _state_changed(self, _state) -> None:
        if self.isVisible():
            self.reload()

    def selected(self) -> OutboxItem | None:
        items = self.selected_items()
        return items[0] if len(items) == 1 else None

    def selected_items(self) -> list[OutboxItem]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows()) if self.table.selectionModel() else []
        return [item for item in (self.model.item(r) for r in rows) if item is not None]

    def _update_buttons(self) -> None:
        item = self.selected()
        status = item.status if item else None
        self.settle_button.setEnabled(status == "conflict")
        self.resend_button.setEnabled(status == "rejected")
        chosen = self.selected_items()
        self.discard_button.setEnabled(bool(chosen) and all(i.status in ("conflict", "rejected") for i in chosen))
        self.again_button.setEnabled(bool(chosen) and all(i.status == "rejected" for i in chosen))
        self.sync_button.setEnabled(self.controller.configured())

    # -- actions ----------------------------------------------------------------------------

    def act(self) -> None:
        """Double-click: the one thing to do for this row."""
        item = self.selected()
        if item and item.status == "conflict":
            self.open_conflict()
        elif item and item.status == "rejected":
            self.open_resend()

    def open_conflict(self) -> ConflictDialog | None:
        item = self.selected()
        if item is None or item.status != "conflict":
            return None
        return self._open(ConflictDialog(self.profile, item, self.controller.run_network, self))

    def open_resend(self) -> ResendDialog | None:
        item = self.selected()
        if item is None or item.status != "rejected":
            return None
        return self._open(ResendDialog(self.profile, item, self.controller.run_serial, self))

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._settled)
        dialog.destroyed.connect(lambda _=None: setattr(self, "child", None))
        self.child = dialog
        dialog.open()
        return dialog

    def _settled(self) -> None:
        self.reload()
        self.controller.on_data_changed()
        self.controller.sync_now()  # send the settled change right away

    def discard(self, confirmed: bool = False) -> bool:
        """Give up the selected conflicts and rejections — one or many, one question, one
        transaction (app/sync/conflicts.py discard_many) — after asking (tests pass confirmed)."""
        items = self.selected_items()
        if not items or any(i.status == "pending" for i in items):
            return False
        if not confirmed:
            if len(items) == 1:
                text = self.tr("Discard this desktop's change to {record}? The server's version comes back "
                               "and your change is gone.").format(record=self._record(items[0]))
            else:
                text = self.tr("Discard these %n changes of this desktop? The server's versions come back "
                               "and the changes are gone.", "", len(items))
            answer = QMessageBox.question(
                self, self.tr("Discard my change"), text,
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return False
        self.message.hide()
        seqs = [i.seq for i in items]
        self.discarding.emit(0, len(seqs))
        self.controller.run_network(
            lambda client: conflicts.discard_many(self.profile, client, seqs, self.discarding.emit),
            lambda _r: self._settled(), self._failed)
        return True

    def send_again(self, confirmed: bool = False) -> bool:
        """Queue the selected refused changes again as they are — after their cause was mended
        elsewhere — one question, one transaction (app/sync/conflicts.py resend_many)."""
        items = self.selected_items()
        if not items or any(i.status != "rejected" for i in items):
            return False
        if not confirmed:
            answer = QMessageBox.question(
                self, self.tr("Send again"),
                self.tr("Send these %n refused changes again as they are? Do this once their cause is mended "
                        "(for example the administrator corrected the organisation tree); otherwise the "
                        "server refuses them again.", "", len(items)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.message.hide()
        seqs = [i.seq for i in items]
        self.controller.run_serial(lambda: conflicts.resend_many(self.profile, seqs, self.sending_again.emit),
                                   lambda _n: self._settled(), self._failed)
        return True

    def _again_progress(self, done: int, total: int) -> None:
        if total > 1:
            self.summary.setText(self.tr("Queuing again: %1 of %2…").replace("%1", str(done)).replace("%2", str(total)))

    def _discard_progress(self, done: int, total: int) -> None:
        if total > 1:
            self.summary.setText(self.tr("Discarding: %1 of %2…").replace("%1", str(done)).replace("%2", str(total)))

    def _failed(self, exc: Exception) -> None:
        self.message.setText(failure_text(exc))
        self.message.show()

    def _record(self, item: OutboxItem) -> str:
        return record_text(item.table, item.patient_name)

    # -- words ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Changes waiting"))
        counts = {s: sum(1 for i in self.model.items if i.status == s) for s in ("pending", "conflict", "rejected")}
        if not self.model.items:
            text = self.tr("Nothing is waiting: every change on this desktop is on the server.")
        else:
            text = self.tr("{pending} waiting to be sent · {conflict} conflicts · {rejected} rejected. "
                           "Conflicts and rejected changes need you; the rest goes with the next sync."
                           ).format(**counts)
        self.summary.setText(text)
        self.settle_button.setText(self.tr("Settle conflict…"))
        self.resend_button.setText(self.tr("Correct and resend…"))
        self.discard_button.setText(self.tr("Discard my change…"))
        self.again_button.setText(self.tr("Send again as they are…"))
        self.sync_button.setText(self.tr("Sync now"))
        self.close_button.setText(self.tr("Close"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        super().changeEvent(event)
