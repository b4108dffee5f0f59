"""Every CaseDesk process collects garbage in large steps, with what it built at start frozen
out of the full collections (app/gc_policy.py): the workstation and its commands as the
server's workers do. The effect is `bench sync`'s push_rows_per_s (the bench's desktop runs in
the command's process); this checks the entry point sets it up before any command runs."""
from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from app import gc_policy

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc
from app import cli, launch
cli.run = lambda argv: print(gc.get_threshold(), gc.get_freeze_count() > 1000, argv) or 0
raise SystemExit(launch.run(["sync", "--help"]))
"""


def test_the_entry_point_freezes_what_is_loaded_and_raises_the_thresholds_before_the_command():
    default = subprocess.run([sys.executable, "-c", "import gc; print(gc.get_threshold())"], capture_output=True,
                             text=True, check=True).stdout.strip()
    assert default != str(gc_policy.THRESHOLDS)  # Python's own, unless this machine changed them
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"{gc_policy.THRESHOLDS} True ['sync', '--help']"


class _Cycle:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self, freed: list):
        self.me, self.freed = self, freed

    def __del__(self):
        self.freed.append(True)


def test_collect_due_frees_cycles_only_once_the_young_count_passes_its_threshold():
    freed: list = []
    before = gc.get_threshold()
    gc.collect()
    try:
        gc.set_threshold(1_000, 10, 10)
        _Cycle(freed)
        assert gc_policy.collect_due() == 0 and not freed  # not due: one allocation since the last collection
        keep = [[] for _ in range(2_000)]  # container allocations count towards the young threshold
        assert gc_policy.collect_due() > 0 and freed == [True]
        del keep
    finally:
        gc.set_threshold(*before)
