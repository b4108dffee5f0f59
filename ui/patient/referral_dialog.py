"""The referral form (转诊单): prefilled from the patient and the timeline, checked by the
service, and the message shown next to the field it is about. Save keeps a draft; Send
saves and sends in one step and starts the 24-hour clock shown at the top. A 下转 also hands
over a discharge summary, the treatment plan and rehabilitation instructions (shown for a
down-referral only). The fields scroll, so the dialog fits a 768-pixel-high screen."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QListWidgetItem
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import ValidationError
from app.patients import PatientService
from app.problems import ProblemError
from app.referrals import ReferralForm
from app.referrals import ReferralService
from app.referrals.forms import DIRECTIONS
from app.referrals.forms import URGENCIES
from ui import problem_words
from ui.labels import kind_label
from ui.labels import sex_label
from ui.referrals import labels
from ui.referrals.detail import CountdownLabel
from ui.referrals.step_dialogs import error_label
from ui.referrals.step_dialogs import show_error
from ui.timeline_words import event_title
from ui.writes import off_gui_thread

FIELDS = ("direction", "green_channel", "urgency", "from_org_id", "to_org_id", "to_department", "reason",
          "question", "clinical_summary", "findings", "requested_exams", "contact_person", "discharge_summary",
          "treatment_plan", "rehab_instructions")
HANDOVER = ("discharge_summary", "treatment_plan", "rehab_instructions")


class ReferralDialog(QDialog):
    saved = Signal(str)  # referral id

    def __init__(self, profile, patient_id: str, referral_id: str | None = None, direction: str = "up",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.service = off_gui_thread(ReferralService(profile))
        self.patient_id, self.referral_id = patient_id, referral_id
        self.view = self.service.get(referral_id) if referral_id else None
        form, self.finding_choices = self.service.prefill(patient_id, self.view.direction if self.view else direction,
                                                          words=summary_words)
        if self.view is not None:
            form = self.view.form()
        self.case_id = form.case_id
        header = PatientService(profile.store).header(patient_id)
        self.patient_name = header.name
        self.patient = QLabel(self.tr("{name} · {sex} · {age} years").format(
            name=header.name, sex=sex_label(header.sex), age=header.age), self)
        self.patient.setStyleSheet("font-weight: bold;")
        self.countdown = CountdownLabel(self, self.tr("Starts when the referral is sent"))
        self.countdown.set_view(self.view)
        self.direction = QComboBox(self)
        for code, text in labels.directions().items():
            self.direction.addItem(text, code)
        self.green = QCheckBox(self.tr("Green channel: seen the same day"), self)
        self.urgency = QComboBox(self)
        for code in URGENCIES:
            self.urgency.addItem(labels.urgencies()[code], code)
        self.from_org, self.to_org = QComboBox(self), QComboBox(self)
        self.to_department, self.question = QLineEdit(self), QLineEdit(self)
        self.requested_exams, self.contact_person = QLineEdit(self), QLineEdit(self)
        self.reason = QPlainTextEdit(self)
        self.reason.setFixedHeight(60)
        self.clinical_summary = QPlainTextEdit(self)
        self.clinical_summary.setFixedHeight(96)
        self.findings = QListWidget(self)
        self.findings.setFixedHeight(110)
        self.discharge_summary, self.treatment_plan = QPlainTextEdit(self), QPlainTextEdit(self)
        self.rehab_instructions = QPlainTextEdit(self)
        for box in (self.discharge_summary, self.treatment_plan, self.rehab_instructions):
            box.setFixedHeight(72)
        self.discharge_summary.setPlaceholderText(self.tr("Diagnosis, operation or treatment given, state at discharge"))
        self.treatment_plan.setPlaceholderText(self.tr("Treatment that goes on (or: none)"))
        self.rehab_instructions.setPlaceholderText(self.tr("Exercise, diet, wound or line care, when to come back"))
        self.handover = QGroupBox(self.tr("Handover to the community"), self)
        self.general = error_label(self)
        self.errors: dict[str, QLabel] = {}
        self._build()
        self._fill(form)
        self.direction.currentIndexChanged.connect(self._direction_changed)
        self.green.toggled.connect(self._green_toggled)

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Referral for {name}").format(name=self.patient_name))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = (("direction", self.tr("Direction"), self.direction), ("green_channel", "", self.green),
                ("urgency", self.tr("Urgency"), self.urgency), ("from_org_id", self.tr("From"), self.from_org),
                ("to_org_id", self.tr("To"), self.to_org), ("to_department", self.tr("Department"), self.to_department),
                ("reason", self.tr("Reason"), self.reason), ("question", self.tr("Question for the receiving doctor"),
                                                             self.question),
                ("clinical_summary", self.tr("Clinical summary"), self.clinical_summary),
                ("findings", self.tr("Findings (from the timeline)"), self.findings),
                ("requested_exams", self.tr("Requested examinations"), self.requested_exams),
                ("contact_person", self.tr("Contact person"), self.contact_person))
        for key, title, widget in rows:
            form.addRow(title, self._with_error(key, widget))
        handover = QFormLayout(self.handover)
        handover.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, title, widget in (("discharge_summary", self.tr("Discharge summary"), self.discharge_summary),
                                   ("treatment_plan", self.tr("Treatment plan"), self.treatment_plan),
                                   ("rehab_instructions", self.tr("Rehabilitation instructions"),
                                    self.rehab_instructions)):
            handover.addRow(title, self._with_error(key, widget))
        self.errors["patient"] = self.errors["state"] = self.general
        fields = QWidget(self)
        inner = QVBoxLayout(fields)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addWidget(self.handover)
        inner.addStretch(1)
        self.scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(fields)
        self.save_button = QPushButton(self.tr("Save draft"), self)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.submit(send=False))
        self.send_button.clicked.connect(lambda: self.submit(send=True))
        clock_row = QHBoxLayout()
        clock_row.addWidget(QLabel(self.tr("24-hour clock:"), self))
        clock_row.addWidget(self.countdown, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.patient)
        layout.addLayout(clock_row)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.resize(760, 700)

    def _with_error(self, key: str, widget: QWidget) -> QVBoxLayout:
        """The field with its message beneath it (empty until a refusal names the field)."""
        self.errors[key] = error_label(self)
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        box.addWidget(self.errors[key])
        return box

    def _fill(self, form: ReferralForm) -> None:
        self.direction.blockSignals(True)
        self.direction.setCurrentIndex(DIRECTIONS.index(form.direction))
        self.direction.blockSignals(False)
        self._orgs(form.direction, form.from_org_id, form.to_org_id)
        self.green.setChecked(form.green_channel)
        self.green.setEnabled(form.direction == "up")
        self.urgency.setCurrentIndex(max(self.urgency.findData(form.urgency), 0))
        for widget, value in ((self.to_department, form.to_department), (self.question, form.question),
                              (self.requested_exams, form.requested_exams), (self.contact_person, form.contact_person)):
            widget.setText(value or "")
        self.reason.setPlainText(form.reason or "")
        for key in HANDOVER:
            getattr(self, key).setPlainText(getattr(form, key) or "")
        self.handover.setVisible(form.direction == "down")
        self.clinical_summary.setPlainText(form.clinical_summary or "")
        self.findings.clear()
        for f in self.finding_choices:
            item = QListWidgetItem(f"{f.occurred_at.astimezone():%Y-%m-%d} · {kind_label(f.kind)} · {event_title(f)}")
            item.setData(Qt.ItemDataRole.UserRole, f.event_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if f.event_id in form.findings else Qt.CheckState.Unchecked)
            self.findings.addItem(item)

    def _orgs(self, direction: str, from_id: str | None, to_id: str | None) -> None:
        for combo, side, chosen in ((self.from_org, "from", from_id), (self.to_org, "to", to_id)):
            combo.clear()
            for o in self.service.org_choices(direction, side):
                combo.addItem(o.name, o.id)
            combo.setCurrentIndex(combo.findData(chosen) if chosen else -1)

    def _direction_changed(self) -> None:
        direction = self.direction.currentData()
        fresh, _ = self.service.prefill(self.patient_id, direction, words=summary_words)
        self._orgs(direction, fresh.from_org_id, fresh.to_org_id)
        self.to_department.setText(fresh.to_department)
        if direction == "down":
            self.green.setChecked(False)
        self.green.setEnabled(direction == "up")
        self.handover.setVisible(direction == "down")

    def _green_toggled(self, on: bool) -> None:
        if on:
            self.urgency.setCurrentIndex(self.urgency.findData("urgent"))
        self.urgency.setEnabled(not on)

    def form(self) -> ReferralForm:
        chosen = [self.findings.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.findings.count())
                  if self.findings.item(i).checkState() == Qt.CheckState.Checked]
        return ReferralForm(
            patient_id=self.patient_id, direction=self.direction.currentData(), case_id=self.case_id,
            green_channel=self.green.isChecked(), urgency=self.urgency.currentData(),
            from_org_id=self.from_org.currentData(), to_org_id=self.to_org.currentData(),
            to_department=self.to_department.text(), reason=self.reason.toPlainText(),
            question=self.question.text(), clinical_summary=self.clinical_summary.toPlainText(),
            findings=chosen, requested_exams=self.requested_exams.text(),
            contact_person=self.contact_person.text(),
            # An up-referral hands nothing over: text typed before switching direction is not sent.
            **{key: getattr(self, key).toPlainText() if self.direction.currentData() == "down" else ""
               for key in HANDOVER})

    def submit(self, send: bool, confirm_duplicate: bool | None = None) -> str | None:
        """Save (and send); a refusal shows next to its field and nothing is saved. A second
        open referral of the patient to the same place is asked about first."""
        for label in set(self.errors.values()):
            show_error(label, "")
        open_codes = self.service.open_to_same_place(self.patient_id, self.to_org.currentData(), self.referral_id)
        if open_codes:
            if confirm_duplicate is None:
                confirm_duplicate = QMessageBox.question(
                    self, self.windowTitle(),
                    self.tr("{name} already has an open referral to {org} ({codes}). Make another one?").format(
                        name=self.patient_name, org=self.to_org.currentText(), codes="、".join(open_codes)),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes
            if not confirm_duplicate:
                show_error(self.general, self.tr("Not saved: {name} already has an open referral to {org} ({codes}).")
                           .format(name=self.patient_name, org=self.to_org.currentText(), codes="、".join(open_codes)))
                return None
        try:
            rid = self.service.save(self.form(), self.referral_id, send=send)
        except ProblemError as exc:  # each problem beside its own field
            by_label: dict[QLabel, list] = {}
            for problem in exc.problems:
                by_label.setdefault(self.errors.get(problem.field or "", self.general), []).append(problem)
            for label, problems in by_label.items():
                show_error(label, problem_words.say(problems))
            self._focus(exc.field)
            return None
        except ValidationError as exc:
            show_error(self.errors.get(exc.field or "", self.general), problem_words.say(exc))
            self._focus(exc.field)
            return None
        self.saved.emit(rid)
        self.accept()
        return rid

    def _focus(self, field: str | None) -> None:
        widget = getattr(self, (field or "").removesuffix("_id"), None)
        if isinstance(widget, QWidget):
            widget.setFocus()
            self.scroll.ensureWidgetVisible(widget)  # the handover is below the fold of a small screen


def summary_words(finding) -> str:
    """The prefilled clinical summary is a Chinese paragraph for the receiving hospital
    (app/referrals/prefill.py writes it so), whatever the language of this window: its
    findings are worded in Chinese too, not half in the reader's language."""
    return event_title(finding, "zh_CN")
