"""The sync area of the status bar. Sync code drives it through set_state(); until a
server is configured it says the profile is offline and local."""
from __future__ import annotations

from datetime import date
from datetime import datetime

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QWidget

_DOT_COLOURS = {"online": "#2e8b57", "offline": "#8a8a8a", "error": "#c0392b"}


class SyncStatus(QWidget):
    def __init__(self, is_demo: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.is_demo = is_demo
        self.online = False
        self.waiting = 0
        self.last_sync: datetime | None = None
        self.error: str | None = None
        self.dot = QLabel("●")
        self.state_label = QLabel()
        self.waiting_label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        layout.addWidget(self.state_label)
        layout.addSpacing(12)
        layout.addWidget(self.waiting_label)
        self.retranslate()

    def set_state(self, online: bool, waiting: int, last_sync: datetime | None = None,
                  error: str | None = None) -> None:
        """Show the sync lane's state; `error` (already worded for people) wins over the rest."""
        self.online = online
        self.waiting = waiting
        self.last_sync = last_sync
        self.error = error
        self.retranslate()

    def set_demo(self, is_demo: bool) -> None:
        self.is_demo = is_demo
        self.retranslate()

    def retranslate(self) -> None:
        if self.error:
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
        self.state_label.setToolTip(self.error or "")
        self.waiting_label.setText(self.tr("{count} waiting").format(count=self.waiting))
        self.waiting_label.setToolTip(self.tr("Local changes not yet sent to the server"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _when(moment: datetime) -> str:
    return moment.strftime("%H:%M") if moment.date() == date.today() else moment.strftime("%Y-%m-%d %H:%M")
