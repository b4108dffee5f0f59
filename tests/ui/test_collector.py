"""The workstation collects garbage on its GUI thread only (ui/collector.py): a cycle that
becomes garbage while a sync thread allocates is freed on the GUI thread, not in that thread,
where freeing a Qt object crashes Qt."""
from __future__ import annotations

import gc
import threading

from ui import collector
from ui.app import create_application


class _Cycle:
    def __init__(self, freed_on: list):
        self.me, self.freed_on = self, freed_on

    def __del__(self):
        self.freed_on.append(threading.current_thread() is threading.main_thread())


def test_a_cycle_made_garbage_while_a_worker_thread_allocates_is_freed_on_the_gui_thread(qtbot, qapp):
    gc.enable()  # as in a process before the workstation starts (tests/conftest.py turns it off)
    app = create_application()
    assert not gc.isenabled()
    assert collector.install(app) is collector.install(app)  # one timer per application
    freed_on: list = []
    before = gc.get_threshold()
    gc.collect()
    try:
        gc.set_threshold(1_000, 10, 10)  # due after a thousand allocations, not fifty thousand
        _Cycle(freed_on)

        page: list = []

        def sync_thread():  # a page of rows held: far more allocations than the threshold
            page.extend([i] for i in range(20_000))

        worker = threading.Thread(target=sync_thread)
        worker.start()
        worker.join()
        assert freed_on == []  # nothing collected in the worker thread
        qtbot.waitUntil(lambda: freed_on != [], timeout=collector.INTERVAL_MS * 4)
        assert freed_on == [True]  # ... but by the timer, on the GUI thread
        page.clear()
    finally:
        gc.set_threshold(*before)
