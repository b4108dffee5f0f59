"""The patient window's household (家庭单元): the members with their relation to the one the
household was started from, their open cases, confirmed cancers and next due work; the
health supervisor with the phone; and the household's actions (start one, add or remove a
member, name the supervisor, plan one call or home visit for all). The rules are the rule
book's (app/rulebook/households.py): a refusal is shown in the reader's words."""
from __future__ import annotations

import logging
from typing import TypeVar

from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTreeWidget
from PySide6.QtWidgets import QTreeWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.errors import ValidationError
from app.households import HouseholdService
from app.households import HouseholdView
from app.households import MemberView
from app.households import Plan
from app.problems import Problem
from ui import problem_words
from ui.labels import cancer_label
from ui.labels import sexes
from ui.labels import stage_name
from ui.patient.household_dialog import AddMemberDialog
from ui.patient.household_dialog import PlanVisitDialog
from ui.patient.household_dialog import StartHouseholdDialog
from ui.patient.household_dialog import SupervisorDialog
from ui.patient.household_dialog import methods
from ui.patient.household_dialog import relation_label

log = logging.getLogger(__name__)
_D = TypeVar("_D", bound=QDialog)
OVERDUE = QColor("#b3261e")
CONFIRMED = QColor("#8a1c1c")
NOTE_STYLE = "color: #4a5561;"
VISIBLE_ROWS = 4


