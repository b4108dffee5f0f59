"""ASGI entry for uvicorn workers: `server.main:create` builds the app from CASEDESK_SERVER_DB."""
from __future__ import annotations

import asyncio.base_events
import os
import socket

from db.engine import url_engine
from server.app import THREADS
from server.app import create_app


def _nodelay(sock) -> None:
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def create():
    # With --workers N uvicorn binds the listening socket itself as socket.socket(family)
    # (proto 0), and asyncio sets TCP_NODELAY only on sockets whose proto is TCP. Its
    # connections then run with Nagle: a response written as headers then body waits for
    # the client's delayed ACK, ~40 ms on every request. Every TCP stream gets it here.
    asyncio.base_events._set_nodelay = _nodelay
    url = os.environ["CASEDESK_SERVER_DB"]
    pool = {} if url.startswith("sqlite") else {"pool_size": THREADS, "max_overflow": 4, "pool_timeout": 60}
    return create_app(url_engine(url, **pool))
