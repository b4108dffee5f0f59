"""The frozen desktop (scripts/build-desktop → dist/casedesk), run as a clinic runs it: it opens
a demo profile with a Chinese window, prints letters with Chinese text, syncs with a test
server, its keys in the real keyring (scripts/smoke-frozen does each step and says which failed).
Skipped unless the build exists: the suite never builds it; .ci/run builds it and runs the smoke
script after the tests."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FROZEN = Path(os.environ.get("CASEDESK_FROZEN", ROOT / "dist" / "casedesk" / "casedesk"))

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(not FROZEN.is_file(), reason=f"no frozen build at {FROZEN} (scripts/build-desktop)"),
]


def test_frozen_desktop_opens_in_chinese_prints_letters_and_syncs():
    env = {k: v for k, v in os.environ.items() if k != "CASEDESK_SMOKE_SESSION"}
    done = subprocess.run([str(ROOT / "scripts" / "smoke-frozen")], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["start_to_ready_ms"] < 30_000
