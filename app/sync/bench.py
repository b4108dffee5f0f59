"""Sync: a new desktop's first sync, one incremental cycle, 200 desktops at once, a big push.

Everything goes through a real server process (uvicorn workers on PostgreSQL) over
loopback HTTP into real SQLite profiles. The server database for a size is built once
(generator + COPY) and kept; each run works on a scratch copy of it.
"""
from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from app import clock
from app.sync import benchkit
from app.sync.wire import ORDERED_COLUMNS

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PHASES = ("raw", "incremental", "concurrent", "push", "edits")
PUSH_REPEATS = 3


def add_arguments(p) -> None:
    p.add_argument("--patients", type=int, default=100_000)
    p.add_argument("--events", type=int, default=1_000_000, help="timeline events in all (about)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--desktops", type=int, default=200, help="desktops pulling at once")
    p.add_argument("--rounds", type=int, default=3, help="sync rounds per concurrent desktop")
    p.add_argument("--workers", type=int, default=2, help="server worker processes")
    p.add_argument("--push", type=int, default=10_000, help="mutations in the big push")
    p.add_argument("--push-repeats", type=int, default=PUSH_REPEATS, help="big pushes; the figure is their median")
    p.add_argument("--pg", default=os.environ.get("CASEDESK_BENCH_PG", DEFAULT_PG),
                   help="an administrative PostgreSQL URL (databases are created beside it)")
    p.add_argument("--rebuild", action="store_true", help="build the server database again")
    p.add_argument("--phases", default=",".join(PHASES),
                   help=f"which phases after the first sync, comma-separated (of {', '.join(PHASES)})")


def run(args, log=print) -> dict:
    chosen = [p.strip() for p in args.phases.split(",") if p.strip()]
    unknown = sorted(set(chosen) - set(PHASES))
    if unknown:
        raise SystemExit(f"unknown phases: {', '.join(unknown)} (choose from {', '.join(PHASES)})")
    mean = max(0, round(args.events / max(args.patients, 1)))
    events = (max(0, mean - 5), mean + 5)
    base = benchkit.ensure_base(args.pg, args.patients, events, args.seed, log, args.rebuild)
    figures: dict = {}
    with benchkit.bench_keyring(), benchkit.database_copy(args.pg, base) as db, \
            benchkit.server_process(db, args.workers) as (url, _pid), \
            tempfile.TemporaryDirectory(prefix="casedesk-bench-sync-") as tmp:
        users = _users(db)
        desk = _initial(Path(tmp), url, users["clinic_cm"][0], figures, log)
        phases = {"raw": lambda: _raw(Path(tmp), desk, figures, log),
                  "incremental": lambda: _incremental(desk, url, db, users, figures, log),
                  "concurrent": lambda: _concurrent(url, users, args.desktops, args.rounds, figures, log),
                  "push": lambda: _push(desk, args.push, figures, log, max(1, args.push_repeats)),
                  "edits": lambda: _edits_during_first_sync(Path(tmp), url, users["clinic_cm"][0], figures, log)}
        for name in PHASES:
            if name not in chosen:
                continue
            phase = phases[name]
            shown = set(figures)
            phase()
            log("  " + ", ".join(f"{k}={v}" for k, v in figures.items() if k not in shown))
        desk.client.close()
        desk.profile.close()
    keys = ("initial_rows_per_s", "raw_insert_rows_per_s", "incremental_cycle_ms", "concurrent_p50_ms",
            "concurrent_p99_ms", "concurrent_errors", "push_rows_per_s", "edit_during_sync_p99_ms",
            "edit_during_sync_errors")
    return {**{k: figures.pop(k) for k in keys if k in figures}, **figures}


class Desk:
    def __init__(self, path: Path, url: str, username: str):
        from app.profile import Profile
        from app.sync.client import SyncClient

        self.profile = Profile.open(path)
        self.client = SyncClient(self.profile, url)
        self.client.login(username, f"{username}-demo")


def _users(db: str) -> dict[str, list[str]]:
    from sqlalchemy import create_engine
    from sqlalchemy import text

    engine = create_engine(db)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT role, username FROM users WHERE active ORDER BY username")).all()
    engine.dispose()
    out: dict[str, list[str]] = {}
    for role, username in rows:
        out.setdefault(role, []).append(username)
    return out


