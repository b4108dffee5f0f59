"""`bench screening`'s assessment figure: residents against every programme's risk rules."""
from __future__ import annotations

from tests.support import run_main


def test_bench_assesses_residents_against_every_programme():
    done = run_main("bench", "screening", "--assess-only", "--residents", "2000")
    assert done.returncode == 0, done.stderr
    assert "assessments               16,000" in done.stdout and "assess_s" in done.stdout
