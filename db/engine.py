"""Engines for the desktop (SQLite, optionally SQLCipher) and the server (any URL)."""
from __future__ import annotations

import select
import time
from pathlib import Path

from sqlalchemy import URL
from sqlalchemy import Engine
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import exc
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # SQLCipher logs a damaged page or a wrong key to stderr itself; CaseDesk says it in words
    # (app/edge.py). Plain SQLite ignores an unknown pragma.
    cur.execute("PRAGMA cipher_log_level = NONE")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL is durable across app crashes
    cur.execute("PRAGMA busy_timeout=5000")
    # No checkpoint from a person's write: after a commit SQLite checkpoints on the committing
    # connection once the WAL is long, and during a first sync it is hundreds of MB — a 0.4 s
    # stall for one small write. The sync writes its pages with its own threshold and
    # checkpoints at the end of each cycle (checkpoint() below); closing a profile does too.
    cur.execute("PRAGMA wal_autocheckpoint=0")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MiB per connection: the worklist index fits
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def sqlite_engine(path: Path | str, key: bytes | None = None, page_size: int = 4096) -> Engine:
    """A desktop engine. With `key` the file is SQLCipher-encrypted with that raw key and
    `page_size` (the one it was created with: app/profile_key.py)."""
    # Pooled, not one connection per session, and last-in-first-out: the warm connection
    # keeps its page cache of decrypted pages, which is most of what makes a repeated
    # worklist query fast (FIFO would hand out the coldest connection each time).
    if key is None:
        engine = create_engine(f"sqlite:///{path}", pool_use_lifo=True)
    else:
        import sqlcipher3  # local: optional until a profile is encrypted

        query = {"cipher_page_size": str(page_size)} if page_size != 4096 else {}
        url = URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(path), query=query)
        # The pysqlcipher dialect defaults to SingletonThreadPool, which closes another
        # thread's connection once more threads than its size have used it — mid-query,
        # a crash. A QueuePool lends each connection to one thread at a time.
        engine = create_engine(url, module=sqlcipher3, poolclass=QueuePool, pool_use_lifo=True,
                               connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def url_engine(url: str, **kwargs) -> Engine:
    """A server engine; a sqlite URL gets the same pragmas as the desktop."""
    if url.startswith("sqlite"):
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _note_returned)
    event.listen(engine, "checkin", _note_returned)
    event.listen(engine, "checkout", lambda dbapi_conn, record, _proxy: _alive(engine, dbapi_conn, record))
    return engine


# A pooled connection is checked before it is lent, as pool_pre_ping does, but without its
# round trip on every request (a fifth of an empty pull's cost): a database that restarted
# or dropped the connection has sent it a termination notice or closed it, so its socket
# reads as ready while nothing was asked. Only a connection idle long enough for a silent
# network drop (a firewall's idle timeout) is asked SELECT 1.
PING_IDLE_S = 30.0


def _note_returned(_dbapi_conn, record) -> None:
    record.info["returned"] = time.monotonic()


def _ping(engine: Engine, dbapi_conn) -> bool:
    try:
        return bool(engine.dialect.do_ping(dbapi_conn))
    except engine.dialect.loaded_dbapi.Error:
        return False


def _alive(engine: Engine, dbapi_conn, record) -> None:
    try:
        ready = bool(select.select([dbapi_conn.fileno()], [], [], 0)[0])
    except (OSError, ValueError):  # closed already
        ready = True
    if not ready and time.monotonic() - record.info.get("returned", 0.0) < PING_IDLE_S:
        return
    if ready or not _ping(engine, dbapi_conn):
        raise exc.DisconnectionError("the connection was closed by the database")  # the pool makes a new one


def session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False)


def checkpoint(engine: Engine) -> tuple[int, int, int]:
    """Copy the WAL back into the database file as far as readers allow (PASSIVE: waits for
    nobody). (busy, frames in the WAL, frames checkpointed)."""
    with engine.connect() as conn:
        busy, log, done = conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
    return int(busy), int(log), int(done)
