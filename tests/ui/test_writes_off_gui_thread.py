"""A person's writes run off the GUI thread (issue 19 item 4): the window keeps painting
while a write waits, the person's input is held back meanwhile, and the caller gets the
result or the write's own error as from a direct call."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer

from app.errors import ValidationError
from app.problems import refuse
from ui.writes import BackgroundWrites
from ui.writes import run_off_gui_thread


class Slow:
    def __init__(self):
        self.threads: list[str] = []

    def save(self, value):
        self.threads.append(threading.current_thread().name)
        time.sleep(0.3)  # a write waiting for the database
        return value * 2

    def refuse(self):
        raise refuse("field.required", "title")

    def read(self):
        self.threads.append(threading.current_thread().name)
        return "read"


def test_the_window_keeps_running_while_a_write_waits(qapp):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    service = BackgroundWrites(Slow(), ["save", "refuse"])
    try:
        assert service.save(21) == 42
    finally:
        timer.stop()
    assert len(ticks) >= 5  # the event loop ran during the 300 ms write: no frozen window
    assert service.wrapped.threads == [service.wrapped.threads[0]] and service.wrapped.threads[0] != "MainThread"
    assert service.read() == "read" and service.wrapped.threads[-1] == "MainThread"  # reads stay direct


def test_the_writes_error_reaches_the_caller_as_itself(qapp):
    service = BackgroundWrites(Slow(), ["save", "refuse"])
    with pytest.raises(ValidationError) as exc:
        service.refuse()
    assert exc.value.field == "title"


def test_off_the_gui_thread_it_simply_runs(qapp):
    found = []
    worker = threading.Thread(target=lambda: found.append(run_off_gui_thread(lambda: threading.current_thread().name)))
    worker.start()
    worker.join()
    assert found == [worker.name]
