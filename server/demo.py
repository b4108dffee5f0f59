"""`server --init-demo`: schema, the demo network and patients, demo logins.

The synthetic data is the desktop demo generator's; every row is stamped as the server's
own (version 1, a place in the change sequence, a change_log entry) so desktops can pull
it. On PostgreSQL the rows go in with COPY, stamped on the way, from the generator's fast
SQLite-format path (in a second process for large sets): 100,000 patients and a million
events load in about a minute instead of the many minutes executemany through Core takes.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import Session

from app import clock
from db import migrate
from db.models import SYNCED_MODELS
from db.models import Credential
from db.models import User
from server import demo_mark
from server import scope_marks
from server.auth import hash_password

EVENTS = (5, 50)


def demo_password(username: str) -> str:
    """Demo logins only (README lists them); a real deployment sets passwords per person."""
    return f"{username}-demo"


def init_demo(engine: Engine, patients: int, seed: int, progress=None,
              events: tuple[int, int] = EVENTS) -> dict:
    migrate.upgrade(engine)
    if engine.dialect.name == "postgresql":
        rows, seconds = copy_demo(engine, patients, seed, events, progress)
    else:
        from app.demo import generate
        stats = generate(engine, patients, seed, events, progress=progress)
        rows, seconds = stamp_all(engine), stats.seconds
    add_demo_credentials(engine)
    with Session(engine) as session:  # desktops ask (/health, sign-in): demo profiles may join only here
        demo_mark.mark(session)
        session.commit()
        scope_marks.forget(session)  # rows went in around sequence.stamp: marks begin after them
        scope_marks.begin(session)
        # Its history id from the start, as `server init` gives one: a copy of this database
        # (a test's fresh demo network, CREATE DATABASE … TEMPLATE) is the same history, not a
        # restore that desktops would answer by sending everything again.
        from server.backup import ensure_history  # local: it carries the server's web stack

        ensure_history(session)
    return {"patients": patients, "rows": rows, "generated_in_s": seconds}


def add_demo_credentials(engine: Engine) -> None:
    with Session(engine) as session:
        users = [u for u in session.scalars(select(User)) if session.get(Credential, u.id) is None]
        with ThreadPoolExecutor(4) as pool:  # argon2 releases the GIL
            hashes = list(pool.map(lambda u: hash_password(demo_password(u.username)), users))
        session.add_all(Credential(user_id=u.id, password_hash=h) for u, h in zip(users, hashes))
        session.commit()


def copy_demo(engine: Engine, patients: int, seed: int, events: tuple[int, int], progress=None) -> tuple[int, float]:
    """Generate and COPY into an empty PostgreSQL schema, stamped. Returns (rows, seconds)."""
    import time

    from app.demo import generator
    from app.demo import worker
    from app.demo.network import build_network
    from app.demo.rows import COLUMNS
    from app.demo.rows import DEVICE_ID
    from app.demo.rows import TABLES
    from app.demo.rows import SqliteFormat

    started = time.perf_counter()
    plan = generator.Plan(patients, seed, events, clock.today())
    fmt = SqliteFormat()
    stamp = fmt.ts(int(plan.stamp.timestamp()))
    net = build_network()
    raw = engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert conn is not None  # a pooled connection that is open
        with conn.cursor() as cur:
            if cur.execute("SELECT 1 FROM patients LIMIT 1").fetchone() or \
                    cur.execute("SELECT 1 FROM org_units LIMIT 1").fetchone():
                raise generator.NotEmptyError.coded("demo.server_not_empty", None)
            _skip_reference_checks(cur)
            seq = cur.execute("SELECT value FROM seq_counter WHERE id = 1").fetchone()[0]
            first = seq
            log = []

            def write(rows: dict[str, list[tuple]]) -> None:
                nonlocal seq
                for table in TABLES:
                    batch = rows.get(table)
                    if not batch:
                        continue
                    cols = ", ".join((*COLUMNS[table], "version", "server_seq", "updated_at", "device_id"))
                    with cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                        for row in batch:
                            seq += 1
                            copy.write_row((*row, 1, seq, stamp, DEVICE_ID))
                            log.append((seq, table, row[0]))
                with cur.copy("COPY change_log (server_seq, table_name, row_id, version, fields, at) "
                              "FROM STDIN") as copy:
                    for s, table, row_id in log:
                        copy.write_row((s, table, row_id, 1, "[]", stamp))
                log.clear()

            write({"org_units": [(u.id, u.parent_id, u.kind, u.code, u.name, u.address, u.phone) for u in net.units],
                   "users": [(s.id, s.username, s.display_name, s.role, s.org_unit_id, s.phone, True)
                             for s in net.staff]})
            large = patients >= generator.PARALLEL_FROM and worker.available()
            source = worker.chunks_from_worker(plan) if large else generator.chunks(plan, fmt)
            for done, rows in source:
                write(rows)
                if progress is not None:
                    progress(done, patients)
            cur.execute("UPDATE seq_counter SET value = %s WHERE id = 1", (seq,))
        conn.commit()
    except BaseException:
        raw.driver_connection.rollback()  # type: ignore[union-attr]  # open: the try made it conn
        raise
    finally:
        raw.close()
    with engine.connect() as c:  # fresh statistics and visibility maps for the planner
        c.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    return seq - first, time.perf_counter() - started


def _skip_reference_checks(cur) -> None:
    """The generated rows are consistent by construction; a superuser may skip the per-row
    foreign key triggers for the load. Anyone else loads with them, only slower."""
    try:
        cur.execute("SAVEPOINT fk")
        cur.execute("SET LOCAL session_replication_role = replica")
        cur.execute("RELEASE SAVEPOINT fk")
    except Exception:  # noqa: BLE001 - insufficient privilege: keep the checks
        cur.execute("ROLLBACK TO SAVEPOINT fk")


def stamp_all(engine: Engine) -> int:
    """Give every unstamped row version 1 and the next sequence numbers, and log them."""
    now = clock.now().replace(tzinfo=None).isoformat(sep=" ")
    total = 0
    with engine.begin() as conn:
        start = conn.execute(text("SELECT value FROM seq_counter WHERE id = 1")).scalar_one()
        for model in SYNCED_MODELS:
            t = model.__tablename__
            if t == "audit_entries":
                continue  # received from desktops, never pulled, and the database refuses updates
            n = conn.execute(text(f"SELECT count(*) FROM {t} WHERE server_seq IS NULL")).scalar_one()
            if not n:
                continue
            base = start + total
            conn.execute(text(
                f"UPDATE {t} SET version = 1, server_seq = s.rn + :base FROM "
                f"(SELECT id AS sid, row_number() OVER (ORDER BY id) AS rn FROM {t} WHERE server_seq IS NULL) s "
                f"WHERE {t}.id = s.sid"), {"base": base})
            conn.execute(text(
                f"INSERT INTO change_log (server_seq, table_name, row_id, version, fields, at) "
                f"SELECT server_seq, :t, id, 1, :fields, :now FROM {t} WHERE server_seq > :base"),
                {"t": t, "fields": "[]", "now": now, "base": base})
            total += n
        conn.execute(text("UPDATE seq_counter SET value = :v WHERE id = 1"), {"v": start + total})
    return total


def main(argv: list[str]) -> int:
    """`python -m server.demo URL PATIENTS SEED LO HI`: a demo server database, for benchmarks."""
    from db.engine import url_engine

    url, patients, seed, lo, hi = argv[0], *(int(a) for a in argv[1:5])
    engine = url_engine(url)
    try:
        figures = init_demo(engine, patients, seed, events=(lo, hi))
    finally:
        engine.dispose()
    print(f"{figures['rows']} rows in {figures['generated_in_s']:.1f} s")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv[1:]))
