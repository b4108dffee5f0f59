"""The patient window's tasks: every open task and follow-up of the patient's cases, most
urgent first, then what was closed lately. A task is finished, cancelled (with a reason) or
moved here; finishing one never touches another (app/tasks.py). Follow-ups are completed in
the follow-up calendar, where their outcome is recorded."""
from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QInputDialog
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTreeWidget
from PySide6.QtWidgets import QTreeWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.errors import ValidationError
from app.tasks import TaskService
from app.tasks import WorkItem
from ui import problem_words
from ui.labels import cancer_label
from ui.work_words import work_words

log = logging.getLogger(__name__)
OVERDUE = QColor("#b3261e")
CLOSED = QColor("#7a8590")
VISIBLE_ROWS = 5
# The care steps a person picks most (words: work.care.*); anything else is typed.
CARE_STEPS = ("phone_followup", "home_visit", "book_exam", "chase_pathology", "recheck_reminder",
              "nutrition_assessment", "psychological_support", "mdt_discussion")


class TasksPanel(QWidget):
    def __init__(self, service: TaskService, patient_id: str, cases_provider, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.patient_id = patient_id
        self._cases = cases_provider  # () -> [(case_id, cancer_type)] of the patient's open cases
        self.items: list[WorkItem] = []
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setMaximumHeight(self.tree.sizeHintForRow(0) * (VISIBLE_ROWS + 1) + 40
                                   if self.tree.sizeHintForRow(0) > 0 else 150)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.add_button, self.done_button = QPushButton(), QPushButton()
        self.cancel_button, self.move_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.add_task)
        self.done_button.clicked.connect(self.finish_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.move_button.clicked.connect(self.move_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        for b in (self.add_button, self.done_button, self.cancel_button, self.move_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        self.retranslate()
        self.refresh()

    # -- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected()
        self.items = self.service.work_of_patient(self.patient_id)
        today = clock.today()
        self.tree.clear()
        rows = []
        for item in self.items:
            due = item.due_date.isoformat() if item.due_date else ""
            row = QTreeWidgetItem([work_words(item), due, item.owner, self._state(item)])
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            row.setToolTip(0, work_words(item) + (f"\n{item.note}" if item.note else ""))
            if not item.is_open:
                for column in range(4):
                    row.setForeground(column, QBrush(CLOSED))
            elif item.due_date is not None and item.due_date < today:
                row.setForeground(1, QBrush(OVERDUE))
            rows.append(row)
        self.tree.addTopLevelItems(rows)
        for row in rows:
            if selected is not None and row.data(0, Qt.ItemDataRole.UserRole) == selected.id:
                self.tree.setCurrentItem(row)
        self._count()
        self._enable()

    def selected(self) -> WorkItem | None:
        row = self.tree.currentItem()
        if row is None:
            return None
        item_id = row.data(0, Qt.ItemDataRole.UserRole)
        return next((i for i in self.items if i.id == item_id), None)

    def _state(self, item: WorkItem) -> str:
        if item.table == "followups" and item.is_open:
            return self.tr("in the calendar")
        return {"open": self.tr("open"), "done": self.tr("done"), "cancelled": self.tr("cancelled"),
                "missed": self.tr("on the chase list")}[item.state]

    def _count(self) -> None:
        n = sum(1 for i in self.items if i.is_open)
        self.title.setText(self.tr("Tasks: %n open", "", n))

    def _enable(self) -> None:
        item = self.selected()
        mine = item is not None and item.table == "tasks" and item.is_open
        for b in (self.done_button, self.cancel_button, self.move_button):
            b.setEnabled(mine)
        self.add_button.setEnabled(bool(self._cases()))

    # -- actions --------------------------------------------------------------------------

    def _run(self, action) -> bool:
        try:
            action()
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Tasks"), problem_words.say(exc))
            return False
        self.refresh()
        return True

    def finish_selected(self) -> bool:
        item = self.selected()
        return item is not None and self._run(lambda: self.service.finish(item.id))

    def cancel_selected(self, reason: str | None = None) -> bool:
        item = self.selected()
        if item is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Cancel task"),
                                              self.tr("Why is this task no longer needed?"))
            if not ok:
                return False
        return self._run(lambda: self.service.cancel(item.id, reason))

    def move_selected(self, day: dt.date | None = None) -> bool:
        item = self.selected()
        if item is None:
            return False
        if day is None:
            dialog = _DateDialog(self, item.due_date or clock.today())
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            day = dialog.day()
        return self._run(lambda: self.service.move(item.id, day))

    def add_task(self) -> AddTaskDialog:
        dialog = AddTaskDialog(self.service, self._cases(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Task"), self.tr("Due"), self.tr("Owner"), self.tr("State")])
        self.add_button.setText(self.tr("Add task…"))
        self.done_button.setText(self.tr("Done"))
        self.cancel_button.setText(self.tr("Cancel…"))
        self.move_button.setText(self.tr("Move…"))
        self._count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)


class _DateDialog(QDialog):
    def __init__(self, parent: QWidget, day: dt.date):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("TasksPanel", "Move task"))
        self.edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("TasksPanel", "Due"), self.edit)
        form.addRow(buttons)

    def day(self) -> dt.date:
        d = self.edit.date()
        return dt.date(d.year(), d.month(), d.day())


class AddTaskDialog(QDialog):
    """A task of one's own on one of the patient's open cases: a common care step or words
    of one's own, with its due date."""

    def __init__(self, service: TaskService, cases: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.case = QComboBox()
        for case_id, cancer in cases:
            self.case.addItem(cancer_label(cancer), case_id)
        self.what = QComboBox()
        from app.problems import Problem  # the care steps' words are problem templates (work.care.*)
        for step in CARE_STEPS:
            self.what.addItem(problem_words.words(Problem(f"work.care.{step}", None, {})), step)
        self.what.addItem(self.tr("Other (type it below)"), None)
        self.text = QLineEdit()
        self.text.setMaxLength(200)
        self.text.setPlaceholderText(self.tr("What is to be done"))
        self.what.currentIndexChanged.connect(self._what_changed)
        today = clock.today() + dt.timedelta(days=7)
        self.due = QDateEdit(QDate(today.year, today.month, today.day))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Case"), self.case)
        form.addRow(self.tr("Task"), self.what)
        form.addRow("", self.text)
        form.addRow(self.tr("Due"), self.due)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setWindowTitle(self.tr("Add task"))
        self.setMinimumWidth(420)
        self._what_changed()
        self.task_id: str | None = None

    def _what_changed(self) -> None:
        self.text.setEnabled(self.what.currentData() is None)

    def save(self) -> bool:
        step = self.what.currentData()
        d = self.due.date()
        due = dt.date(d.year(), d.month(), d.day())
        try:
            if step is None:
                self.task_id = self.service.add(self.case.currentData(), self.text.text(), due)
            else:
                self.task_id = self.service.add_step(self.case.currentData(), step, due)
        except ValidationError as exc:
            self.error.setText(problem_words.say(exc))
            return False
        self.accept()
        return True
