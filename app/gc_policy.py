"""How often Python's garbage collector runs in CaseDesk's processes: the workstation, its
headless commands and the server's workers.

A sync moves thousands of rows, and each makes short-lived objects (answers, documents,
rows): a push of 1,000 mutations makes ~100,000. At Python's default thresholds a young
collection runs every 700 allocations and a full one every 100 young ones, and a full one
walks every object the process holds — the modules, the models, the window — 50-100 ms
each. Measured in `bench sync`: a quarter of a server worker's push time, a fifth of the
desktop's. So: what a process built at start is frozen out of the collections (it lives as
long as the process), young collections run every 50,000 allocations and full ones rarely.
Only cycles wait longer to be freed; everything else is freed at once, as always.
"""
from __future__ import annotations

import gc

THRESHOLDS = (50_000, 20, 100)


def settle() -> None:
    """Freeze what exists now out of the collections, and collect at THRESHOLDS from here on.
    A server worker calls it once its app is built (server/main.py); the workstation and its
    commands at the entry point (app/launch.py), with the modules loaded and before the window
    or the command builds anything: what those build later is collected at THRESHOLDS."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
