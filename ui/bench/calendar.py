"""Calendar: open the month view of a station with 20,000 follow-ups in that month.

The data set (app/pathway/benchdata.py) is generated once into a cache directory.
`month_open_ms` is from creating CalendarPage to the page painted: the month's GROUP BY,
the day list's ids and first rows, and the paint. The overdue and chase lists load on
the database lane meanwhile and are not counted (they never block the window).
"""
from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

BUDGET_MS = 200.0


def add_arguments(parser) -> None:
    parser.add_argument("--followups", type=int, default=20_000, help="follow-ups in the station's month")
    parser.add_argument("--repeat", type=int, default=5, help="open the page this many times (median)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--data", metavar="DIR", help="profile to use/generate (default: a cache dir)")


def run(args) -> dict:
    from app import clock
    from app.benchdata import cache_dir
    from app.pathway.benchdata import MONTH
    from app.pathway.benchdata import build_profile
    from ui.bench import bench_application
    from ui.calendar import CalendarPage
    from ui.calendar.month_view import grid_range
    from ui.tasks import wait_for_lanes

    path = Path(args.data) if args.data else cache_dir() / f"calendar-{args.followups}-{args.seed}"
    profile = build_profile(path, args.followups, args.seed, log=lambda m: print(m, file=sys.stderr))
    app = bench_application()
    clock.pin(dt.datetime(MONTH[0], MONTH[1], 16, 2, tzinfo=dt.timezone.utc))
    profile.store.user_id = profile.get_local("bench_user")
    try:
        times = []
        for _ in range(max(args.repeat, 1)):
            t0 = time.perf_counter()
            page = CalendarPage(profile)
            page.resize(1300, 850)
            page.show()
            app.processEvents()  # the expose event paints the page, month grid included
            times.append((time.perf_counter() - t0) * 1000)
            wait_for_lanes()  # the overdue and chase lists load on the database lane
            app.processEvents()
            scope = page.current_scope()
            shown = sum(c.open + c.done + c.missed for d, c in page.month_view.counts.items() if d.month == MONTH[1])
            page.close()
            page.deleteLater()
            app.processEvents()
        first, last = grid_range(*MONTH)
        t0 = time.perf_counter()
        page.service.month_counts(first, last, scope)
        query_ms = (time.perf_counter() - t0) * 1000
        with profile.engine.connect() as conn:
            total = conn.exec_driver_sql("SELECT count(*) FROM followups").scalar()
    finally:
        clock.pin(None)
        profile.close()
    median = statistics.median(times)
    return {
        "followups_total": total, "station_month_followups": shown,
        "station_scope": "station" if scope.station_id else "all", "month_query_ms": round(query_ms, 1),
        "month_open_first_ms": round(times[0], 1), "month_open_ms": round(median, 1),
        "budget_ms": BUDGET_MS, "within_budget": median <= BUDGET_MS,
    }
