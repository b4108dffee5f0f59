"""Every benchmark runs end to end at a tiny size, so none rots; the figures each issue
names are on its last line (the full sizes are run by hand: see the README)."""
from __future__ import annotations

import json

import pytest

from tests.support import run_main

TINY = {
    "worklist": (["--patients", "300", "--searches", "10"],
                 {"startup_s", "first_rows_ms", "search_p95_ms", "sort_ms", "patient_open_ms", "rss_mb",
                  "cases", "search_ratio_vs_sql"}),
    "calendar": (["--followups", "300", "--repeat", "1"], {"month_open_ms"}),
    "letters": (["--letters", "15"], {"letters", "seconds", "ratio_vs_reportlab"}),
    "referrals": (["--referrals", "120", "--ticks", "5"], {"tick_ms", "open_referrals"}),
    "funnel": (["--invited", "400", "--repeat", "1"],
               {"invited", "screened", "high_risk", "booked", "examined", "positive", "diagnosed", "treated",
                "loop_closure", "followup_rate", "timely_rate", "funnel_s", "ratio_vs_scan"}),
    "inbox": (["--items", "40", "--patients", "300", "--repeat", "2"],
              {"items", "open_ms", "open_p95_ms", "empty_open_ms", "ratio_vs_empty", "count_ms"}),
    "sync": (["--patients", "200", "--events", "2000", "--desktops", "4", "--rounds", "1", "--push", "100"],
             {"initial_rows_per_s", "raw_insert_rows_per_s", "incremental_cycle_ms", "concurrent_p50_ms",
              "concurrent_p99_ms", "concurrent_errors", "push_rows_per_s", "edit_during_sync_p99_ms",
              "edit_during_sync_errors", "burst_p99_ms", "burst_behind_p99_ms"}),
    "scale": (["--patients", "200", "--events", "2000", "--desktops", "4", "--cycles", "1", "--think", "0.2",
               "--rounds", "1"],
              {"cpu_ms_per_sign_in", "cpu_ms_per_empty_pull", "cpu_ms_per_pull", "cpu_ms_per_push",
               "desktops_per_core", "pull_p50_ms", "pull_p99_ms", "push_p99_ms", "errors"}),
}


@pytest.mark.usefixtures("keyring_backend")
@pytest.mark.parametrize("name", sorted(TINY))
def test_benchmark_runs_tiny_and_ends_with_its_figures(name, tmp_path, request):
    if name in ("sync", "scale"):
        request.getfixturevalue("pg_url")  # a real PostgreSQL: fails in CI, skips elsewhere
    options, keys = TINY[name]
    result = run_main("bench", name, *options, env={"CASEDESK_CACHE_DIR": str(tmp_path),
                                                      "QT_QPA_PLATFORM": "offscreen"}, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert keys <= set(figures), f"missing {keys - set(figures)}"
    assert figures["machine_ms"] > 0  # the machine's speed, to compare figures across days
    if name == "scale":  # every request answered, and a core carries someone
        assert figures["errors"] == 0 and figures["desktops_per_core"] > 0, figures


def test_two_runs_asking_for_the_same_server_database_at_once_build_it_once(pg_url):
    """bench sync and bench scale (and the suite's two workers) share one cached database."""
    import random
    import threading

    from sqlalchemy import create_engine
    from sqlalchemy import text

    from app.sync import benchkit

    seed = random.randrange(10**6, 10**7)  # a database of this test's own
    built: list[str] = []
    names: list[str] = []

    def run():
        names.append(benchkit.ensure_base(pg_url, 12, (0, 2), seed, built.append))

    runs = [threading.Thread(target=run) for _ in range(2)]
    try:
        for t in runs:
            t.start()
        for t in runs:
            t.join(timeout=240)
        assert len(names) == 2 and names[0] == names[1]
        assert len([line for line in built if line.startswith("building")]) == 1, built
        built_db = create_engine(benchkit.db_url(pg_url, names[0]))
        with built_db.connect() as conn:  # whole: the second run did not take a half-built one
            assert conn.execute(text("SELECT count(*) FROM patients")).scalar() == 12
        built_db.dispose()
    finally:
        admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{benchkit.base_name(12, (0, 2), seed)}" WITH (FORCE)'))
        admin.dispose()
