"""Watches the whole application for input; says `idle` after the configured quiet time."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication

ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
            QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.idle)
        self.set_timeout(timeout_ms)
        QApplication.instance().installEventFilter(self)

    def set_timeout(self, timeout_ms: int) -> None:
        self.timer.setInterval(max(1, timeout_ms))
        self.timer.start()

    def eventFilter(self, obj, event) -> bool:
        if event.type() in ACTIVITY:
            self.timer.start()  # restart: any input counts as presence
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
