"""Sign in to the server: user name and password, checked in the background.

The password lives only in the field and the one request; it is cleared after every
attempt and never stored (the sign-in keeps a refresh token in the OS keyring). A failure
is said in the dialog, under the fields: wrong password, locked account, no server.

A demo profile is refused by a real network's server before the password leaves
(app/sync/demo_guard.py); the dialog then offers a new, empty profile for that server and
starts CaseDesk again on it. The demo profile is left as it is.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtCore import QProcess
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import CaseDeskError
from app.problems import Problem
from app.sync import demo_guard
from app.sync.errors import SyncError
from ui import problem_words
from ui.sync.words import failure_text

PASSWORD_CHANGE_REQUIRED = "auth.password_change_required"  # server/auth.py

RESTART_DELAY_MS = 2500  # the person reads where the new profile is while CaseDesk starts on it


def restart_on(path: Path) -> bool:
    """Start CaseDesk on the profile at `path` and close this one (its windows close as at quit,
    so its profile closes cleanly). False when the new process could not start."""
    frozen = getattr(sys, "frozen", False)  # a packaged build is its own executable
    args = [*([] if frozen else ["-m", "app.launch"]), "--profile", str(path)]  # a checkout or an installed wheel
    started = QProcess.startDetached(sys.executable, args)
    if not (started[0] if isinstance(started, tuple) else started):
        return False
    QTimer.singleShot(RESTART_DELAY_MS, QApplication.closeAllWindows)
    return True


class LoginDialog(QDialog):
    signed_in = Signal(object)  # the user (dict) the server returned
    new_profile_made = Signal(object)  # the Path of an empty profile made for a real network

    def __init__(self, controller, url: str, username: str = "", parent: QWidget | None = None,
                 switch_to: Callable[[Path], bool] = restart_on):
        super().__init__(parent)
        self.controller = controller
        self.url = url
        self.switch_to = switch_to
        self._gone = False  # closed while a sign-in was on its way: its answer finds no dialog
        self.server = QLabel(url)
        self.server.setStyleSheet("color: #555;")
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("login_message")
        self.message.hide()
        self.new_profile = QPushButton()  # offered when a demo profile meets a real server
        self.new_profile.setObjectName("login_new_profile")
        self.new_profile.clicked.connect(self.make_new_profile)
        self.new_profile.hide()
        self.change_now = QPushButton()  # offered when the server says a one-time password must be changed
        self.change_now.setObjectName("login_change_password")
        self.change_now.clicked.connect(self.change_password_now)
        self.change_now.hide()
        self.password_dialog = None
        self.form = QFormLayout()
        self.server_label, self.user_label, self.password_label = QLabel(), QLabel(), QLabel()
        self.user_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        self.form.addRow(self.server_label, self.server)
        self.form.addRow(self.user_label, self.username)
        self.form.addRow(self.password_label, self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.new_profile)
        layout.addWidget(self.change_now)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()
        self.setMinimumWidth(440)
        self.retranslate()

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._say(self.tr("Enter your user name and password."), error=True)
            return
        self._busy(True)
        self._say(self.tr("Signing in…"), error=False)
        self.controller.sign_in(self.url, username, password, self._done, self._failed)

    def done(self, result: int) -> None:
        self._gone = True
        self.password.clear()
        super().done(result)

    def _done(self, user) -> None:
        if self._gone:
            return
        self.password.clear()
        self._busy(False)
        self.signed_in.emit(user)
        self.accept()  # after the emit: done() marks the dialog gone

    def _failed(self, exc: Exception) -> None:
        if self._gone:
            return
        self.password.clear()
        self._busy(False)
        demo_on_real = isinstance(exc, SyncError) and exc.code == demo_guard.REAL_SERVER
        must_change = isinstance(exc, SyncError) and exc.code == PASSWORD_CHANGE_REQUIRED
        if demo_on_real:
            text = problem_words.words(Problem("demo.real_server_offer", None, exc.params))
        elif must_change:
            text = problem_words.words(Problem("password.change_here"))
        else:
            text = failure_text(exc)
        self._say(text, error=True)
        self.new_profile.setVisible(demo_on_real)
        self.change_now.setVisible(must_change)
        self.password.setFocus()

    def change_password_now(self):
        """A one-time or expired password: changed here, and the change signs this desktop in
        (the server answers it as a sign-in), without going through the command line."""
        from ui.settings.password import ChangePasswordDialog  # local: the settings package imports this one

        username = self.username.text().strip()
        settings = self.controller.profile.settings
        settings.set("sync.server_url", self.url)  # this server and person, as a sign-in would keep them
        settings.set("sync.username", username)
        settings.save()
        dialog = ChangePasswordDialog(self.controller, username, self)
        dialog.changed.connect(self._password_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.password_dialog = dialog
        dialog.open()
        return dialog

    def _password_changed(self, user) -> None:
        self.change_now.hide()
        self._done(user)  # signed in: the same as after a sign-in with the new password
        self.controller.apply_settings()
        self.controller.sync_now()

    def make_new_profile(self) -> Path | None:
        """An empty profile beside the demo one, set up for this server, and CaseDesk on it."""
        try:
            path = demo_guard.new_profile_for(self.controller.profile, self.url, self.username.text())
        except CaseDeskError as exc:  # no keyring, an unwritable directory: said, nothing switched
            self._say(problem_words.say(exc), error=True)
            return None
        self.new_profile.hide()
        self.new_profile_made.emit(path)
        values = {"server": self.url, "path": str(path)}
        switched = self.switch_to(path)
        code = "demo.new_profile_ready" if switched else "demo.new_profile_start_by_hand"
        self._say(problem_words.words(Problem(code, None, values)), error=not switched)
        for widget in (self.username, self.password, self.buttons.button(QDialogButtonBox.StandardButton.Ok)):
            widget.setEnabled(False)  # this demo profile does not sign in here
        return path

    def _busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.buttons.button(QDialogButtonBox.StandardButton.Ok)):
            widget.setEnabled(not busy)

    def _say(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c0392b;" if error else "color: #555;")
        self.message.show()
        # A long message wraps onto more lines at the dialog's width: reserve them, then grow
        # the dialog downwards to show them all (a wrapped label's own size hint is too short).
        margins = self.layout().contentsMargins()
        self.message.setMinimumHeight(self.message.heightForWidth(self.width() - margins.left() - margins.right()))
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in to the server"))
        self.server_label.setText(self.tr("Server:"))
        self.user_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("&Password:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.new_profile.setText(self.tr("Start a new, empty profile for this server"))
        self.change_now.setText(self.tr("Change the password now…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
