"""The household's dialogs: start one, add a member (a patient found by name, pinyin, phone or
ID tail, with the relation), name the health supervisor (家庭健康监督员), plan a household
call or home visit. Each shows a refusal in the reader's words (ui/problem_words) and stays
open, so nothing typed is lost."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QListWidgetItem
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.errors import ValidationError
from app.households import PLAN_METHODS
from app.households import HouseholdService
from app.households import HouseholdView
from app.households import Plan
from ui import problem_words
from ui.labels import sexes

ERROR_STYLE = "color: #c0392b;"
NOTE_STYLE = "color: #4a5561;"
SEARCH_DELAY_MS = 250


def relations() -> dict[str, str]:
    """A member's relation to the one the household was started from."""
    return {
        "self": QCoreApplication.translate("HouseholdPanel", "Self"),
        "spouse": QCoreApplication.translate("HouseholdPanel", "Spouse"),
        "parent": QCoreApplication.translate("HouseholdPanel", "Parent"),
        "child": QCoreApplication.translate("HouseholdPanel", "Child"),
        "sibling": QCoreApplication.translate("HouseholdPanel", "Sibling"),
        "grandparent": QCoreApplication.translate("HouseholdPanel", "Grandparent"),
        "grandchild": QCoreApplication.translate("HouseholdPanel", "Grandchild"),
        "other": QCoreApplication.translate("HouseholdPanel", "Other"),
    }


def relation_label(code: str) -> str:
    return relations().get(code, code)


def methods() -> dict[str, str]:
    return {"phone": QCoreApplication.translate("HouseholdPanel", "Phone call"),
            "home": QCoreApplication.translate("HouseholdPanel", "Home visit")}


class _Dialog(QDialog):
    """A form with an error line and OK / Cancel; `_save()` writes, refusals stay in view."""

    def __init__(self, service: HouseholdService, parent: QWidget | None):
        super().__init__(parent)
        self.service = service
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def save(self) -> bool:
        try:
            self._save()
        except ValidationError as exc:
            self.error.setText(problem_words.say(exc))
            return False
        self.accept()
        return True

    def _save(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class StartHouseholdDialog(_Dialog):
    def __init__(self, service: HouseholdService, patient_id: str, parent: QWidget | None = None):
        super().__init__(service, parent)
        self.patient_id = patient_id
        self.household_id: str | None = None
        self.name, self.address = QLineEdit(), QLineEdit()
        self.name.setMaxLength(64)
        self.address.setMaxLength(200)
        self.name_label, self.address_label, self.hint = QLabel(), QLabel(), QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(NOTE_STYLE)
        self.form.addRow(self.hint)
        self.form.addRow(self.name_label, self.name)
        self.form.addRow(self.address_label, self.address)
        self.setMinimumWidth(420)
        self.retranslate()

    def _save(self) -> None:
        self.household_id = self.service.start(self.patient_id, self.name.text(), self.address.text())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Start a household"))
        self.hint.setText(self.tr("This patient becomes the household's first member; every other member's "
                                  "relation is to this patient. An empty address takes the patient's."))
        self.name_label.setText(self.tr("Household name"))
        self.address_label.setText(self.tr("Address"))


class AddMemberDialog(_Dialog):
    def __init__(self, service: HouseholdService, household: HouseholdView, anchor_name: str,
                 parent: QWidget | None = None):
        super().__init__(service, parent)
        self.household = household
        self.anchor_name = anchor_name
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMinimumHeight(160)
        self.relation = QComboBox()
        self.search_label, self.relation_label = QLabel(), QLabel()
        self.form.addRow(self.search_label, self.search)
        self.form.addRow(self.results)
        self.form.addRow(self.relation_label, self.relation)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.find)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.setMinimumWidth(460)
        self.retranslate()

    def find(self) -> None:
        self.results.clear()
        sex = sexes()
        for pid, name, sx, age, elsewhere in self.service.candidates(self.search.text(), self.household.id):
            text = f"{name}  {sex.get(sx, sx)}  " + (self.tr("{age} years").format(age=age) if age is not None else "")
            if elsewhere:
                text += "  — " + self.tr("in another household")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            if elsewhere:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.results.addItem(item)
        if self.results.count() == 1 and self.results.item(0).flags() & Qt.ItemFlag.ItemIsEnabled:
            self.results.setCurrentRow(0)

    def chosen(self) -> str | None:
        item = self.results.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _save(self) -> None:
        pid = self.chosen()
        if pid is None:
            self.error.setText(self.tr("Find the patient and select them in the list."))
            raise _Kept()
        self.service.add_member(self.household.id, pid, self.relation.currentData())

    def save(self) -> bool:
        try:
            return super().save()
        except _Kept:
            return False

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a household member"))
        self.search_label.setText(self.tr("Find patient"))
        self.search.setPlaceholderText(self.tr("Name, pinyin, or the last digits of phone or ID number"))
        self.relation_label.setText(self.tr("Relation to {name}").format(name=self.anchor_name))
        current = self.relation.currentData()
        self.relation.clear()
        for code, word in relations().items():
            if code != "self":
                self.relation.addItem(word, code)
        if current:
            self.relation.setCurrentIndex(max(0, self.relation.findData(current)))


