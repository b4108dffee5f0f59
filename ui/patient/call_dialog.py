"""Record one telephone call and its outcome (app/calls.py).

The seven outcomes are radio buttons; a length only for a call someone picked up; an
optional call-back time, which becomes a task on the case; and, when the patient has an open
phone follow-up, "for the follow-up due …" so an unanswered call counts as its attempt.
A refusal is shown beside its field in the reader's words (ui/problem_words).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDateTime
from PySide6.QtCore import QEvent
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QDateTimeEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.calls import CALL_OUTCOMES
from app.calls import CallService
from app.calls import RecordedCall
from app.calls import answered
from app.problems import ProblemError
from app.rulebook.work import MAX_CALL_SECONDS
from ui.field_errors import error_label
from ui.field_errors import with_error
from ui.problem_words import say

FIELDS = ("outcome", "duration_s", "notes", "call_back_at")
# Reached first, then picked up by someone, then nobody: the order a person thinks in.
LAYOUT = (("connected", 0, 0), ("rescheduled", 0, 1), ("other_person", 1, 0), ("refused", 1, 1),
          ("no_answer", 2, 0), ("switched_off", 2, 1), ("invalid_number", 3, 0))


# The calendar's lists say these through QCoreApplication.translate("CallDialog", …) without
# importing this module; they are written here too so pyside6-lupdate over this file keeps them
# in casedesk_calls_zh_CN.ts with the dialog's own words.
def phone_column_title() -> str:
    return QCoreApplication.translate("CallDialog", "Phone")


def last_call_column_title() -> str:
    return QCoreApplication.translate("CallDialog", "Last call")


class CallDialog(QDialog):
    def __init__(self, service: CallService, patient_id: str, parent: QWidget | None = None, patient_name: str = ""):
        super().__init__(parent)
        self.service = service
        self.patient_id = patient_id
        self.patient_name = patient_name
        self.result_call: RecordedCall | None = None
        self.followup = next(iter(service.phone_followups(patient_id)), None)

        self.outcome_box = QGroupBox(self)
        self.outcomes = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        grid = QGridLayout(self.outcome_box)
        for code, row, col in LAYOUT:
            radio = QRadioButton(self.outcome_box)
            radio.setObjectName(code)
            self.outcomes.addButton(radio)
            self.radios[code] = radio
            grid.addWidget(radio, row, col)
        assert set(self.radios) == set(CALL_OUTCOMES)
        self.outcomes.buttonToggled.connect(lambda *_: self._outcome_changed())

        self.minutes, self.seconds = QSpinBox(self), QSpinBox(self)
        self.minutes.setRange(0, MAX_CALL_SECONDS // 60)
        self.seconds.setRange(0, 59)
        self.minutes_unit, self.seconds_unit = QLabel(self), QLabel(self)
        duration = QHBoxLayout()
        duration.setContentsMargins(0, 0, 0, 0)
        for w in (self.minutes, self.minutes_unit, self.seconds, self.seconds_unit):
            duration.addWidget(w)
        duration.addStretch(1)
        self.duration = QWidget(self)
        self.duration.setLayout(duration)

        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        self.call_back = QCheckBox(self)
        self.call_back_at = QDateTimeEdit(self)
        self.call_back_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.call_back_at.setCalendarPopup(True)
        self.call_back_at.setDateTime(self._default_call_back())
        self.call_back_at.setEnabled(False)
        self.call_back.toggled.connect(self.call_back_at.setEnabled)
        back = QHBoxLayout()
        back.setContentsMargins(0, 0, 0, 0)
        back.addWidget(self.call_back)
        back.addWidget(self.call_back_at)
        back.addStretch(1)
        self.call_back_row = QWidget(self)
        self.call_back_row.setLayout(back)

        self.for_followup = QCheckBox(self)
        self.for_followup.setChecked(self.followup is not None)
        self.for_followup.setVisible(self.followup is not None)

        self.errors = {f: error_label(self) for f in FIELDS}
        self.error = error_label(self)
        self.captions = {f: QLabel(self) for f in ("duration_s", "notes", "call_back_at")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.captions["duration_s"], with_error(self, self.duration, self.errors["duration_s"]))
        form.addRow(self.captions["notes"], with_error(self, self.notes, self.errors["notes"]))
        form.addRow(self.captions["call_back_at"], with_error(self, self.call_back_row, self.errors["call_back_at"]))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.outcome_box)
        layout.addWidget(self.errors["outcome"])
        layout.addLayout(form)
        layout.addWidget(self.for_followup)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._outcome_changed()
        self.retranslate()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 34)



    @staticmethod
    def _default_call_back() -> QDateTime:
        """The first full hour at least an hour from now: a later try the same day."""
        at = clock.now().astimezone() + dt.timedelta(hours=2)
        at = at.replace(minute=0, second=0, microsecond=0)
        return QDateTime(at.date(), QTime(at.hour, 0))

    # -- the form -----------------------------------------------------------------------

    def outcome(self) -> str | None:
        checked = self.outcomes.checkedButton()
        return checked.objectName() if checked is not None else None

    def _outcome_changed(self) -> None:
        self.duration.setEnabled(answered(self.outcome()))

    def duration_s(self) -> int | None:
        if not answered(self.outcome()):
            return None
        seconds = self.minutes.value() * 60 + self.seconds.value()
        return seconds or None

    def call_back_time(self) -> dt.datetime | None:
        if not self.call_back.isChecked():
            return None
        q = self.call_back_at.dateTime()
        d, t = q.date(), q.time()
        local = dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        return local.astimezone()  # this computer's zone, as the person typed it

    # -- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        name = self.patient_name
        self.setWindowTitle(self.tr("Phone call — {name}").format(name=name) if name else self.tr("Phone call"))
        self.outcome_box.setTitle(self.tr("How did the call go?"))
        for code, text in (("connected", self.tr("Connected")),
                           ("rescheduled", self.tr("Reached, another time agreed")),
                           ("no_answer", self.tr("No answer")),
                           ("switched_off", self.tr("Switched off or out of service")),
                           ("invalid_number", self.tr("Number not in use")),
                           ("refused", self.tr("Refused")),
                           ("other_person", self.tr("Someone else answered"))):
            self.radios[code].setText(text)
        self.captions["duration_s"].setText(self.tr("Length"))
        self.captions["notes"].setText(self.tr("Notes"))
        self.captions["call_back_at"].setText(self.tr("Call back"))
        self.minutes_unit.setText(self.tr("min"))
        self.seconds_unit.setText(self.tr("s"))
        self.call_back.setText(self.tr("at"))
        if self.followup is not None:
            self.for_followup.setText(self.tr("For the phone follow-up due {date}").format(
                date=self.followup.due_date.isoformat()))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- saving -------------------------------------------------------------------------

    def submit(self) -> None:
        """Save, or show why not beside the fields; nothing is written on any refusal."""
        followup_id = self.followup.id if self.followup is not None and self.for_followup.isChecked() else None
        try:
            self.result_call = self.service.record(
                self.patient_id, self.outcome(), duration_s=self.duration_s(), notes=self.notes.toPlainText(),
                call_back_at=self.call_back_time(), followup_id=followup_id)
        except ProblemError as exc:
            self._show(exc.problems)
            return
        self.accept()

    def _show(self, problems) -> None:
        by_field: dict[str, list] = {}
        for p in problems:
            by_field.setdefault(p.field if p.field in FIELDS else "", []).append(p)
        for f in FIELDS:
            found = by_field.get(f, [])
            self.errors[f].setText(say(found) if found else "")
            self.errors[f].setVisible(bool(found))
        other = by_field.get("", [])
        self.error.setText(say(other) if other else "")
        self.error.setVisible(bool(other))
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.layout().totalHeightForWidth(self.width())))
