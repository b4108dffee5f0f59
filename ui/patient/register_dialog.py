"""Register a walk-in at the desk, or edit a patient's contact details (app/registration.py).

Each field is checked as the person leaves it and the reason shows beside the field. A
patient in the person's scope who may be the same person is shown with a masked ID number
and an "Open that patient" button; the same ID number never saves, a namesake or a shared
phone saves only after "Register anyway".
"""
from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.masking import mask_id_number
from app.problems import ProblemError
from app.registration import DuplicateFound
from app.registration import NewCase
from app.registration import PersonForm
from app.registration import Registration
from ui.field_errors import error_label
from ui.field_errors import with_error
from ui.labels import CANCER_TYPES
from ui.labels import STAGES
from ui.labels import cancer_label
from ui.labels import sex_label
from ui.labels import stage_name
from ui.problem_words import say
from ui.problem_words import words

FIELDS = ("id_number", "name", "birth_date", "sex", "phone", "address", "community_id", "family_doctor_id",
          "cancer_type", "stage")


# The worklist's button and the patient view's action say these through
# QCoreApplication.translate("RegisterDialog", …) without importing this module (start-up stays
# light); they are written here too so pyside6-lupdate over this file keeps them in
# casedesk_register_zh_CN.ts with the dialog's own words.
def register_action_text() -> str:
    return QCoreApplication.translate("RegisterDialog", "Register patient…")


def edit_action_text() -> str:
    return QCoreApplication.translate("RegisterDialog", "Edit details…")


def edit_action_tip() -> str:
    return QCoreApplication.translate("RegisterDialog", "Change the phone, address, community or family doctor")


