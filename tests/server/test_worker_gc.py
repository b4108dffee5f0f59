"""A server worker collects garbage in large steps, with what it built at start frozen out
of the full collections (server/main.py, app/gc_policy.py): a push of 1,000 mutations makes ~100,000 short-lived
objects, and at Python's defaults full collections of the whole heap ran inside requests.
The effect is `bench sync`'s push_rows_per_s; this checks the worker factory sets it up."""
from __future__ import annotations

import gc

from app import gc_policy
from server import main as server_main


def test_the_worker_factory_builds_the_app_then_freezes_it_and_raises_the_thresholds(server_db, monkeypatch):
    monkeypatch.setenv("CASEDESK_SERVER_DB", server_db)
    monkeypatch.delenv(server_main.LOG_DIR_ENV, raising=False)
    monkeypatch.delenv(server_main.READ_DB_ENV, raising=False)
    before = gc.get_threshold()
    try:
        app = server_main.create()
        assert app is not None
        assert gc.get_threshold() == gc_policy.THRESHOLDS
        assert gc.get_freeze_count() > 10_000  # the modules, models and routes: out of every collection
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
