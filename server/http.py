"""The HTTP edge: who is asking before anything is read, a size limit, strict JSON in, and
every refusal as {"code", "params", "detail"} (server/refusal.py).

A request to an authenticated endpoint is answered 401 before its body is read: the token is
checked here, in the ASGI layer, with one small query in a thread of its own lane (a token
found invalid is remembered for a minute, so a flood of forged tokens costs no queries). A
body is then read only up to MAX_BODY, whether or not it announces its length. Bodies are
parsed with orjson, which refuses what PostgreSQL would choke on later (lone surrogates,
NaN/Infinity, nesting deeper than 1024) at the door as a 422.

One exception to "token first": a shortcut path (a pull, server/app.py) whose declared body
is at most SHORTCUT_BODY bytes has those few bytes read first, so that token check and answer
(a pull with nothing new) take one thread and one database session.
"""
from __future__ import annotations

import hashlib
import time

import anyio
import anyio.to_thread
import orjson
from fastapi import FastAPI
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.responses import Response
from fastapi.routing import APIRoute
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from server import auth
from server import security_log
from server.refusal import Refusal
from server.refusal import body as error_body

MAX_BODY = 32 * 1024 * 1024
RETRYABLE = {"40001", "40P01"}  # serialization failure, deadlock detected
PROTECTED = ("/sync/", "/admin/", "/files")  # every path under these needs a valid access token
INVALID_MEMORY_S = 60.0
INVALID_MEMORY_SIZE = 10_000
GATE_THREADS = 4  # token checks do not queue behind the request threads (server/app.py THREADS)
SHORTCUT_BODY = 4096  # a shortcut's body is read before its token is checked: only this small


class ORJSONRequest(Request):
    async def json(self):
        if not hasattr(self, "_json"):
            self._json = orjson.loads(await self.body())  # JSONDecodeError → FastAPI's 422
        return self._json


class ORJSONRoute(APIRoute):
    def get_route_handler(self):
        handler = super().get_route_handler()

        async def strict(request: Request) -> Response:
            return await handler(ORJSONRequest(request.scope, request.receive))

        return strict


class RawJSON(JSONResponse):
    """A response already serialised (or serialised here with orjson, no validation pass).
    A JSONResponse to FastAPI, so the OpenAPI schema says JSON, not "string"."""

    def render(self, content) -> bytes:
        return content if isinstance(content, bytes) else orjson.dumps(content)


def refusal_response(exc: Refusal) -> RawJSON:
    return RawJSON(exc.body(), status_code=exc.status, headers=exc.headers)


class Edge:
    """Pure ASGI, ahead of FastAPI: the token of a protected path, then the body within `limit`."""

    def __init__(self, app, sessions=None, limit: int = MAX_BODY, shortcuts=None):
        self.app, self.sessions, self.limit = app, sessions, limit
        self.shortcuts: dict = shortcuts or {}
        self.invalid: dict[bytes, tuple[float, Refusal]] = {}
        self.lane: anyio.CapacityLimiter | None = None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        shortcut = self.shortcuts.get(scope["path"]) if scope["method"] == "POST" else None
        if shortcut is not None and self.sessions is not None and declared is not None and declared.isdigit() \
                and int(declared) <= SHORTCUT_BODY:
            return await self._shortcut(shortcut, scope, receive, send)
        if self.sessions is not None and scope["path"].startswith(PROTECTED):
            try:
                identity = await self._identify(scope)
            except Refusal as exc:
                return await refusal_response(exc)(scope, receive, send)
            except OperationalError as exc:  # outside FastAPI's handlers here: the same answer
                return await refusal_response(database_refusal(exc))(scope, receive, send)
            scope.setdefault("state", {})["identity"] = identity
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await _too_large(scope, receive, send, self.limit)
        body = await _read(receive, self.limit)
        if body is None:
            return None
        if body is TOO_LARGE:
            return await _too_large(scope, receive, send, self.limit)
        return await self.app(scope, _replay(body, receive), send)

    async def _shortcut(self, shortcut, scope, receive, send):
        """A small request whose answer is often ready from the token's own query (a pull with
        nothing new): its few bytes are read first, then token and answer in one thread and
        one database session. No answer: the endpoint runs as for any request."""
        body = await _read(receive, SHORTCUT_BODY)
        if body is None:
            return None
        if body is TOO_LARGE:  # more than it declared
            return await _too_large(scope, receive, send, self.limit)
        try:
            identity, answer = await self._identify(scope, lambda session, identity: shortcut(session, identity, body))
        except Refusal as exc:
            return await refusal_response(exc)(scope, receive, send)
        except OperationalError as exc:
            return await refusal_response(database_refusal(exc))(scope, receive, send)
        if answer is not None:
            return await RawJSON(answer)(scope, receive, send)
        state = scope.setdefault("state", {})
        state["identity"], state["quick_tried"] = identity, True
        return await self.app(scope, _replay(body, receive), send)

    async def _identify(self, scope, then=None):
        """The token's identity; with `then`, (identity, then(session, identity)) from the same session."""
        raw = dict(scope.get("headers") or ()).get(b"authorization", b"")
        scheme, _, token = raw.decode("latin-1").partition(" ")
        token = token.strip() if scheme.lower() == "bearer" else ""
        if not token:
            raise Refusal(401, "auth.signin_required", "sign in first")
        key = hashlib.sha256(token.encode("latin-1")).digest()  # a forged token may be any size: keep 32 bytes
        remembered = self.invalid.get(key)
        if remembered is not None and remembered[0] > time.monotonic():
            raise remembered[1]
        if self.lane is None:
            self.lane = anyio.CapacityLimiter(GATE_THREADS)
        client = (scope.get("client") or (None,))[0]
        try:
            return await anyio.to_thread.run_sync(self._check, token, client, then, limiter=self.lane)
        except Refusal as exc:
            if exc.code == "auth.token_invalid":
                if len(self.invalid) >= INVALID_MEMORY_SIZE:
                    self.invalid.clear()
                self.invalid[key] = (time.monotonic() + INVALID_MEMORY_S, exc)
            raise

    def _check(self, token: str, client: str | None, then=None):
        with self.sessions() as session:
            try:
                identity = auth.identify(session, token)
            except Refusal as exc:
                if exc.code == "auth.token_invalid":
                    security_log.record(session, "token_invalid", code=exc.code, client_addr=client)
                    session.commit()
                raise
            return identity if then is None else (identity, then(session, identity))