class _Kept(Exception):
    """The dialog said what is missing itself; nothing was sent."""


class SupervisorDialog(_Dialog):
    """A member, or a person who is not a patient with a phone number, or nobody."""

    def __init__(self, service: HouseholdService, household: HouseholdView, parent: QWidget | None = None):
        super().__init__(service, parent)
        self.household = household
        self.is_member, self.is_other, self.is_none = QRadioButton(), QRadioButton(), QRadioButton()
        group = QButtonGroup(self)
        for b in (self.is_member, self.is_other, self.is_none):
            group.addButton(b)
            b.toggled.connect(self._enable)
        self.member = QComboBox()
        for m in household.members:
            self.member.addItem(m.name, m.patient_id)
        self.name, self.phone = QLineEdit(), QLineEdit()
        self.name.setMaxLength(64)
        self.phone.setMaxLength(32)
        self.name_label, self.phone_label, self.hint = QLabel(), QLabel(), QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(NOTE_STYLE)
        self.form.addRow(self.hint)
        self.form.addRow(self.is_member, self.member)
        self.form.addRow(self.is_other)
        self.form.addRow(self.name_label, self.name)
        self.form.addRow(self.phone_label, self.phone)
        self.form.addRow(self.is_none)
        if household.supervisor_patient_id:
            self.is_member.setChecked(True)
            self.member.setCurrentIndex(max(0, self.member.findData(household.supervisor_patient_id)))
            mine = household.member(household.supervisor_patient_id)
            if mine is None or household.supervisor_phone != (mine.phone or ""):
                self.phone.setText(household.supervisor_phone)
        elif household.supervisor_name:
            self.is_other.setChecked(True)
            self.name.setText(household.supervisor_name)
            self.phone.setText(household.supervisor_phone)
        else:
            self.is_member.setChecked(True)
        self.setMinimumWidth(440)
        self.retranslate()
        self._enable()

    def _enable(self) -> None:
        self.member.setEnabled(self.is_member.isChecked())
        self.name.setEnabled(self.is_other.isChecked())
        self.phone.setEnabled(not self.is_none.isChecked())

    def _save(self) -> None:
        if self.is_none.isChecked():
            self.service.set_supervisor(self.household.id)
        elif self.is_member.isChecked():
            self.service.set_supervisor(self.household.id, self.member.currentData(), phone_number=self.phone.text())
        else:
            self.service.set_supervisor(self.household.id, name=self.name.text(), phone_number=self.phone.text())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Health supervisor"))
        self.hint.setText(self.tr("A trained family member who keeps an eye on the household's checks."))
        self.is_member.setText(self.tr("A member"))
        self.is_other.setText(self.tr("Someone who is not a patient"))
        self.is_none.setText(self.tr("No health supervisor"))
        self.name_label.setText(self.tr("Name"))
        self.phone_label.setText(self.tr("Phone"))
        self.phone.setPlaceholderText(self.tr("A member's own phone if left empty") if self.is_member.isChecked()
                                      else "")


class PlanVisitDialog(_Dialog):
    """One call or home visit for the household: a follow-up for each member with an open case."""

    def __init__(self, service: HouseholdService, household: HouseholdView, parent: QWidget | None = None):
        super().__init__(service, parent)
        self.household = household
        self.plan: Plan | None = None
        self.method = QComboBox()
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        today = clock.today() + dt.timedelta(days=1)
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.method_label, self.day_label, self.notes_label, self.hint = QLabel(), QLabel(), QLabel(), QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(NOTE_STYLE)
        self.form.addRow(self.method_label, self.method)
        self.form.addRow(self.day_label, self.day)
        self.form.addRow(self.notes_label, self.notes)
        self.form.addRow(self.hint)
        self.setMinimumWidth(460)
        self.retranslate()

    def chosen_day(self) -> dt.date:
        d = self.day.date()
        return dt.date(d.year(), d.month(), d.day())

    def _save(self) -> None:
        self.plan = self.service.plan_visit(self.household.id, self.chosen_day(), self.method.currentData(),
                                            self.notes.toPlainText())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Plan a household call or visit"))
        self.method_label.setText(self.tr("How"))
        self.day_label.setText(self.tr("Day"))
        self.notes_label.setText(self.tr("Notes"))
        self.hint.setText(self.tr("Each member with an open case gets a follow-up on this day, so each outcome "
                                  "is recorded for that member; a missed or earlier follow-up of theirs is "
                                  "moved to this day instead of doubled. Members without an open case are "
                                  "left as they are."))
        current = self.method.currentData()
        self.method.clear()
        for code in PLAN_METHODS:
            self.method.addItem(methods()[code], code)
        if current:
            self.method.setCurrentIndex(max(0, self.method.findData(current)))
