"""Synthetic demo data: the network, patients, cases and their whole history.

`generate()` is deterministic: the same seed, size, event range and `today` give the
same rows, ids included. Rows go in with executemany in one transaction, bulk-formatted
for SQLite (see rows.py); any other database gets them through SQLAlchemy Core.
"""
from __future__ import annotations

import datetime as dt
import random
import time
from contextlib import closing
from contextlib import contextmanager
from dataclasses import asdict
from dataclasses import dataclass
from typing import Callable
from typing import Generator

from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from app import clock
from app import idcard
from app.demo import vocab
from app.demo.clinical import build_case
from app.demo.context import Context
from app.demo.context import PatientInfo
from app.demo.context import cumulative
from app.demo.households import households
from app.demo.households import person_of
from app.demo.names import make_name
from app.demo.names import name_keys
from app.demo.network import CITY
from app.demo.network import DISTRICT
from app.demo.network import Network
from app.demo.network import build_network
from app.demo.network import mobile
from app.demo.rows import TABLES
from app.demo.rows import UTC
from app.demo.rows import BulkWriter
from app.demo.rows import Format
from app.demo.rows import Ids
from app.demo.rows import format_for
from app.errors import CaseDeskError

CHUNK = 2000  # patients per batch of inserts
PARALLEL_FROM = 20_000  # patients; below this a second process costs more than it saves
SECOND_CASE_RATE = 0.1
BULK_CACHE_KIB = -262_144  # 256 MiB of page cache while loading
Progress = Callable[[int, int], None]


class NotEmptyError(CaseDeskError):
    """Demo data goes only into a database without patients or a network."""


@dataclass
class GenerationStats:
    patients: int = 0
    cases: int = 0
    tasks: int = 0
    timeline_events: int = 0
    followups: int = 0
    referrals: int = 0
    mdt_requests: int = 0
    screenings: int = 0
    letters: int = 0
    households: int = 0
    household_members: int = 0
    org_units: int = 0
    users: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Plan:
    """Everything the rows depend on: equal plans give equal rows (ids included)."""

    patients: int
    seed: int
    events: tuple[int, int]
    today: dt.date

    @property
    def stamp(self) -> dt.datetime:
        """updated_at of every row, and where ids start: `today` 00:00 in Beijing."""
        return dt.datetime.combine(self.today, dt.time(), UTC) - dt.timedelta(hours=8)


def generate(target, patients: int, seed: int, events: tuple[int, int] = (5, 50),
             progress: Progress | None = None, today: dt.date | None = None,
             parallel: bool | None = None) -> GenerationStats:
    """Fill an empty database (a Profile or an Engine) with `patients` synthetic patients.

    `events` is the inclusive range of timeline events per patient. All dates are
    relative to `today` (default: app.clock.today()). A Profile is flagged demo=1.
    `parallel` generates in a second process while this one inserts (same rows; SQLite
    only); by default it does so from PARALLEL_FROM patients on.
    """
    from app.demo import worker  # local: it imports this module

    started = time.perf_counter()
    profile = target if hasattr(target, "set_local") else None
    engine: Engine = profile.engine if profile is not None else target
    lo, hi = events
    if patients < 0 or not 0 <= lo <= hi:
        raise ValueError(f"bad sizes: patients={patients}, events={events}")
    plan = Plan(patients, seed, (lo, hi), today or clock.today())
    with engine.connect() as conn:
        fmt = format_for(conn)
        if parallel is None:
            parallel = patients >= PARALLEL_FROM
        parallel = parallel and fmt.raw and worker.available()  # the worker writes SQLite formats
        with _transaction(conn):
            _check_empty(conn)
            writer = BulkWriter(conn, fmt, plan.stamp)
            _write_network(writer, build_network())
            if parallel:
                source = worker.chunks_from_worker(plan)
            else:
                source = chunks(plan, fmt)
            with closing(source):  # stops a worker at once if an insert fails
                for done, rows in source:
                    writer.write(rows)
                    if progress is not None:
                        progress(done, patients)
    if profile is not None:
        profile.set_local("demo", "1")
    stats = GenerationStats(**writer.counts)
    stats.seconds = time.perf_counter() - started
    return stats


Chunks = Generator[tuple[int, dict[str, list[tuple]]], None, None]


def chunks(plan: Plan, fmt: Format) -> Chunks:
    """(patients done, rows by table) every CHUNK patients; the lists are reused, so
    consume each before asking for the next."""
    rng = random.Random(plan.seed)
    ids = Ids(rng, int(plan.stamp.timestamp() * 1000))
    net = build_network()
    rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
    ctx = Context(rng, ids, fmt, net, plan.today.toordinal(), rows)
    streets = cumulative((s, len(s.points)) for s in net.streets)
    names: dict[str, tuple[str, str]] = {}
    lo, hi = plan.events
    people = []
    for start in range(0, plan.patients, CHUNK):
        end = min(start + CHUNK, plan.patients)
        for _ in range(start, end):
            _patient(ctx, streets, names, lo, hi)
        people += [person_of(r) for r in rows["patients"]]
        if end == plan.patients:
            # After every other draw, from a Random of their own: a seed still makes the same rows.
            for table, batch in households(people, plan.seed, ids).items():
                rows[table] += batch
        yield end, rows
        for table_rows in rows.values():
            table_rows.clear()


