"""Backups in PostgreSQL's own dump format (pg_dump -Fc), restores with pg_restore, and the
server's history id that tells desktops a restore rewound what they had synced.

A restore brings back an older state: the rows, sequence numbers and change log of that
moment. Desktops that synced after the backup hold rows the server no longer has, and pull
cursors beyond its watermark. The history id (`server_meta` key "history") changes with every
restore made by `server restore`, and every desktop compares it (and the watermark with its
cursor, which also catches a raw pg_restore) before it pushes or purges anything, then sends
again what the server lost (app/sync/rewind.py).

The database password never reaches a command line `ps` shows: pg_dump and pg_restore take
the whole connection from PG* environment variables. Their error output goes to the log;
the person gets a coded problem that says what to do.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from fastapi import Request
from fastapi import Security
from fastapi.security import HTTPBearer
from sqlalchemy import CursorResult
from sqlalchemy import create_engine
from sqlalchemy import text
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from app import clock
from app.problems import refuse
from db.models import ServerMeta
from server import auth
from server import pull as pull_mod
from server import schemas
from server import security_log

log = logging.getLogger("casedesk.server.backup")
HISTORY_KEY = pull_mod.HISTORY_KEY
history_id = pull_mod.history_id
# A dump is ours when its table of contents holds these tables (pg_restore --list).
OUR_TABLES = ("alembic_version", "change_log", "seq_counter", "patients", "server_meta")
KEEP_SCHEMA = "casedesk_restore_keep"  # the security log of the moment before a restore, kept aside
TOOL_TIMEOUT_S = 6 * 3600
IN_USE_GRACE_S = 3.0


# -- the history id -------------------------------------------------------------------
def ensure_history(session: Session) -> str | None:
    """The history id, made on first use (server start, backup, the first /sync/history). Safe
    against a second worker doing the same at once: the first insert wins and both read it."""
    found = history_id(session)
    if found:
        return found
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(ServerMeta).values(
        key=HISTORY_KEY, value={"id": uuid.uuid4().hex, "since": clock.now().isoformat()}, updated_at=clock.now(),
    ).on_conflict_do_nothing(index_elements=["key"]))
    session.commit()
    return history_id(session)


def new_history(session: Session, **about) -> tuple[str | None, str]:
    """A new random history id (after a restore): (the one before, the new one)."""
    before = history_id(session)
    value = {"id": uuid.uuid4().hex, "since": clock.now().isoformat(), **about}
    row = session.get(ServerMeta, HISTORY_KEY)
    if row is None:
        session.add(ServerMeta(key=HISTORY_KEY, value=value, updated_at=clock.now()))
    else:
        row.value, row.updated_at = value, clock.now()
    return before, value["id"]


def register(app, sessions) -> None:
    """POST /sync/history: the history id and watermark, asked before every push (a push
    against a rewound history would be refused row by row, and a purge would drop exactly
    the rows the server lost). The edge has checked the token (/sync/ is protected)."""
    try:
        with sessions() as session:
            ensure_history(session)
    except SQLAlchemyError as exc:  # a database not migrated yet: made at the first request instead
        log.warning("no history id yet: %s", exc.__class__.__name__)
    bearer = HTTPBearer(auto_error=False, description="the access token from /auth/login")
    errors = {status: {"model": schemas.ErrorBody, "description": words}
              for status, words in ((401, "not signed in"), (403, "this person or desktop may not do this"),
                                    (413, "the request is too large"), (422, "the request is not valid"),
                                    (503, "busy or the database is down; retry"))}

    @app.post("/sync/history", responses={200: {"model": schemas.Answer, "description": "the history"}, **errors},
              dependencies=[Security(bearer)])
    def history(request: Request):
        """{"history": id, "watermark": n}: a desktop that sees another id, or a watermark below
        its cursor, sends again what the server lost before it pushes or pulls."""
        with sessions() as session:
            if getattr(request.state, "identity", None) is None:  # an app built without the edge
                scheme, _, token = (request.headers.get("authorization") or "").partition(" ")
                auth.authenticate(session, token.strip() if scheme.lower() == "bearer" else None)
            return {"history": ensure_history(session), "watermark": pull_mod.watermark(session)}


# -- the connection, for pg_dump and pg_restore ------------------------------------------
@dataclass(frozen=True)
class Target:
    env: dict[str, str]  # PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD … for the tools
    url: str  # the SQLAlchemy URL, for our own statements
    shown: str  # the URL without its password, for messages


def target(url: str | None) -> Target:
    if not url:
        raise refuse("restore.db_required", "--db")
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise refuse("restore.not_postgresql", "--db", url="(unreadable)") from None
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() != "postgresql":
        raise refuse("restore.not_postgresql", "--db", url=shown)
    if not parsed.database:
        raise refuse("restore.db_required", "--db")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    for key, value in (("PGHOST", parsed.host), ("PGPORT", parsed.port), ("PGUSER", parsed.username),
                       ("PGPASSWORD", parsed.password), ("PGDATABASE", parsed.database),
                       ("PGSSLMODE", parsed.query.get("sslmode"))):
        if value is not None and value != "":
            env[key] = str(value)
    return Target(env, parsed.render_as_string(hide_password=False), shown)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise refuse("restore.tool_missing", None, tool=name, package="postgresql-client")
    return found


def _major(version_text: str) -> int:
    found = re.search(r"(\d+)(?:\.\d+)?", version_text)
    return int(found.group(1)) if found else 0


def _check_tool_version(tool: str, where: Target) -> int:
    """pg_dump must be at least the server's major version (it refuses a newer server)."""
    mine = _major(subprocess.run([tool, "--version"], capture_output=True, text=True, check=False).stdout)
    engine = create_engine(where.url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            theirs = int(conn.execute(text("SHOW server_version_num")).scalar_one()) // 10000
    except SQLAlchemyError as exc:
        log.error("cannot reach %s: %s", where.shown, exc)
        raise refuse("restore.db_unreachable", "--db", url=where.shown, reason=exc.__class__.__name__) from None
    finally:
        engine.dispose()
    if mine < theirs:
        raise refuse("restore.tool_too_old", None, tool=Path(tool).name, version=mine, server=theirs,
                     package=f"postgresql-client-{theirs}")
    return theirs


def _run(tool: str, args: list[str], where: Target) -> None:
    name = Path(tool).name
    done = subprocess.run([tool, *args], env=where.env, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S,
                          check=False)
    if done.stderr.strip():
        (log.error if done.returncode else log.info)("%s: %s", name, done.stderr.strip()[-4000:])
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1][:300] if done.stderr.strip() else ""
        raise refuse("restore.tool_failed", None, tool=name, code=done.returncode, reason=last)


