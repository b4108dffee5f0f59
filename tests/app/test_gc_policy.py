"""Every CaseDesk process collects garbage in large steps, with what it built at start frozen
out of the full collections (app/gc_policy.py): the workstation and its commands as the
server's workers do. The effect is `bench sync`'s push_rows_per_s (the bench's desktop runs in
the command's process); this checks the entry point sets it up before any command runs."""
from __future__ import annotations

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
