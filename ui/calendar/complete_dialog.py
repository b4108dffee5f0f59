"""Completing a follow-up: how it was done, reached or not, the outcome and notes, and
the next date the rules propose (with their explanation), which the person may change."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QVBoxLayout

from app.errors import ValidationError
from app.followups import Completion
from ui import due_words
from ui.calendar import labels
from ui.patient.schedule_dialog import ask_clinic_day_off
from ui.patient.schedule_dialog import declined_day_off
from ui.problem_words import say

ERROR_STYLE = "border: 1px solid #c0392b;"


class CompleteDialog(QDialog):
    def __init__(self, service, row, parent=None):
        super().__init__(parent)
        self.service = service
        self.row = row
        self.result_value = None
        self.proposal = None
        self.header = QLabel(self)
        self.method = QComboBox(self)
        for code in labels.METHODS:
            self.method.addItem("", code)
        self.method.setCurrentIndex(labels.METHODS.index(row.method) if row.method in labels.METHODS else 0)
        self.reached_yes = QRadioButton(self)
        self.reached_no = QRadioButton(self)
        self.reached_yes.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.reached_yes)
        group.addButton(self.reached_no)
        self.outcome = QComboBox(self)
        for code, text in service.outcomes():
            self.outcome.addItem(labels.outcome(code, text), code)
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(70)
        self.next_date = QDateEdit(self)
        self.next_date.setCalendarPopup(True)
        self.next_method = QComboBox(self)
        for code in labels.METHODS:
            self.next_method.addItem("", code)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color: #4a5561; background: #f5f7fa; padding: 6px;")
        self.action_hint = QLabel(self)
        self.action_hint.setWordWrap(True)
        self.action_hint.setStyleSheet("color: #a04000;")
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        reached = QHBoxLayout()
        reached.addWidget(self.reached_yes)
        reached.addWidget(self.reached_no)
        reached.addStretch(1)
        nxt = QHBoxLayout()
        nxt.addWidget(self.next_date)
        nxt.addWidget(self.next_method)
        nxt.addStretch(1)
        self.form = QFormLayout()
        self.row_labels = [QLabel(self) for _ in range(5)]
        for label, field in zip(self.row_labels, (self.method, reached, self.outcome, self.notes, nxt)):
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self.form)
        layout.addWidget(self.action_hint)
        layout.addWidget(self.explanation)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.fields = {"method": self.method, "outcome": self.outcome, "notes": self.notes,
                       "next_date": self.next_date}
        self.reached_no.toggled.connect(self._update)
        self.outcome.currentIndexChanged.connect(self._update)
        self.resize(560, 480)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Complete follow-up"))
        self.header.setText(self.tr("<b>{name}</b> · due {date}").format(
            name=self.row.name, date=self.row.due_date.isoformat()))
        for i, code in enumerate(labels.METHODS):
            self.method.setItemText(i, labels.method(code))
            self.next_method.setItemText(i, labels.method(code))
        self.reached_yes.setText(self.tr("Reached"))
        self.reached_no.setText(self.tr("Not reached"))
        for label, text in zip(self.row_labels, (self.tr("Method"), self.tr("Contact"), self.tr("Outcome"),
                                                 self.tr("Notes"), self.tr("Next follow-up"))):
            label.setText(text)
        self._update()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update(self) -> None:
        reached = self.reached_yes.isChecked()
        self.outcome.setEnabled(reached)
        code = self.outcome.currentData()
        self.proposal = self.service.propose(self.row.id, code) if reached and code else None
        has_next = self.proposal is not None
        self.next_date.setEnabled(has_next)
        self.next_method.setEnabled(has_next)
        if has_next:
            self.next_date.setDate(labels.qdate(self.proposal.date))
            rule = self.service.pathway.rules.by_id.get(f"outcome-{code}")
            method = (rule.data.get("method") if rule else None) or self.method.currentData()
            self.next_method.setCurrentIndex(labels.METHODS.index(method))
            # Worded here, in the window's language (ui/due_words: the Due carries codes).
            self.explanation.setText(self.tr("Proposed by the rules:") + "\n" + due_words.explain(self.proposal))
        elif reached:
            self.explanation.setText(self.tr("No further follow-up is planned after this outcome."))
        else:
            self.explanation.setText(self.tr(
                "The attempt is counted. After {n} unanswered attempts the follow-up goes to the chase list.")
                .format(n=self.service.pathway.rules.chase_after_attempts))
        action = None
        if reached and code:
            rule = self.service.pathway.rules.by_id.get(f"outcome-{code}")
            action = rule.data["action"] if rule else None
        self.action_hint.setText({
            "referral": self.tr("Saving creates a referral draft to the county cancer centre."),
            "close_case": self.tr("Saving closes the case and cancels its planned follow-ups."),
            "flag": self.tr("Saving flags the case for review."),
        }.get(action, ""))
        self.action_hint.setVisible(bool(action))

    def completion(self) -> Completion:
        reached = self.reached_yes.isChecked()
        return Completion(
            method=self.method.currentData(), reached=reached,
            outcome=self.outcome.currentData() if reached else None,
            notes=self.notes.toPlainText(),
            next_date=labels.pydate(self.next_date.date()) if self.proposal is not None else None,
            next_method=self.next_method.currentData() if self.proposal is not None else None)

    def save(self) -> bool:
        for widget in self.fields.values():
            widget.setStyleSheet("")
        try:
            completion = self.completion()
            if completion.next_date is not None and completion.reached:
                placement = self.service.place(completion.next_method or completion.method, completion.next_date)
                if placement.moved and not ask_clinic_day_off(self, placement):
                    raise declined_day_off("next_date")
            self.result_value = self.service.complete(self.row.id, completion)
        except ValidationError as exc:
            self.show_error(say(exc), exc.field)
            return False
        self.accept()
        return True

    def show_error(self, message: str, field: str | None) -> None:
        self.error.setText(message)
        self.error.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE)
            widget.setFocus()