# -- backup -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Written:
    path: str
    size: int
    seconds: float
    history: str | None


def backup(url: str | None, out: str | None) -> Written:
    """The whole database in PostgreSQL's custom format, written beside `out` and renamed onto
    it only when pg_dump succeeded (a failed backup never replaces a good one)."""
    where = target(url)
    if not out:
        raise refuse("restore.out_required", "--out")
    dest = Path(out).expanduser().absolute()
    if not dest.parent.is_dir():
        raise refuse("restore.out_unwritable", "--out", file=str(dest))
    tool = _tool("pg_dump")
    _check_tool_version(tool, where)
    engine = create_engine(where.url, poolclass=NullPool)
    try:
        try:
            with Session(engine) as session:
                history = ensure_history(session)  # a database no server has started on yet has none
        except SQLAlchemyError as exc:  # not (yet) a CaseDesk database: dumped as it is
            log.warning("no history id in %s: %s", where.shown, exc.__class__.__name__)
            history = None
        started = time.monotonic()
        partial = dest.with_name(dest.name + ".partial")
        try:
            _run(tool, ["--format=custom", "--no-password", f"--file={partial}"], where)
            os.replace(partial, dest)
        finally:
            partial.unlink(missing_ok=True)
        seconds = time.monotonic() - started
        with Session(engine) as session:
            security_log.record(session, "server_backed_up", detail={
                "file": dest.name, "size": dest.stat().st_size, "history": history})
            session.commit()
    finally:
        engine.dispose()
    return Written(str(dest), dest.stat().st_size, seconds, history)


# -- restore ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Restored:
    seconds: float
    before: str | None  # the history id the dump held
    history: str  # the new one
    watermark: int
    kept_events: int  # security events of the replaced database carried over


def is_our_dump(tool: str, path: Path) -> bool:
    listed = subprocess.run([tool, "--list", str(path)], capture_output=True, text=True, check=False)
    if listed.returncode != 0:
        return False
    tables = set(re.findall(r"\bTABLE (?:DATA )?\S+ (\w+)", listed.stdout))
    return all(t in tables for t in OUR_TABLES)