def _initial(tmp: Path, url: str, username: str, figures: dict, log) -> Desk:
    desk = Desk(tmp / "desk", url, username)
    log(f"first sync of a fresh desktop as {username} …")
    started = time.perf_counter()
    report = desk.client.cycle()
    seconds = time.perf_counter() - started
    figures["initial_rows_per_s"] = round(report.pulled / seconds)
    figures["initial_rows"] = report.pulled
    figures["initial_s"] = round(seconds, 2)
    figures["initial_repaired_tables"] = len(report.repaired)
    log(f"  {report.pulled:,} rows in {seconds:.1f} s: {figures['initial_rows_per_s']:,} rows/s")
    return desk


EDIT_EVERY_S = 0.2


def _edits_during_first_sync(tmp: Path, url: str, username: str, figures: dict, log) -> None:
    """A person works while a fresh desktop's first sync runs: a write (an audited read, the
    write path's own transaction) every 200 ms; how long each waits (db/lane.py)."""
    import threading

    from db.lane import lane_for

    desk = Desk(tmp / "desk-edits", url, username)
    log("first sync of a second desktop with a write every 200 ms …")
    waits: list[float] = []
    errors: list[str] = []
    done = threading.Event()

    def person() -> None:
        while not done.wait(EDIT_EVERY_S):
            t0 = time.perf_counter()
            try:
                desk.profile.store.record_access("read", "patients", None, note="bench")
            except Exception as exc:  # noqa: BLE001 - counted: the figure is "no error"
                errors.append(repr(exc))
            waits.append((time.perf_counter() - t0) * 1000)

    thread = threading.Thread(target=person, daemon=True)
    thread.start()
    started = time.perf_counter()
    try:
        report = desk.client.cycle()
    finally:
        done.set()
        thread.join(10)
    seconds = time.perf_counter() - started
    waits.sort()
    figures["edit_during_sync_p99_ms"] = round(waits[min(len(waits) - 1, int(len(waits) * 0.99))], 1) if waits else 0.0
    figures["edit_during_sync_p50_ms"] = round(waits[len(waits) // 2], 1) if waits else 0.0
    figures["edit_during_sync_max_ms"] = round(waits[-1], 1) if waits else 0.0
    figures["edit_during_sync_writes"] = len(waits)
    figures["edit_during_sync_errors"] = len(errors)
    figures["edit_during_sync_yields"] = lane_for(desk.profile.engine).yields
    figures["edit_during_sync_rows_per_s"] = round(report.pulled / seconds)
    desk.client.close()
    desk.profile.close()


def _raw(tmp: Path, desk: Desk, figures: dict, log) -> None:
    from app.profile import Profile
    from app.sync.scope import PULL_EXCLUDED
    from db.models import SYNCED_MODELS

    log("raw executemany of the same rows into an empty profile …")
    empty = tmp / "raw"
    Profile.open(empty).close()
    tables = [(m.__tablename__, ORDERED_COLUMNS[m.__tablename__]) for m in SYNCED_MODELS
              if m.__tablename__ not in PULL_EXCLUDED]
    rows, seconds = benchkit.raw_insert(desk.profile.path, empty, tables)
    figures["raw_insert_rows_per_s"] = round(rows / seconds)
    shutil.rmtree(empty, ignore_errors=True)


def _edit_patients(desk: Desk, n: int, tag: str) -> None:
    from sqlalchemy import select

    from db.models import Patient

    with desk.profile.sessions() as s:
        ids = random.sample(list(s.scalars(select(Patient.id))), n)
    with desk.profile.store.write() as tx:
        for pid in ids:
            tx.update(tx.session.get_one(Patient, pid), warning_flags=f"{tag} {random.random():.6f}")


def _incremental(desk: Desk, url: str, db: str, users, figures: dict, log, repeats: int = 7) -> None:
    """A cycle carrying 10 changes: 10 edits made here go out, 10 another desktop made come in."""
    import tempfile as tf

    log("incremental cycles (10 edits out, 10 in) …")
    with tf.TemporaryDirectory() as other_dir:
        other = Desk(Path(other_dir) / "other", url, users["clinic_cm"][-1])
        other.client.push()  # signed in; it needs only rows to edit, not a full sync
        times = []
        for i in range(repeats):
            _remote_edits(other, desk, 10, i)
            _edit_patients(desk, 10, f"本机 {i}")
            started = time.perf_counter()
            report = desk.client.cycle()
            times.append((time.perf_counter() - started) * 1000)
            assert sum(report.pushed.values()) == 10, report
        other.client.close()
        other.profile.close()
    figures["incremental_cycle_ms"] = round(statistics.median(times), 1)
    figures["incremental_cycle_max_ms"] = round(max(times), 1)


def _remote_edits(other: Desk, source: Desk, n: int, i: int) -> None:
    """Another desktop edits n patients: it fetches just those rows, edits, pushes."""
    from sqlalchemy import select

    from db.models import Patient

    with source.profile.sessions() as s:
        ids = list(s.scalars(select(Patient.id).order_by(Patient.id.desc()).limit(n).offset(n * i)))
    other.client.fetch_rows("patients", ids)
    with other.profile.store.write() as tx:
        for pid in ids:
            tx.update(tx.session.get_one(Patient, pid), address=f"别处 {i} {random.random():.6f}")
    other.client.push()


def _concurrent(url: str, users, desktops: int, rounds: int, figures: dict, log) -> None:
    """`desktops` desktops sign in, then sync at the same time (app/sync/concurrent.py)."""
    from app.sync.concurrent import run_desktops

    log(f"{desktops} desktops pulling at once …")
    names = [u for role in ("clinic_cm", "community_cm", "family_doctor", "ward_cm") for u in users.get(role, [])]
    seen = run_desktops(url, names, desktops, rounds)
    latencies, burst = sorted(seen["latencies"]), sorted(seen["burst"])
    figures["concurrent_p50_ms"] = round(_pct(latencies, 50), 1)
    figures["concurrent_p99_ms"] = round(_pct(latencies, 99), 1)
    figures["concurrent_errors"] = seen["errors"]
    figures["concurrent_requests"] = len(latencies)
    figures["burst_p50_ms"] = round(_pct(burst, 50), 1)  # all desktops in the same instant, nothing new
    figures["burst_p99_ms"] = round(_pct(burst, 99), 1)
    behind = sorted(seen["behind"])  # the same, each desktop 50-500 changes behind
    figures["burst_behind_p50_ms"] = round(_pct(behind, 50), 1)
    figures["burst_behind_p99_ms"] = round(_pct(behind, 99), 1)


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    k = min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))
    return values[k]


