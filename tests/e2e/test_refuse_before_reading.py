"""A request without a valid token is answered 401 before its body is read, so four 30 MB
unauthenticated pushes cost one worker nothing: /health stays fast while they arrive.
Real server process (one worker), PostgreSQL, raw sockets sending as a client would."""
from __future__ import annotations

import select
import socket
import statistics
import threading
import time

import httpx

MUTATION = (b'{"mutation_id": "00000000-0000-0000-0000-000000000000", "table": "patients", '
            b'"row_id": "00000000-0000-0000-0000-000000000000", "op": "update", "base_version": 1, '
            b'"changes": {"phone": ["13800000000", "13900000000"]}},')
SIZE = 30 * 1024 * 1024
CHUNK = 64 * 1024


def big_body() -> bytes:
    head, tail = b'{"schema_version": "0007", "mutations": [', b'{}]}'
    body = head + MUTATION * ((SIZE - len(head) - len(tail)) // len(MUTATION)) + tail
    return body


def upload(port: int, body: bytes, token: str | None, statuses: list, started: threading.Event) -> None:
    """Send the whole body in 64 KiB writes, reading the answer as soon as one arrives (a
    server that refuses early may close before the last byte; the answer is kept then)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    auth = f"Authorization: Bearer {token}\r\n".encode() if token else b""
    sock.sendall(b"POST /sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + auth
                 + f"Content-Length: {len(body)}\r\n\r\n".encode())
    started.set()
    answer = b""
    try:
        for offset in range(0, len(body), CHUNK):
            if select.select([sock], [], [], 0)[0]:
                answer += sock.recv(65536)
            sock.sendall(body[offset:offset + CHUNK])
            time.sleep(0.002)  # a client on a network, not a memcpy
    except (BrokenPipeError, ConnectionResetError):
        pass
    try:
        while b"\r\n" not in answer:
            more = sock.recv(65536)
            if not more:
                break
            answer += more
    except (ConnectionResetError, TimeoutError):
        pass
    sock.close()
    statuses.append(int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else None)


def test_unauthenticated_30_mb_bodies_are_refused_unread_and_health_stays_fast(demo_server):
    body = big_body()
    statuses, threads, started = [], [], []
    with httpx.Client(base_url=demo_server.url, timeout=10) as probe:
        probe.get("/health")  # the probe's own connection is made before the load
        for token in (None, None, "forged-token-forged-token", "forged-token-forged-token"):
            started.append(threading.Event())
            threads.append(threading.Thread(target=upload, args=(demo_server.port, body, token, statuses,
                                                                 started[-1])))
            threads[-1].start()
        for event in started:
            event.wait(10)
        latencies = []
        while any(t.is_alive() for t in threads) or len(latencies) < 10:
            start = time.perf_counter()
            assert probe.get("/health").status_code == 200
            latencies.append(time.perf_counter() - start)
            time.sleep(0.02)
        for t in threads:
            t.join(60)
    median = statistics.median(latencies)
    p95 = sorted(latencies)[int(len(latencies) * 0.95) - 1]
    print(f"/health under four 30 MB uploads: median {median * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms "
          f"over {len(latencies)} probes")
    assert statuses == [401] * 4
    assert median < 0.05
