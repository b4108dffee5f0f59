"""An httpx transport that loses, repeats, delays and reorders requests on purpose.

`FaultTransport.plan(*faults)` queues faults for the next requests, in order; requests
beyond the plan go through untouched. Faults:

- drop_request: never sent (the connection failed); the server saw nothing.
- drop_response: sent and answered, the answer lost on the way back.
- timeout: sent, answered, but the desktop gave up waiting (a read timeout).
- connect_timeout: not sent; the connection timed out.
- duplicate: sent twice (a retransmission); the desktop gets the second answer.
- late: held back and reported as a timeout; it reaches the server after the desktop's
  next request does (reordered), and its answer goes nowhere.
- garbage: sent; the answer arrives damaged (not JSON).
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable

import httpx

_RECOMPUTED = {"content-length", "content-encoding", "transfer-encoding"}
FAULTS = ("drop_request", "drop_response", "timeout", "connect_timeout", "duplicate", "late", "garbage")


class FaultTransport(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport | None = None):
        self.inner = inner or httpx.HTTPTransport()
        self._plan: deque[str] = deque()
        self._late: list[httpx.Request] = []
        self._lock = threading.Lock()
        self.log: list[tuple[str, str]] = []  # (path, fault) for every request seen
        self.before_send: Callable[[httpx.Request], None] | None = None  # as a request leaves

    def plan(self, *faults: str) -> "FaultTransport":
        unknown = set(faults) - set(FAULTS) - {"ok"}
        if unknown:
            raise ValueError(f"unknown faults {unknown}")
        with self._lock:
            self._plan.extend(faults)
        return self

    def clear(self) -> None:
        with self._lock:
            self._plan.clear()

    def flush_late(self) -> None:
        """Deliver the requests still held back (their answers are discarded)."""
        with self._lock:
            late, self._late = self._late, []
        for request in late:
            self._send(request).close()

    def _send(self, request: httpx.Request) -> httpx.Response:
        if self.before_send is not None:
            self.before_send(request)
        response = self.inner.handle_request(request)
        response.read()
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            fault = self._plan.popleft() if self._plan else "ok"
            late, self._late = self._late, []
        self.log.append((request.url.path, fault))
        if fault == "drop_request":
            raise httpx.ConnectError("fault: request dropped", request=request)
        if fault == "connect_timeout":
            raise httpx.ConnectTimeout("fault: connect timed out", request=request)
        if fault == "late":
            with self._lock:
                self._late.append(request)
                self._late.extend(late)
            raise httpx.ReadTimeout("fault: no answer in time (request delayed)", request=request)
        response = self._send(request)
        for held in late:  # overtaken: the delayed requests arrive after this one
            self._send(held).close()
        if fault == "drop_response":
            response.close()
            raise httpx.ReadError("fault: response lost", request=request)
        if fault == "timeout":
            response.close()
            raise httpx.ReadTimeout("fault: read timed out", request=request)
        if fault == "duplicate":
            response.close()
            response = self._send(request)
        if fault == "garbage":
            response.close()
            return httpx.Response(200, content=b"\x00garbage{", request=request)
        headers = [(k, v) for k, v in response.headers.items() if k.lower() not in _RECOMPUTED]
        return httpx.Response(response.status_code, headers=headers, content=response.content, request=request)

    def close(self) -> None:
        self.inner.close()
