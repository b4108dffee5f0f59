"""One helper for background work: run `fn` off the GUI thread, get the result back on it.

Workers never touch widgets; `on_done`/`on_error` run on the GUI thread (queued signal).
Database work and network work use separate pools ("lanes") so a slow server never
delays a worklist query.
"""
from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtCore import QRunnable
from PySide6.QtCore import QThreadPool
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot

_LANES: dict[str, QThreadPool] = {}


def lane(name: str) -> QThreadPool:
    if name not in _LANES:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)  # one at a time per lane: SQLite has one writer anyway
        _LANES[name] = pool
    return _LANES[name]


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted by a worker reach its slots queued."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done, on_error, owner=None):
        super().__init__()
        self._on_done, self._on_error, self._owner = on_done, on_error, owner
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    def _owner_gone(self) -> bool:
        return self._owner is not None and not shiboken6.isValid(self._owner)

    @Slot(object)
    def _deliver_done(self, result) -> None:
        _live.discard(self)
        if not self._owner_gone():  # the page that asked was closed meanwhile
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, exc) -> None:
        _live.discard(self)
        if not self._owner_gone():
            self._on_error(exc)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - reported to the GUI thread, never swallowed
            exc.traceback_text = traceback.format_exc()
            self._deliver(self.relay.failed, exc)
        else:
            self._deliver(self.relay.done, result)

    @staticmethod
    def _deliver(signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            pass  # the application is shutting down and its objects are gone: nobody is waiting


_live: set[_Relay] = set()


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None] | None = None,
                      lane_name: str = "db", owner=None) -> None:
    """`owner`: the widget the answer is for; if it is gone by then, the answer is dropped."""
    relay = _Relay(on_done, on_error or _report, owner)
    _live.add(relay)  # keep the relay alive until it has delivered
    lane(lane_name).start(_Job(fn, relay))


def _report(exc: Exception) -> None:
    """Nobody asked for this failure: it goes to the log and to the person (ui/crash.py)."""
    from ui import crash

    crash.report(exc)


def wait_for_lanes(msecs: int = 5000) -> None:
    for pool in _LANES.values():
        pool.waitForDone(msecs)
