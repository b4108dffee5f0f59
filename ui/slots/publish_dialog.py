"""Publish a series of slots (the hospital's side): every working day (or the chosen weekdays)
from one day to another, from a start time every n minutes while a slot ends by the end time,
each with the same capacity, place and what to bring. One transaction: all or none."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QTimeEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.rulebook.slots import MAX_CAPACITY
from ui import problem_words
from ui.slots.words import modalities


class PublishSeriesDialog(QDialog):
    def __init__(self, service, hospitals: list[tuple[str, str]], parent: QWidget | None = None,
                 hospital_id: str | None = None):
        super().__init__(parent)
        self.service = service
        self.made: list[str] = []
        self.hospital = QComboBox()
        for unit_id, name in hospitals:
            self.hospital.addItem(name, unit_id)
        self.hospital.setCurrentIndex(max(0, self.hospital.findData(hospital_id)))
        self.modality = QComboBox()
        for code, name in modalities():
            self.modality.addItem(name, code)
        start = clock.today() + dt.timedelta(days=1)
        self.first_day = QDateEdit(QDate(start.year, start.month, start.day))
        end = start + dt.timedelta(days=13)
        self.last_day = QDateEdit(QDate(end.year, end.month, end.day))
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.start = QTimeEdit(QTime(8, 0))
        self.end = QTimeEdit(QTime(11, 30))
        for time_edit in (self.start, self.end):
            time_edit.setDisplayFormat("HH:mm")
        self.every = QSpinBox()
        self.every.setRange(5, 240)
        self.every.setSingleStep(5)
        self.every.setValue(30)
        self.capacity = QSpinBox()
        self.capacity.setRange(1, MAX_CAPACITY)
        self.capacity.setValue(4)
        self.working_days = QCheckBox()
        self.working_days.setChecked(True)
        self.place = QLineEdit()
        self.instructions = QPlainTextEdit()
        self.instructions.setFixedHeight(70)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b23a48")
        self.error.hide()
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(10)]
        for label, field in zip(self.labels, (self.hospital, self.modality, self.first_day, self.last_day, self.start,
                                              self.end, self.every, self.capacity, self.place, self.instructions)):
            self.form.addRow(label, field)
        self.form.addRow("", self.working_days)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(lambda: self.publish())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Publish slots"))
        for label, text in zip(self.labels, (
                self.tr("Hospital"), self.tr("Examination"), self.tr("First day"), self.tr("Last day"),
                self.tr("From"), self.tr("Until"), self.tr("Every (minutes)"), self.tr("Residents per slot"),
                self.tr("Place"), self.tr("What to bring"))):
            label.setText(text)
        self.working_days.setText(self.tr("Working days only (public holidays left out)"))
        self.place.setPlaceholderText(self.tr("e.g. CT room, 2nd floor of the outpatient building"))
        self.instructions.setPlaceholderText(self.tr("e.g. ID card and medical insurance card; fast for 4 hours"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Publish"))

    def publish(self) -> bool:
        first, last = _day(self.first_day.date()), _day(self.last_day.date())
        try:
            self.made = self.service.publish_series(
                self.hospital.currentData(), self.modality.currentData(), first, last, _time(self.start.time()),
                _time(self.end.time()), self.every.value(), self.capacity.value(), place=self.place.text(),
                instructions=self.instructions.toPlainText(), working_days_only=self.working_days.isChecked())
        except Exception as exc:  # noqa: BLE001 - a refusal is shown in words; nothing was published
            self.error.setText(problem_words.say(exc))
            self.error.show()
            return False
        self.accept()
        return True


def _day(d: QDate) -> dt.date:
    return dt.date(d.year(), d.month(), d.day())


def _time(t: QTime) -> dt.time:
    return dt.time(t.hour(), t.minute())
