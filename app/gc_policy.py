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

The workstation collects on its GUI thread only (ui/collector.py): an automatic collection
runs in whichever thread happens to allocate, and one in a sync or write thread that frees
a cycle holding a Qt object destroys that object outside the thread that owns it, which
crashes in Qt (seen as segfaults in libQt6Core/libQt6Gui when the suite's workers ran test
traffic on a second thread). `collect_due` is what the automatic collector would do, run
where the caller chooses.
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


def collect_due() -> int:
    """Collect the oldest generation whose count passed its threshold, as the automatic
    collector would on its next allocation; returns the objects found unreachable (0: none due)."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return 0
    generation = 2 if counts[1] > thresholds[1] and counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
    return gc.collect(generation)
