"""One patient: the header facts, an action bar, the quick-add editor and the timeline.

Constructing the view opens the patient through `PatientService.open`, which audits the
read; later refreshes use the unaudited `header()` so a sync pull does not log a read
nobody made. The workflow actions (change stage, follow-up, referral, MDT, letter) are
here as attributes for later issues to connect; until then they show, disabled.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolBar
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import ValidationError
from app.events import DataChanged
from app.households import HouseholdService
from app.patients import PatientService
from app.tasks import TaskService
from ui.icons import event_icon
from ui.patient.header import PatientHeaderPanel
from ui.patient.household_panel import HouseholdPanel
from ui.patient.note_editor import NoteEditor
from ui.patient.tasks_panel import TasksPanel
from ui.patient.timeline import TimelinePanel
from ui.writes import off_gui_thread

log = logging.getLogger(__name__)

# Tables whose changes can alter what this view shows.
WATCHED_TABLES = frozenset({"patients", "cases", "timeline_events", "users", "org_units", "tasks", "followups",
                            "households", "household_members"})


class PatientView(QWidget):
    def __init__(self, service: PatientService, patient_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.patient_id = patient_id
        header = service.open(patient_id)  # the one audited read; raises if the patient is gone
        self.patient_name = header.name
        self._header = header

        self.action_add_note = self._action("note", QKeySequence("Ctrl+N"))
        self.action_add_note.triggered.connect(lambda: self.start_note("note"))
        self.action_add_call = self._action("call", QKeySequence("Ctrl+L"))
        self.action_add_call.triggered.connect(self.record_call)
        self.action_edit_details = QAction(self)  # text only: the tiles stand for timeline event types
        self.action_edit_details.triggered.connect(self.edit_details)
        self.action_assess_risk = QAction(self)  # the risk questionnaire (ui/patient/risk_dialog.py)
        self.action_assess_risk.triggered.connect(self.assess_risk)
        self.action_change_stage = self._action("stage", enabled=False)
        self.action_schedule_followup = self._action("followup", enabled=False)
        self.action_new_referral = self._action("referral", enabled=False)
        self.action_request_mdt = self._action("mdt", enabled=False)
        self.action_print_letter = self._action("letter", enabled=False)
        self.action_book_exam = self._action("exam", enabled=False)  # the slot pool (ui/slots)
        self.toolbar = QToolBar()
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.action_add_note, self.action_add_call, self.action_edit_details,
                                 self.action_assess_risk])
        self.toolbar.addSeparator()
        self.toolbar.addActions(self.later_actions())

        # Children made with their parent, not re-parented by the layout: moving a filled
        # timeline into this window re-laid out all its rows (~40 ms for 500 events).
        self.header = PatientHeaderPanel(self)
        self.header.set_header(header)
        self.header.reveal_requested.connect(self._reveal)
        self.editor = NoteEditor(self._submit_note, self)
        self.editor.saved.connect(self._on_note_saved)
        self.editor.closed.connect(lambda: self.timeline.tree.setFocus())
        self.timeline = TimelinePanel(service, patient_id, self)
        self.tasks = TasksPanel(off_gui_thread(TaskService(service.store)), patient_id, self._open_cases, self)
        self.household = HouseholdPanel(off_gui_thread(HouseholdService(service.store)), patient_id, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.header)
        layout.addWidget(self.tasks)
        layout.addWidget(self.household)
        layout.addWidget(self.editor)
        layout.addWidget(self.timeline, 1)
        self.retranslate()

    def _action(self, kind: str, shortcut: QKeySequence | None = None, enabled: bool = True) -> QAction:
        action = QAction(event_icon(kind), "", self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            # Only while focus is in this view, so other views may bind the same keys.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        action.setEnabled(enabled)
        return action

    def later_actions(self) -> list[QAction]:
        return [self.action_change_stage, self.action_schedule_followup, self.action_new_referral,
                self.action_request_mdt, self.action_print_letter, self.action_book_exam]

    # -- quick add -------------------------------------------------------------------

    def start_note(self, kind: str) -> None:
        self.editor.start(kind)

    def _submit_note(self, text: str, kind: str) -> str:
        return self.service.add_note(self.patient_id, text, kind=kind)

    def _on_note_saved(self, event_id: str, kind: str) -> None:
        self.timeline.show_kind(kind)  # a hidden type would hide the note just written
        self.timeline.refresh()
        self.timeline.select(event_id)

    def edit_details(self):
        """Phone, address, community, family doctor: the registration checks (app/registration.py)."""
        from app.registration import Registration
        from ui.patient.register_dialog import RegisterDialog  # on first use

        dialog = RegisterDialog(off_gui_thread(Registration(self.service.store)), self.patient_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def assess_risk(self):
        from ui.patient.risk_dialog import open_for  # on first use

        return open_for(self)

    def _open_cases(self) -> list[tuple[str, str]]:
        return [(c.case_id, c.cancer_type) for c in self._header.cases if not c.closed]

    # -- refresh ---------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            header = self.service.header(self.patient_id)
        except ValidationError:
            # Deleted or moved out of scope by a sync pull: keep what was shown, allow nothing.
            log.info("patient %s is no longer available", self.patient_id)
            self.setEnabled(False)
            return
        self.patient_name = header.name
        self.header.set_header(header)  # connected once, in __init__
        self._header = header
        self.tasks.refresh()
        self.household.refresh()
        self.timeline.refresh()
        self.retranslate()

    def on_data_changed(self, event: DataChanged) -> None:
        """Connect to ui.events.EventBridge.data_changed (already collapsed per tick)."""
        if event.tables & WATCHED_TABLES:
            self.refresh()

    # -- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("{name} — Patient").format(name=self.patient_name))
        self.toolbar.setWindowTitle(self.tr("Patient actions"))
        self.action_add_note.setText(self.tr("Add note"))
        self.action_add_note.setToolTip(self.tr("Add a note to the timeline (Ctrl+N)"))
        self.action_add_call.setText(self.tr("Phone call"))
        self.action_add_call.setToolTip(self.tr("Record a phone call (Ctrl+L)"))
        # Context RegisterDialog: the words live in that feature's catalogue (casedesk_register_zh_CN.ts).
        self.action_edit_details.setText(QCoreApplication.translate("RegisterDialog", "Edit details…"))
        self.action_edit_details.setToolTip(QCoreApplication.translate(
            "RegisterDialog", "Change the phone, address, community or family doctor"))
        self.action_assess_risk.setText(QCoreApplication.translate("RiskDialog", "Risk assessment…"))
        self.action_assess_risk.setToolTip(QCoreApplication.translate(
            "RiskDialog", "Assess this patient's risk for a screening programme"))
        later = self.tr("Comes with a later update.")
        for action, text in ((self.action_change_stage, self.tr("Change stage")),
                             (self.action_schedule_followup, self.tr("Schedule follow-up")),
                             (self.action_new_referral, self.tr("New referral")),
                             (self.action_request_mdt, self.tr("Request MDT")),
                             (self.action_print_letter, self.tr("Print letter")),
                             (self.action_book_exam, self.tr("Book an exam"))):
            action.setText(text)
            action.setToolTip(text if action.isEnabled() else f"{text} — {later}")

    def _reveal(self, field: str) -> None:
        self.header.show_revealed(field, self.service.reveal(self.patient_id, field))

    def connect_action(self, action, handler) -> None:
        """A later feature takes over one of the action bar's placeholders."""
        action.setEnabled(True)
        action.triggered.connect(handler)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def record_call(self):
        """The call dialog (app/calls.py): an outcome, not free text. The pathway rules are the
        profile's when a window above this view holds one, else the bundled ones."""
        from app.calls import CallService
        from ui.patient.call_dialog import CallDialog  # on first use

        widget, profile = self.parentWidget(), None
        while widget is not None and profile is None:
            profile = getattr(widget, "profile", None)
            widget = widget.parentWidget()
        service = off_gui_thread(CallService.for_profile(profile) if profile is not None else CallService(self.service.store))
        dialog = CallDialog(service, self.patient_id, self, self.patient_name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_note_saved(dialog.result_call.event_id, "call"))
        dialog.open()
        return dialog
