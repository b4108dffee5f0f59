"""Work on the worklist's selected cases at once (app/bulk.py): hand them to a case manager,
give each a task, move each one's next follow-up (ui/calendar/bulk_reschedule.py) or print a
letter for each (ui/worklist/bulk_letters.py). One confirmation, one transaction, progress
while it runs off the GUI thread; a refusal is said in words and nothing changes."""
from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app import bulk
from app import clock
from app.pathway import for_profile
from app.problems import Problem
from db.models import User
from ui import problem_words
from ui.admin.words import roles
from ui.calendar.bulk_reschedule import BulkRescheduleDialog
from ui.patient.tasks_panel import CARE_STEPS
from ui.tasks import run_in_background
from ui.worklist.bulk_letters import BulkLettersDialog


def bulk_menu(page, ids: list[str]) -> QMenu:
    menu = QMenu(page)
    menu.addAction(QCoreApplication.translate("BulkDialog", "Assign a case manager to %n case(s)…", None, len(ids)), lambda: BulkDialog(page, ids, "assign").open())
    menu.addAction(QCoreApplication.translate("BulkDialog", "Add a task to %n case(s)…", None, len(ids)), lambda: BulkDialog(page, ids, "task").open())
    menu.addAction(QCoreApplication.translate("BulkDialog", "Reschedule the next follow-up of %n case(s)…", None, len(ids)),
                   lambda: reschedule_dialog(page, ids).open())
    menu.addAction(QCoreApplication.translate("BulkDialog", "Print letters for %n case(s)…", None, len(ids)),
                   lambda: BulkLettersDialog(page, ids).open())
    return menu


def reschedule_dialog(page, ids: list[str]) -> BulkRescheduleDialog:
    """Each selected case's next follow-up to one day: the calendar's question, asked once."""
    store, calendar = page.profile.store, for_profile(page.profile).calendar
    dialog = BulkRescheduleDialog(calendar, len(ids), lambda day, reason, progress, stop: bulk.reschedule_cases(
        store, calendar, ids, day, reason, progress, stop), what="cases", parent=page, stay_open=True)
    dialog.finished_work.connect(lambda result: page.apply() if isinstance(result, list) else None)
    return dialog


class _Progress(QObject):
    moved = Signal(int, int)  # emitted on the worker, delivered on the GUI thread


class BulkDialog(QDialog):
    finished_work = Signal(object)  # the number of cases changed, or the exception

    def __init__(self, page, case_ids: list[str], what: str, parent: QWidget | None = None):
        super().__init__(parent or page)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.page, self.case_ids, self.what = page, list(case_ids), what
        self.store = page.profile.store
        self._stop = threading.Event()
        self.choice, self.due = QComboBox(self), QDateEdit()  # the date joins the form only for a task
        if what == "assign":
            self.setWindowTitle(QCoreApplication.translate("BulkDialog", "Assign a case manager"))
            with page.profile.sessions() as s:
                people = s.execute(select(User.id, User.display_name, User.role).where(
                    User.active.is_(True), User.role.in_(tuple(bulk.SLOT_OF_ROLE))).order_by(User.role, User.username))
                names = roles()
                for uid, name, role in people:
                    self.choice.addItem(f"{name} · {names.get(role, role)}", uid)
        else:
            self.setWindowTitle(QCoreApplication.translate("BulkDialog", "Add a task"))
            for step in CARE_STEPS:
                self.choice.addItem(problem_words.words(Problem(f"work.care.{step}", None, {})), step)
            day = clock.today() + dt.timedelta(days=7)
            self.due.setDate(QDate(day.year, day.month, day.day))
            self.due.setCalendarPopup(True)
            self.due.setDisplayFormat("yyyy-MM-dd")
        self.count = QLabel(QCoreApplication.translate("BulkDialog", "%n case(s) selected.", None, len(self.case_ids)))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, len(self.case_ids))
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.cancel)
        form = QFormLayout(self)
        form.addRow(self.count)
        form.addRow(QCoreApplication.translate("BulkDialog", "Case manager") if what == "assign" else QCoreApplication.translate("BulkDialog", "Task"), self.choice)
        if what == "task":
            form.addRow(QCoreApplication.translate("BulkDialog", "Due"), self.due)
        form.addRow(self.progress)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.setMinimumWidth(420)
        self._relay = _Progress(self)
        self._relay.moved.connect(lambda done, total: self.progress.setValue(done))

    def start(self) -> None:
        """One transaction for every selected case, off the GUI thread (the OK is the one confirmation)."""
        ids, choice, store, relay, stop = self.case_ids, self.choice.currentData(), self.store, self._relay, self._stop
        if self.what == "assign":
            def work():
                return bulk.assign(store, ids, choice, relay.moved.emit, stop.is_set)
        else:
            due = self.due.date().toPython()

            def work():
                return bulk.add_task(store, ids, choice, due, relay.moved.emit, stop.is_set)
        self.progress.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.message.setText(QCoreApplication.translate("BulkDialog", "Working…"))
        run_in_background(work, self._done, self._failed, owner=self)

    def cancel(self) -> None:
        if self.progress.isVisible() and not self._stop.is_set():
            self._stop.set()  # the transaction stops at its next step and writes nothing
            return
        self.reject()

    def _done(self, changed: int) -> None:
        self.finished_work.emit(changed)
        self.page.apply()
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.progress.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.message.setText(problem_words.say(exc))
        self.finished_work.emit(exc)
