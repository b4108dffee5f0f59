"""Moving follow-ups: one to another day, or all of a station's when its clinic closes."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout

from app.errors import ValidationError
from app.followups import Scope
from ui.calendar import labels
from ui.patient.schedule_dialog import ask_clinic_day_off
from ui.patient.schedule_dialog import declined_day_off
from ui.problem_words import say

ERROR_STYLE = "border: 1px solid #c0392b;"


class _MoveDialog(QDialog):
    """Date + reason + a live note about the chosen day + an error line tied to a field."""

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self.service = service
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.reason = QLineEdit(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #4a5561;")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.row_labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.fields = {"due_date": self.date, "reason": self.reason}
        self.date.dateChanged.connect(lambda _d: self._update())
        self.resize(460, 220)

    def add_row(self, widget) -> None:
        label = QLabel(self)
        self.row_labels.append(label)
        self.form.addRow(label, widget)

    def set_row_texts(self, *texts: str) -> None:
        for label, text in zip(self.row_labels, texts):
            label.setText(text)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def day(self) -> dt.date:
        return labels.pydate(self.date.date())

    def day_note(self, day: dt.date) -> str:
        info = self.service.pathway.calendar.info(day)
        if not info.covered:
            return self.tr("Holidays for {year} are not in the data: check this day yourself.").format(year=day.year)
        if info.kind == "holiday":
            return self.tr("{day} is a public holiday ({name}).").format(day=day.isoformat(), name=labels.holiday(info.name))
        if info.kind == "makeup":
            return self.tr("{day} is a make-up working day.").format(day=day.isoformat())
        if not info.working:
            return self.tr("{day} is a weekend day.").format(day=day.isoformat())
        return ""

    def save(self) -> bool:
        for widget in self.fields.values():
            widget.setStyleSheet("")
        try:
            self.apply()
        except ValidationError as exc:
            self.error.setText(say(exc))
            self.error.show()
            widget = self.fields.get(exc.field or "")
            if widget is not None:
                widget.setStyleSheet(ERROR_STYLE)
            return False
        self.accept()
        return True


class RescheduleDialog(_MoveDialog):
    def __init__(self, service, row, parent=None):
        super().__init__(service, parent)
        self.row = row
        self.date.setDate(labels.qdate(row.due_date))
        self.add_row(self.date)
        self.add_row(self.reason)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reschedule follow-up"))
        self.set_row_texts(self.tr("New date"), self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. the patient asked for another day"))
        self._update()

    def _update(self) -> None:
        note = self.day_note(self.day())
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def apply(self) -> None:
        placement = self.service.place(self.row.method, self.day())
        if placement.moved and not ask_clinic_day_off(self, placement):
            raise declined_day_off()
        self.service.reschedule(self.row.id, self.day(), self.reason.text().strip())


class CloseDayDialog(_MoveDialog):
    """A clinic closes for a day: all its planned follow-ups move to the next working day."""

    def __init__(self, service, stations: list[tuple[str, str]], station_id: str | None,
                 day: dt.date, parent=None):
        super().__init__(service, parent)
        self.station = QComboBox(self)
        for sid, name in stations:
            self.station.addItem(name, sid)
        if station_id is not None and self.station.findData(station_id) >= 0:
            self.station.setCurrentIndex(self.station.findData(station_id))
        self.date.setDate(labels.qdate(day))
        self.add_row(self.station)
        self.add_row(self.date)
        self.add_row(self.reason)
        self.fields["station"] = self.station
        self.station.currentIndexChanged.connect(lambda _i: self._update())
        self.moved: tuple[int, object] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Clinic closed for a day"))
        self.set_row_texts(self.tr("Station"), self.tr("Closed on"), self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. power cut, staff training"))
        self._update()

    def _update(self) -> None:
        day = self.day()
        sid = self.station.currentData() if hasattr(self, "station") else None
        if sid is None:
            return
        counts = self.service.month_counts(day, day, Scope(station_id=sid)).get(day)
        n = counts.open if counts else 0
        target = self.service.pathway.calendar.next_working_day(day, strictly_after=True)
        text = self.tr("%n follow-up(s) planned that day will move to {date}.", "", n).format(
            date=target.date.isoformat())
        if target.warnings:
            text += "\n" + self.tr("Holidays for {year} are not in the data: check this day yourself.").format(
                year=target.date.year)
        self.note.setText(text)

    def apply(self) -> None:
        sid = self.station.currentData()
        if sid is None:
            raise ValidationError(self.tr("Choose a station."), "station")
        self.moved = self.service.close_day(sid, self.day(), self.reason.text())
