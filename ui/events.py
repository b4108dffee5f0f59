"""Re-emits app/ events as Qt signals on the GUI thread, a burst collapsed into one.

app/ publishes plain events on whatever thread made the change (a sync worker, an
import). Listeners here only record what changed and poke a timer; the timer fires on
the GUI thread and emits once for everything gathered since, so a pull of 5,000 rows
refreshes a view once, not 5,000 times.

A window has ONE bridge (MainWindow.events); its pages subscribe to it rather than making
their own, so a change costs one hop to the GUI thread, not one per page.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal

from app.events import DataChanged
from app.events import EventBus
from app.events import IdentityChanged

COLLAPSE_MS = 100


class EventBridge(QObject):
    data_changed = Signal(object)  # one merged app.events.DataChanged per timer tick
    identity_changed = Signal(object)  # the latest app.events.IdentityChanged of the tick
    other_event = Signal(object)  # any other app event, in order, also batched per tick
    _poke = Signal()  # emitted on any thread, delivered on ours (queued across threads)

    def __init__(self, bus: EventBus, parent: QObject | None = None, interval_ms: int = COLLAPSE_MS):
        super().__init__(parent)
        self._lock = threading.Lock()
        self._tables: set[str] = set()
        self._row_ids: set[str] = set()
        self._others: list[object] = []
        self._identity: IdentityChanged | None = None
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._flush)
        self._poke.connect(self._timer.start)
        self._unsubscribe = bus.subscribe(self._on_event)

    def close(self) -> None:
        """Stop listening; call before the window goes so the bus holds no dead slot."""
        self._unsubscribe()
        self._timer.stop()

    def _on_event(self, event: object) -> None:
        # Runs on the publishing thread: touch no widget, only the pending set.
        with self._lock:
            if isinstance(event, DataChanged):
                self._tables |= event.tables
                self._row_ids |= event.row_ids
            elif isinstance(event, IdentityChanged):
                self._identity = event  # only who it is now matters
            else:
                self._others.append(event)
            first = not self._pending
            self._pending = True
        if first:
            self._poke.emit()

    def _flush(self) -> None:
        with self._lock:
            tables, row_ids, others, identity = self._tables, self._row_ids, self._others, self._identity
            self._tables, self._row_ids, self._others, self._identity = set(), set(), [], None
            self._pending = False
        if identity is not None:  # first: pages refreshing for the data below already ask as the new person
            self.identity_changed.emit(identity)
        if tables:
            self.data_changed.emit(DataChanged(frozenset(tables), frozenset(row_ids)))
        for event in others:
            self.other_event.emit(event)