def restore(url: str | None, file: str | None) -> Restored:
    """pg_restore --clean --if-exists in one transaction; then a new history id, the security
    events written after the dump was made carried over (the log is kept ≥ 180 days, a restore
    must not cut it short), desktops withdrawn since the dump withdrawn again, and the restore
    itself in the security log. Refused while anything else uses the database."""
    where = target(url)
    path = Path(file or "").expanduser().absolute()
    if not file or not path.is_file():
        raise refuse("restore.file_missing", "FILE", file=str(path))
    tool = _tool("pg_restore")
    if not is_our_dump(tool, path):
        raise refuse("restore.not_a_dump", "FILE", file=str(path))
    _check_tool_version(tool, where)
    started = time.monotonic()
    engine = create_engine(where.url, poolclass=NullPool)
    try:
        _refuse_if_in_use(engine, where)
        kept = _keep_security_log(engine)
        try:
            _run(tool, ["--clean", "--if-exists", "--single-transaction", "--no-owner", "--no-password",
                        f"--dbname={where.env['PGDATABASE']}", str(path)], where)
            with Session(engine) as session:
                carried = _carry_security_log(session) if kept else 0
                withdrawn = _keep_withdrawn(session) if kept else 0
                before, history = new_history(session, restored_from=path.name)
                mark = pull_mod.watermark(session)
                security_log.record(session, "server_restored", detail={
                    "file": path.name, "size": path.stat().st_size, "history_before": before,
                    "history": history, "watermark": mark, "events_carried": carried,
                    "withdrawn_again": withdrawn})
                session.commit()
        finally:
            with engine.begin() as conn:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {KEEP_SCHEMA} CASCADE"))
    finally:
        engine.dispose()
    return Restored(time.monotonic() - started, before, history, mark, carried)


def _refuse_if_in_use(engine, where: Target) -> None:
    """A server still running would answer desktops from a half-restored database, and a push
    landing between pg_restore's commit and the new history id would build on the old one."""
    deadline = time.monotonic() + IN_USE_GRACE_S  # a server just stopped: its connections end in a moment
    while True:
        with engine.connect() as conn:
            others = conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend'")).scalar()
        if not others or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    if others:
        raise refuse("restore.database_in_use", "--db", url=where.shown, connections=others)


def _keep_security_log(engine) -> bool:
    """A copy of the security log before it is replaced, in a schema the dump does not touch."""
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {KEEP_SCHEMA} CASCADE"))
        exists = conn.execute(text("SELECT to_regclass('public.security_events') IS NOT NULL")).scalar()
        if not exists:
            return False
        conn.execute(text(f"CREATE SCHEMA {KEEP_SCHEMA}"))
        conn.execute(text(f"CREATE TABLE {KEEP_SCHEMA}.security_events AS TABLE public.security_events"))
        conn.execute(text(f"CREATE TABLE {KEEP_SCHEMA}.withdrawn AS "
                          "SELECT id, revoked_at FROM public.devices WHERE revoked_at IS NOT NULL"))
    return True


def _carry_security_log(session: Session) -> int:
    """Events the restored log lacks (those after the dump), back in; ids as they were."""
    carried = cast(CursorResult, session.execute(text(  # a statement without rows: a CursorResult
        f"INSERT INTO security_events SELECT k.* FROM {KEEP_SCHEMA}.security_events k "
        "WHERE NOT EXISTS (SELECT 1 FROM security_events s WHERE s.id = k.id)"))).rowcount
    session.execute(text("SELECT setval(pg_get_serial_sequence('security_events', 'id'), "
                         "greatest((SELECT max(id) FROM security_events), 1))"))
    return carried


def _keep_withdrawn(session: Session) -> int:
    """A desktop withdrawn after the backup (a lost laptop) stays withdrawn, its tokens ended."""
    again = cast(CursorResult, session.execute(text(  # a statement without rows: a CursorResult
        f"UPDATE devices d SET revoked_at = k.revoked_at FROM {KEEP_SCHEMA}.withdrawn k "
        "WHERE d.id = k.id AND d.revoked_at IS NULL"))).rowcount
    session.execute(text(
        f"UPDATE auth_tokens SET revoked_at = now() WHERE revoked_at IS NULL "
        f"AND device_id IN (SELECT id FROM {KEEP_SCHEMA}.withdrawn)"))
    return again


def current_history(url: str) -> str | None:
    engine = create_engine(target(url).url, poolclass=NullPool)
    try:
        with Session(engine) as session:
            return history_id(session)
    finally:
        engine.dispose()


__all__ = ["backup", "ensure_history", "history_id", "register", "restore"]