TOO_LARGE = object()


async def _read(receive, limit: int):
    """The whole body, None when the client went away, TOO_LARGE past `limit` bytes."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return TOO_LARGE
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


def _replay(body: bytes, receive):
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _too_large(scope, receive, send, limit: int):
    mib = limit // 2**20
    exc = Refusal(413, "request.too_large", f"request larger than {mib} MiB", {"max_mib": mib})
    await refusal_response(exc)(scope, receive, send)


def retryable(exc: OperationalError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in RETRYABLE


def database_refusal(exc: OperationalError) -> Refusal:
    if retryable(exc):
        return Refusal(503, "server.busy", "the server is busy; try again", headers={"Retry-After": "1"})
    return Refusal(503, "server.database_down", "the server's database is unavailable; try again later",
                   headers={"Retry-After": "5"})


HTTP_CODES = {404: "request.not_found", 405: "request.method_not_allowed"}


def install(app: FastAPI, sessions=None, shortcuts=None) -> None:
    """`shortcuts`: path -> answer(session, identity, body) or None (server/app.py)."""
    app.add_middleware(Edge, sessions=sessions, shortcuts=shortcuts)
    truthful_openapi(app)

    @app.exception_handler(Refusal)
    async def refused(_request, exc: Refusal):
        return refusal_response(exc)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request, exc: RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:20]]
        return RawJSON(error_body("request.invalid", "; ".join(problems) or "invalid request", problems=problems),
                       status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request, exc: StarletteHTTPException):
        code = HTTP_CODES.get(exc.status_code, "request.invalid")
        params = {} if exc.status_code in HTTP_CODES else {"problems": [str(exc.detail)]}
        return RawJSON(error_body(code, str(exc.detail), **params), status_code=exc.status_code,
                       headers=getattr(exc, "headers", None))

    @app.exception_handler(OperationalError)
    async def database_down(_request, exc: OperationalError):
        return refusal_response(database_refusal(exc))


def _keys_by_pattern(node):
    """Two mends to the generated schema. pydantic writes a dict with constrained keys as
    patternProperties, which lets any other key through with any value; the server refuses
    those, so say it: the key pattern goes to propertyNames and the value schema to
    additionalProperties. And integer bounds are made integers again (below)."""
    if isinstance(node, dict):
        patterns = node.get("patternProperties")
        if isinstance(patterns, dict) and len(patterns) == 1:
            (pattern, value), = patterns.items()
            del node["patternProperties"]
            node["propertyNames"] = {**node.get("propertyNames", {}), "pattern": pattern}
            node["additionalProperties"] = value
        for bound in ("minimum", "maximum"):
            # FastAPI's OpenAPI model holds bounds as floats: 2**63 - 1 would read as 2**63
            if isinstance(node.get(bound), float) and node[bound].is_integer() and node.get("type") == "integer":
                node[bound] = min(int(node[bound]), 2**63 - 1)
        for child in node.values():
            _keys_by_pattern(child)
    elif isinstance(node, list):
        for child in node:
            _keys_by_pattern(child)
    return node


def truthful_openapi(app: FastAPI) -> None:
    plain = app.openapi

    def openapi():
        if app.openapi_schema is None:
            app.openapi_schema = _keys_by_pattern(plain())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented way to amend the schema
