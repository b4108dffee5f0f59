"""A PostgreSQL primary and its streaming standby, made for one test on this machine: initdb,
pg_basebackup -R, two ports. The system's cluster is left alone (its pg_hba.conf allows no
replication, and it holds gigabytes of benchmark databases)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.conftest import need_component
from tests.e2e.conftest import free_port


def bindir() -> Path:
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True)
        if out.returncode == 0 and (Path(out.stdout.strip()) / "initdb").exists():
            return Path(out.stdout.strip())
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not versions:
        need_component("PostgreSQL server binaries (initdb, pg_basebackup)", "no /usr/lib/postgresql/*/bin/initdb")
    return versions[-1].parent


def _run(*args: str, timeout: float = 120) -> str:
    command = list(args)
    if os.geteuid() == 0:  # PostgreSQL will not run as root
        command = ["runuser", "-u", "postgres", "--", *command]
    out = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} failed: {out.stderr[-2000:]}")
    return out.stdout


class Cluster:
    def __init__(self, root: Path, name: str):
        self.dir, self.port = root / name, free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def db(self, name: str) -> str:
        return self.url.rsplit("/", 1)[0] + f"/{name}"

    def start(self) -> None:
        _run(str(bindir() / "pg_ctl"), "-D", str(self.dir), "-l", str(self.dir / "server.log"), "-w", "-t", "60",
             "-o", f"-p {self.port} -k {self.dir}", "start")

    def stop(self) -> None:
        if (self.dir / "postmaster.pid").exists():
            _run(str(bindir() / "pg_ctl"), "-D", str(self.dir), "-m", "immediate", "-w", "stop")


class ReplicaPair:
    """`primary` and `standby` (hot standby, streaming from the primary)."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="casedesk-replica-"))
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self.primary, self.standby = Cluster(self.root, "primary"), Cluster(self.root, "standby")

    def __enter__(self) -> "ReplicaPair":
        bin_ = bindir()
        _run(str(bin_ / "initdb"), "-D", str(self.primary.dir), "-U", "postgres", "--auth=trust", "-E", "UTF8",
             "--locale=C.UTF-8")
        with open(self.primary.dir / "postgresql.conf", "a") as conf:
            conf.write("listen_addresses = '127.0.0.1'\nwal_level = replica\nmax_wal_senders = 4\n"
                       "fsync = off\nsynchronous_commit = off\nshared_buffers = 64MB\n")
        with open(self.primary.dir / "pg_hba.conf", "w") as hba:
            hba.write("local all all trust\nhost all all 127.0.0.1/32 trust\n"
                      "host replication all 127.0.0.1/32 trust\n")
        self.primary.start()
        return self

    def start_standby(self) -> None:
        """After the primary holds its data: a base backup of it, started as a hot standby."""
        _run(str(bindir() / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(self.primary.port), "-U", "postgres",
             "-D", str(self.standby.dir), "-R", "-X", "stream", "-c", "fast")
        self.standby.start()

    def __exit__(self, *exc) -> None:
        for cluster in (self.standby, self.primary):
            try:
                cluster.stop()
            except (RuntimeError, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.root, ignore_errors=True)


def scalar(url: str, sql: str):
    from sqlalchemy import create_engine
    from sqlalchemy import text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            result = conn.execute(text(sql))
            return result.scalar() if result.returns_rows else None
    finally:
        engine.dispose()


def wait_caught_up(primary_db: str, standby_db: str, timeout: float = 30) -> int:
    """The standby's watermark once it equals the primary's."""
    want = scalar(primary_db, "SELECT value FROM seq_counter WHERE id = 1")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = scalar(standby_db, "SELECT value FROM seq_counter WHERE id = 1")
        if got == want:
            return got
        time.sleep(0.1)
    raise AssertionError(f"the standby did not catch up ({got} of {want})")


def pause(standby_db: str) -> None:
    scalar(standby_db, "SELECT pg_wal_replay_pause()")


def resume(standby_db: str) -> None:
    scalar(standby_db, "SELECT pg_wal_replay_resume()")