def _push(desk: Desk, n: int, figures: dict, log, repeats: int = PUSH_REPEATS) -> None:
    """n mutations waiting in one desktop's outbox: half new notes, half edits; pushed
    `repeats` times over (a push of 10,000 lasts seconds, and this machine's speed varies
    within that: the median of three is the figure, each run is shown)."""
    log(f"{repeats} pushes of {n:,} mutations …")
    rates: list[int] = []
    statuses: dict[str, int] = {}
    for _ in range(repeats):
        _fill_outbox(desk, n)
        started = time.perf_counter()
        pushed = desk.client.push()
        seconds = time.perf_counter() - started
        rates.append(round(sum(pushed.values()) / seconds))
        for k, v in pushed.items():
            statuses[k] = statuses.get(k, 0) + v
    figures["push_rows_per_s"] = round(statistics.median(rates))
    figures["push_runs_rows_per_s"] = ", ".join(f"{r:,}" for r in rates)
    figures["push_statuses"] = ", ".join(f"{k}={v}" for k, v in sorted(statuses.items()))


def _fill_outbox(desk: Desk, n: int) -> None:
    from sqlalchemy import select

    from db.models import Patient
    from db.models import TimelineEvent

    now = clock.now()
    with desk.profile.store.write() as tx:
        patients = list(tx.session.scalars(select(Patient).order_by(Patient.id).limit(n - n // 2)))
        for p in patients:
            tx.update(p, warning_flags=f"批量 {random.random():.6f}")
        for i in range(n - len(patients)):
            tx.add(TimelineEvent(patient_id=patients[i % len(patients)].id, kind="note",
                                 title=f"批量记录 {i}", occurred_at=now))

