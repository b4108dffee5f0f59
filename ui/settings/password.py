"""Settings ▸ Sync ▸ Change password…: the person's own password on the server, offered when
this desktop has a server and a user name, and — once signed in — the server answered the last
contact. Before the first sign-in it is how a one-time password (which may not sign in) is
changed: the change signs the desktop in, as a sign-in would, and the first sync follows.

The old password, the new one twice; the server checks the old one as a sign-in and the new
one against the policy (server/passwords.py), and a refusal says which rule failed. The
passwords live only in the fields and the one request (cleared after every try). On success
the offline unlock checks the new password from then on (app/unlock.py), as after a sign-in.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.problems import Problem
from app.sync.errors import SyncError
from app.unlock import UnlockGuard
from ui import problem_words
from ui.sync.words import failure_text

POLICY_CODES = ("password.too_short", "password.classes", "password.contains_username", "password.reused")


def refusal_text(exc: BaseException) -> str:
    """The rule that failed in a sentence; any other rules it failed too, named after it."""
    if not isinstance(exc, SyncError) or exc.code not in POLICY_CODES:
        return failure_text(exc)
    first = problem_words.words(Problem(exc.code, None, exc.params))
    others = [c for c in exc.params.get("problems") or () if c != exc.code and c in POLICY_CODES]
    return "\n".join([first, PasswordRuleWords().also(others)]) if others else first


class PasswordRuleWords(QObject):
    """Short names of the policy's rules, for the ones a refusal names after the first."""

    def also(self, codes: list[str]) -> str:
        names = {"password.too_short": self.tr("too short"),
                 "password.classes": self.tr("too few kinds of characters"),
                 "password.contains_username": self.tr("contains the login name"),
                 "password.reused": self.tr("used recently")}
        return self.tr("Also: {rules}.").format(rules=self.tr(", ").join(names[c] for c in codes))


class ChangePasswordDialog(QDialog):
    changed = Signal(object)  # the user (dict) the server signed in

    def __init__(self, controller, username: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller  # its run_network: the signed-in client, after any running sync
        self.username = username
        self._gone = False
        self.busy = False
        self.account = QLabel(username)
        self.old, self.new, self.again = QLineEdit(), QLineEdit(), QLineEdit()
        for field in (self.old, self.new, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(256)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.account, self.old, self.new, self.again)):
            label.setBuddy(field)
            form.addRow(label, field)
        self.policy = QLabel()
        self.policy.setWordWrap(True)
        self.policy.setStyleSheet("color: #666;")
        self.message = QLabel()
        self.message.setObjectName("password_message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.policy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.old.setFocus()
        self.retranslate()

    def submit(self) -> None:
        old, new, again = self.old.text(), self.new.text(), self.again.text()
        if not old or not new:
            self._say(self.tr("Enter your current password and the new one."), error=True)
            return
        if new != again:
            self.new.clear()
            self.again.clear()
            self._say(problem_words.words(Problem("password.mismatch")), error=True)
            self.new.setFocus()
            return
        self._busy(True)
        self._say(self.tr("Changing the password…"), error=False)
        profile, username = self.controller.profile, self.username

        def work(client):
            user = client.change_password(username, old, new)
            UnlockGuard(profile).set_password(new)  # the offline unlock follows the server
            return user

        self.controller.run_network(work, self._done, self._failed)

    def _done(self, user) -> None:
        if self._gone or not shiboken6.isValid(self):
            return
        self._busy(False)
        self._clear()
        self.changed.emit(user)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        if self._gone or not shiboken6.isValid(self):
            return
        self._busy(False)
        self._say(refusal_text(exc), error=True)
        if isinstance(exc, SyncError) and exc.code in POLICY_CODES:
            self.new.clear()
            self.again.clear()
            self.new.setFocus()
        else:
            self._clear()
            self.old.setFocus()

    def done(self, result: int) -> None:
        self._gone = True
        self._clear()
        if self.busy:
            self._busy(False)  # closed while the request was on its way: its answer is dropped
        super().done(result)

    def _clear(self) -> None:
        for field in (self.old, self.new, self.again):
            field.clear()

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()
        for widget in (self.old, self.new, self.again, self.buttons):
            widget.setEnabled(not busy)

    def _say(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c0392b;" if error else "color: #555;")
        self.message.show()
        self.adjustSize()  # a refusal of two lines must not overlap the buttons

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change password"))
        for label, text in zip(self.labels, (self.tr("Account:"), self.tr("&Current password:"),
                                             self.tr("&New password:"), self.tr("New password &again:"))):
            label.setText(text)
        self.policy.setText(self.tr("At least 8 characters, with three of: lower-case letters, capital letters, "
                                    "digits, other signs; not containing your login name; not one of your last "
                                    "five passwords."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PasswordChange(QObject):
    """Offers Change password… on the settings' Sync page when it can work, and opens it."""

    def __init__(self, window):
        super().__init__(window)
        self.dialog: ChangePasswordDialog | None = None
        window.settings_opened.connect(self.hook)

    @property
    def window(self):
        """The main window, through Qt's parent: an attribute would make a reference cycle that keeps
        a deleted window's Python wrapper alive until the garbage collector runs."""
        return self.parent()

    def controller(self):
        return getattr(getattr(getattr(self.window, "workspace", None), "sync", None), "controller", None)

    def available(self) -> bool:
        controller = self.controller()
        if controller is None or not controller.state.configured or not self.username():
            return False
        state = controller.state
        return state.online if state.signed_in else True  # not signed in: a one-time password, maybe

    def username(self) -> str:
        return (self.window.profile.settings.get("sync.username") or "").strip()

    def hook(self, settings_dialog) -> None:
        page = settings_dialog.pages["sync"]
        page.set_can_change_password(self.available())
        page.change_password_requested.connect(lambda: self.open(settings_dialog))
        controller = self.controller()
        if controller is not None:
            def update(_state):
                if shiboken6.isValid(page):
                    page.set_can_change_password(self.available())
            controller.state_changed.connect(update)

            def unhook():
                if shiboken6.isValid(controller):  # at exit the controller may be gone first
                    controller.state_changed.disconnect(update)
            settings_dialog.destroyed.connect(unhook)

    def open(self, parent=None) -> ChangePasswordDialog | None:
        if not self.available():
            return None
        dialog = ChangePasswordDialog(self.controller(), self.username(), parent or self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.changed.connect(self._changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _changed(self, user) -> None:
        sync = self.window.workspace.sync
        sync.signed_in.emit(user)  # as after a sign-in: who works here, the station's list of names
        self.window.retranslate()
        sd = self.window.settings_dialog
        if sd is not None:
            sd.pages["sync"].show_signed_in(self.username())
            sd.pages["sync"].password_changed()
        controller = self.controller()
        controller.apply_settings()  # a first sign-in arms the sync timer
        controller.sync_now()
