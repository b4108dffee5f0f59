"""The desktop's sync client: sign in, then push the outbox, pull pages, check the scope.

Errors come back as SyncError in words a case manager understands; nothing local is
lost on any failure: outbox entries go only on the server's ack, and each pulled page
commits together with its cursor, so an interrupted cycle resumes where it stopped.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field

import httpx
from sqlalchemy import select

from app import clock
from app import secrets
from app.errors import CaseDeskError
from app.events import DataChanged
from app.sync import local
from db import migrate
from db.models import MODEL_BY_TABLE

PUSH_BATCH = 500
PULL_PAGE = 5000
TIMEOUT = httpx.Timeout(30.0, connect=5.0)


class SyncError(CaseDeskError):
    """The cycle stopped; `offline` says whether the server could not be reached at all."""

    def __init__(self, message: str, offline: bool = False):
        super().__init__(message)
        self.offline = offline


@dataclass
class CycleReport:
    pushed: dict[str, int] = field(default_factory=dict)
    pulled: int = 0
    purged: int = 0
    repaired: list[str] = field(default_factory=list)
    seconds: float = 0.0


class SyncClient:
    def __init__(self, profile, base_url: str, transport: httpx.BaseTransport | None = None):
        self.profile = profile
        self.base_url = base_url.rstrip("/")
        self.http = httpx.Client(base_url=self.base_url, transport=transport, timeout=TIMEOUT)
        self.access_token: str | None = None

    def close(self) -> None:
        self.http.close()

    # -- sign-in -------------------------------------------------------------------
    @property
    def _refresh_key(self) -> str:
        return f"refresh:{self.profile.device_id}"

    def login(self, username: str, password: str) -> dict:
        body = self._post("/auth/login", {"username": username, "password": password,
                                          "device_id": self.profile.device_id}, auth=False)
        self._keep_tokens(body)
        user = body["user"]
        self.profile.settings.set("user.id", user["id"])
        self.profile.settings.set("sync.username", username)
        self.profile.settings.save()
        self.profile.store.user_id = user["id"]
        return user

    def _keep_tokens(self, body: dict) -> None:
        self.access_token = body["access_token"]
        secrets.put(self._refresh_key, body["refresh_token"])

    def _refresh(self) -> None:
        token = secrets.get(self._refresh_key)
        if not token:
            raise SyncError("请先登录服务器 / Sign in to the server first (Settings → Sync).")
        body = self._post("/auth/refresh", {"refresh_token": token, "device_id": self.profile.device_id},
                          auth=False)
        self._keep_tokens(body)

    # -- transport -------------------------------------------------------------------
    def _post(self, path: str, payload: dict, auth: bool = True, retried: bool = False) -> dict:
        headers = {}
        if auth:
            if self.access_token is None:
                self._refresh()
            headers["Authorization"] = f"Bearer {self.access_token}"
        try:
            response = self.http.post(path, json=payload, headers=headers)
        except httpx.TimeoutException as exc:
            raise SyncError("服务器响应超时 / The server did not answer in time; will retry.", offline=True) from exc
        except httpx.TransportError as exc:
            raise SyncError("无法连接服务器（离线）/ Cannot reach the server (offline); "
                            "your changes are kept and will be sent later.", offline=True) from exc
        if response.status_code == 401 and auth and not retried:
            self.access_token = None
            return self._post(path, payload, auth, retried=True)
        if response.status_code >= 400:
            detail = _detail(response)
            raise SyncError(f"服务器拒绝了请求 / The server refused: {detail}")
        return response.json()

    # -- the cycle ---------------------------------------------------------------------
    def cycle(self, progress: Callable[[str, int, int], None] | None = None) -> CycleReport:
        started = time.perf_counter()
        report = CycleReport()
        report.pushed = self.push()
        report.pulled = self.pull(progress)
        report.purged, report.repaired = self.check()
        report.seconds = time.perf_counter() - started
        self.profile.set_local("sync.last_success", clock.now().isoformat())
        return report

    def push(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        schema = migrate.head()
        while True:
            with self.profile.sessions() as s:
                batch = local.pending_batch(s, PUSH_BATCH)
                payload = [{"mutation_id": e.mutation_id, "table": e.table_name, "row_id": e.row_id,
                            "op": e.op, "base_version": e.base_version, "changes": e.changes} for e in batch]
            if not payload:
                return totals
            body = self._post("/sync/push", {"schema_version": schema, "mutations": payload})
            with self.profile.sessions.begin() as s:
                counts, merged = local.record_results(s, body["results"])
            for k, v in counts.items():
                totals[k] = totals.get(k, 0) + v
            for table in {t for t, _ in merged}:
                self.fetch_rows(table, [i for t, i in merged if t == table])
            self._announce({e["table"] for e in payload}, {e["row_id"] for e in payload})

    def pull(self, progress=None) -> int:
        total = 0
        while True:
            with self.profile.sessions() as s:
                start = local.cursor(s)
            page = self._post("/sync/pull", {"cursor": start, "limit": PULL_PAGE})
            total += local.apply_page(self.profile.engine, page, start)
            if page["tables"]:
                self._announce(set(page["tables"]), set())
            if progress:
                progress("pull", page["cursor"], page["watermark"])
            if not page["more"]:
                return total

    def check(self) -> tuple[int, list[str]]:
        """Compare count + hash per table; repair a table that differs from the server."""
        server = self._post("/sync/check", {"tables": []})["tables"]
        purged, repaired = 0, []
        for table, theirs in server.items():
            with self.profile.sessions() as s:
                if local.local_digest(s, table) == theirs:
                    continue
            purged += self._repair(table)
            repaired.append(table)
        return purged, repaired

    def fetch_rows(self, table: str, ids: list[str], *, overwrite_local: bool = False) -> int:
        """Bring these rows to the server's current version (cursor unchanged)."""
        written = 0
        for start in range(0, len(ids), PULL_PAGE):
            page = self._post("/sync/rows", {"table": table, "ids": ids[start:start + PULL_PAGE]})
            with self.profile.sessions() as s:
                at = local.cursor(s)
            written += local.apply_page(self.profile.engine, {"tables": {table: page}, "cursor": at}, at,
                                        overwrite_local=overwrite_local)
        return written

    def _repair(self, table: str) -> int:
        listing = self._post("/sync/ids", {"table": table})
        theirs = {row_id: version for row_id, version in listing["rows"]}
        model = MODEL_BY_TABLE[table]
        with self.profile.sessions.begin() as s:
            mine = dict(s.execute(
                select(model.id, model.version).where(model.server_seq.is_not(None))).all())
            gone = local.purge(s, table, set(mine) - set(theirs))
        stale = [i for i, v in theirs.items() if mine.get(i) != v]
        self.fetch_rows(table, stale)
        if gone or stale:
            self._announce({table}, set())
        return gone

    def _announce(self, tables: set[str], row_ids: set[str]) -> None:
        self.profile.bus.publish(DataChanged(frozenset(tables), frozenset(row_ids)))


def _detail(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except ValueError:
        detail = response.text[:200]
    if isinstance(detail, list):
        detail = "; ".join(str(d) for d in detail[:5])
    return f"{detail} (HTTP {response.status_code})"
