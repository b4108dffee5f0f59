"""Quick filters with live counts: scope, due, stage, cancer type, waiting flags."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QToolButton
from PySide6.QtWidgets import QWidget

from app.worklist import Filters
from ui import labels


def _toggle(parent) -> QToolButton:
    b = QToolButton(parent)
    b.setCheckable(True)
    b.setAutoRaise(False)
    return b


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._counts: dict[str, int] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scope_buttons = {k: _toggle(self) for k in ("mine", "station", "all")}
        self._scope_group = QButtonGroup(self)
        for b in self.scope_buttons.values():
            self._scope_group.addButton(b)
            layout.addWidget(b)
        self.scope_buttons["all"].setChecked(True)
        layout.addSpacing(12)
        self.due_buttons = {k: _toggle(self) for k in ("overdue", "today", "week")}
        self._due_group = QButtonGroup(self)
        self._due_group.setExclusive(False)  # exclusive but un-checkable: handled in _due_clicked
        for key, b in self.due_buttons.items():
            self._due_group.addButton(b)
            b.clicked.connect(lambda checked, k=key: self._due_clicked(k, checked))
            layout.addWidget(b)
        layout.addSpacing(12)
        self.stage_combo = QComboBox(self)
        self.cancer_combo = QComboBox(self)
        layout.addWidget(self.stage_combo)
        layout.addWidget(self.cancer_combo)
        self.referral_button = _toggle(self)
        self.mdt_button = _toggle(self)
        layout.addWidget(self.referral_button)
        layout.addWidget(self.mdt_button)
        layout.addStretch(1)
        self._scope_group.buttonClicked.connect(lambda _b: self.changed.emit())
        self.stage_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.cancer_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.referral_button.clicked.connect(lambda _c: self.changed.emit())
        self.mdt_button.clicked.connect(lambda _c: self.changed.emit())
        self.retranslate()

    def _due_clicked(self, key: str, checked: bool) -> None:
        if checked:
            for other, b in self.due_buttons.items():
                if other != key:
                    b.setChecked(False)
        self.changed.emit()

    def filters(self, text: str = "") -> Filters:
        scope = next(k for k, b in self.scope_buttons.items() if b.isChecked())
        due = next((k for k, b in self.due_buttons.items() if b.isChecked()), None)
        return Filters(scope=scope, due=due, stage=self.stage_combo.currentData(),
                       cancer_type=self.cancer_combo.currentData(),
                       waiting_referral=self.referral_button.isChecked(),
                       waiting_mdt=self.mdt_button.isChecked(), text=text)

    def set_filters(self, f: Filters) -> None:
        widgets = [self.stage_combo, self.cancer_combo, *self.scope_buttons.values(),
                   *self.due_buttons.values(), self.referral_button, self.mdt_button]
        for w in widgets:
            w.blockSignals(True)
        self.scope_buttons.get(f.scope, self.scope_buttons["all"]).setChecked(True)
        for key, b in self.due_buttons.items():
            b.setChecked(key == f.due)
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(f.stage)))
        self.cancer_combo.setCurrentIndex(max(0, self.cancer_combo.findData(f.cancer_type)))
        self.referral_button.setChecked(f.waiting_referral)
        self.mdt_button.setChecked(f.waiting_mdt)
        for w in widgets:
            w.blockSignals(False)

    def set_counts(self, counts: dict[str, int]) -> None:
        self._counts = counts
        self.retranslate()

    def _n(self, key: str) -> str:
        return f" {self._counts[key]}" if key in self._counts else ""

    def retranslate(self) -> None:
        titles = {"mine": self.tr("Mine"), "station": self.tr("My station"), "all": self.tr("Everything")}
        for key, b in self.scope_buttons.items():
            b.setText(titles[key] + self._n(f"scope:{key}"))
        due = {"overdue": self.tr("Overdue"), "today": self.tr("Due today"), "week": self.tr("This week")}
        for key, b in self.due_buttons.items():
            b.setText(due[key] + self._n(f"due:{key}"))
        self.referral_button.setText(self.tr("Waiting on referral") + self._n("waiting_referral"))
        self.mdt_button.setText(self.tr("Waiting on MDT") + self._n("waiting_mdt"))
        self._fill(self.stage_combo, self.tr("All stages"), labels.STAGES, labels.stage_name, "stage")
        self._fill(self.cancer_combo, self.tr("All cancers"), labels.CANCER_TYPES, labels.cancer_label, "cancer")

    def _fill(self, combo: QComboBox, everything: str, codes, label, prefix: str) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for code in codes:
            combo.addItem(label(code) + self._n(f"{prefix}:{code}"), code)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
