"""Scale: simulated desktops on the real wire protocol, and what one server core carries.

N desktops (asyncio, one keep-alive connection each, spoken by hand so the load generator
costs little) sign in, first-sync their station's scope page by page, then each runs
cycles of a push of a few notes and a pull to the end, with think time between them,
against M uvicorn workers on PostgreSQL. The CPU the server's workers and its PostgreSQL
backends spend (read from /proc) is measured per kind of request in rounds of one kind,
then the mixed cycles give latencies and errors. `desktops_per_core` is the interval
(default 5 minutes) divided by the CPU one desktop's cycle costs: measured per request,
extrapolated to the interval.
"""
from __future__ import annotations

import asyncio
import os
import random
import time
from pathlib import Path
from typing import Any

import httpx
import orjson

from app import clock
from app.sync import benchkit
from app.sync.bench import DEFAULT_PG
from app.sync.bench import _pct
from app.sync.bench import _users
from app.sync.concurrent import Desktop
from app.sync.concurrent import _sign_in
from db import migrate
from db.ids import uuid7

ROLES = ("community_cm", "family_doctor")  # a station's desktops: their scope is a station's
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 10.0


def add_arguments(p) -> None:
    p.add_argument("--patients", type=int, default=20_000)
    p.add_argument("--events", type=int, default=200_000, help="timeline events in all (about)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--desktops", type=int, default=100)
    p.add_argument("--workers", type=int, default=2, help="server worker processes")
    p.add_argument("--cycles", type=int, default=3, help="push + pull cycles per desktop")
    p.add_argument("--think", type=float, default=2.0, help="seconds between a desktop's cycles (at most)")
    p.add_argument("--notes", type=int, default=5, help="mutations in each push")
    p.add_argument("--rounds", type=int, default=5, help="rounds of one kind of request, for its CPU")
    p.add_argument("--interval", type=float, default=300.0, help="the real sync interval, for desktops_per_core")
    p.add_argument("--pg", default=os.environ.get("CASEDESK_BENCH_PG", DEFAULT_PG))
    p.add_argument("--read-db", default=None, metavar="URL",
                   help="a streaming replica of --pg's server (its cluster): pulls read there, and "
                        "replica_lag_safe says whether any desktop took an older version or skipped a change")
    p.add_argument("--rebuild", action="store_true", help="build the server database again")


def _replica_of(read_db: str | None, db: str) -> str | None:
    """The replica's URL for the scratch copy (the same database name, on the replica's host)."""
    if not read_db:
        return None
    name = db.rsplit("/", 1)[1]
    benchkit.wait_replicated(read_db.rsplit("/", 1)[0] + f"/{name}")
    return read_db.rsplit("/", 1)[0] + f"/{name}"


def run(args, log=print) -> dict:
    mean = max(0, round(args.events / max(args.patients, 1)))
    base = benchkit.ensure_base(args.pg, args.patients, (max(0, mean - 5), mean + 5), args.seed, log, args.rebuild)
    with benchkit.database_copy(args.pg, base) as db, \
            benchkit.server_process(db, args.workers, _replica_of(args.read_db, db)) as (url, pid):
        users = _users(db)
        names = [u for role in ROLES for u in users.get(role, [])]
        meter = CpuMeter(pid, db)
        figures = asyncio.run(_run(url, [names[i % len(names)] for i in range(args.desktops)], args, meter, log))
    figures["workers"] = args.workers
    return figures


class CpuMeter:
    """CPU time of the server's worker processes and of PostgreSQL, from /proc (Linux): what
    a host must provide, the database included. A process's reaped children count in its
    own record (cutime, cstime), so connections closed between readings are not lost."""

    def __init__(self, server_pid: int, db_url: str):
        self.server_pid, self.postmaster = server_pid, _postmaster(db_url)

    def read(self) -> float:
        return sum(_cpu_ms(p, reaped=True) + sum(_cpu_ms(c) for c in _children(p))
                   for p in (self.server_pid, self.postmaster) if p)


def _postmaster(db_url: str) -> int | None:
    """The PostgreSQL server's main process: the parent of a backend (None elsewhere than here)."""
    from sqlalchemy import create_engine
    from sqlalchemy import text
    from sqlalchemy.pool import NullPool

    engine = create_engine(db_url, poolclass=NullPool)
    with engine.connect() as conn:
        backend = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
        try:
            return int(Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except OSError:  # another host's database: its CPU is not counted
            return None
        finally:
            engine.dispose()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _cpu_ms(pid: int, reaped: bool = False) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if reaped else 0)
    return ticks * TICK_MS


