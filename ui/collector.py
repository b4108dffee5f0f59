"""Python's cyclic garbage collector, run on the GUI thread only.

Automatic collections run in whichever thread happens to allocate: a sync, a write or an
import thread. One that frees a cycle holding a Qt object there destroys the object outside
the thread that owns it, and Qt crashes (app/gc_policy.py). So the workstation turns the
automatic collector off and collects from a timer on the GUI thread, at the same thresholds
(gc_policy.collect_due). Only cycles wait for the timer; everything else is freed at once.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer

from app import gc_policy

INTERVAL_MS = 500  # a sync thread's cycles wait at most this long (and the window never notices)


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(gc_policy.collect_due)
        self.timer.start()


def install(app: QObject) -> GuiThreadCollector:
    """Turn the automatic collector off; the application's timer (its child, made once)
    collects instead."""
    gc.disable()
    found = app.findChild(GuiThreadCollector)
    return found if isinstance(found, GuiThreadCollector) else GuiThreadCollector(app)