class HouseholdPanel(QWidget):
    def __init__(self, service: HouseholdService, patient_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.patient_id = patient_id
        self.household: HouseholdView | None = None
        self.last_plan: Plan | None = None
        self._refusal: Problem | None = None
        self._elsewhere = False
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.supervisor = QLabel()
        self.supervisor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setStyleSheet(NOTE_STYLE)
        self.status.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        for column in (0, 1, 2, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.start_button, self.add_button, self.remove_button = QPushButton(), QPushButton(), QPushButton()
        self.supervisor_button, self.plan_button = QPushButton(), QPushButton()
        self.start_button.clicked.connect(self.start)
        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self.remove_selected)
        self.supervisor_button.clicked.connect(self.set_supervisor)
        self.plan_button.clicked.connect(self.plan_visit)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.supervisor, 1)
        for b in (self.start_button, self.add_button, self.remove_button, self.supervisor_button, self.plan_button):
            top.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        layout.addWidget(self.status)
        self.refresh()

    # -- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected()
        self.household = self.service.of_patient(self.patient_id)
        self._refusal = self.service.may_keep(self.patient_id)  # asked once per refresh, not per click
        self._elsewhere = self.household is None and self.service.kept_elsewhere(self.patient_id)
        self.tree.clear()
        self.tree.setVisible(self.household is not None)
        rows = []
        for m in self.household.members if self.household is not None else ():
            row = QTreeWidgetItem(self._cells(m))
            row.setData(0, Qt.ItemDataRole.UserRole, m.patient_id)
            if m.confirmed:
                row.setForeground(3, QBrush(CONFIRMED))
            if m.next_work is not None and m.next_work.due < clock.today():
                row.setForeground(4, QBrush(OVERDUE))
            if m.patient_id == self.patient_id:
                font = row.font(0)
                font.setBold(True)
                row.setFont(0, font)
            rows.append(row)
        self.tree.addTopLevelItems(rows)
        self._fit(len(rows))
        for row in rows:
            if selected is not None and row.data(0, Qt.ItemDataRole.UserRole) == selected.patient_id:
                self.tree.setCurrentItem(row)
        self.retranslate()

    def _fit(self, count: int) -> None:
        """As tall as the members (up to VISIBLE_ROWS, then it scrolls): the timeline keeps the rest."""
        # A row's hint is short before the tree is first laid out: the font's line is the floor.
        row = max(self.tree.sizeHintForRow(0) if count else 0, self.tree.fontMetrics().height() + 4)
        header = max(self.tree.header().sizeHint().height(), self.tree.fontMetrics().height() + 6)
        self.tree.setFixedHeight(header + row * max(1, min(count, VISIBLE_ROWS)) + 2 * self.tree.frameWidth() + 2)

    def _cells(self, m: MemberView) -> list[str]:
        sex = sexes().get(m.sex, m.sex)
        age = self.tr("{age} years").format(age=m.age) if m.age is not None else ""
        cases = [f"{cancer_label(c)} · {stage_name(s)}" for c, s in m.open_cases]
        confirmed = [c for c in m.confirmed if c not in {c for c, _ in m.open_cases}]
        cases += [self.tr("{cancer} (diagnosed)").format(cancer=cancer_label(c)) for c in confirmed]
        due = ""
        if m.next_work is not None:
            what = methods().get(m.next_work.method or "", self.tr("Follow-up")) if m.next_work.kind == "followup" \
                else self.tr("Task")
            due = f"{m.next_work.due.isoformat()} {what}"
        return [m.name, relation_label(m.relation), f"{sex} {age}".strip(), self.tr("; ").join(cases), due]

    def selected(self) -> MemberView | None:
        row = self.tree.currentItem()
        if row is None or self.household is None:
            return None
        return self.household.member(row.data(0, Qt.ItemDataRole.UserRole))

    def _enable(self) -> None:
        having = self.household is not None
        self.start_button.setVisible(not having and not self._elsewhere)
        for b in (self.add_button, self.remove_button, self.supervisor_button, self.plan_button):
            b.setVisible(having)
        member = self.selected()
        alone = having and len(self.household.members) == 1 if self.household is not None else False
        self.remove_button.setEnabled(member is not None and (member.relation != "self" or alone))
        refusal = self._refusal
        for b in (self.start_button, self.add_button, self.supervisor_button, self.plan_button):
            b.setEnabled(refusal is None)
            b.setToolTip(problem_words.say(refusal) if refusal is not None else "")

    # -- actions --------------------------------------------------------------------------

    def _open(self, dialog: _D) -> _D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def start(self) -> StartHouseholdDialog:
        return self._open(StartHouseholdDialog(self.service, self.patient_id, self))

    def add_member(self) -> AddMemberDialog | None:
        if self.household is None:
            return None
        anchor = self.household.member(self.household.anchor_id)
        return self._open(AddMemberDialog(self.service, self.household, anchor.name if anchor else "", self))

    def set_supervisor(self) -> SupervisorDialog | None:
        if self.household is None:
            return None
        return self._open(SupervisorDialog(self.service, self.household, self))

    def plan_visit(self) -> PlanVisitDialog | None:
        if self.household is None:
            return None
        dialog = PlanVisitDialog(self.service, self.household, self)
        dialog.accepted.connect(lambda: self._planned(dialog.plan))
        return self._open(dialog)

    def _planned(self, plan: Plan | None) -> None:
        self.last_plan = plan
        self.retranslate()

    def remove_selected(self, confirmed: bool = False) -> bool:
        member, household = self.selected(), self.household
        if member is None or household is None:
            return False
        if not confirmed:
            answer = QMessageBox.question(
                self, self.tr("Household"),
                self.tr("Take {name} out of the household?").format(name=member.name))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self.service.remove_member(household.id, member.patient_id)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Household"), problem_words.say(exc))
            return False
        self.refresh()
        return True

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        h = self.household
        anchor = h.member(h.anchor_id) if h is not None else None
        relation = self.tr("Relation to {name}").format(name=anchor.name) if anchor is not None else self.tr("Relation")
        self.tree.setHeaderLabels([self.tr("Member"), relation, self.tr("Sex, age"), self.tr("Cases"),
                                   self.tr("Next due")])
        if h is None:
            self.title.setText(self.tr("Household"))
            self.supervisor.setText(self.tr("In a household kept by another organisation; it is not on this computer.")
                                    if self._elsewhere else self.tr("Not in a household yet."))
        else:
            name = h.name or self.tr("Household")
            self.title.setText(self.tr("{household} · {count} member(s)").format(household=name, count=len(h.members)))
            if h.supervisor_name:
                self.supervisor.setText(self.tr("Health supervisor: {name}  {phone}").format(
                    name=h.supervisor_name, phone=h.supervisor_phone or self.tr("no phone")))
            else:
                self.supervisor.setText(self.tr("No health supervisor"))
        self.start_button.setText(self.tr("Start household…"))
        self.add_button.setText(self.tr("Add member…"))
        self.remove_button.setText(self.tr("Remove"))
        self.supervisor_button.setText(self.tr("Supervisor…"))
        self.plan_button.setText(self.tr("Plan call or visit…"))
        p = self.last_plan
        self.status.setVisible(p is not None)
        if p is not None:
            self.status.setText(self.tr("{method} on {day}: {created} new follow-up(s), {moved} moved to that day, "
                                        "{without} member(s) without an open case.").format(
                method=methods()[p.method], day=p.day.isoformat(), created=len(p.created), moved=len(p.moved),
                without=len(p.without_case)))
        self._enable()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
