"""Puts the lock screen over the main window and hides every patient window while locked."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStackedWidget

from app.unlock import UnlockGuard
from ui.lock.idle import IdleWatcher
from ui.lock.screen import LockScreen


def _password_check(profile):
    from app.sync.service import password_check  # local: network code loads on first unlock
    return password_check(profile)


class WindowLock(QObject):
    minute_ms = 60_000  # the idle setting's unit (tests shorten it to see a lock happen)

    def __init__(self, window, user_name: str, patient_windows):
        super().__init__(window)
        self.window = window
        self.patient_windows = patient_windows  # callable: the open patient windows
        self.guard = UnlockGuard(window.profile)
        self.stack = QStackedWidget()
        self.content = window.takeCentralWidget()
        self.screen = LockScreen(self.guard, user_name, server_check=lambda: _password_check(window.profile))
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.screen)
        window.setCentralWidget(self.stack)
        self.screen.unlocked.connect(self.unlock)
        self.screen.withdrawn.connect(self._withdrawn)
        self.idle = IdleWatcher(self.idle_ms(), self)
        self.idle.idle.connect(self.lock)
        window.settings_applied.connect(self._settings_applied)  # a new idle time counts at once
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence("Ctrl+Alt+L"))
        self.action.triggered.connect(self.lock)
        window.file_menu.insertAction(window.quit_action, self.action)
        self._hidden: list = []
        window.installEventFilter(self)  # the action's text follows language switches
        self.retranslate()

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    @property
    def locked(self) -> bool:
        return self.stack.currentWidget() is self.screen

    def lock(self) -> None:
        if self.locked:
            return
        self._hidden = [w for w in self.patient_windows() if w.isVisible()]
        for w in self._hidden:
            w.hide()
        self.screen.reset()
        self.stack.setCurrentWidget(self.screen)
        self.window.menuBar().setEnabled(False)

    def unlock(self) -> None:
        self.stack.setCurrentWidget(self.content)
        self.window.menuBar().setEnabled(True)
        for w in self._hidden:
            w.show()
        self._hidden = []
        self.idle.set_timeout(self.idle_ms())

    def idle_ms(self) -> int:
        return self.window.profile.settings.get("security.idle_lock_minutes") * self.minute_ms

    def _settings_applied(self) -> None:
        if not self.locked:  # while locked the time starts again at unlock
            self.idle.set_timeout(self.idle_ms())

    def _withdrawn(self, exc) -> None:
        """The server's password check said this desktop was withdrawn: the same erasure as when
        a sync hears it (ui/sync/wiring.py SyncUi._withdrawn, through the sync lane's signal),
        so the window closes, the profile goes and the person is told why, once."""
        sync = getattr(getattr(self.window, "workspace", None), "sync", None)
        if sync is None:
            return  # no sync lane (a window built without its workspace): nothing to erase with
        controller = sync.controller
        controller.shutdown()  # no cycle may start on a profile about to go
        controller.withdrawn.emit(exc)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Lock now"))
