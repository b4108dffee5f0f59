"""The central server: FastAPI over the shared db/ models and app/ rules.

Stateless: every request reads what it needs from the database, so any number of
workers (or hosts) can serve the same PostgreSQL. Every refusal is a 4xx with a code,
parameters and a sentence (server/refusal.py, server/http.py); a 5xx means a bug or an
unreachable database. The token of a /sync/ request is checked before its body is read.
"""
from __future__ import annotations

import contextlib
import logging
import time

import anyio.to_thread
from fastapi import FastAPI
from fastapi import Request
from fastapi import Response
from fastapi import Security
from fastapi.security import HTTPBearer
from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm import sessionmaker

from app import __version__
from app import clock
from app.rulebook.actor import Actor
from app.sync.scope import scope_for
from db import migrate
from db.models import User
from server import admin_api
from server import attachments
from server import audit as audit_mod
from server import auth
from server import backup
from server import demo_mark
from server import erased
from server import files
from server import http
from server import pull as pull_mod
from server import push as push_mod
from server import push_order
from server import schemas
from server import scope_marks
from server import security_log
from server.refusal import Refusal
from server.schemas import AuditPushRequest
from server.schemas import CheckRequest
from server.schemas import DeviceErasedRequest
from server.schemas import IdsRequest
from server.schemas import LoginRequest
from server.schemas import PasswordChangeRequest
from server.schemas import PullRequest
from server.schemas import PushRequest
from server.schemas import RefreshRequest
from server.schemas import RowsRequest

log = logging.getLogger("casedesk.server")
PUSH_ATTEMPTS = 4  # a deadlock between two desktops' batches is retried, then reported
THREADS = 4  # request threads (and connections) per worker: more only adds contention on two cores


def _accepted_schemas() -> set[str]:
    """This build's schema and the one before it (desktops update over weeks)."""
    from alembic.script import ScriptDirectory
    script = ScriptDirectory.from_config(migrate._config())
    current = script.get_current_head()
    assert current is not None  # db/migrations has one head
    head = script.get_revision(current)
    return {head.revision, *(r for r in [head.down_revision] if isinstance(r, str))}


WORDS = {400: "the request cannot be read", 401: "not signed in, or the sign-in is not valid",
         403: "this person or desktop may not do this", 404: "no such table", 409: "refused: see the code",
         413: "the request is too large", 422: "the request is not valid",
         429: "too many failed sign-ins: wait retry_after_s seconds", 503: "busy or the database is down; retry"}


def errors(*statuses: int, ok=schemas.Answer) -> dict:
    """The answers an operation may give: its own on 200, the one error body otherwise (OpenAPI)."""
    return {200: {"model": ok, "description": "done"},
            **{status: {"model": schemas.ErrorBody, "description": WORDS[status]} for status in statuses}}


SIGNED_IN = (401, 403, 413, 422, 503)  # every /sync/ operation; the token is checked first
bearer = HTTPBearer(auto_error=False, description="the access token from /auth/login (checked before the body is read)")


def client_addr(request: Request) -> str | None:
    return request.client.host if request.client else None


def _about(body) -> dict:
    """The desktop's name and CaseDesk version for the device list (absent from older desktops)."""
    return {"name": body.device_name, "app_version": body.app_version}


