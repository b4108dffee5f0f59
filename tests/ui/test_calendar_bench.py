"""`python main.py bench calendar` at a tiny size ends with its JSON line."""
from __future__ import annotations

import json

from tests.support import run_main


def test_the_calendar_bench_reports_month_open_ms(tmp_path):
    done = run_main("bench", "calendar", "--followups", "300", "--repeat", "1", "--data", str(tmp_path / "bench"),
                    env={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["station_month_followups"] == 300 and figures["station_scope"] == "station"
    assert figures["month_open_ms"] > 0 and "month_query_ms" in figures
