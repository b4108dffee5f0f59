"""A shared desktop's one open workstation, and handing it over to someone else.

Switching user hides every patient detail at once (the lock screen), lets background
work finish, and asks who comes next. Only once the next person's profile has opened
does the leaver's window close: its sync lane stops and its profile closes like at quit,
so their unsynced changes stay, untouched, in their own profile. The next person's
window starts locked when they have a password, so only they can open it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from app.identity import current_identity
from app.profile import Profile
from app.sync import service
from app.users import Station
from ui.app import ErrorReporter
from ui.app import build_workstation
from ui.app import close_workstation
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.tasks import wait_for_lanes
from ui.users.chooser_dialog import UserChooser

LANES_TIMEOUT_MS = 30_000


class DeskSession(QObject):
    def __init__(self, root: Path | Station, translations: Translations, report_error: ErrorReporter):
        super().__init__()
        self.station = root if isinstance(root, Station) else Station(root)
        self.translations = translations
        self.report_error = report_error
        self.window: MainWindow | None = None
        self.login: str | None = None  # whose window it is
        self.chooser: UserChooser | None = None  # while one is open (tests look at it)

    def start(self) -> MainWindow | None:
        """Ask who sits down and open their workstation; None if nobody was chosen."""
        last = self.station.last_user()
        profile, login = self._choose(select=last.login if last else None)
        if profile is None:
            return None
        return self._show(profile, login)

    def switch(self) -> MainWindow | None:
        """Hand the desktop over; the new window, or None (the leaver's stays, locked if it was)."""
        window = self.window
        lock = window.workspace.lock
        was_locked = lock.locked
        lock.lock()  # patient data out of sight before anything else
        wait_for_lanes(LANES_TIMEOUT_MS)
        counts = service.counts(window.profile)
        profile, login = self._choose(unsynced=counts.pending + counts.problems, parent=window)
        if profile is None:
            if not was_locked:
                lock.unlock()  # the person who asked changed their mind
            return None
        self._close_window()
        return self._show(profile, login)

    def close(self) -> None:
        """At quit: the current window's profile closes like any other."""
        if self.window is not None:
            self._close_window()

    # -- steps ------------------------------------------------------------------------

    def _choose(self, select: str | None = None, unsynced: int = 0, parent=None) -> tuple[Profile | None, str]:
        chooser = UserChooser(self.station, self.login, unsynced, parent)
        if select:
            chooser.reload(select=select)
        self.chooser = chooser
        try:
            accepted = chooser.exec() == UserChooser.DialogCode.Accepted
        finally:
            self.chooser = None
            chooser.deleteLater()
        return (chooser.profile if accepted else None), chooser.selected_login() or ""

    def _show(self, profile: Profile, login: str) -> MainWindow:
        window = build_workstation(profile, self.translations, report_error=self.report_error, demo=False)
        self.window, self.login = window, login
        self._add_switch(window)
        name = current_identity(profile).display_name
        if name:
            self.station.remember_name(login, name)
        else:  # not signed in yet: the lock screen still says whose desktop this is
            screen = window.workspace.lock.screen
            screen.user_name = self.station.get(login).label
            screen.retranslate()
        window.workspace.sync.signed_in.connect(
            lambda user: self.station.remember_name(login, user.get("display_name", "")))
        window.show()
        return window

    def _close_window(self) -> None:
        window, self.window, self.login = self.window, None, None
        app = QApplication.instance()
        keep = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # the next person's window is on its way
        try:
            if window.isVisible():
                window.close()  # the sync lane stops (SyncUi watches Close)
            close_workstation(window)  # lanes finish, idle watcher stops, the profile closes
        finally:
            app.setQuitOnLastWindowClosed(keep)
        window.deleteLater()  # with it every patient window it hid

    def _add_switch(self, window: MainWindow) -> None:
        window.switch_user = SwitchUserAction(window)
        window.switch_user.action.triggered.connect(self.switch)
        screen = window.workspace.lock.screen
        screen.switch_button.show()  # someone else can take over a locked desktop too
        screen.switch_requested.connect(self.switch)


class SwitchUserAction(QObject):
    """File ▸ Switch user (Ctrl+Alt+U), beside Lock now; its words follow the language."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence("Ctrl+Alt+U"))
        window.file_menu.insertAction(window.quit_action, self.action)
        window.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.action.setText(self.tr("S&witch user…"))
