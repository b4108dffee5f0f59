"""Many follow-ups to one day (app/bulk.py): from the calendar's lists or the worklist's cases.

One question (this dialog: the day, a reason, what the day means for clinic visits), ONE
transaction off the GUI thread with progress, Cancel stopping it with nothing written; a
refusal is said in words under the form and nothing moves.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from ui.calendar import labels
from ui.problem_words import say
from ui.tasks import run_in_background

# (day, reason, progress, should_stop) -> the Placements, in one transaction (app.bulk.reschedule*)
Work = Callable[[dt.date, str, Callable[[int, int], None], Callable[[], bool]], list]


class _Relay(QObject):
    moved = Signal(int, int)  # emitted on the worker, delivered on the GUI thread


class BulkRescheduleDialog(QDialog):
    finished_work = Signal(object)  # the Placements, or the exception that refused them

    def __init__(self, calendar, count: int, work: Work, what: str = "followups", parent: QWidget | None = None,
                 stay_open: bool = False):
        """`what`: "followups" (the calendar's rows) or "cases" (the worklist's: each case's next one).
        `stay_open`: say what moved here (a page without a message line of its own) instead of closing."""
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.calendar, self.count, self.work, self.stay_open = calendar, count, work, stay_open
        self._stop = threading.Event()
        self.placements: list = []
        self.setWindowTitle(self.tr("Reschedule follow-ups"))
        self.summary = QLabel(self.tr("%n follow-up(s) selected.", "", count) if what == "followups" else
                              self.tr("The next follow-up of each of %n case(s) moves.", "", count))
        self.summary.setWordWrap(True)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(labels.qdate(clock.today() + dt.timedelta(days=7)))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. the clinic moved its session"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #4a5561;")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, max(count, 1))
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Move"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.cancel)  # Cancel, and Close once it is done
        form = QFormLayout()
        form.addRow(self.summary)
        form.addRow(self.tr("New date"), self.date)
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._relay = _Relay(self)
        self._relay.moved.connect(lambda done, _total: self.progress.setValue(done))
        self.date.dateChanged.connect(lambda _d: self._update())
        self.setMinimumWidth(460)
        self._update()

    def day(self) -> dt.date:
        return labels.pydate(self.date.date())

    def _update(self) -> None:
        """What the day means before anyone presses Move: a clinic visit never lands on a day off."""
        day = self.day()
        info = self.calendar.info(day)
        lines = []
        if not info.covered:
            lines.append(self.tr("Holidays for {year} are not in the data: check this day yourself.").format(year=day.year))
        if not info.working:
            target = self.calendar.next_working_day(day).date
            what = (self.tr("{day} is a public holiday ({name}).").format(day=day.isoformat(), name=labels.holiday(info.name))
                    if info.kind == "holiday" else self.tr("{day} is a weekend day.").format(day=day.isoformat()))
            lines.append(what)
            lines.append(self.tr("Clinic visits go to the next working day, {date}; calls and home "
                                              "visits stay on {day}.").format(date=target.isoformat(), day=day.isoformat()))
        self.note.setText("\n".join(lines))
        self.note.setVisible(bool(lines))

    def start(self) -> None:
        """The one transaction, off the GUI thread; Move is the one confirmation."""
        day, reason, relay, stop, work = self.day(), self.reason.text().strip(), self._relay, self._stop, self.work
        self._stop.clear()
        self.message.clear()
        self.progress.setValue(0)
        self.progress.show()
        for widget in (self.date, self.reason, self.buttons.button(QDialogButtonBox.StandardButton.Ok)):
            widget.setEnabled(False)
        run_in_background(lambda: work(day, reason, relay.moved.emit, stop.is_set), self._done, self._failed, owner=self)

    def cancel(self) -> None:
        if self.progress.isVisible() and not self._stop.is_set():
            self._stop.set()  # the transaction stops at its next step and writes nothing
            return
        self.reject()

    def _done(self, placements: list) -> None:
        self.placements = placements
        self.finished_work.emit(placements)
        if not self.stay_open:
            self.accept()
            return
        self.progress.hide()
        self.message.setStyleSheet("color: #2f6fb3;")
        self.message.setText(moved_message(placements, self.day()))
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def _failed(self, exc: Exception) -> None:
        self.progress.hide()
        self.message.setStyleSheet("color: #c0392b;")
        for widget in (self.date, self.reason, self.buttons.button(QDialogButtonBox.StandardButton.Ok)):
            widget.setEnabled(True)
        self.message.setText(say(exc))
        self.finished_work.emit(exc)


def moved_message(placements: list, day: dt.date) -> str:
    """After the move: how many, and how many clinic visits went to the next working day."""
    shifted = [p for p in placements if p.moved]
    if not shifted:
        return QCoreApplication.translate("BulkRescheduleDialog", "%n follow-up(s) moved to {date}.", "",
                                          len(placements)).format(date=day.isoformat())
    return QCoreApplication.translate(
        "BulkRescheduleDialog", "%n follow-up(s) moved to {date}; {clinic} clinic visit(s) of them to {next} "
        "instead (the clinic is closed on {date}).", "", len(placements)).format(
        date=day.isoformat(), clinic=len(shifted), next=shifted[0].date.isoformat())
