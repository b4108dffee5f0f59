"""The menu entry File ▸ Administration…: shown only to an administrator whose desktop is
online (the server answered the last contact), so nobody is offered what would be refused.
The server still decides (403 auth.admin_only)."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction

from app.identity import current_identity
from db.models.enums import Role


class AdminEntry(QObject):
    def __init__(self, window, menu):
        super().__init__(window)
        self.dialog = None
        self.hooked = None  # the controller whose state is followed
        self.action = QAction(window)
        self.action.setVisible(False)
        self.action.triggered.connect(self.open)
        before = next((a for a in menu.actions() if a.isSeparator()), None)  # beside Settings
        menu.insertAction(before, self.action)
        menu.aboutToShow.connect(self.refresh)
        window.installEventFilter(self)
        self.retranslate()
        QTimer.singleShot(0, self, self.refresh)  # bound to the entry: dropped if it is gone; the workspace (and its sync lane) is built after the window

    @property
    def window(self):
        """The main window, through Qt's parent: an attribute would make a reference cycle that keeps
        a deleted window's Python wrapper alive until the garbage collector runs."""
        return self.parent()

    def controller(self):
        workspace = getattr(self.window, "workspace", None)
        sync = getattr(workspace, "sync", None)
        controller = getattr(sync, "controller", None)
        if controller is not None and controller is not self.hooked:
            self.hooked = controller
            controller.state_changed.connect(lambda _state: self.refresh())
        return controller

    def available(self) -> bool:
        controller = self.controller()
        if controller is None or not controller.state.online or not controller.state.signed_in:
            return False
        return current_identity(self.window.profile).role == Role.ADMIN.value

    def refresh(self) -> bool:
        shown = self.available()
        self.action.setVisible(shown)
        return shown

    def open(self):
        from ui.admin.dialog import AdminDialog  # on first use

        if not self.refresh():
            return None
        if self.dialog is None:
            self.dialog = AdminDialog(self.controller(), self.window)
            self.dialog.finished.connect(self._closed)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _closed(self, _result) -> None:
        self.dialog.deleteLater()
        self.dialog = None

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Administration…"))
