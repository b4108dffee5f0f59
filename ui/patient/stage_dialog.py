"""Change a case's pathway stage, with the reason the pathway engine records."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QVBoxLayout

from app.errors import ValidationError
from ui.labels import cancer_label
from ui.labels import stage_name
from ui.problem_words import say


class StageDialog(QDialog):
    def __init__(self, pathway, cases, parent=None):
        super().__init__(parent)
        self.pathway = pathway
        self.result_change = None
        self.setWindowTitle(self.tr("Change stage"))
        self.case_combo = QComboBox(self)
        for c in cases:
            self.case_combo.addItem(f"{cancer_label(c.cancer_type)} · {stage_name(c.stage)}", c.case_id)
        self.stage_combo = QComboBox(self)
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("Why does the stage change? (recorded on the timeline)"))
        self.reason.setFixedHeight(80)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Case"), self.case_combo)
        form.addRow(self.tr("New stage"), self.stage_combo)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.case_combo.currentIndexChanged.connect(self._fill_targets)
        self._fill_targets()
        self.resize(440, 260)

    def _fill_targets(self) -> None:
        self.stage_combo.clear()
        case_id = self.case_combo.currentData()
        if case_id is None:
            return
        for stage, is_return in self.pathway.targets(case_id):
            label = stage_name(stage) + (self.tr(" (back)") if is_return else "")
            self.stage_combo.addItem(label, stage)

    def submit(self) -> None:
        """Move the stage; a refusal shows under the form and nothing is saved."""
        try:
            self.result_change = self.pathway.move_stage(
                self.case_combo.currentData(), self.stage_combo.currentData() or "", self.reason.toPlainText())
        except ValidationError as exc:
            self.error.setText(say(exc))
            return
        self.accept()
