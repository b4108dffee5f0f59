"""The lock screen that replaces the window's contents while locked."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.sync.errors import DEVICE_REVOKED
from app.sync.errors import SyncError
from app.unlock import UnlockGuard
from app.unlock import UnlockRefused
from ui.problem_words import say

ERROR_STYLE = "color: #c62828;"


class LockScreen(QWidget):
    unlocked = Signal()
    switch_requested = Signal()  # someone else sits down (a shared desktop, ui/users/)
    # The server's check said an administrator withdrew this desktop: its profile is erased as a
    # sync would (ui/lock/guard.py hands it to the sync lane's erasure).
    withdrawn = Signal(object)

    def __init__(self, guard: UnlockGuard, user_name: str, parent=None, server_check=None):
        super().__init__(parent)
        self.guard = guard
        # () -> the server's password check, or None without a server (app/sync/service.py);
        # asked at each unlock, so the network code loads only when someone unlocks.
        self.server_check = server_check
        self.user_name = user_name
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setFixedWidth(280)
        self.password.returnPressed.connect(self.try_unlock)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.try_unlock)
        self.switch_button = QPushButton(self)
        self.switch_button.setFlat(True)
        self.switch_button.clicked.connect(self.switch_requested)
        self.switch_button.hide()  # shown only where there is someone to switch to
        # A fixed-width column in the middle: wrapped labels get the height they need only
        # when the layout, not an alignment flag, decides their width.
        column = QWidget(self)
        column.setFixedWidth(520)
        inner = QVBoxLayout(column)
        for w in (self.title, self.hint):
            inner.addWidget(w)
        inner.addWidget(self.password, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.error)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.retranslate()

    def reset(self) -> None:
        self.password.clear()
        self.error.clear()
        self.password.setVisible(self.guard.has_password())
        self.password.setFocus()

    def try_unlock(self) -> None:
        password = self.password.text()
        check = self.server_check() if self.server_check is not None and self.guard.has_password() else None
        if check is None:
            self._answer(lambda: self.guard.unlock(password))
            return
        # Online, the server has the last word on the password; that takes a round trip,
        # so it runs on the network lane while the screen says what it is doing.
        from ui.tasks import run_in_background
        self._busy(True)
        run_in_background(lambda: self.guard.unlock(password, server=check),
                          on_done=lambda _: self._finish(None), on_error=self._finish,
                          lane_name="network", owner=self)

    def _answer(self, attempt) -> None:
        try:
            attempt()
        except UnlockRefused as exc:
            self._finish(exc)
            return
        self._finish(None)

    def _finish(self, error) -> None:
        self._busy(False)
        if error is None:
            self.unlocked.emit()
            return
        self.password.clear()
        if isinstance(error, SyncError) and error.kind == DEVICE_REVOKED:
            self.withdrawn.emit(error)
            return
        self.error.setText(say(error))  # UnlockRefused, or what stopped the check, in words

    def _busy(self, busy: bool) -> None:
        self.password.setEnabled(not busy)
        self.button.setEnabled(not busy)
        self.error.setStyleSheet("color: #555;" if busy else ERROR_STYLE)  # a wait, not an error
        if busy:
            self.error.setText(self.tr("Checking your password with the server…"))
        else:
            self.error.clear()
            self.password.setFocus()

    def retranslate(self) -> None:
        self.title.setText(self.tr("CaseDesk is locked"))
        if self.guard.has_password():
            self.hint.setText(self.tr("Patient data is hidden. {name}, enter your password to continue.")
                              .format(name=self.user_name))
        else:
            self.hint.setText(self.tr("Patient data is hidden. This local demo profile has no password: "
                                      "sign in to a server (Settings → Sync) to protect it."))
        # Wrapped text in a centred column: reserve the height its lines need at that width.
        self.hint.setMinimumHeight(self.hint.heightForWidth(500))
        self.password.setPlaceholderText(self.tr("Password"))
        self.button.setText(self.tr("Unlock"))
        self.switch_button.setText(self.tr("Switch user…"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
