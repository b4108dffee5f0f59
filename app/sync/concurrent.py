"""Many desktops syncing against one server at the same time (for `bench sync`).

Each desktop is a thread with its own connection and sign-in (its own device). After all
have signed in, every desktop runs its sync loop: it starts at a random moment within the
first second (desktops' timers are not synchronised) and runs `rounds` cycles 1–2 s apart,
each pulling pages from its cursor until nothing is left (the last page says whether its
scope changed; it never did here, so no full check follows). A writer adds ten notes every
0.2 s meanwhile, so the pulls carry changes. Before that, one burst: all desktops pull at
the same instant, once. Every request's latency is recorded; an error is any non-200
answer or failed request.
"""
from __future__ import annotations

import asyncio
import random
import time
import uuid

import httpx
import orjson

from app import clock
from db import migrate
from db.ids import uuid7


def run_desktops(url: str, usernames: list[str], desktops: int, rounds: int) -> dict:
    """One event loop drives every desktop (threads would measure the load generator's own
    lock contention rather than the server)."""
    return asyncio.run(_run(url, [usernames[i % len(usernames)] for i in range(desktops)], rounds))


async def _run(url: str, usernames: list[str], rounds: int) -> dict:
    latencies: list[float] = []
    burst: list[float] = []
    behind: list[float] = []
    errors = [0]
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:
        gate = asyncio.Semaphore(8)
        tokens = await asyncio.gather(*(_sign_in(http, u, gate) for u in usernames))
        first = {"Authorization": f"Bearer {tokens[0]}"}
        mark = (await http.post("/sync/pull", json={"cursor": 2**62, "limit": 1}, headers=first)).json()["watermark"]
        rows = (await http.post("/sync/ids", json={"table": "patients"}, headers=first)).json()["rows"]
        patients = [row[0] for row in rows]  # for the writer, read before the clock starts
    desks = [Desktop(url, t) for t in tokens]
    try:
        cursors = [max(0, mark - random.randrange(50, 500)) for _ in desks]
        await asyncio.gather(*(d.connect() for d in desks))
        # The burst: every desktop's pull leaves at the same instant, with nothing new (a clinic
        # opening at 8:00); then again, each 50-500 changes behind (power back at a station).
        await asyncio.gather(*(_timed(d, mark, burst, errors) for d in desks))
        answers = await asyncio.gather(*(_timed(d, k, behind, errors) for d, k in zip(desks, cursors)))
        cursors = [a["cursor"] if a else k for a, k in zip(answers, cursors)]
        stop = asyncio.Event()
        writer = asyncio.create_task(_writer(url, usernames[0], patients, stop))
        await asyncio.gather(*(_desktop(d, k, rounds, latencies, errors) for d, k in zip(desks, cursors)))
        stop.set()
        await writer
    finally:
        for d in desks:
            d.close()
    return {"latencies": latencies, "burst": burst, "behind": behind, "errors": errors[0]}


class Desktop:
    """One desktop's keep-alive HTTP/1.1 connection, spoken by hand: the load generator
    shares the machine with the server, so it must cost next to nothing per request."""

    def __init__(self, url: str, token: str):
        host, _, port = url.removeprefix("http://").partition(":")
        self.host, self.port, self.token = host, int(port or 80), token
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def post(self, path: str, payload: dict) -> tuple[int, bytes]:
        assert self.reader is not None and self.writer is not None, "connect() first"
        body = orjson.dumps(payload)
        self.writer.write(
            f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\nAuthorization: Bearer {self.token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next(int(v) for k, _, v in (ln.partition(":") for ln in lines[1:]) if k.lower() == "content-length")
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def _desktop(desk: Desktop, cursor: int, rounds: int, latencies, errors) -> None:
    rng = random.Random()
    await asyncio.sleep(rng.uniform(0.0, 1.0))
    for _ in range(rounds):
        more = True
        while more:
            body = await _timed(desk, cursor, latencies, errors)
            if body is None:
                break
            cursor, more = body["cursor"], body["more"]
        await asyncio.sleep(rng.uniform(1.0, 2.0))


async def _timed(desk: Desktop, cursor: int, latencies: list[float], errors: list[int]):
    started = time.perf_counter()
    try:
        status, raw = await desk.post("/sync/pull", {"cursor": cursor, "limit": 5000, "since": cursor})
        body = orjson.loads(raw) if status == 200 else None
    except (OSError, asyncio.IncompleteReadError, ValueError, StopIteration):
        body = None
    latencies.append((time.perf_counter() - started) * 1000)
    if body is None:
        errors[0] += 1
    return body


async def _sign_in(client: httpx.AsyncClient, username: str, gate: asyncio.Semaphore) -> str:
    async with gate:
        answer = await client.post("/auth/login", json={
            "username": username, "password": f"{username}-demo", "device_id": f"bench-{uuid.uuid4()}"})
    answer.raise_for_status()
    return answer.json()["access_token"]


async def _writer(url: str, username: str, patients: list[str], stop: asyncio.Event) -> None:
    """Ten new notes every 0.2 s from one more desktop, on random patients."""
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        token = await _sign_in(client, username, asyncio.Semaphore(1))
        client.headers["Authorization"] = f"Bearer {token}"
        schema = migrate.head()
        while not stop.is_set():
            now = clock.now().isoformat().replace("+00:00", "Z")
            mutations = [{"mutation_id": uuid7(), "table": "timeline_events", "row_id": uuid7(), "op": "insert",
                          "base_version": 0, "changes": {"patient_id": [None, random.choice(patients)],
                                                         "kind": [None, "note"], "title": [None, "并发随访"],
                                                         "occurred_at": [None, now]}} for _ in range(10)]
            await client.post("/sync/push", json={"schema_version": schema, "mutations": mutations})
            try:
                await asyncio.wait_for(stop.wait(), 0.2)
            except asyncio.TimeoutError:
                pass
