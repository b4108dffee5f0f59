"""Sign in to the server: user name and password, checked in the background.

The password lives only in the field and the one request; it is cleared after every
attempt and never stored (the sign-in keeps a refresh token in the OS keyring). A failure
is said in the dialog, under the fields: wrong password, locked account, no server.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from ui.sync.words import failure_text


class LoginDialog(QDialog):
    signed_in = Signal(object)  # the user (dict) the server returned

    def __init__(self, controller, url: str, username: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.url = url
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
        self._say(failure_text(exc), error=True)
        self.password.setFocus()

    def _busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.buttons.button(QDialogButtonBox.StandardButton.Ok)):
            widget.setEnabled(not busy)

    def _say(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c0392b;" if error else "color: #555;")
        self.message.show()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in to the server"))
        self.server_label.setText(self.tr("Server:"))
        self.user_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("&Password:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