@contextmanager
def _transaction(conn: Connection):
    """One transaction. On SQLite, for the bulk load: no row-by-row foreign key checks
    (the data is consistent by construction), a larger page cache, and a rollback
    journal instead of WAL while it runs. Pages added to an empty file need no journal,
    so the load writes the data once instead of into the WAL and again at checkpoint.
    The connection's settings are put back afterwards."""
    if conn.dialect.name != "sqlite":
        with conn.begin():
            yield
        return
    pragma = conn.exec_driver_sql
    journal, fk, cache = (pragma(f"PRAGMA {name}").scalar()
                          for name in ("journal_mode", "foreign_keys", "cache_size"))
    pragma("PRAGMA foreign_keys=OFF")  # no effect inside a transaction, so before BEGIN
    pragma(f"PRAGMA cache_size={BULK_CACHE_KIB}")
    if journal == "wal":
        _try_pragma(conn, "PRAGMA journal_mode=DELETE")  # refused while others have the file open
    pragma("BEGIN IMMEDIATE")
    committed = False
    try:
        yield
        conn.commit()
        committed = True
    except BaseException:
        conn.rollback()
        raise
    finally:
        try:  # the next connection's pragmas restore WAL anyway (db/engine.py)
            _try_pragma(conn, f"PRAGMA journal_mode={journal}")
            pragma(f"PRAGMA foreign_keys={fk}")
            pragma(f"PRAGMA cache_size={cache}")
            conn.commit()
        except Exception:
            if committed:
                raise
            # else the error on its way out is the one to report


def _try_pragma(conn: Connection, statement: str) -> None:
    try:
        conn.exec_driver_sql(statement)
    except OperationalError:
        conn.rollback()


def _check_empty(conn: Connection) -> None:
    for table, what in (("patients", "patients"), ("org_units", "network")):
        if conn.exec_driver_sql(f"SELECT 1 FROM {table} LIMIT 1").first() is not None:
            raise NotEmptyError.coded("demo.not_empty", None, holds=what)


def _write_network(writer: BulkWriter, net: Network) -> None:
    writer.write({
        "org_units": [(u.id, u.parent_id, u.kind, u.code, u.name, u.address, u.phone) for u in net.units],
        "users": [(s.id, s.username, s.display_name, s.role, s.org_unit_id, s.phone, True)
                  for s in net.staff],
    })


def _patient(ctx: Context, streets: tuple, names: dict, lo: int, hi: int) -> None:
    rnd, fmt, choice, randint = ctx.random, ctx.fmt, ctx.choice, ctx.randint
    sex = "F" if rnd() < 0.52 else "M"
    age = min(92, max(30, int(ctx.rng.gauss(61, 10))))
    birth = dt.date.fromordinal(ctx.today_ordinal - int((age + rnd()) * 365.2425))
    street = ctx.weighted(streets)
    point = choice(street.points)
    doctor = choice(street.doctors)
    name = make_name(ctx, sex)
    keys = names.get(name)
    if keys is None:
        keys = names[name] = name_keys(name)
    id_number = _unique_id(ctx, ctx.weighted(_REGIONS), birth, randint(0, 999), sex)
    address = (f"{CITY}{DISTRICT}{street.station.name.removesuffix('工作站')}"
               f"{point.name.removesuffix('防治点')}{choice(street.road_names)}{randint(1, 300)}弄"
               f"{randint(1, 40)}幢{randint(1, 18)}{randint(1, 4):02d}室")
    smoker = rnd() < (0.45 if sex == "M" else 0.04)
    pack_years = round(3 + rnd() * 57, 1) if smoker else None
    family = choice(vocab.FAMILY_HISTORY) if rnd() < 0.14 else None
    occupation = choice(vocab.OCCUPATIONS) if rnd() < (0.08 if sex == "M" else 0.03) else None
    warning = choice(vocab.WARNINGS) if rnd() < 0.04 else None
    pid = ctx.ids()
    ctx.rows["patients"].append((
        pid, name, keys[0], keys[1], sex, fmt.date(birth.toordinal()), id_number, mobile(ctx),
        address, point.id, doctor.id, rnd() < 0.68, pack_years, family, occupation, warning))
    info = PatientInfo(pid, name, sex, age, street, point, doctor, pack_years)
    n = randint(lo, hi)
    cancers = _CANCERS[sex]
    first = ctx.weighted(cancers)
    plan = [(first, n)]
    if rnd() < SECOND_CASE_RATE:
        second = ctx.weighted(cancers)
        if second != first:
            k = n * 2 // 3
            plan = [(first, k), (second, n - k)]
    for cancer, count in plan:
        ctx.rows["cases"].append(build_case(ctx, info, ctx.ids(), cancer, ctx.weighted(_STAGES), count))


def _unique_id(ctx: Context, region: str, birth: dt.date, seq: int, sex: str) -> str:
    """Real numbers are unique: on a clash try the next sequence codes (same sex), then
    the next region."""
    regions = _REGIONS[0]
    for attempt in range(len(regions) * 500):
        if attempt and attempt % 500 == 0:
            region = regions[(regions.index(region) + 1) % len(regions)]
        number = idcard.make_id(region, birth, (seq + 2 * attempt) % 1000, sex)
        if number not in ctx.id_numbers:
            ctx.id_numbers.add(number)
            return number
    raise ValueError(f"no free ID number for {birth} {sex}")


_REGIONS = cumulative(vocab.ID_REGIONS)
_STAGES = cumulative(vocab.STAGE_WEIGHTS.items())
_CANCERS = {sex: cumulative(w.items()) for sex, w in vocab.CANCER_WEIGHTS.items()}
