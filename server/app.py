"""The central server: FastAPI over the shared db/ models and app/ rules.

Stateless: every request reads what it needs from the database, so any number of
workers (or hosts) can serve the same PostgreSQL. Bad input gets a 4xx with a reason
(server/http.py); a 5xx means a bug or an unreachable database.
"""
from __future__ import annotations

import contextlib

import anyio.to_thread
from fastapi import FastAPI
from fastapi import Header
from sqlalchemy import Engine
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm import sessionmaker

from app import __version__
from app.sync.scope import scope_for
from app.sync.wire import WireError
from db import migrate
from server import audit as audit_mod
from server import auth
from server import http
from server import pull as pull_mod
from server import push as push_mod
from server.checks import Rejected
from server.schemas import AuditPushRequest
from server.schemas import CheckRequest
from server.schemas import IdsRequest
from server.schemas import LoginRequest
from server.schemas import PullRequest
from server.schemas import PushRequest
from server.schemas import RefreshRequest
from server.schemas import RowsRequest

PUSH_ATTEMPTS = 4  # a deadlock between two desktops' batches is retried, then reported
THREADS = 4  # request threads (and connections) per worker: more only adds contention on two cores


def _accepted_schemas() -> set[str]:
    """This build's schema and the one before it (desktops update over weeks)."""
    from alembic.script import ScriptDirectory
    script = ScriptDirectory.from_config(migrate._config())
    head = script.get_revision(script.get_current_head())
    return {head.revision, *(r for r in [head.down_revision] if isinstance(r, str))}


def create_app(engine: Engine) -> FastAPI:
    app = FastAPI(title="CaseDesk server", version=__version__, default_response_class=http.RawJSON,
                  lifespan=_lifespan)
    app.router.route_class = http.ORJSONRoute
    http.install(app)
    sessions = sessionmaker(engine, expire_on_commit=False)
    accepted = _accepted_schemas()
    postgres = engine.dialect.name == "postgresql"
    audit_mod.guard_sqlite(engine)

    # Every endpoint opens its session itself, in the one worker thread that runs it, and
    # closes it before answering: a connection is never held while the request waits for
    # another thread (a FastAPI dependency runs in a thread of its own; with all threads
    # waiting for connections held by requests waiting for threads, the server stalled).
    def who(session: Session, authorization: str | None):
        scheme, _, token = (authorization or "").partition(" ")
        return auth.authenticate(session, token.strip() if scheme.lower() == "bearer" else None)

    def snapshot() -> Session:
        """A session reading one snapshot throughout: the watermark and the rows it covers."""
        session = sessions()
        if postgres:
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        return session

    @app.get("/health")
    def health():
        with sessions() as session:
            session.execute(text("SELECT 1"))
        return {"status": "ok", "version": __version__, "schema": sorted(accepted)}

    @app.post("/auth/login")
    def login(body: LoginRequest):
        with sessions() as session:
            return auth.login(session, body.username, body.password, body.device_id)

    @app.post("/auth/refresh")
    def refresh(body: RefreshRequest):
        with sessions() as session:
            return auth.refresh(session, body.refresh_token, body.device_id)

    @app.post("/sync/push")
    def push(body: PushRequest, authorization: str | None = Header(default=None)):
        with sessions() as session:
            user, device_id = who(session, authorization)
            if body.schema_version not in accepted:
                raise auth.AuthError(409, "this CaseDesk is too old or too new for the server; update it")
            user_id = user.id
            for attempt in range(PUSH_ATTEMPTS):
                try:
                    scope = scope_for(session, user)
                    return {"results": push_mod.push(session, user, device_id, scope, body.mutations)}
                except OperationalError as exc:
                    session.rollback()
                    if not http.retryable(exc) or attempt == PUSH_ATTEMPTS - 1:
                        raise
                    user = session.get(type(user), user_id)

    @app.post("/sync/audit")
    def audit(body: AuditPushRequest, authorization: str | None = Header(default=None)):
        """This desktop's audit entries, appended to its chain on the server."""
        with sessions() as session:
            _user, device_id = who(session, authorization)
            entries = [e.model_dump() for e in body.entries]
            for attempt in range(2):
                try:
                    return audit_mod.receive(session, device_id, entries)
                except Rejected as exc:
                    raise auth.AuthError(409, str(exc)) from None
                except WireError as exc:
                    raise auth.AuthError(422, str(exc)) from None
                except IntegrityError:  # a duplicate of this request stored the same links first
                    session.rollback()
                    if attempt:
                        raise auth.AuthError(409, "audit entries collided; send them again") from None

    @app.post("/sync/pull")
    def pull(body: PullRequest, authorization: str | None = Header(default=None)):
        with snapshot() as session:
            user, _ = who(session, authorization)
            scope = scope_for(session, user)
            return http.RawJSON(pull_mod.pull(session, scope, body.cursor, body.limit, body.since))

    @app.post("/sync/check")
    def check(body: CheckRequest, authorization: str | None = Header(default=None)):
        with snapshot() as session:
            user, _ = who(session, authorization)
            scope = scope_for(session, user)
            return pull_mod.scope_check(session, scope, body.tables, body.exclude, body.since)

    def _pulled_table(table: str) -> str:
        if table not in pull_mod.PULLED:
            raise auth.AuthError(404, f"unknown table {table!r}")
        return table

    @app.post("/sync/ids")
    def ids(body: IdsRequest, authorization: str | None = Header(default=None)):
        with sessions() as session:
            user, _ = who(session, authorization)
            return {"rows": pull_mod.ids(session, scope_for(session, user), _pulled_table(body.table))}

    @app.post("/sync/rows")
    def rows(body: RowsRequest, authorization: str | None = Header(default=None)):
        with sessions() as session:
            user, _ = who(session, authorization)
            return pull_mod.rows(session, scope_for(session, user), _pulled_table(body.table), body.ids)

    return app


@contextlib.asynccontextmanager
async def _lifespan(_app):
    # Threads for sync endpoints no more than the connections the pool gives (server/main.py).
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    yield
