"""The server's own log files: access.log (one line a request) and server.log (the application's
messages: start, stop, errors with their tracebacks), rotated at midnight UTC, kept
`retention_days`. The security log stays in the database (server/security_log.py).

Neither file holds patient data. An access line has the time, client address, method, the
route's pattern (`/sync/push`, never a query string and never a body), status, duration and
the user id when the token named one; a path no route matched is kept only in its ASCII
letters and punctuation, with digit runs masked, since a stray request could carry anything.

Time-based rotation, not size-based: retention is a number of days (an audit asks "the
last six months"), and one file a day is what an administrator greps. With --workers N several
processes append to one file; the rollover takes a lock file and a process that finds the file
already rotated by another reopens it instead of rotating again (the standard handler would
delete the other's rotated file).
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import re
import time
from pathlib import Path

from app.logsetup import Scrubbing

try:
    import fcntl
except ImportError:  # Windows: no flock, and a file another worker holds open cannot be renamed there;
    fcntl = None  # type: ignore[assignment]  # deliberate: none there. Run one worker on Windows (a failed rollover is reported and writing goes on)

ACCESS = "casedesk.access"
RETENTION_DAYS = 180  # 等保 L3: at least six months
FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
ACCESS_FORMAT = "%(asctime)s %(message)s"
UNROUTED = re.compile(r"[^A-Za-z/._-]+")  # digits and anything non-ASCII: masked
# Lines are scrubbed as the desktop's are (app/logsetup.py): quoted rows and long numbers
# masked. SQLAlchemy's bound parameters are hidden at the engine (server/main.py).


class SharedTimedRotatingFileHandler(logging.handlers.TimedRotatingFileHandler):
    def doRollover(self) -> None:
        lock_path = self.baseFilename + ".lock"
        with open(lock_path, "a") as lock:
            if fcntl is not None:
                fcntl.flock(lock, fcntl.LOCK_EX)
            if self.stream is not None and _rotated_by_another(self.baseFilename, self.stream):
                self.stream.close()
                self.stream = self._open()
                self.rolloverAt = self.computeRollover(int(time.time()))
                return
            super().doRollover()


def _rotated_by_another(path: str, stream) -> bool:
    try:
        return os.stat(path).st_ino != os.fstat(stream.fileno()).st_ino
    except OSError:
        return False


def _handler(path: Path, retention_days: int, fmt: str) -> logging.Handler:
    handler = SharedTimedRotatingFileHandler(path, when="midnight", backupCount=retention_days,
                                             encoding="utf-8", utc=True)
    formatter = Scrubbing(fmt)
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    return handler


def setup(directory: str | os.PathLike, retention_days: int) -> None:
    """Called in each worker process before the app is built (server/main.py create)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    access = logging.getLogger(ACCESS)
    if any(isinstance(h, SharedTimedRotatingFileHandler) for h in access.handlers):
        return  # once per process
    access.addHandler(_handler(directory / "access.log", retention_days, ACCESS_FORMAT))
    access.setLevel(logging.INFO)
    access.propagate = False
    app_handler = _handler(directory / "server.log", retention_days, FORMAT)
    for name in ("casedesk", "server", "app", "uvicorn.error", "sqlalchemy.pool"):
        logger = logging.getLogger(name)
        logger.addHandler(app_handler)
        if logger.level == logging.NOTSET or logger.level > logging.INFO:
            logger.setLevel(logging.INFO if name != "sqlalchemy.pool" else logging.WARNING)
    logging.getLogger("casedesk").info("worker %d logging to %s (kept %d days)", os.getpid(), directory,
                                       retention_days)


def _route(scope) -> str:
    route = scope.get("route")
    pattern = getattr(route, "path", None)
    if pattern:
        return pattern
    return UNROUTED.sub("*", scope.get("path", ""))[:200] or "/"


class AccessLog:
    """Pure ASGI, outermost: sees every answer, including the edge's refusals and 500s."""

    def __init__(self, app):
        self.app = app
        self.log = logging.getLogger(ACCESS)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        status = 0

        async def sending(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception:
            status = status or 500  # uvicorn logs the traceback to server.log (scrubbed)
            raise
        finally:
            identity = (scope.get("state") or {}).get("identity")
            client = scope.get("client") or ("-", 0)
            self.log.info("%s %s %s %d %.1fms user=%s", client[0], scope.get("method", "-"), _route(scope),
                          status, (time.perf_counter() - started) * 1000,
                          getattr(identity, "user_id", None) or "-")
