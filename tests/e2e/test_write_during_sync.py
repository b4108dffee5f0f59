"""A person's write during a first sync is not held behind it (issue 19 item 4): the pull
writes its pages in slices and, between slices, commits and steps aside for a waiting write
(db/lane.py). Before, the write waited in SQLite's busy handler for the pull's whole
transaction (up to 5 s, then failed) while the window froze.

The wall-clock bound here is loose (these machines are noisy); the figure itself is
`bench sync`'s edit_during_sync_p99_ms."""
from __future__ import annotations

import threading
import time

from app.sync import local
from db.lane import lane_for
from db.models import AuditEntry


def test_writes_during_a_first_sync_go_between_its_slices(fleet, monkeypatch):
    monkeypatch.setattr(local, "SLICE_ROWS", 40)  # a small demo network: many slices
    monkeypatch.setattr(local, "COMMIT_ROWS", 10_000_000)  # one long transaction unless it steps aside
    desk = fleet("writer", "clinic_cm", 0)
    lane = lane_for(desk.profile.engine)
    yields_before = lane.yields
    waits: list[float] = []
    errors: list[BaseException] = []
    syncing = threading.Event()
    done = threading.Event()

    def person():
        syncing.wait(10)
        while not done.is_set():
            t0 = time.perf_counter()
            try:
                desk.profile.store.record_access("read", "patients", None, note="写入测试")
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
                return
            waits.append(time.perf_counter() - t0)
            time.sleep(0.005)

    thread = threading.Thread(target=person)
    thread.start()
    try:
        syncing.set()
        report = desk.client.cycle()
    finally:
        done.set()
        thread.join(15)
    assert errors == [] and report.pulled > 1_000
    assert lane.yields > yields_before  # the pull stepped aside for the person
    assert waits and max(waits) < 1.0, sorted(waits)[-5:]  # never the 5 s busy wait of before
    assert desk.count(AuditEntry, AuditEntry.note == "写入测试") == len(waits)
    assert desk.client.check()[1] == []  # and the desktop holds exactly the server's rows
