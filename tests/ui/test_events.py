"""The event adapter: app events from any thread arrive on the GUI thread, bursts collapsed."""
from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from app.events import DataChanged
from app.events import EventBus
from ui.events import EventBridge


def test_burst_from_threads_collapses_into_one_signal(qtbot):
    bus = EventBus()
    bridge = EventBridge(bus, interval_ms=50)
    received = []
    bridge.data_changed.connect(lambda event: received.append((event, QThread.currentThread())))

    def publish(table):
        for i in range(200):
            bus.publish(DataChanged(frozenset({table}), frozenset({f"{table}-{i}"})))

    threads = [threading.Thread(target=publish, args=(t,)) for t in ("patient", "follow_up", "referral")]
    with qtbot.waitSignal(bridge.data_changed, timeout=5000):
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    qtbot.wait(150)  # nothing more may trickle in after the tick
    assert len(received) == 1
    event, thread = received[0]
    assert event.tables == {"patient", "follow_up", "referral"}
    assert len(event.row_ids) == 600
    assert thread is bridge.thread()
    bridge.close()


def test_other_events_pass_through_in_order_and_close_unsubscribes(qtbot):
    bus = EventBus()
    bridge = EventBridge(bus, interval_ms=10)
    received = []
    bridge.other_event.connect(received.append)
    with qtbot.waitSignal(bridge.other_event, timeout=2000):
        bus.publish("first")
        bus.publish("second")
    qtbot.waitUntil(lambda: len(received) == 2)
    assert received == ["first", "second"]
    bridge.close()
    bus.publish("after close")
    qtbot.wait(50)
    assert received == ["first", "second"]
