"""安排随访 from the patient window: the case, the method, the rule's date or one's own.

The rule's date comes from the pathway engine with its story (ui/due_words.py); a date of
one's own is checked as it is chosen. A clinic visit needs the clinic open: a day off is
never saved as such — the dialog asks before the visit goes to the next working day, and
the rule book (app/rulebook/clinical.py) refuses it from any other path. Calls and home
visits may be on any day.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.errors import ValidationError
from app.followups import METHODS
from app.followups import FollowupService
from app.patients import PatientService
from ui import due_words
from ui import problem_words
from ui.labels import cancer_label
from ui.labels import stage_name
from ui.writes import off_gui_thread

NOTE_STYLE = "color: #4a5561;"
WARN_STYLE = "color: #b35900;"
ERROR_STYLE = "color: #c0392b;"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _weekday(day: dt.date) -> str:
    return problem_words.term("weekday", day.weekday())


def ask_clinic_day_off(parent: QWidget, placement) -> bool:
    """Ask before a clinic visit wanted on a day off goes to the next working day (the clinic is
    closed; the rule book would refuse the day itself). Every dialog that sets a clinic visit's
    date asks the same question; while it is open it is `parent.confirmation`."""
    question = QCoreApplication.translate(
        "ScheduleDialog", "{asked} ({asked_weekday}) is not a working day, and clinic visits are on working days "
                          "only.\n\nPlan the visit for {to} ({to_weekday}), the next working day?")
    title = QCoreApplication.translate("ScheduleDialog", "Clinic closed that day")
    box = QMessageBox(QMessageBox.Icon.Question, title,
                      question.format(asked=placement.asked.isoformat(), asked_weekday=_weekday(placement.asked),
                                      to=placement.date.isoformat(), to_weekday=_weekday(placement.date)),
                      QMessageBox.StandardButton.NoButton, parent)
    move = box.addButton(QCoreApplication.translate("ScheduleDialog", "Plan for {to}").format(
        to=placement.date.isoformat()), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("ScheduleDialog", "Choose another day"),
                  QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(move)
    parent.confirmation = box
    try:
        box.exec()
    finally:
        parent.confirmation = None
    return box.clickedButton() is move


def declined_day_off(field: str = "due_date") -> ValidationError:
    """What a dialog shows at the date after "Choose another day"."""
    return ValidationError(QCoreApplication.translate(
        "ScheduleDialog", "Clinic visits are on working days only: choose another day."), field)


class ScheduleDialog(QDialog):
    def __init__(self, profile, patient_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = off_gui_thread(FollowupService(profile))
        self.patient_id = patient_id
        header = PatientService(profile.store).header(patient_id)
        self.patient_name = header.name
        self.scheduled = None  # app.followups.Scheduled once saved
        self.confirmation: QMessageBox | None = None  # the question about a day off, while it is asked
        self.suggestion = None

        self.case = QComboBox(self)
        self.no_case = not header.cases
        if self.no_case:
            self.case.addItem("", None)  # worded in retranslate()
        for c in header.cases:
            self.case.addItem(f"{cancer_label(c.cancer_type)} · {stage_name(c.stage)}", c.case_id)
        self.method = QComboBox(self)
        for code in METHODS:
            self.method.addItem("", code)
        self.use_rule = QRadioButton(self)
        self.use_own = QRadioButton(self)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.use_rule)
        self.choice.addButton(self.use_own)
        self.use_rule.setChecked(True)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(_qdate(clock.today()))
        # The rule's story can run to ten lines (a phase, the arithmetic, a year without holiday
        # data): it scrolls rather than pushing the date and the buttons off a small screen.
        self.rule_story = QPlainTextEdit(self)
        self.rule_story.setReadOnly(True)
        self.rule_story.setFrameShape(QFrame.Shape.NoFrame)
        self.rule_story.setStyleSheet(f"QPlainTextEdit {{ {NOTE_STYLE} background: transparent; }}")
        self.rule_story.setFixedHeight(self.fontMetrics().lineSpacing() * 7 + 2 * 4)  # whole lines
        self.rule_story.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.rule_story.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.day_note = QLabel(self)
        self.day_note.setWordWrap(True)
        self.notes = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(4)]
        self.form.addRow(self.labels[0], self.case)
        self.form.addRow(self.labels[1], self.method)
        when = QGridLayout()
        when.addWidget(self.use_rule, 0, 0, 1, 2)
        when.addWidget(self.rule_story, 1, 0, 1, 2)
        when.addWidget(self.use_own, 2, 0)
        when.addWidget(self.date, 2, 1)
        self.form.addRow(self.labels[2], when)
        self.form.addRow(self.labels[3], self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.day_note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if not header.cases:
            self.case.setEnabled(False)

        self.case.currentIndexChanged.connect(lambda _i: self._suggest())
        self.method.currentIndexChanged.connect(lambda _i: self._update())
        self.date.dateChanged.connect(lambda _d: self._pick_own())
        self.use_rule.toggled.connect(lambda _on: self._update())
        self._suggest()
        self.retranslate()
        self.resize(max(self.sizeHint().width(), 640), self.sizeHint().height())

    # -- what is chosen --------------------------------------------------------------

    def case_id(self) -> str | None:
        return self.case.currentData()

    def chosen_method(self) -> str:
        return self.method.currentData()

    def chosen_day(self) -> dt.date:
        if self.use_rule.isChecked() and self.suggestion is not None:
            return self.suggestion.date
        return _pydate(self.date.date())

    def choose(self, method: str | None = None, day: dt.date | None = None) -> None:
        """Set the method and/or a date of one's own (what a person does with the widgets)."""
        if method is not None:
            self.method.setCurrentIndex(self.method.findData(method))
        if day is not None:
            self.date.setDate(_qdate(day))
            self.use_own.setChecked(True)

    # -- live notes ------------------------------------------------------------------

    def _suggest(self) -> None:
        self.suggestion = self.service.suggest(self.case_id())
        self.date.blockSignals(True)
        self.date.setDate(_qdate(self.suggestion.date))
        self.date.blockSignals(False)
        self.retranslate()

    def _pick_own(self) -> None:
        self.use_own.setChecked(True)
        self._update()

    def _update(self) -> None:
        self.error.hide()
        day, method = self.chosen_day(), self.chosen_method()
        placement = self.service.place(method, day)
        info = self.service.pathway.calendar.info(day)
        if placement.moved:
            self.day_note.setStyleSheet(WARN_STYLE)
            self.day_note.setText(self.tr("Not a working day: {moved}. Saving asks first.").format(
                moved=problem_words.words(placement.problem)))
        elif not info.covered:
            self.day_note.setStyleSheet(WARN_STYLE)
            self.day_note.setText(self.tr("Holidays for {year} are not in the data: check this day yourself.")
                                  .format(year=day.year))
        elif not info.working:
            self.day_note.setStyleSheet(NOTE_STYLE)
            self.day_note.setText(self.tr("{day} ({weekday}) is not a working day; a call or a home visit may "
                                          "be on it.").format(day=day.isoformat(), weekday=_weekday(day)))
        else:
            self.day_note.setText("")
        self.day_note.setVisible(bool(self.day_note.text()))

    # -- saving ----------------------------------------------------------------------

    def confirm_day_off(self, placement) -> bool:
        return ask_clinic_day_off(self, placement)

    def save(self) -> bool:
        method, day = self.chosen_method(), self.chosen_day()
        placement = self.service.place(method, day)
        if placement.moved and not self.confirm_day_off(placement):
            self.date.setFocus()
            return False
        took_rule = self.use_rule.isChecked() and self.suggestion is not None
        try:
            self.scheduled = self.service.schedule(
                self.patient_id, self.case_id(), day, method,
                rule_id=self.suggestion.rule_id if took_rule else None, notes=self.notes.text())
        except ValidationError as exc:
            self.error.setText(problem_words.say(exc))
            self.error.show()
            return False
        self.accept()
        return True

    # -- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Schedule follow-up for {name}").format(name=self.patient_name))
        for label, text in zip(self.labels, (self.tr("Case"), self.tr("Method"), self.tr("Date"), self.tr("Note"))):
            label.setText(text)
        if self.no_case:
            self.case.setItemText(0, self.tr("No open case"))
        methods = {"phone": self.tr("Phone call"), "clinic": self.tr("Clinic visit"), "home": self.tr("Home visit")}
        for i in range(self.method.count()):
            self.method.setItemText(i, methods[self.method.itemData(i)])
        self.use_own.setText(self.tr("A date of my own:"))
        self.notes.setPlaceholderText(self.tr("e.g. bring the latest CT report"))
        if self.suggestion is not None:
            day = self.suggestion.date
            self.use_rule.setText(self.tr("The rule's date: {day} ({weekday})").format(
                day=day.isoformat(), weekday=_weekday(day)))
            self.rule_story.setPlainText(due_words.explain(self.suggestion))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
