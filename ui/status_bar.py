"""The sync area of the status bar. Sync code drives it through set_state(); until a
server is configured it says the profile is offline and local. The 同步 button and a
click on the counts ask for a sync and for the list of waiting changes (signals)."""
from __future__ import annotations

from datetime import date
from datetime import datetime

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QToolButton
from PySide6.QtWidgets import QWidget

_DOT_COLOURS = {"online": "#2e8b57", "offline": "#8a8a8a", "error": "#c0392b"}


class SyncStatus(QWidget):
    sync_clicked = Signal()  # the 同步 button
    details_clicked = Signal()  # a click on the waiting / attention counts

    def __init__(self, is_demo: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.is_demo = is_demo
        self.online = False
        self.waiting = 0
        self.problems = 0
        self.busy = False
        self.note: str | None = None
        self.last_sync: datetime | None = None
        self.error: str | None = None
        self.dot = QLabel("●")
        self.state_label = QLabel()
        self.waiting_label = QLabel()
        self.problems_label = QLabel()
        self.problems_label.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.problems_label.hide()
        for label in (self.waiting_label, self.problems_label):
            label.setCursor(Qt.CursorShape.PointingHandCursor)
            label.installEventFilter(self)
        self.sync_button = QToolButton()
        self.sync_button.setEnabled(False)
        self.sync_button.clicked.connect(self.sync_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        layout.addWidget(self.state_label)
        layout.addSpacing(12)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.sync_button)
        self.retranslate()

    def set_state(self, online: bool, waiting: int, last_sync: datetime | None = None,
                  error: str | None = None, *, problems: int = 0, busy: bool = False,
                  note: str | None = None) -> None:
        """Show the sync lane's state; `error` (already worded for people) wins over the rest.
        `problems` counts conflicts and rejections; `note` explains an offline state."""
        self.online = online
        self.waiting = waiting
        self.last_sync = last_sync
        self.error = error
        self.problems = problems
        self.busy = busy
        self.note = note
        self.retranslate()

    def set_can_sync(self, can: bool) -> None:
        self.sync_button.setEnabled(can)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and watched in (self.waiting_label, self.problems_label):
            self.details_clicked.emit()
            return True
        return super().eventFilter(watched, event)

    def set_demo(self, is_demo: bool) -> None:
        self.is_demo = is_demo
        self.retranslate()

    def retranslate(self) -> None:
        if self.busy:
            kind = "online" if self.online else "offline"
            text = self.tr("Syncing…")
        elif self.error:
            kind = "error"
            text = self.tr("Sync failed · {error}").format(error=self.error)
        elif self.online:
            kind = "online"
            text = (self.tr("Online · last sync {time}").format(time=_when(self.last_sync))
                    if self.last_sync else self.tr("Online · not synced yet"))
        else:
            kind = "offline"
            if self.last_sync:
                text = self.tr("Offline · last sync {time}").format(time=_when(self.last_sync))
            elif self.is_demo:
                text = self.tr("Offline · local demo profile")
            else:
                text = self.tr("Offline · local profile")
        self.dot.setStyleSheet(f"color: {_DOT_COLOURS[kind]};")
        self.state_label.setText(text)
        self.state_label.setToolTip(self.error or self.note or "")
        self.waiting_label.setText(self.tr("{count} waiting").format(count=self.waiting))
        self.waiting_label.setToolTip(self.tr("Local changes not yet sent to the server"))
        self.problems_label.setText(self.tr("{count} need attention").format(count=self.problems))
        self.problems_label.setToolTip(self.tr("Conflicts and rejected changes: click to settle them"))
        self.problems_label.setVisible(self.problems > 0)
        self.sync_button.setText(self.tr("Sync"))
        self.sync_button.setToolTip(self.tr("Sync with the server now (F5)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _when(moment: datetime) -> str:
    return moment.strftime("%H:%M") if moment.date() == date.today() else moment.strftime("%Y-%m-%d %H:%M")


class IdentityStatus(QLabel):
    """Who is signed in at this desktop and at which station, beside the sync state.
    Follows the window's identity_changed (a sign-in, the first pull, a move between units)."""

    def __init__(self, identity=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.display_name = ""
        self.station_name = ""
        self.setContentsMargins(6, 0, 6, 0)
        if identity is not None:
            self.show_identity(identity)
        else:
            self.retranslate()

    def show_identity(self, identity) -> None:
        """`identity`: an app.identity.Identity or an app.events.IdentityChanged."""
        self.display_name = identity.display_name if identity.user_id else ""
        self.station_name = identity.station_name if identity.user_id else ""
        self.retranslate()

    def retranslate(self) -> None:
        if not self.display_name:
            self.setText(self.tr("Not signed in"))
        elif self.station_name:
            self.setText(self.tr("User: {name} · {station}").format(name=self.display_name, station=self.station_name))
        else:  # signed in; the station is known once the first sync brings the person's unit
            self.setText(self.tr("User: {name}").format(name=self.display_name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
