"""Small dialogs for the steps that need words: a reason (reject, cancel), an appointment
(schedule, with the breach reason when the 24 hours are over) and a breach reason alone.

Each calls the service itself and shows a refusal next to the field it names; it closes
only when the step was written.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateTimeEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QSizePolicy
from PySide6.QtWidgets import QVBoxLayout

from app import clock
from app.errors import ValidationError
from ui import problem_words
from ui.referrals import labels

ERROR_STYLE = "color: #c62828;"


def error_label(parent) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    # Only as tall as its text: a form's spare height must not open gaps under a field.
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def breach_combo(parent) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem("", None)  # "choose…", worded by the dialog
    for code, text in labels.breach_reasons().items():
        combo.addItem(text, code)
    return combo


class _Base(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.form = QFormLayout()
        self.general = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)

    def add_field(self, title: str, widget) -> QLabel:
        error = error_label(self)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        self.form.addRow(title, box)
        return error

    def run(self, call, errors: dict[str, QLabel]) -> None:
        for label in [*errors.values(), self.general]:
            show_error(label, "")
        try:
            call()
        except ValidationError as exc:
            show_error(errors.get(exc.field, self.general), problem_words.say(exc))
            return
        self.accept()


class ReasonDialog(_Base):
    """Reject or cancel: the reason goes into the record and onto the timeline."""

    def __init__(self, title: str, call, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.call = call
        self.text = QPlainTextEdit(self)
        self.text.setFixedHeight(90)
        self.error = self.add_field(self.tr("Reason"), self.text)
        self.resize(460, 220)
        self.text.setFocus()  # the reason is what the dialog is for

    def submit(self) -> None:
        self.run(lambda: self.call(self.text.toPlainText()), {"state_reason": self.error, "reason": self.error})


class ScheduleDialog(_Base):
    def __init__(self, service, view, parent=None):
        super().__init__(parent)
        self.service, self.view = service, view
        self.setWindowTitle(self.tr("Appointment for {name}").format(name=view.patient_name))
        start = QDateTime(clock.now().astimezone() + dt.timedelta(hours=2))
        start.setTime(QTime(start.time().hour(), 0))
        self.when = QDateTimeEdit(start, self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.place = QLineEdit(view.scheduled_place or view.to_department, self)
        self.breach = breach_combo(self)
        self.errors = {"scheduled_at": self.add_field(self.tr("Date and time"), self.when),
                       "scheduled_place": self.add_field(self.tr("Place"), self.place)}
        late = view.clock().breached and not view.breach_reason
        self.errors["breach_reason"] = self.add_field(self.tr("Reason for the delay"), self.breach)
        self.breach.setEnabled(late)
        self.breach.setItemText(0, self.tr("Choose a reason…") if late else self.tr("Not needed: within 24 hours"))
        self.resize(480, 260)

    def submit(self) -> None:
        at = self.when.dateTime().toPython().astimezone()
        self.run(lambda: self.service.schedule(self.view.id, at, self.place.text(), self.breach.currentData()),
                 self.errors)


class BreachDialog(_Base):
    def __init__(self, service, view, parent=None):
        super().__init__(parent)
        self.service, self.view = service, view
        self.setWindowTitle(self.tr("Why was the 24-hour target missed?"))
        self.combo = breach_combo(self)
        self.combo.setItemText(0, self.tr("Choose a reason…"))
        self.error = self.add_field(self.tr("Reason code"), self.combo)
        self.resize(440, 160)

    def submit(self) -> None:
        self.run(lambda: self.service.record_breach(self.view.id, self.combo.currentData() or ""),
                 {"breach_reason": self.error})
