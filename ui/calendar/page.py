"""The follow-up calendar (随访日历): month and week views, the day's list, the overdue
list and the chase list, and the work done from them (complete, reschedule, clinic closed).

Everything it shows comes from app.followups; after any change it reloads from the
database (also when another part of the app or a sync pull changed follow-ups).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent
from PySide6.QtCore import QLocale
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QStackedWidget
from PySide6.QtWidgets import QToolButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import bulk
from app import clock
from app.errors import ValidationError
from app.followups import FollowupService
from app.followups import Scope
from app.pathway.intervals import add_months
from ui.calendar import labels
from ui.calendar.bulk_reschedule import BulkRescheduleDialog
from ui.calendar.bulk_reschedule import moved_message
from ui.calendar.complete_dialog import CompleteDialog
from ui.calendar.lists_panel import LISTS
from ui.calendar.lists_panel import ListsPanel
from ui.calendar.month_view import MonthView
from ui.calendar.month_view import grid_range
from ui.calendar.reschedule_dialog import CloseDayDialog
from ui.calendar.reschedule_dialog import RescheduleDialog
from ui.calendar.week_view import WeekView
from ui.events import EventBridge
from ui.problem_words import say
from ui.writes import off_gui_thread
from ui.writes import run_off_gui_thread

WATCHED = {"followups", "cases", "patients"}


class CalendarPage(QWidget):
    patient_requested = Signal(str)

    def __init__(self, profile, parent=None, events: EventBridge | None = None):
        """`events`: the window's bridge; a page shown on its own makes its own."""
        super().__init__(parent)
        self.profile = profile
        self.service = off_gui_thread(FollowupService(profile))
        self.today = clock.today()
        self.selected = self.today
        self.mode = "month"
        self.prev_button, self.today_button, self.next_button = (QToolButton(self) for _ in range(3))
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.month_button, self.week_button = QToolButton(self), QToolButton(self)
        modes = QButtonGroup(self)
        for button in (self.month_button, self.week_button):
            button.setCheckable(True)
            modes.addButton(button)
        self.month_button.setChecked(True)
        self.scope_label = QLabel(self)
        self.scope = QComboBox(self)
        self.scope.setMinimumWidth(200)
        self.close_day_button = QPushButton(self)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("background: #fff4e5; color: #8a4b00; border: 1px solid #f0c36d;"
                                   " border-radius: 4px; padding: 6px;")
        self.warning.hide()
        self.month_view = MonthView(self)
        self.week_view = WeekView(self.move_to_day, self)
        self.week_view.followup_clicked.connect(self.show_followup)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.month_view)
        self.stack.addWidget(self.week_view)

        self.lists = ListsPanel(self.service, self)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #2f6fb3;")
        self._build_layout()
        self._connect()
        self._fill_scopes()
        self.events = events if events is not None else EventBridge(profile.bus, self)
        self.events.data_changed.connect(self._data_changed)
        self.events.identity_changed.connect(self._identity_changed)
        self.retranslate()
        self.reload()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        for w in (self.prev_button, self.today_button, self.next_button):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.month_button)
        top.addWidget(self.week_button)
        top.addSpacing(16)
        top.addWidget(self.scope_label)
        top.addWidget(self.scope)
        top.addWidget(self.close_day_button)
        splitter = QSplitter(self)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.lists)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 500])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(lambda: self.go_to(clock.today()))
        self.month_button.clicked.connect(lambda: self.set_mode("month"))
        self.week_button.clicked.connect(lambda: self.set_mode("week"))
        self.scope.currentIndexChanged.connect(lambda _i: self.reload())
        self.month_view.day_selected.connect(self.go_to)
        self.month_view.day_activated.connect(lambda d: (self.go_to(d), self.set_mode("week")))
        self.lists.complete_requested.connect(self.complete_selected)
        self.lists.reschedule_requested.connect(self.reschedule_selected)
        self.lists.patient_requested.connect(self.patient_requested)
        self.lists.loaded.connect(lambda _kind: self._update_titles())
        self.close_day_button.clicked.connect(self.close_day)

    def _fill_scopes(self) -> None:
        user = self.profile.store.user_id
        station = self.service.user_station(user)
        self.scope.blockSignals(True)
        self.scope.addItem("", Scope())
        if user:
            self.scope.addItem("", Scope(user_id=user))
        for sid, name in self.service.stations():
            self.scope.addItem(name, Scope(station_id=sid))
            if sid == station:
                self.scope.setCurrentIndex(self.scope.count() - 1)
        self.scope.blockSignals(False)

    def _data_changed(self, event) -> None:
        if event.tables & WATCHED:
            self.reload()

    def _identity_changed(self, _me) -> None:
        """Another person signed in (or their station arrived with the first pull): "my
        follow-ups" are theirs and the calendar opens on their station again."""
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.blockSignals(False)
        self._fill_scopes()
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.prev_button.setText("◀")
        self.next_button.setText("▶")
        self.prev_button.setToolTip(self.tr("Previous"))
        self.next_button.setToolTip(self.tr("Next"))
        self.today_button.setText(self.tr("Today"))
        self.month_button.setText(self.tr("Month"))
        self.week_button.setText(self.tr("Week"))
        self.scope_label.setText(self.tr("Show:"))
        self.scope.setItemText(0, self.tr("All follow-ups"))
        if self.profile.store.user_id:
            self.scope.setItemText(1, self.tr("My follow-ups"))
        self.close_day_button.setText(self.tr("Clinic closed…"))
        self.close_day_button.setToolTip(self.tr("Move all of a station's follow-ups on one day to the next working day"))
        self.lists.retranslate()
        self._update_titles()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()
        super().changeEvent(event)

    # navigation --------------------------------------------------------------------
    def current_scope(self) -> Scope:
        return self.scope.currentData() or Scope()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        (self.month_button if mode == "month" else self.week_button).setChecked(True)
        self.stack.setCurrentWidget(self.month_view if mode == "month" else self.week_view)
        self.reload()

    def step(self, direction: int) -> None:
        if self.mode == "week":
            self.go_to(self.selected + dt.timedelta(days=7 * direction))
        else:
            self.go_to(add_months(self.selected, direction)[0])

    def go_to(self, day: dt.date) -> None:
        same_view = (day.year, day.month) == (self.selected.year, self.selected.month) if self.mode == "month" \
            else day - dt.timedelta(days=day.weekday()) == self.selected - dt.timedelta(days=self.selected.weekday())
        self.selected = day
        if same_view:
            self.month_view.selected = day
            self.month_view.update()
            self.lists.load("day", self.current_scope(), day, self.today)
            self._update_titles()
        else:
            self.reload()

    # data ------------------------------------------------------------------------
    def reload(self) -> None:
        self.today = clock.today()
        scope, cal = self.current_scope(), self.service.pathway.calendar
        if self.mode == "month":
            first, last = grid_range(self.selected.year, self.selected.month)
            counts = self.service.month_counts(first, last, scope)
            infos = {first + dt.timedelta(days=n): cal.info(first + dt.timedelta(days=n)) for n in range(42)}
            self.month_view.set_data(self.selected.year, self.selected.month, counts, infos, self.today, self.selected)
        else:
            monday = self.selected - dt.timedelta(days=self.selected.weekday())
            days = self.service.week(monday, scope)
            infos = {d: cal.info(d) for d in days}
            self.week_view.set_week(days, infos, self.today)
        uncovered = sorted({d.year for d, info in infos.items() if not info.covered})
        self.warning.setText(self.tr(
            "Public holidays for {years} are not in the calendar data: due dates there are moved over weekends "
            "only. Ask an administrator to add the year's holiday file.").format(years=", ".join(map(str, uncovered))))
        self.warning.setVisible(bool(uncovered))
        for kind in LISTS:
            self.lists.load(kind, scope, self.selected, self.today)
        self._update_titles()

    def _update_titles(self) -> None:
        locale = QLocale()
        if self.mode == "month":
            self.title.setText(locale.toString(labels.qdate(self.selected), self.tr("MMMM yyyy")))
        else:
            monday = self.selected - dt.timedelta(days=self.selected.weekday())
            self.title.setText(self.tr("Week of {date}").format(
                date=locale.toString(labels.qdate(monday), QLocale.FormatType.ShortFormat)))
        self.lists.set_titles(locale.toString(labels.qdate(self.selected), self.tr("MMM d")))

    # work --------------------------------------------------------------------------
    def complete_selected(self) -> CompleteDialog | None:
        row = self.lists.current_row()
        if row is None or row.status not in ("planned", "missed"):
            return None
        dialog = CompleteDialog(self.service, row, self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def reschedule_selected(self) -> RescheduleDialog | BulkRescheduleDialog | None:
        """One follow-up: the dialog that asks about a clinic visit on a day off. Several: one
        question for all of them, one transaction (app/bulk.py)."""
        rows = [r for r in self.lists.selected_rows() if r.status in ("planned", "missed")]
        if not rows:
            return None
        if len(rows) == 1:
            dialog: RescheduleDialog | BulkRescheduleDialog = RescheduleDialog(self.service, rows[0], self)
            dialog.accepted.connect(self.reload)
        else:
            store, calendar, ids = self.profile.store, self.service.pathway.calendar, [r.id for r in rows]
            dialog = BulkRescheduleDialog(calendar, len(ids), lambda day, reason, progress, stop: bulk.reschedule(
                store, calendar, ids, day, reason, progress, stop), parent=self)
            dialog.finished_work.connect(lambda result: self._after_bulk_move(result, dialog.day()))
        dialog.open()
        return dialog

    def _after_bulk_move(self, result, day: dt.date) -> None:
        if isinstance(result, list):
            self.message.setText(moved_message(result, day))
            self.reload()

    def close_day(self) -> CloseDayDialog:
        scope = self.current_scope()
        dialog = CloseDayDialog(self.service, self.service.stations(), scope.station_id, self.selected, self)
        dialog.accepted.connect(lambda: self._after_close_day(dialog))
        dialog.open()
        return dialog

    def _after_close_day(self, dialog: CloseDayDialog) -> None:
        n, shift = dialog.moved
        self.message.setText(self.tr("%n follow-up(s) moved to {date}.", "", n).format(date=shift.date.isoformat()))
        self.reload()

    def move_to_day(self, ids: list, day: dt.date) -> bool:
        """A drop in the week view: reschedule to that day (working days only; the dialog
        is there for the rare visit on a day off)."""
        info = self.service.pathway.calendar.info(day)
        if not info.working:
            self.message.setText(self.tr("{day} is not a working day. Use Reschedule… to choose it anyway.")
                                 .format(day=day.isoformat()))
            return False
        store, calendar, reason = self.profile.store, self.service.pathway.calendar, self.tr("Moved in the week view")
        try:  # several dragged together move together or not at all
            placements = run_off_gui_thread(lambda: bulk.reschedule(store, calendar, ids, day, reason))
        except ValidationError as exc:
            self.message.setText(say(exc))
            self.reload()
            return False
        self.message.setText(moved_message(placements, day))
        self.reload()
        return True

    def show_followup(self, fid: str, day: dt.date) -> None:
        """A follow-up clicked in the week view: its day becomes the selected day and the day's
        list shows it selected, with why it is on that day."""
        if day != self.selected:
            self.selected = day
            self.month_view.selected = day
            self.lists.load("day", self.current_scope(), day, self.today)
            self._update_titles()
        self.lists.select_id("day", fid)
