"""ASGI entry for uvicorn workers: `server.main:create` builds the app from CASEDESK_SERVER_DB,
with its log files when CASEDESK_SERVER_LOG_DIR names a directory (server/logs.py). The
environment carries them because uvicorn starts each worker afresh from this import string."""
from __future__ import annotations

import asyncio.base_events
import os
import socket

from app import gc_policy
from db.engine import url_engine
from server import logs
from server.app import THREADS
from server.app import create_app

LOG_DIR_ENV = "CASEDESK_SERVER_LOG_DIR"
READ_DB_ENV = "CASEDESK_SERVER_READ_DB"  # a streaming replica for pulls (server/app.py)
RETENTION_ENV = "CASEDESK_SERVER_LOG_DAYS"


def _nodelay(sock) -> None:
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def create():
    # With --workers N uvicorn binds the listening socket itself as socket.socket(family)
    # (proto 0), and asyncio sets TCP_NODELAY only on sockets whose proto is TCP. Its
    # connections then run with Nagle: a response written as headers then body waits for
    # the client's delayed ACK, ~40 ms on every request. Every TCP stream gets it here.
    asyncio.base_events._set_nodelay = _nodelay  # type: ignore[attr-defined]  # private, replaced on purpose
    url = os.environ["CASEDESK_SERVER_DB"]
    pool = {} if url.startswith("sqlite") else {"pool_size": THREADS, "max_overflow": 4, "pool_timeout": 60}
    # An error's text never quotes a row's values (a patient's name in a failed INSERT).
    read_url = os.environ.get(READ_DB_ENV)
    reads = url_engine(read_url, hide_parameters=True, **pool) if read_url else None
    app = create_app(url_engine(url, hide_parameters=True, **pool), reads)
    gc_policy.settle()  # the modules, models and app: long-lived, never garbage (app/gc_policy.py)
    log_dir = os.environ.get(LOG_DIR_ENV)
    if not log_dir:
        return app
    logs.setup(log_dir, int(os.environ.get(RETENTION_ENV) or logs.RETENTION_DAYS))
    return logs.AccessLog(app)
