"""An MDT request (多学科会诊) from the patient view: question, specialties, readiness,
a session slot with room, and the panel's decision with its follow-on actions."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QListWidgetItem
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import ValidationError
from app.mdt import CHECKLIST
from app.mdt import MdtService
from app.patients import PatientService
from ui import problem_words
from ui.referrals import labels
from ui.referrals.step_dialogs import ReasonDialog
from ui.referrals.step_dialogs import error_label
from ui.referrals.step_dialogs import show_error
from ui.writes import off_gui_thread

COLUMNS = 4


class MdtDialog(QDialog):
    def __init__(self, profile, patient_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = off_gui_thread(MdtService(profile))
        self.patient_id = patient_id
        header = PatientService(profile.store).header(patient_id)
        self.case_id = header.cases[0].case_id if header.cases else None
        self.view = self.service.open_for_patient(patient_id)
        self.setWindowTitle(self.tr("MDT request for {name}").format(name=header.name))
        self.state = QLabel(self)
        self.question = QPlainTextEdit(self)
        self.question.setFixedHeight(64)
        chosen = set(self.view.specialties) if self.view else set()
        names = list(self.service.specialties) + sorted(chosen - set(self.service.specialties))
        # Stored as the departments' names (data); shown in the reader's language.
        self.specialty_names = names
        self.specialties = [QCheckBox(_specialty_label(name), self) for name in names]
        self.checks = {k: QCheckBox(labels.checklist_items()[k], self) for k in CHECKLIST}
        self.slots = QListWidget(self)
        self.slots.setFixedHeight(120)
        self.plan = QComboBox(self)
        self.plan.addItem(self.tr("Choose the plan…"), None)  # nothing preselected: the panel's choice is explicit
        for code, text in labels.plans().items():
            self.plan.addItem(text, code)
        self.decision = QLineEdit(self)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.errors = {k: error_label(self) for k in ("question", "specialties", "checklist", "slot", "plan")}
        self.general = error_label(self)
        self.save_button = QPushButton(self.tr("Save request"), self)
        self.book_button = QPushButton(self.tr("Book this session"), self)
        self.decide_button = QPushButton(self.tr("Record decision"), self)
        self.cancel_button = QPushButton(self.tr("Cancel request…"), self)
        self._build()
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(QLabel(self.tr("Question for the panel"), self))
        layout.addWidget(self.question)
        layout.addWidget(self.errors["question"])
        box = QGroupBox(self.tr("Specialties needed"), self)
        grid = QGridLayout(box)
        for i, check in enumerate(self.specialties):
            grid.addWidget(check, i // COLUMNS, i % COLUMNS)
        layout.addWidget(box)
        layout.addWidget(self.errors["specialties"])
        ready = QGroupBox(self.tr("Ready for discussion"), self)
        row = QHBoxLayout(ready)
        for check in self.checks.values():
            row.addWidget(check)
        row.addStretch(1)
        layout.addWidget(ready)
        layout.addWidget(self.errors["checklist"])
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        slots = QGroupBox(self.tr("Sessions (places left)"), self)
        col = QVBoxLayout(slots)
        col.addWidget(self.slots)
        col.addWidget(self.errors["slot"])
        col.addWidget(self.book_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(slots)
        decide = QGroupBox(self.tr("Decision"), self)
        form = QGridLayout(decide)
        form.addWidget(QLabel(self.tr("Plan"), self), 0, 0)
        form.addWidget(self.plan, 0, 1)
        form.addWidget(QLabel(self.tr("Decision as worded by the panel"), self), 1, 0)
        form.addWidget(self.decision, 1, 1)
        form.addWidget(self.errors["plan"], 2, 0, 1, 2)
        form.addWidget(self.decide_button, 3, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        form.addWidget(self.outcome, 4, 0, 1, 2)
        layout.addWidget(decide)
        layout.addWidget(self.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.clicked.connect(self.save)
        self.book_button.clicked.connect(self.book)
        self.decide_button.clicked.connect(self.decide)
        self.cancel_button.clicked.connect(self.cancel)
        self.resize(760, 800)

    def refresh(self) -> None:
        v = self.view
        state = v.state if v else None
        self.state.setText(self.tr("State: {state}").format(state=labels.label(labels.mdt_states(), state))
                           if v else self.tr("New request"))
        self.question.setPlainText(v.question if v else "")
        self.question.setReadOnly(v is not None)
        for name, check in zip(self.specialty_names, self.specialties):
            check.setChecked(v is not None and name in v.specialties)
            check.setEnabled(v is None)
        for key, check in self.checks.items():
            check.setChecked(bool(v and v.checklist.get(key)))
            check.setEnabled(state in (None, "requested", "ready"))
        self.save_button.setEnabled(state in (None, "requested", "ready"))
        self.book_button.setEnabled(state in ("ready", "booked"))
        self.decide_button.setEnabled(state == "booked")
        self.cancel_button.setEnabled(state in ("requested", "ready", "booked"))
        self.slots.clear()
        for slot in self.service.slots():
            text = self.tr("{when} · {place} · {free} of {capacity} left").format(
                when=slot.starts_at.astimezone().strftime("%Y-%m-%d %H:%M"), place=slot.place,
                free=slot.free, capacity=slot.capacity)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, slot.starts_at)
            if slot.free == 0 and not (v and v.slot_at == slot.starts_at):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.slots.addItem(item)
            if v and v.slot_at == slot.starts_at:
                self.slots.setCurrentItem(item)

    def _clear(self) -> None:
        for label in [*self.errors.values(), self.general]:
            show_error(label, "")

    def _run(self, call) -> bool:
        self._clear()
        try:
            call()
        except ValidationError as exc:
            show_error(self.errors.get(exc.field or "", self.general), problem_words.say(exc))
            return False
        return True

    def _ticks(self) -> dict:
        return {k: c.isChecked() for k, c in self.checks.items()}

    def save(self) -> None:
        if self.view is None:
            chosen = [n for n, c in zip(self.specialty_names, self.specialties) if c.isChecked()]
            ok = self._run(lambda: setattr(self, "_new", self.service.request(
                self.patient_id, self.question.toPlainText(), chosen, self._ticks(), case_id=self.case_id)))
            if ok:
                self.view = self.service.get(self._new)
                self.refresh()
        elif self._run(lambda: self.service.update_checklist(self.view.id, self._ticks())):
            self.view = self.service.get(self.view.id)
            self.refresh()

    def book(self) -> None:
        item = self.slots.currentItem()
        if item is None:
            show_error(self.errors["slot"], self.tr("Choose a session first."))
            return
        if self._run(lambda: self.service.book(self.view.id, item.data(Qt.ItemDataRole.UserRole))):
            self.view = self.service.get(self.view.id)
            self.refresh()

    def decide(self) -> None:
        result = []
        plan = self.plan.currentData()
        if self._run(lambda: result.extend(self.service.decide(self.view.id, plan, self.decision.text()))):
            self.view = self.service.get(self.view.id)
            self.refresh()
            # each step in the reader's words, as the case's tasks show it (the plan's own text is Chinese)
            steps = "<br>".join(f"{n}. {problem_words.term('wk_step', f'{plan}.{n - 1}')} — {due:%Y-%m-%d}"
                                for n, (_what, due) in enumerate(result, 1))
            self.outcome.setText(self.tr("Next actions on the case:") + "<br>" + steps)

    def cancel(self) -> None:
        def done(text):
            self.service.cancel(self.view.id, text)
            self.view = self.service.get(self.view.id)
            self.refresh()
        ReasonDialog(self.tr("Cancel MDT request"), done, self).open()


def _specialty_label(name: str) -> str:
    """A department's name in the reader's language (an unknown one as it was written)."""
    words = problem_words.term("tl_specialty", name)
    return words[:1].upper() + words[1:]