def create_app(engine: Engine, read_engine: Engine | None = None) -> FastAPI:
    """`read_engine`: a streaming replica of `engine` for pulls (ids and rows too), used while
    it has caught up with what the asking desktop already holds; everything else, and any pull
    the replica cannot serve yet, goes to `engine`."""
    app = FastAPI(title="CaseDesk server", version=__version__, default_response_class=http.RawJSON,
                  lifespan=_lifespan)
    app.router.route_class = http.ORJSONRoute
    sessions = sessionmaker(engine, expire_on_commit=False)
    replica = _Replica(read_engine) if read_engine is not None else None

    def quick_pull(session: Session, identity: auth.Identity, body: bytes) -> dict | None:
        """A pull with nothing new for its scope, answered with the token check in one session
        (server/scope_marks.py); None: the endpoint answers, with a 422 for a bad body."""
        try:
            ask = PullRequest.model_validate_json(body)
        except ValidationError:
            return None
        if identity.user is None:
            return None
        if not marks_begun[0]:  # the database was down when this worker started
            marks_begun[0] = _begin_marks(sessions)
        if replica is not None:
            try:
                with replica.edge() as near:
                    page = scope_marks.quick(near, identity.user, ask.cursor, ask.since)
                    if page is None or page["watermark"] >= ask.cursor:
                        return page  # None: something new, which the endpoint pulls
            except OperationalError as exc:
                replica.down(exc)
        return scope_marks.quick(session, identity.user, ask.cursor, ask.since)

    # Token checks and quick answers read one statement at a time: on PostgreSQL their
    # sessions run without a transaction (no BEGIN and ROLLBACK round trips per request).
    edge = sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False) \
        if engine.dialect.name == "postgresql" else sessions
    http.install(app, edge, shortcuts={"/sync/pull": quick_pull})
    accepted = _accepted_schemas()
    current = max(accepted)  # revisions are numbered: the newest is this build's
    postgres = engine.dialect.name == "postgresql"
    audit_mod.guard_sqlite(engine)
    marks_begun = [_begin_marks(sessions)]  # cheap empty pulls from here on (server/scope_marks.py)

    # Every endpoint opens its session itself, in the one worker thread that runs it, and
    # closes it before answering: a connection is never held while the request waits for
    # another thread (a FastAPI dependency runs in a thread of its own; with all threads
    # waiting for connections held by requests waiting for threads, the server stalled).
    def who(session: Session, request: Request) -> tuple[User, str]:
        """The token's person and desktop, as the edge found them before reading the body."""
        identity = getattr(request.state, "identity", None)
        if identity is None:  # an app built without the edge's token check (never in service)
            scheme, _, token = (request.headers.get("authorization") or "").partition(" ")
            return auth.authenticate(session, token.strip() if scheme.lower() == "bearer" else None)
        if identity.user is not None:
            return session.merge(identity.user, load=False), identity.device_id
        user = session.get(User, identity.user_id)
        if user is None or not user.active:
            raise Refusal(403, "auth.account_disabled", "this account is disabled")
        return user, identity.device_id

    def snapshot() -> Session:
        """A session reading one snapshot throughout: the watermark and the rows it covers."""
        session = sessions()
        if postgres:
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        return session

    def reading(cursor: int | None) -> Session:
        """A snapshot of the replica when it has reached `cursor` (None: the primary's watermark
        now), else of the primary. A desktop is never answered with a watermark below what it
        already pulled (it would read that as a restored server), and what it holds newer than
        the replica it keeps (app/sync/local.py takes no older version of a row)."""
        if replica is not None:
            if cursor is None:
                with sessions() as primary:
                    cursor = pull_mod.watermark(primary)
            found = replica.snapshot(cursor)
            if found is not None:
                return found
        return snapshot()

    def note_clock(user: User, device_id: str, client_time: str | None, request: Request) -> None:
        if client_time is None:
            return
        with sessions() as session:
            audit_mod.note_skew(session, user.id, device_id, audit_mod.skew_of(client_time, clock.now()),
                                client_addr(request))
            session.commit()

    @app.get("/health", responses=errors(503, ok=schemas.HealthAnswer))
    def health():
        with sessions() as session:
            demo = demo_mark.is_demo(session)  # also the database's answer: it is up
        return {"status": "ok", "version": __version__, "schema": sorted(accepted), "demo": demo}

    @app.post("/auth/login", responses=errors(401, 403, 413, 422, 429, 503, ok=schemas.LoginAnswer))
    def login(body: LoginRequest, request: Request):
        with sessions() as session:
            return auth.login(session, body.username, body.password, body.device_id, client_addr(request),
                              _about(body))

    @app.post("/auth/password", responses=errors(401, 403, 413, 422, 429, 503, ok=schemas.LoginAnswer))
    def change_password(body: PasswordChangeRequest, request: Request):
        """A new password for the person (the old one checked as a sign-in is); answers as a login."""
        with sessions() as session:
            return auth.change_password(session, body.username, body.old_password, body.new_password,
                                        body.device_id, client_addr(request))

    @app.post("/auth/refresh", responses=errors(401, 403, 413, 422, 503, ok=schemas.LoginAnswer))
    def refresh(body: RefreshRequest, request: Request):
        with sessions() as session:
            return auth.refresh(session, body.refresh_token, body.device_id, client_addr(request), _about(body))

    @app.post("/devices/erased", status_code=204, response_class=Response,
              responses={204: {"description": "recorded (once)"},
                         **{status: {"model": schemas.ErrorBody, "description": WORDS[status]}
                            for status in (404, 413, 422, 503)}})
    def device_erased(body: DeviceErasedRequest, request: Request):
        """A withdrawn desktop erased its profile; unsigned (its tokens ended), so only a
        withdrawn desktop's id is taken (server/erased.py)."""
        with sessions() as session:
            erased.confirm(session, body.device_id, client_addr(request))
        return Response(status_code=204)

    @app.post("/sync/push", responses=errors(*SIGNED_IN, 409, ok=schemas.PushAnswer), dependencies=[Security(bearer)])
    def push(body: PushRequest, request: Request):
        with sessions() as session:
            user, device_id = who(session, request)
            if body.schema_version not in accepted:
                raise Refusal(409, "sync.schema_mismatch",
                              "this CaseDesk is too old or too new for the server; update it",
                              {"schema": body.schema_version, "accepted": sorted(accepted)})
            note_clock(user, device_id, body.client_time, request)
            known = push_mod.answered(session, user, body.mutations)  # a replay's answers: needs no wait
            if body.after is not None:
                if not push_order.wait_for(sessions, device_id, body.after):
                    raise Refusal(409, "sync.push_out_of_order", "the batch before this one was not applied (yet); "
                                  "send this one again once it has been answered", {})
                session.commit()  # reads from here on see the batch ahead (a snapshot taken before would not)
            user_id = user.id
            for attempt in range(PUSH_ATTEMPTS):
                try:
                    scope = scope_for(session, user)
                    # Serialised here: FastAPI's jsonable_encoder walks 500 answers (~5 ms a batch).
                    # "ordered": this server applies a batch naming `after` only after that one
                    # (server/push_order.py), so the desktop may send its next batch before this answer.
                    return http.RawJSON({"results": push_mod.push(session, user, device_id, scope, body.mutations,
                                                                  client_addr=client_addr(request),
                                                                  older_desktop=body.schema_version != current,
                                                                  known=known),
                                         "ordered": True})
                except OperationalError as exc:
                    session.rollback()
                    if not http.retryable(exc) or attempt == PUSH_ATTEMPTS - 1:
                        raise
                    again = session.get(type(user), user_id)
                    assert again is not None  # the rollback undid this request's writes only
                    user = again

    @app.post("/sync/audit", responses=errors(*SIGNED_IN, 409, ok=schemas.AuditAnswer), dependencies=[Security(bearer)])
    def audit(body: AuditPushRequest, request: Request):
        """This desktop's audit entries, appended to its chain on the server."""
        with sessions() as session:
            user, device_id = who(session, request)
            actor = Actor(user.id, user.role, user.org_unit_id, None, device_id)
            entries = [e.model_dump() for e in body.entries]
            for attempt in range(2):
                try:
                    return audit_mod.receive(session, device_id, entries, actor=actor, client_time=body.client_time,
                                             client_addr=client_addr(request))
                except Refusal as exc:
                    session.rollback()
                    if exc.status == 409:
                        security_log.record_alone(sessions, "audit_refused", code=exc.code, user_id=actor.user_id,
                                                  device_id=device_id, client_addr=client_addr(request),
                                                  detail=exc.params)
                    raise
                except IntegrityError:  # a duplicate of this request stored the same links first
                    session.rollback()
                    if attempt:
                        raise Refusal(409, "audit.collision", "audit entries collided; send them again") from None

    @app.post("/sync/pull", responses=errors(*SIGNED_IN), dependencies=[Security(bearer)])
    def pull(body: PullRequest, request: Request):
        with reading(body.cursor) as session:
            user, _ = who(session, request)
            scope = scope_for(session, user)
            tried = getattr(request.state, "quick_tried", False)  # the edge asked the marks already
            return http.RawJSON(pull_mod.pull(session, scope, body.cursor, body.limit, body.since, marks=not tried))

    @app.post("/sync/check", responses=errors(*SIGNED_IN), dependencies=[Security(bearer)])
    def check(body: CheckRequest, request: Request):
        with snapshot() as session:
            user, _ = who(session, request)
            scope = scope_for(session, user)
            return pull_mod.scope_check(session, scope, body.tables, body.exclude, body.since)

    def _pulled_table(table: str) -> str:
        if table not in pull_mod.PULLED:
            raise Refusal(404, "sync.unknown_table", f"unknown table {table!r}", {"table": table})
        return table

    @app.post("/sync/ids", responses=errors(*SIGNED_IN, 404, ok=schemas.IdsAnswer), dependencies=[Security(bearer)])
    def ids(body: IdsRequest, request: Request):
        with reading(None) as session:
            user, _ = who(session, request)
            return {"rows": pull_mod.ids(session, scope_for(session, user), _pulled_table(body.table))}

    @app.post("/sync/rows", responses=errors(*SIGNED_IN, 404), dependencies=[Security(bearer)])
    def rows(body: RowsRequest, request: Request):
        with reading(None) as session:
            user, _ = who(session, request)
            return pull_mod.rows(session, scope_for(session, user), _pulled_table(body.table), body.ids)

    admin_api.register(app, sessions)  # /admin/: the workstation's administration (admin only)
    files.register(app, sessions)
    attachments.register(app, sessions, who)  # /sync/attachments: the bytes of reports on referrals  # /files: rule, holiday and letter files published for every desktop
    backup.register(app, sessions)  # /sync/history: the id a restore changes (server/backup.py)
    return app


class _Replica:
    """The read replica's sessions, and what to do when it cannot be reached: the primary
    answers, and the log says so (once a minute, not once a request)."""

    def __init__(self, engine: Engine):
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self.edge = sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False)
        self._said = 0.0

    def snapshot(self, cursor: int) -> Session | None:
        session = self.sessions()
        try:
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            if pull_mod.watermark(session) >= cursor:
                return session
        except OperationalError as exc:
            self.down(exc)
        session.close()
        return None

    def down(self, exc: OperationalError) -> None:
        if time.monotonic() - self._said > 60:
            self._said = time.monotonic()
            log.warning("the read replica cannot be reached (%s): pulls go to the primary", type(exc).__name__)


def _begin_marks(sessions) -> bool:
    try:
        with sessions() as session:
            scope_marks.begin(session)
        return True
    except OperationalError as exc:  # the database is down: every pull takes the full path meanwhile
        log.warning("scope marks not begun yet (%s); tried again with the next pull", type(exc).__name__)
        return False


@contextlib.asynccontextmanager
async def _lifespan(_app):
    # Threads for sync endpoints no more than the connections the pool gives (server/main.py).
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    yield
