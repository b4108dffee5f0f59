"""A one-time password, shown once: readable, copyable, and gone when the dialog closes.

It is never written anywhere on this desktop. A copy left on the clipboard is cleared when
the dialog closes (if the clipboard still holds it)."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget


class OneTimePasswordDialog(QDialog):
    def __init__(self, username: str, password: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.username = username
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.password = QLineEdit(password)
        self.password.setObjectName("one_time_password")
        self.password.setReadOnly(True)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.font().pointSizeF() * 1.6)
        self.password.setFont(font)
        self.copy = QPushButton()
        self.copy.clicked.connect(self.copy_password)
        self.copied = QLabel()
        self.copied.setStyleSheet("color: #2e7d32;")
        self.copied.hide()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.copy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.copied)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.retranslate()

    def copy_password(self) -> None:
        QGuiApplication.clipboard().setText(self.password.text())
        self.copied.show()

    def done(self, result: int) -> None:
        clipboard = QGuiApplication.clipboard()
        if self.password.text() and clipboard.text() == self.password.text():
            clipboard.clear()
        self.password.clear()  # shown once: not even this dialog keeps it
        super().done(result)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("One-time password"))
        self.heading.setText(self.tr("One-time password for {username}:").format(username=self.username))
        self.copy.setText(self.tr("&Copy"))
        self.copied.setText(self.tr("Copied. The clipboard is cleared when this window closes."))
        self.note.setText(self.tr("It is shown only now and is not kept on this desktop. Give it to the person "
                                  "in private; they must change it when they first sign in."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
