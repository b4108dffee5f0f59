"""Plumbing for `bench sync`: the cached server database, a server process, the
keyring check, and the raw-insert baseline. Nothing here is used by the workstation itself."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import create_engine
from sqlalchemy import text

from db import migrate

ROOT = Path(__file__).resolve().parents[2]
MARK = "casedesk-bench complete"


@contextlib.contextmanager
def bench_keyring():
    """The benchmark's desktops keep their keys and tokens in the real OS keyring, like any
    desktop: a missing keyring is the same clear refusal here as in the workstation."""
    from app import secrets

    secrets._backend()
    yield


def _admin(pg_url: str):
    return create_engine(pg_url, isolation_level="AUTOCOMMIT")


def db_url(pg_url: str, name: str) -> str:
    return f"{pg_url.rsplit('/', 1)[0]}/{name}"


def base_name(patients: int, events: tuple[int, int], seed: int) -> str:
    return f"casedesk_bench_{patients}_{events[0]}_{events[1]}_{seed}"


def ensure_base(pg_url: str, patients: int, events: tuple[int, int], seed: int, log, rebuild: bool = False) -> str:
    """The server database for these sizes, built once (generator + COPY) and kept. Two runs
    asking at once (two benches, or the suite's workers) build it once: the second waits on
    an advisory lock named after it, then finds it built."""
    name = base_name(patients, events, seed)
    mark = f"{MARK} {migrate.head()} {migrate.fingerprint()}"
    admin = _admin(pg_url)
    try:
        with admin.connect() as guard, admin.connect() as conn:
            guard.execute(text("SELECT pg_advisory_lock(hashtext(:n))"), {"n": name})
            try:
                return _built(pg_url, name, mark, conn, patients, events, seed, log, rebuild)
            finally:
                guard.execute(text("SELECT pg_advisory_unlock(hashtext(:n))"), {"n": name})
    finally:
        admin.dispose()


def _built(pg_url: str, name: str, mark: str, conn, patients: int, events: tuple[int, int], seed: int, log,
           rebuild: bool) -> str:
    found = conn.execute(text("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                              "WHERE datname = :n"), {"n": name}).first()
    if found is not None and found[0] == mark and not rebuild:
        return name
    log(f"building the server database {name} (once; reused next time) …")
    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    conn.execute(text(f'CREATE DATABASE "{name}"'))
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "server.demo", db_url(pg_url, name), str(patients), str(seed),
                          str(events[0]), str(events[1])], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"building {name} failed:\n{out.stderr[-3000:]}")
    log(f"  built in {time.perf_counter() - started:.0f} s: {out.stdout.strip()}")
    conn.execute(text(f"COMMENT ON DATABASE \"{name}\" IS '{mark}'"))
    return name


@contextlib.contextmanager
def database_copy(pg_url: str, template: str):
    """A scratch copy of `template` for one run (runs change it), dropped afterwards."""
    name = f"casedesk_benchrun_{os.getpid()}"
    admin = _admin(pg_url)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield db_url(pg_url, name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server_process(url: str, workers: int, read_url: str | None = None):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "server", "--db", url, "--port", str(port),
                             "--workers", str(workers), *(["--read-db", read_url] if read_url else [])],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None  # stderr=PIPE
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None:
                raise RuntimeError(f"the server exited: {proc.stderr.read().decode()[-2000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not answer /health within 60 s")
            time.sleep(0.1)
        yield base, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def open_profile_db(path: Path):
    """A driver connection to a profile's (SQLCipher-encrypted) database, key from the keyring."""
    import sqlcipher3

    from app import profile_key

    manifest = profile_key.read_manifest(path)
    assert manifest is not None, f"no profile at {path}"
    key = profile_key.load_key(path, manifest)
    conn = sqlcipher3.connect(str(path / "casedesk.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute(f"PRAGMA cipher_page_size = {profile_key.page_size(manifest)}")
    return conn


def raw_insert(source: Path, target: Path, tables) -> tuple[int, float]:
    """The ceiling: the synced rows read back, then inserted with plain executemany into an
    empty profile of the same schema and encryption (one transaction, the same pragmas, no
    reference checks — as a pull writes). Returns (rows, seconds spent inserting)."""
    rows_total, seconds = 0, 0.0
    src, dst = open_profile_db(source), open_profile_db(target)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=OFF", "cache_size=-65536",
                   "temp_store=MEMORY"):
        dst.execute(f"PRAGMA {pragma}")
    try:
        dst.execute("BEGIN")
        for table, columns in tables:
            rows = src.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            started = time.perf_counter()
            dst.executemany(sql, rows)
            seconds += time.perf_counter() - started
            rows_total += len(rows)
            del rows
        started = time.perf_counter()
        dst.execute("COMMIT")
        seconds += time.perf_counter() - started
    finally:
        src.close()
        dst.close()
    return rows_total, seconds


def wait_replicated(replica_db: str, timeout: float = 120) -> None:
    """Until the replica holds the database just made on its primary (CREATE DATABASE is
    replicated too)."""
    deadline = time.monotonic() + timeout
    while True:
        engine = create_engine(replica_db)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT value FROM seq_counter WHERE id = 1"))
                return
        except Exception:  # noqa: BLE001 - not there yet
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
        finally:
            engine.dispose()