class Desk:
    def __init__(self, wire: Desktop):
        self.wire, self.cursor = wire, 0
        self.patients: list[str] = []  # ids in scope, from the first sync: what its notes are about
        self.held: dict[str, dict[str, int]] = {}  # table -> id -> server_seq, as a desktop holds them
        self.older = self.backwards = 0  # older versions offered (kept out); watermarks below the cursor

    def take(self, page: dict) -> None:
        if page["watermark"] < self.cursor:
            self.backwards += 1
        for table, part in page["tables"].items():
            at, seq_at = part["columns"].index("id"), part["columns"].index("server_seq")
            held = self.held.setdefault(table, {})
            for row in part["rows"]:
                if held.get(row[at], -1) > row[seq_at]:
                    self.older += 1  # the desktop keeps its newer one (app/sync/local.py)
                else:
                    held[row[at]] = row[seq_at]
        self.cursor = page["cursor"]


async def _run(url: str, names: list[str], args, meter: CpuMeter, log) -> dict:
    figures: dict = {"desktops": len(names)}
    latencies: dict[str, list[float]] = {"pull": [], "push": [], "sign_in": []}
    errors = [0]
    log(f"{len(names)} desktops signing in …")
    async with httpx.AsyncClient(base_url=url, timeout=120) as http:
        gate = asyncio.Semaphore(8)
        before = meter.read()
        started = time.perf_counter()
        tokens = await asyncio.gather(*(_timed_sign_in(http, n, gate, latencies) for n in names))
        figures["sign_in_s"] = round(time.perf_counter() - started, 2)
        figures["cpu_ms_per_sign_in"] = round((meter.read() - before) / len(names), 2)
    desks = [Desk(Desktop(url, t)) for t in tokens]
    await asyncio.gather(*(d.wire.connect() for d in desks))
    try:
        log("first sync of every desktop's scope …")
        before, started = meter.read(), time.perf_counter()
        rows = sum(await _gather_limited([_first_sync(d, errors) for d in desks], 16))
        seconds = time.perf_counter() - started
        figures["first_sync_rows"] = rows
        figures["first_sync_rows_per_s"] = round(rows / seconds)
        figures["cpu_ms_per_1000_rows"] = round((meter.read() - before) / max(rows, 1) * 1000, 2)
        log("rounds of one kind, for the CPU each costs …")
        spent = {"empty_pull": 0.0, "push": 0.0, "pull": 0.0}
        for _ in range(args.rounds):  # several, for the clock's 10 ms ticks
            spent["empty_pull"] += await _round(desks, meter, lambda d: _pull(d, [], errors))
        for _ in range(args.rounds):
            spent["push"] += await _round(desks, meter, lambda d: _push(d, args.notes, [], errors))
            spent["pull"] += await _round(desks, meter, lambda d: _pull(d, [], errors))  # others' notes
        for kind, ms in spent.items():
            figures[f"cpu_ms_per_{kind}"] = round(ms / (len(desks) * args.rounds), 3)
        log(f"{args.cycles} cycles per desktop, think time up to {args.think} s …")
        started = time.perf_counter()
        await asyncio.gather(*(_cycles(d, args, latencies, errors) for d in desks))
        figures["cycles_s"] = round(time.perf_counter() - started, 2)
        await asyncio.gather(*(_pull(d, [], errors) for d in desks))  # to the end, then the check
        if args.read_db:
            figures["replica_lag_safe"] = await _lag_safe(desks, errors)
            figures["older_versions_offered"] = sum(d.older for d in desks)
    finally:
        for d in desks:
            d.wire.close()
    # The mixed cycles ran with compressed think time: as many cycles a second as this many
    # desktops make at the real interval (their latencies are under that load).
    seconds_per_cycle = figures["cycles_s"] / max(args.cycles, 1)
    figures["cycles_load_as_desktops"] = int(len(desks) * args.interval / seconds_per_cycle) if seconds_per_cycle else None
    per_cycle = figures["cpu_ms_per_push"] + figures["cpu_ms_per_pull"]
    figures["cpu_ms_per_cycle"] = round(per_cycle, 2)
    figures["desktops_per_core"] = int(args.interval * 1000 / per_cycle) if per_cycle > 0 else None
    for kind, values in latencies.items():
        values.sort()
        figures[f"{kind}_p50_ms"] = round(_pct(values, 50), 1)
        figures[f"{kind}_p99_ms"] = round(_pct(values, 99), 1)
    figures["errors"] = errors[0]
    return figures


