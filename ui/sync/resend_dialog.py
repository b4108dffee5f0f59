"""A rejected change: the server's reason, the values to correct, and "Send again".

Each field of the change is an editable line holding what this desktop wanted; a value
that cannot be read for its field (a date, a number) is said under it, and nothing is
sent until every field reads. The new change goes to the outbox as pending; the rejected
one is replaced in the same transaction (app.sync.conflicts.resend).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import ValidationError
from app.sync import conflicts
from app.sync.service import OutboxItem
from ui.sync.words import edit_text
from ui.sync.words import failure_text
from ui.sync.words import field_name
from ui.sync.words import record_text
from ui.sync.words import rejection_text
from ui.sync.words import value_text


class ResendDialog(QDialog):
    def __init__(self, profile, item: OutboxItem, run_serial, parent: QWidget | None = None):
        super().__init__(parent)
        self.profile, self.item, self.run_serial = profile, item, run_serial
        self.summary, self.reason, self.message = QLabel(), QLabel(), QLabel()
        for label in (self.summary, self.reason, self.message):
            label.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.reason.setStyleSheet("color: #c0392b;")
        self.message.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        self.choosers: dict[str, QComboBox] = {}  # yes-or-no fields: chosen, never typed
        self.errors: dict[str, QLabel] = {}
        self.before: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        for field in conflicts.editable_fields(item.table, item.op, item.changes):
            self._add_field(field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.reason)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate()

    def _add_field(self, field: str) -> None:
        _old, new = self.item.changes.get(field, [None, None])
        edit: QWidget
        if conflicts.value_kind(self.item.table, field) == "bool":
            # Yes and no in the person's language, handed to app/ as codes.
            edit = QComboBox()
            for code in (conflicts.YES, conflicts.NO):
                edit.addItem("", code)
            edit.setCurrentIndex(-1 if new is None else 0 if new else 1)
            self.choosers[field] = edit
        else:
            edit = QLineEdit(edit_text(new))
            self.edits[field] = edit
        edit.setObjectName(f"edit_{field}")
        before = QLabel()
        before.setStyleSheet("color: #777;")
        before.setWordWrap(True)
        error = QLabel()
        error.setStyleSheet("color: #c0392b;")
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(edit)
        column.addWidget(before)
        column.addWidget(error)
        label = QLabel()
        label.setBuddy(edit)
        self.form.addRow(label, box)
        self.errors[field], self.before[field] = error, before
        self.labels[field] = label

    def values(self) -> dict | None:
        """The typed values read for their fields; None (messages shown) if one cannot be read."""
        out, ok = {}, True
        texts = {f: e.text() for f, e in self.edits.items()}
        texts.update({f: c.currentData() or "" for f, c in self.choosers.items()})
        for field, text in texts.items():
            try:
                out[field] = conflicts.parse_value(self.item.table, field, text)
                self.errors[field].hide()
            except ValidationError as exc:
                self.errors[field].setText(self.tr("Cannot read this value: {reason}").format(reason=failure_text(exc)))
                self.errors[field].show()
                ok = False
        return out if ok else None

    def submit(self) -> None:
        values = self.values()
        if values is None:
            return
        self.buttons.setEnabled(False)
        profile, seq = self.profile, self.item.seq
        self.run_serial(lambda: conflicts.resend(profile, seq, values), lambda _seq: self.accept(), self._failed)

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(failure_text(exc))
        self.message.setStyleSheet("color: #c0392b;")
        self.message.show()

    def retranslate(self) -> None:
        item = self.item
        self.setWindowTitle(self.tr("Correct and send again"))
        record = record_text(item.table, item.patient_name)
        self.summary.setText(self.tr("The server did not accept this change to {record}.").format(record=record)
                             if item.op != "delete" else
                             self.tr("The server did not accept deleting {record}.").format(record=record))
        self.reason.setText(self.tr("Server's reason: {reason}").format(reason=rejection_text(item)))
        for field, label in self.before.items():
            label.setText(self.tr("Before your change: {value}").format(
                value=value_text(field, item.changes.get(field, [None])[0])))
            label.setVisible(item.op == "update")
            self.labels[field].setText(self.tr("{field}:").format(field=field_name(field)))
        for chooser in self.choosers.values():
            for index in range(chooser.count()):
                chooser.setItemText(index, value_text("", chooser.itemData(index) == conflicts.YES))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send again"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
