"""The HTTP edge: strict JSON in, a size limit, and every refusal as a 4xx with a reason.

Bodies are parsed with orjson, which refuses what PostgreSQL would choke on later (lone
surrogates, NaN/Infinity, nesting deeper than 1024) at the door as a 422. A body larger
than MAX_BODY is refused with 413 whether or not it announces its length.
"""
from __future__ import annotations

import orjson
from fastapi import FastAPI
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.responses import Response
from fastapi.routing import APIRoute
from sqlalchemy.exc import OperationalError

from server.auth import AuthError

MAX_BODY = 32 * 1024 * 1024
RETRYABLE = {"40001", "40P01"}  # serialization failure, deadlock detected


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


class RawJSON(Response):
    """A response already serialised (or serialised here with orjson, no validation pass)."""

    media_type = "application/json"

    def render(self, content) -> bytes:
        return content if isinstance(content, bytes) else orjson.dumps(content)


class BodyLimit:
    """Pure ASGI: read the whole body (FastAPI would anyway), refusing it past `limit`."""

    def __init__(self, app, limit: int = MAX_BODY):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await _too_large(scope, receive, send, self.limit)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                return await _too_large(scope, receive, send, self.limit)
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body, sent = b"".join(chunks), False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)


async def _too_large(scope, receive, send, limit: int):
    response = JSONResponse({"detail": f"request larger than {limit // 2**20} MiB"}, status_code=413)
    await response(scope, receive, send)


def retryable(exc: OperationalError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in RETRYABLE


def install(app: FastAPI) -> None:
    app.add_middleware(BodyLimit)

    @app.exception_handler(AuthError)
    async def auth_error(_request, exc: AuthError):
        return JSONResponse({"detail": exc.reason}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request, exc: RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:20]]
        return JSONResponse({"detail": problems}, status_code=422)

    @app.exception_handler(OperationalError)
    async def database_down(_request, exc: OperationalError):
        if retryable(exc):
            return JSONResponse({"detail": "the server is busy; try again"}, status_code=503,
                                headers={"Retry-After": "1"})
        return JSONResponse({"detail": "the server's database is unavailable; try again later"},
                            status_code=503, headers={"Retry-After": "5"})
