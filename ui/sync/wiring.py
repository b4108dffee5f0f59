"""Puts the sync lane into the main window: F5 and the 同步 button, the status area, the
Sync menu (changes waiting, sign in), the first-sync progress window, and the Sign-in
button of Settings → Sync.

The status area is driven only from the controller's SyncState, so what it says is what
the lane knows: online or not, last success, changes waiting, what needs a person, and
any failure in words (ui/sync/words.py).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox

from app.problems import Problem
from app.sync import service
from ui import problem_words
from ui.sync.controller import SyncController
from ui.sync.controller import SyncState
from ui.sync.login_dialog import LoginDialog
from ui.sync.outbox_view import OutboxView
from ui.sync.progress_dialog import FirstSyncDialog
from ui.sync.words import failure_text
from ui.sync.words import kind_text

log = logging.getLogger(__name__)


class SyncUi(QObject):
    signed_in = Signal(object)  # the user the server returned

    def __init__(self, window, cycle=None, debounce_ms: int | None = None):
        """`cycle` replaces the real client's cycle in unit tests only (see SyncController)."""
        super().__init__(window)
        self.window = window
        self.profile = window.profile
        kwargs = {} if debounce_ms is None else {"debounce_ms": debounce_ms}
        self.controller = SyncController(self.profile, window.events, cycle=cycle, parent=self, **kwargs)
        self.outbox_view: OutboxView | None = None
        self.first_sync: FirstSyncDialog | None = None
        self.login: LoginDialog | None = None
        self.outbox_action = QAction(window)
        self.outbox_action.triggered.connect(self.open_outbox)
        self.sign_in_action = QAction(window)
        self.sign_in_action.triggered.connect(lambda: self.open_login())
        window.sync_menu.addSeparator()
        window.sync_menu.addAction(self.outbox_action)
        window.sync_menu.addAction(self.sign_in_action)
        status = window.sync_status
        status.sync_clicked.connect(self.controller.sync_now)
        status.details_clicked.connect(self.open_outbox)
        window.sync_requested.connect(self.controller.sync_now)
        window.settings_opened.connect(self._hook_settings)
        c = self.controller
        c.state_changed.connect(self.show_state)
        c.cycle_started.connect(self._cycle_started)
        c.withdrawn.connect(self._withdrawn)
        c.cycle_finished.connect(self._cycle_finished)
        self.erased_notice: QMessageBox | None = None  # what the person is told after an erasure
        self.rewind_notice: QMessageBox | None = None  # the server was restored from a backup
        window.installEventFilter(self)  # LanguageChange and Close reach us through the window
        self.retranslate()
        c.publish()
        c.start_soon()

    # -- status -----------------------------------------------------------------------------

    def show_state(self, state: SyncState) -> None:
        status = self.window.sync_status
        error, note = None, None
        if state.problem in (service.OFFLINE, service.TIMEOUT):
            note = failure_text(state.error) if state.error is not None else kind_text(state.problem)
        elif state.problem:
            error = failure_text(state.error) if state.error is not None else kind_text(state.problem)
        elif state.configured and not state.signed_in:
            error = kind_text(service.SIGNED_OUT)
        status.set_state(state.online, state.counts.pending, state.last_success, error,
                         problems=state.counts.problems, busy=state.busy, note=note)
        status.set_can_sync(state.configured and not state.busy)
        if state.password_expires_in_days is not None and not error:
            # the status bar has no place of its own for it: beside the state, and as its tooltip
            warning = problem_words.words(Problem("password.expires_soon", None,
                                                  {"days": state.password_expires_in_days}))
            status.state_label.setText(f"{status.state_label.text()} · {warning}")
            status.state_label.setToolTip(warning)

    def _cycle_finished(self, report) -> None:
        """The one notice after a restored server: what this desktop sent again (app/sync/rewind.py).
        Non-modal: work goes on, and nothing was lost."""
        resent = getattr(report, "resent", None)
        if resent is None:
            return
        text = problem_words.words(Problem("restore.history_rewound", None, {"resent": resent}))
        if self.rewind_notice is not None:
            self.rewind_notice.setText(text)
            return
        box = QMessageBox(QMessageBox.Icon.Information, "CaseDesk", text, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setObjectName("rewindNotice")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: setattr(self, "rewind_notice", None))
        self.rewind_notice = box
        box.open()

    # -- a withdrawn desktop ----------------------------------------------------------------

    def _withdrawn(self, _exc) -> None:
        """An administrator withdrew this desktop: patient data out of sight (lock screen), the
        window and its profile closed, the profile erased (a station's other people untouched),
        and only then the person told why. The application ends when they close the message."""
        from ui.app import close_workstation  # local: ui.app builds the window this is part of

        window, profile = self.window, self.profile
        workspace = getattr(window, "workspace", None)
        if workspace is not None:
            workspace.lock.lock()
        app = QApplication.instance()
        keep = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # the message still has to be shown
        window.close()
        close_workstation(window)  # lanes finish, the idle watcher stops, the profile closes
        try:
            problem = service.erase_withdrawn(profile)
            text = problem_words.words(problem)
        except Exception as exc:  # noqa: BLE001 - the person must still hear what happened
            log.error("erasing the withdrawn profile failed: %r", exc)
            text = "\n\n".join([kind_text(service.DEVICE_REVOKED), failure_text(exc)])
        box = QMessageBox(QMessageBox.Icon.Warning, "CaseDesk", text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._after_notice(keep))
        self.erased_notice = box
        box.show()

    def _after_notice(self, keep: bool) -> None:
        app = QApplication.instance()
        app.setQuitOnLastWindowClosed(keep)
        self.erased_notice = None
        if keep and not any(w.isVisible() for w in app.topLevelWidgets()):
            app.quit()

    # -- first sync -------------------------------------------------------------------------

    def _cycle_started(self, first: bool, resume_from: int) -> None:
        if not first:
            return
        if self.first_sync is None:
            dialog = FirstSyncDialog(self.window)
            c = self.controller
            c.progress.connect(dialog.on_progress)
            c.cycle_finished.connect(dialog.on_finished)
            c.cycle_failed.connect(dialog.on_failed)
            dialog.retry_requested.connect(c.sync_now)
            self.first_sync = dialog
        self.first_sync.begin(resume_from)
        if self.controller.manual or not self.first_sync.hidden_by_person:
            self.first_sync.show()  # automatic retries do not pop it up again once hidden

    # -- dialogs ----------------------------------------------------------------------------

    def open_outbox(self) -> OutboxView:
        if self.outbox_view is None:
            self.outbox_view = OutboxView(self.profile, self.controller, self.window)
        self.outbox_view.reload()
        self.outbox_view.show()
        self.outbox_view.raise_()
        return self.outbox_view

    def open_login(self, url: str | None = None, username: str | None = None, parent=None) -> LoginDialog | None:
        url = url if url is not None else service.server_url(self.profile)
        if not url:
            self.window.open_settings().show_page("sync")
            return None
        username = username if username is not None else self.profile.settings.get("sync.username")
        dialog = LoginDialog(self.controller, url, username, parent or self.window)
        dialog.signed_in.connect(self._signed_in)
        dialog.finished.connect(dialog.deleteLater)
        self.login = dialog
        dialog.open()
        return dialog

    def _signed_in(self, user) -> None:
        # Pages follow who works here through the window's identity_changed (published by the
        # sign-in itself, app/identity.py); this signal carries the server's answer to listeners
        # that want it (the station desktop remembers the person's name).
        self.signed_in.emit(user)
        self.window.retranslate()  # "Sync now" is enabled once a server is known
        settings_dialog = self.window.settings_dialog
        if settings_dialog is not None:
            settings_dialog.pages["sync"].url.setText(service.server_url(self.profile))
            settings_dialog.pages["sync"].show_signed_in(self.profile.settings.get("sync.username"))

    def _hook_settings(self, dialog) -> None:
        page = dialog.pages["sync"]
        page.sign_in_requested.connect(lambda url, user: self.open_login(url, user, dialog))
        dialog.saved.connect(self.controller.apply_settings)

    # -- window events ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Close:
                self.controller.shutdown()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.outbox_action.setText(self.tr("Changes &waiting…"))
        self.sign_in_action.setText(self.tr("Sign &in to the server…"))
        self.show_state(self.controller.state)