class RegisterDialog(QDialog):
    """`patient_id` None: a new registration; else the edit of that patient's details."""

    open_patient = Signal(str)  # a duplicate the person chose to open instead

    def __init__(self, registration: Registration, patient_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.reg = registration
        self.patient_id = patient_id
        self.saved_id: str | None = None
        self._finished = False
        self._duplicates = []
        editing = patient_id is not None

        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(20)
        self.name = QLineEdit(self)
        self.birth_date = QDateEdit(self)
        self.birth_date.setDisplayFormat("yyyy-MM-dd")
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setSpecialValueText(" ")
        self.birth_date.setMinimumDate(QDate(1880, 1, 1))
        self.birth_date.setDate(self.birth_date.minimumDate())  # empty until the ID number fills it
        self.sex = QComboBox(self)
        self.sex.addItem("", None)
        for code in ("M", "F"):
            self.sex.addItem(sex_label(code), code)
        self.phone = QLineEdit(self)
        self.address = QLineEdit(self)
        self.community = QComboBox(self)
        for c in self.reg.communities():
            self.community.addItem(c.name, c.id)
        self.doctor = QComboBox(self)
        self.errors = {f: error_label(self) for f in FIELDS}

        self.case_box = QGroupBox(self)
        self.case_box.setCheckable(True)
        self.case_box.setChecked(False)
        self.cancer = QComboBox(self)
        for code in CANCER_TYPES:
            self.cancer.addItem(cancer_label(code), code)
        self.stage = QComboBox(self)
        for code in STAGES:
            self.stage.addItem(stage_name(code), code)
        self.stage.setCurrentIndex(STAGES.index("screen"))
        case_form = QFormLayout(self.case_box)
        self.cancer_caption, self.stage_caption = QLabel(self), QLabel(self)
        case_form.addRow(self.cancer_caption, with_error(self, self.cancer, self.errors["cancer_type"]))
        case_form.addRow(self.stage_caption, with_error(self, self.stage, self.errors["stage"]))

        self.captions = {f: QLabel(self) for f in FIELDS[:8]}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        widgets = {"id_number": self.id_number, "name": self.name, "birth_date": self.birth_date, "sex": self.sex,
                   "phone": self.phone, "address": self.address, "community_id": self.community,
                   "family_doctor_id": self.doctor}
        for f, w in widgets.items():
            form.addRow(self.captions[f], with_error(self, w, self.errors[f]))

        self.duplicate_panel = QFrame(self)
        self.duplicate_panel.setStyleSheet("QFrame#dup { background: #fff4e0; border: 1px solid #f0c36d; "
                                           "border-radius: 4px; }")
        self.duplicate_panel.setObjectName("dup")
        self.duplicate_text = QLabel(self.duplicate_panel)
        self.duplicate_text.setWordWrap(True)
        self.duplicate_text.setTextFormat(Qt.TextFormat.PlainText)
        self.open_existing = QPushButton(self.duplicate_panel)
        self.confirm = QCheckBox(self.duplicate_panel)
        dup = QVBoxLayout(self.duplicate_panel)
        dup.addWidget(self.duplicate_text)
        row = QHBoxLayout()
        row.addWidget(self.open_existing)
        row.addStretch(1)
        row.addWidget(self.confirm)
        dup.addLayout(row)
        self.duplicate_panel.hide()

        self.error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.case_box)
        layout.addWidget(self.duplicate_panel)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.id_number.editingFinished.connect(self._id_left)
        self.phone.editingFinished.connect(lambda: self._field_check(("phone",)))
        self.name.editingFinished.connect(lambda: self._field_check(("name",)))
        self.community.currentIndexChanged.connect(self._fill_doctors)
        self.open_existing.clicked.connect(self._open_existing)
        self._fill_doctors()
        if editing:
            self._load(patient_id)
        self.retranslate()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 40)



    def retranslate(self) -> None:
        editing = self.patient_id is not None
        self.setWindowTitle(self.tr("Edit patient details") if editing else self.tr("Register patient"))
        for field, text in (("id_number", self.tr("ID number")), ("name", self.tr("Name")),
                            ("birth_date", self.tr("Birth date")), ("sex", self.tr("Sex")),
                            ("phone", self.tr("Phone or landline")), ("address", self.tr("Address")),
                            ("community_id", self.tr("Community")), ("family_doctor_id", self.tr("Family doctor"))):
            self.captions[field].setText(text)
        self.id_number.setPlaceholderText(self.tr("18 characters; fills birth date and sex"))
        self.phone.setPlaceholderText(self.tr("13812345678 or 0574-87654321"))
        self.case_box.setTitle(self.tr("Open a case now"))
        self.cancer_caption.setText(self.tr("Cancer type"))
        self.stage_caption.setText(self.tr("Stage"))
        self.open_existing.setText(self.tr("Open that patient"))
        self.confirm.setText(self.tr("A different person: register anyway"))
        if self.doctor.count():
            self.doctor.setItemText(0, self.tr("(none)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    # -- filling -------------------------------------------------------------------
    def _load(self, patient_id: str) -> None:
        current = self.reg.open_for_edit(patient_id)  # the full phone is shown: audited
        self.id_number.setText(mask_id_number(current.id_number))  # read-only here: no need to show it all
        self.name.setText(current.name)
        self.birth_date.setDate(QDate(current.birth_date.year, current.birth_date.month, current.birth_date.day))
        self.sex.setCurrentIndex(self.sex.findData(current.sex))
        for w in (self.id_number, self.name, self.birth_date, self.sex):
            w.setEnabled(False)  # who the person is stays; only how to reach them changes here
        self.phone.setText(current.phone)
        self.address.setText(current.address)
        index = self.community.findData(current.community_id)
        if index < 0 and current.community_id:
            self.community.addItem(current.community_id, current.community_id)
            index = self.community.count() - 1
        self.community.setCurrentIndex(index)
        self._fill_doctors()
        self.doctor.setCurrentIndex(max(self.doctor.findData(current.family_doctor_id), 0))
        self.case_box.hide()

    def _fill_doctors(self) -> None:
        chosen = self.doctor.currentData()
        self.doctor.clear()
        self.doctor.addItem(self.tr("(none)"), None)
        for d in self.reg.doctors(self.community.currentData()):
            self.doctor.addItem(d.name, d.id)
        self.doctor.setCurrentIndex(max(self.doctor.findData(chosen), 0))

    def _id_left(self) -> None:
        """A valid ID number fills birth date and sex; an invalid one says why, beside it."""
        if self._finished or not shiboken6.isValid(self):
            return
        checked = self.reg.check(self._form(with_id_facts=False))
        self._show(checked.problems, ("id_number",))
        if "birth_date" in checked.values:
            b = checked.values["birth_date"]
            self.birth_date.setDate(QDate(b.year, b.month, b.day))
            self.sex.setCurrentIndex(self.sex.findData(checked.values["sex"]))
            self._show([], ("birth_date", "sex"))

    def done(self, result: int) -> None:
        self._finished = True  # a field losing focus as the dialog closes (or is destroyed) checks nothing
        super().done(result)

    def _field_check(self, fields: tuple[str, ...]) -> None:
        if self._finished or not shiboken6.isValid(self):
            return
        if self.patient_id is None:
            self._show(self.reg.check(self._form()).problems, fields)
        else:
            self._show(self.reg.check_contact(self._form(), self.patient_id).problems, fields)

    def _form(self, with_id_facts: bool = True) -> PersonForm:
        birth = None
        if with_id_facts and self.birth_date.date() != self.birth_date.minimumDate():
            q = self.birth_date.date()
            birth = dt.date(q.year(), q.month(), q.day())
        return PersonForm(id_number=self.id_number.text(), name=self.name.text(), phone=self.phone.text(),
                          address=self.address.text(), community_id=self.community.currentData(),
                          family_doctor_id=self.doctor.currentData(), birth_date=birth,
                          sex=self.sex.currentData() if with_id_facts else None)

    # -- showing problems -------------------------------------------------------------
    def _show(self, problems, fields=FIELDS) -> None:
        by_field: dict[str, list] = {}
        for p in problems:
            by_field.setdefault(p.field or "", []).append(p)
        for f in fields:
            found = by_field.get(f, [])
            self.errors[f].setText("\n".join(words(p) for p in found))
            self.errors[f].setVisible(bool(found))
        self._fit()

    def _fit(self) -> None:
        """Grow to the wrapped reasons: a layout learns a wrapped label's height only when asked."""
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.layout().totalHeightForWidth(self.width())))

    def _show_duplicates(self, exc: DuplicateFound) -> None:
        self._duplicates = exc.duplicates
        lines = [say(exc)]
        for d in exc.duplicates[:5]:
            lines.append(self.tr("• {name}, born {birth}, ID {masked}, {community}").format(
                name=d.name, birth=d.birth_date.isoformat(), masked=d.masked_id or "—", community=d.community or "—"))
        self.duplicate_text.setText("\n".join(lines))
        certain = any(d.certain for d in exc.duplicates)
        self.confirm.setVisible(not certain)
        self.confirm.setChecked(False)
        self.duplicate_panel.show()
        self._fit()

    def _open_existing(self) -> None:
        if self._duplicates:
            self.open_patient.emit(self._duplicates[0].patient_id)
            self.reject()

    # -- saving ---------------------------------------------------------------------
    def submit(self) -> None:
        """Save, or show why not beside the fields; nothing is written on any refusal."""
        confirmed = self.duplicate_panel.isVisible() and self.confirm.isVisible() and self.confirm.isChecked()
        self.error.hide()
        try:
            if self.patient_id is None:
                case = (NewCase(self.cancer.currentData(), self.stage.currentData())
                        if self.case_box.isChecked() else None)
                self.saved_id = self.reg.register(self._form(), case, confirmed=confirmed)
            else:
                self.reg.edit(self.patient_id, self._form(), confirmed=confirmed)
                self.saved_id = self.patient_id
        except DuplicateFound as exc:
            self._show([])
            self._show_duplicates(exc)
            return
        except ProblemError as exc:
            self._show(exc.problems)
            unplaced = [p for p in exc.problems if (p.field or "") not in FIELDS]
            if unplaced:
                self.error.setText(say(unplaced))
                self.error.show()
            return
        self.accept()
