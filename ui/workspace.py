"""Wires the feature pages into the main window and to each other.

The shell (main_window.py) knows areas and placeholders; this module knows which real
page fills each area, how a worklist row opens a patient, and which data changes
refresh which page.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.pathway.service import PathwayService
from app.patients import PatientService
from app.worklist import Worklist
from ui.inbox.wiring import InboxUi
from ui.lock.guard import WindowLock
from ui.patient.view import PatientView
from ui.screening.action import ImportAction
from ui.sync.wiring import SyncUi
from ui.worklist.view import WorklistPage
from ui.writes import off_gui_thread

# Pages and dialogs other than the worklist are imported where they are first used
# (below, marked "on first use"): start-up pays only for what the first screen shows.

WORKLIST_TABLES = {"cases", "patients", "referrals", "mdt_requests", "followups"}
DASHBOARD_TABLES = WORKLIST_TABLES | {"timeline_events", "screenings"}


class PatientWindow(QWidget):
    """A patient opened from a list: its own window, so several can be compared side by side."""

    def __init__(self, service: PatientService, patient_id: str, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view = PatientView(service, patient_id, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.resize(1100, 760)
        # Ctrl+W (the platform's Close key) and Esc close the window; Esc first closes the
        # quick-add editor if it is open (its own shortcut), so typed words are not lost by one key.
        for keys in {QKeySequence("Ctrl+W").toString(), QKeySequence(QKeySequence.StandardKey.Close).toString()} - {""}:
            QShortcut(QKeySequence(keys), self, self.close)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Esc that no child took (the quick-add editor takes its own: it closes first).
        if event.key() == Qt.Key.Key_Escape and not self.view.editor.isVisible():
            self.close()
            return
        super().keyPressEvent(event)


class Workspace:
    def __init__(self, window):
        self.window = window
        profile = window.profile
        me = window.identity.current
        if me.user_id and profile.store.user_id is None:
            profile.store.user_id = me.user_id
        self.patients = off_gui_thread(PatientService(profile.store))
        self.worklist_page = WorklistPage(profile, Worklist(profile.sessions, me.user_id, me.station_id))
        window.set_page("worklist", self.worklist_page)
        # Other areas are built the first time they are shown: start-up pays for the
        # worklist only (the calendar's month query and the letter fonts can wait).
        self.builders = {"calendar": self._build_calendar, "letters": self._build_letters,
                         "referrals": self._build_referrals, "dashboard": self._build_dashboard,
                         "slots": self._build_slots}
        self.built: dict[str, object] = {}
        window.nav.currentRowChanged.connect(self._build_shown_page)
        self.pathway = off_gui_thread(PathwayService(profile))
        self.worklist_page.patient_requested.connect(self.open_patient)
        window.events.data_changed.connect(self._data_changed)
        self.open_patients: dict[str, PatientWindow] = {}
        self.lock = WindowLock(window, me.display_name, lambda: list(self.open_patients.values()))
        if self.lock.guard.has_password():
            self.lock.lock()  # sign-in at start: the same screen, the same verifier and lockout
        self.sync = SyncUi(window)
        self.import_action = ImportAction(window)  # File ▸ Import screening list…
        self.inbox = InboxUi(window, self)  # 收件箱 with its unread count, built now: the count shows at once
        window.events.identity_changed.connect(self._identity_changed)

    def _identity_changed(self, me) -> None:
        """A sign-in (or the first pull, or a move): "mine" and "my station" now mean this person.
        The other pages follow the same event themselves."""
        self.worklist_page.follow_identity(me.user_id, me.station_id)
        if me.display_name:
            self.lock.screen.user_name = me.display_name
            self.lock.screen.retranslate()

    def page(self, key: str):
        """The real page for an area, built now if it has not been shown yet."""
        if key not in self.built and key in self.builders:
            self.built[key] = self.builders[key]()
            self.window.set_page(key, self.built[key])
        return self.built.get(key)

    def _build_shown_page(self, row: int) -> None:
        if 0 <= row < len(self.window.PAGES):
            self.page(self.window.PAGES[row])

    def _build_dashboard(self):
        from ui.dashboard.page import DashboardPage  # on first use

        page = DashboardPage(self.window.profile, events=self.window.events)
        page.patient_requested.connect(self.open_patient)
        return page

    def _build_letters(self):
        from ui.letters.page import LettersPage  # on first use

        return LettersPage(self.window.profile)

    def _build_calendar(self):
        from ui.calendar.page import CalendarPage  # on first use

        page = CalendarPage(self.window.profile, events=self.window.events)
        page.patient_requested.connect(self.open_patient)
        return page

    def _build_referrals(self):
        from ui.referrals.board import ReferralBoard  # on first use

        board = ReferralBoard(self.window.profile, events=self.window.events)
        board.patient_requested.connect(self.open_patient)
        board.edit_requested.connect(self._edit_referral)
        return board

    def _build_slots(self):
        from ui.slots.page import SlotPoolPage  # on first use

        page = SlotPoolPage(self.window.profile, events=self.window.events)
        page.patient_requested.connect(self.open_patient)
        return page

    def open_patient(self, patient_id: str) -> PatientWindow:
        existing = self.open_patients.get(patient_id)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        w = PatientWindow(self.patients, patient_id, self.window)
        w.view.connect_action(w.view.action_print_letter, lambda: self._letter_menu(w, patient_id))
        w.view.connect_action(w.view.action_change_stage, lambda: self._change_stage(w, patient_id))
        w.view.connect_action(w.view.action_new_referral, lambda: self._new_referral(w, patient_id))
        w.view.connect_action(w.view.action_request_mdt, lambda: self._request_mdt(w, patient_id))
        w.view.connect_action(w.view.action_schedule_followup, lambda: self._schedule_followup(w, patient_id))
        w.view.connect_action(w.view.action_book_exam, lambda: self._book_exam(w, patient_id))
        w.destroyed.connect(lambda _=None, pid=patient_id: self.open_patients.pop(pid, None))
        self.open_patients[patient_id] = w
        w.show()
        return w

    def _letter_menu(self, w: PatientWindow, patient_id: str) -> None:
        menu = QMenu(w)
        from app.letters.kinds import KINDS  # on first use
        from ui.letters.labels import kind_name
        from ui.letters.single import print_single_letter

        for code in KINDS:
            menu.addAction(kind_name(code), lambda c=code: print_single_letter(w, self.window.profile, patient_id, c))
        menu.exec(QCursor.pos())

    def _change_stage(self, w: PatientWindow, patient_id: str):
        from ui.patient.stage_dialog import StageDialog  # on first use

        open_cases = self.patients.header(patient_id).cases
        dialog = StageDialog(self.pathway, open_cases, w)
        dialog.open()
        return dialog

    def _new_referral(self, w: PatientWindow, patient_id: str):
        from ui.patient.referral_dialog import ReferralDialog  # on first use

        dialog = ReferralDialog(self.window.profile, patient_id, parent=w)
        dialog.open()
        return dialog

    def _edit_referral(self, referral_id: str):
        from ui.patient.referral_dialog import ReferralDialog  # on first use

        view = self.page("referrals").service.get(referral_id)
        dialog = ReferralDialog(self.window.profile, view.patient_id, referral_id, parent=self.window)
        dialog.open()
        return dialog

    def _request_mdt(self, w: PatientWindow, patient_id: str):
        from ui.patient.mdt_dialog import MdtDialog  # on first use

        dialog = MdtDialog(self.window.profile, patient_id, w)
        dialog.open()
        return dialog

    def _schedule_followup(self, w: PatientWindow, patient_id: str):
        from ui.patient.schedule_dialog import ScheduleDialog  # on first use

        dialog = ScheduleDialog(self.window.profile, patient_id, w)
        dialog.open()
        return dialog

    def _book_exam(self, w: PatientWindow, patient_id: str):
        from ui.slots.book_dialog import BookExamDialog  # on first use

        dialog = BookExamDialog(self.window.profile, patient_id, w, w.view.patient_name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _data_changed(self, event) -> None:
        if event.tables & WORKLIST_TABLES:
            self.worklist_page.refresh()
        if "followups" in event.tables and "calendar" in self.built:
            self.built["calendar"].reload()
        if event.tables & DASHBOARD_TABLES and "dashboard" in self.built:
            self.built["dashboard"].mark_stale()
        for w in list(self.open_patients.values()):
            w.view.on_data_changed(event)