async def _lag_safe(desks: list[Desk], errors) -> bool:
    """No desktop was answered with a watermark below its cursor, and each holds exactly its
    scope's rows at their latest numbers (an older version offered is kept out, as the desktop
    does): the count + hash check the server computes on the primary (server/pull.py) equals
    the desktop's own, so nothing older was taken and nothing was skipped."""
    from server.pull import MIX_MOD
    from server.pull import MIX_MUL

    safe = all(d.backwards == 0 for d in desks)
    for desk in desks:
        answer = await _post(desk, "/sync/check", {"tables": [], "exclude": {}}, [], errors)
        if answer is None:
            return False
        for _ in range(600):  # nothing is written now: the replica catches up with the primary's watermark
            if desk.cursor >= answer["watermark"]:
                break
            await asyncio.sleep(0.05)
            await _pull(desk, [], errors)
        for table, digest in answer["tables"].items():
            seqs = list(desk.held.get(table, {}).values())
            mine = (len(seqs), sum(seqs), sum(s * MIX_MUL % MIX_MOD for s in seqs))
            safe &= mine == (digest["count"], digest["sum"], digest["mix"])
    return safe


async def _gather_limited(coros, limit: int) -> list:
    gate = asyncio.Semaphore(limit)

    async def one(c):
        async with gate:
            return await c
    return await asyncio.gather(*(one(c) for c in coros))


async def _timed_sign_in(http, name: str, gate, latencies) -> str:
    t0 = time.perf_counter()
    token = await _sign_in(http, name, gate)
    latencies["sign_in"].append((time.perf_counter() - t0) * 1000)
    return token


async def _round(desks: list[Desk], meter: CpuMeter, action) -> float:
    """Every desktop does `action` once, all at once: the CPU that cost, in all."""
    before = meter.read()
    await asyncio.gather(*(action(d) for d in desks))
    return meter.read() - before


async def _first_sync(desk: Desk, errors) -> int:
    rows, more = 0, True
    while more:
        page = await _post(desk, "/sync/pull", {"cursor": desk.cursor, "limit": 5000}, [], errors)
        if page is None:
            return rows
        rows += page["count"]
        patients = page["tables"].get("patients")
        if patients:
            at = patients["columns"].index("id")
            desk.patients.extend(r[at] for r in patients["rows"])
        desk.take(page)
        more = page["more"]
    return rows


async def _pull(desk: Desk, latencies, errors) -> None:
    more = True
    while more:
        page = await _post(desk, "/sync/pull", {"cursor": desk.cursor, "limit": 5000, "since": desk.cursor},
                           latencies, errors)
        if page is None:
            return
        desk.take(page)
        more = page["more"]


async def _push(desk: Desk, notes: int, latencies, errors) -> None:
    if not desk.patients:
        return
    now = clock.now().isoformat().replace("+00:00", "Z")
    mutations: list[dict[str, Any]] = [{"mutation_id": uuid7(), "table": "timeline_events", "row_id": uuid7(), "op": "insert",
                  "base_version": 0, "changes": {"patient_id": [None, random.choice(desk.patients)],
                                                 "kind": [None, "note"], "title": [None, "电话随访"],
                                                 "occurred_at": [None, now]}} for _ in range(notes)]
    answer = await _post(desk, "/sync/push", {"schema_version": migrate.head(), "mutations": mutations},
                         latencies, errors)
    for m, result in zip(mutations, (answer or {}).get("results", [])):
        if "server_seq" in result:  # the desktop holds its own row at the number the answer gave
            desk.held.setdefault("timeline_events", {})[m["row_id"]] = result["server_seq"]


async def _cycles(desk: Desk, args, latencies, errors) -> None:
    rng = random.Random()
    for _ in range(args.cycles):
        await asyncio.sleep(rng.uniform(0, args.think))
        await _push(desk, args.notes, latencies["push"], errors)
        await _pull(desk, latencies["pull"], errors)


async def _post(desk: Desk, path: str, payload: dict, latencies: list, errors) -> dict | None:
    t0 = time.perf_counter()
    body = None
    if desk.wire.reader is not None and desk.wire.reader.at_eof():  # the server closed it while idle
        desk.wire.close()
        await desk.wire.connect()
    for attempt in range(2):  # a connection idle past the server's keep-alive is made again, as httpx does
        try:
            status, raw = await desk.wire.post(path, payload)
            body = orjson.loads(raw) if status == 200 else None
            break
        except (OSError, asyncio.IncompleteReadError, ValueError, StopIteration):
            if attempt == 0:
                desk.wire.close()
                await desk.wire.connect()
    latencies.append((time.perf_counter() - t0) * 1000)
    if body is None:
        errors[0] += 1
    return body
