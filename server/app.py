"""The central server: FastAPI over the shared db/ models and app/ rules.

Stateless: every request reads what it needs from the database, so any number of
workers (or hosts) can serve the same PostgreSQL.
"""
from __future__ import annotations

from collections.abc import Iterator

from fastapi import Depends
from fastapi import FastAPI
from fastapi import Header
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.responses import ORJSONResponse
from sqlalchemy import Engine
from sqlalchemy import text
from sqlalchemy.orm import Session
from sqlalchemy.orm import sessionmaker

from app import __version__
from app.sync.scope import scope_for
from db import migrate
from server import auth
from server import pull as pull_mod
from server import push as push_mod
from server.schemas import CheckRequest
from server.schemas import IdsRequest
from server.schemas import LoginRequest
from server.schemas import PullRequest
from server.schemas import PushRequest
from server.schemas import RefreshRequest
from server.schemas import RowsRequest

MAX_BODY = 32 * 1024 * 1024


def _accepted_schemas() -> set[str]:
    """This build's schema and the one before it (desktops update over weeks)."""
    from alembic.script import ScriptDirectory
    script = ScriptDirectory.from_config(migrate._config())
    head = script.get_revision(script.get_current_head())
    return {head.revision, *(r for r in [head.down_revision] if isinstance(r, str))}


def create_app(engine: Engine) -> FastAPI:
    app = FastAPI(title="CaseDesk server", version=__version__, default_response_class=ORJSONResponse)
    sessions = sessionmaker(engine, expire_on_commit=False)
    accepted = _accepted_schemas()

    def db() -> Iterator[Session]:
        with sessions() as session:
            yield session

    def current(session: Session = Depends(db), authorization: str | None = Header(default=None)):
        token = authorization[7:] if authorization and authorization.startswith("Bearer ") else None
        user, device_id = auth.authenticate(session, token)
        return session, user, device_id

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY):
            return JSONResponse({"detail": f"request larger than {MAX_BODY // 2**20} MiB"}, status_code=413)
        return await call_next(request)

    @app.exception_handler(auth.AuthError)
    async def auth_error(_request, exc: auth.AuthError):
        return JSONResponse({"detail": exc.reason}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request, exc: RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:20]]
        return JSONResponse({"detail": problems}, status_code=422)

    @app.get("/health")
    def health(session: Session = Depends(db)) -> dict:
        session.execute(text("SELECT 1"))
        return {"status": "ok", "version": __version__, "schema": sorted(accepted)}

    @app.post("/auth/login")
    def login(body: LoginRequest, session: Session = Depends(db)) -> dict:
        return auth.login(session, body.username, body.password, body.device_id)

    @app.post("/auth/refresh")
    def refresh(body: RefreshRequest, session: Session = Depends(db)) -> dict:
        return auth.refresh(session, body.refresh_token, body.device_id)

    @app.post("/sync/push")
    def push(body: PushRequest, ctx=Depends(current)) -> dict:
        session, user, device_id = ctx
        if body.schema_version not in accepted:
            raise auth.AuthError(409, "this CaseDesk is too old or too new for the server; update it")
        results = push_mod.push(session, user, device_id, scope_for(session, user), body.mutations)
        return {"results": results}

    @app.post("/sync/pull")
    def pull(body: PullRequest, ctx=Depends(current)) -> dict:
        session, user, _ = ctx
        if engine.dialect.name == "postgresql":
            # One snapshot for the watermark and the rows it covers (after auth's reads).
            session.commit()
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        return pull_mod.pull(session, scope_for(session, user), body.cursor, body.limit)

    @app.post("/sync/check")
    def check(body: CheckRequest, ctx=Depends(current)) -> dict:
        session, user, _ = ctx
        return {"tables": pull_mod.scope_check(session, scope_for(session, user), body.tables)}

    def _pulled_table(table: str) -> str:
        if table not in pull_mod.PULLED:
            raise auth.AuthError(404, f"unknown table {table!r}")
        return table

    @app.post("/sync/ids")
    def ids(body: IdsRequest, ctx=Depends(current)) -> dict:
        session, user, _ = ctx
        return {"rows": pull_mod.ids(session, scope_for(session, user), _pulled_table(body.table))}

    @app.post("/sync/rows")
    def rows(body: RowsRequest, ctx=Depends(current)) -> dict:
        session, user, _ = ctx
        return pull_mod.rows(session, scope_for(session, user), _pulled_table(body.table), body.ids)

    return app
