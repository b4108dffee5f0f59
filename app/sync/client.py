"""The desktop's sync client: sign in, then push the outbox, pull pages, check the scope.

Errors come back as SyncError with a kind (app/sync/errors.py), the HTTP status and the
server's code and parameters; ui/ words them. Nothing local is lost on any failure:
outbox entries go only on the server's ack, and each pulled page commits together with
its cursor, so an interrupted cycle resumes where it stopped.
While one page is written to SQLite the next is already on its way (one request in
flight at a time, in order), so the network and the disk overlap.
"""
from __future__ import annotations

import logging
import platform
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from dataclasses import field

import httpx
import orjson
from sqlalchemy import select

from app import clock
from app import secrets
from app.events import DataChanged
from app.sync import attachments as attachment_sync
from app.sync import audit_push
from app.sync import demo_guard
from app.sync import endpoint
from app.sync import errors
from app.sync import files as published_files
from app.sync import local
from app.sync import pages
from app.sync import push_apart
from app.sync import rewind
from app.sync.errors import SyncError
from db import migrate
from db.engine import checkpoint
from db.models import MODEL_BY_TABLE

PUSH_BATCH = 1000  # the server's most (server/schemas.py MAX_BATCH): fewer requests' fixed costs
PUSH_BYTES = 8 * 1024 * 1024  # and at most this much JSON, far inside the server's 32 MB body limit
IN_FLIGHT = 3  # push batches out at once: two applied (when apart: app/sync/push_apart.py) while the desktop records and reads
PULL_PAGE = 10_000
FETCH_PAGE = 5000
TIMEOUT = httpx.Timeout(30.0, connect=5.0)
FULL_CHECK_EVERY = 3600.0  # seconds
CHECKED_KEY = "sync.checked_seq"
DEVICE_CODE_KEY = "sync.device_code"
# Servers from issue #14 on take "client_time" in push and audit bodies; an older server's
# schema forbids unknown fields, so this is the one switch to turn it off for such a server.
SEND_CLIENT_TIME = True

__all__ = ["SyncClient", "SyncError", "CycleReport"]

log = logging.getLogger(__name__)


@dataclass
class CycleReport:
    pushed: dict[str, int] = field(default_factory=dict)
    pulled: int = 0
    purged: int = 0
    repaired: list[str] = field(default_factory=list)
    audit_sent: int = 0
    seconds: float = 0.0
    resent: int | None = None  # rows sent again after the server was restored (app/sync/rewind.py)


def _client_time() -> dict[str, str]:
    """This desktop's clock for a request's body (the server records the skew), if sent."""
    return {"client_time": clock.now().isoformat()} if SEND_CLIENT_TIME else {}


class SyncClient:
    def __init__(self, profile, base_url: str, transport: httpx.BaseTransport | None = None,
                 timeout: httpx.Timeout | float = TIMEOUT):
        self.profile = profile
        self.base_url = base_url.rstrip("/")
        # A given transport replaces the network (tests' recorders): only a real one is checked.
        verify = endpoint.checked(self.base_url) if transport is None else True
        self.http = httpx.Client(base_url=self.base_url, transport=transport, timeout=timeout, verify=verify)
        self.access_token: str | None = None
        self._token_lock = threading.Lock()  # see _bearer
        self._full_checked: float | None = None  # monotonic time of this session's last full check
        # Days until the password expires, when the last sign-in's answer warned (server/passwords.py).
        self.password_expires_in_days: int | None = None

    def close(self) -> None:
        self.http.close()

    # -- sign-in -------------------------------------------------------------------
    @property
    def _refresh_key(self) -> str:
        return f"refresh:{self.profile.device_id}"

    def login(self, username: str, password: str) -> dict:
        bound = self.profile.settings.get("station.login")
        if bound and username.strip().lower() != bound.lower():
            # Another person's data would go out under this person's name, and theirs in here.
            # Refused here as the server refuses it (auth.device_other_user, 403), before asking.
            raise SyncError(errors.DEVICE_OTHER_USER, status=403, code="sync.profile_other_user",
                            params={"owner": bound, "username": username},
                            detail=f"this profile belongs to {bound}, not {username}")
        body = self._post("/auth/login", {"username": username, "password": password,
                                          "device_id": self.profile.device_id, **about_desktop()},
                          auth=False, signing_in=True)
        return self._signed_in(body, username)

    def change_password(self, username: str, old_password: str, new_password: str) -> dict:
        """A new password on the server (the old one checked as a sign-in is); the answer signs
        this desktop in as a login does. A weak new one is a SyncError with the policy's code."""
        body = self._post("/auth/password", {"username": username, "old_password": old_password,
                                             "new_password": new_password, "device_id": self.profile.device_id},
                          auth=False, signing_in=True)
        return self._signed_in(body, username)

    def _signed_in(self, body: dict, username: str) -> dict:
        """A sign-in's answer (login or password change): its tokens and the person, kept."""
        self._keep_tokens(body)
        user = body["user"]
        self.profile.settings.set("user.id", user["id"])
        self.profile.settings.set("sync.username", username)
        self.profile.settings.save()
        self.profile.store.user_id = user["id"]
        return user

    def _keep_tokens(self, body: dict) -> None:
        if isinstance(body.get("demo"), bool):  # whether the server holds demo data (the title's DEMO);
            demo_guard.heard(self.profile, body["demo"], self.base_url)  # a demo profile stops here on a real one
        self.access_token = body["access_token"]
        if "user" in body and body.get("password_expires_in_days") is not None:
            self.password_expires_in_days = int(body["password_expires_in_days"])
        secrets.put(self._refresh_key, body["refresh_token"])
        if body.get("device_code"):  # the server allots it when the device is first registered
            if self.profile.get_local(DEVICE_CODE_KEY) != body["device_code"]:
                self.profile.set_local(DEVICE_CODE_KEY, str(body["device_code"]))

    def _bearer(self) -> str:
        """The access token, refreshed first if there is none. Requests run on several threads
        (two push batches, their reports' uploads) and a refresh token is good once (the server
        ends a sign-in whose refresh token comes twice): one refresh at a time."""
        with self._token_lock:
            if self.access_token is None:
                self._refresh()
            assert self.access_token is not None  # _refresh kept one or raised
            return self.access_token

    def _expired(self, token: str | None) -> None:
        """The server refused `token`: the next request refreshes, unless another already did."""
        with self._token_lock:
            if self.access_token == token:
                self.access_token = None

    def _refresh(self) -> None:
        token = secrets.get(self._refresh_key)
        if not token:
            raise SyncError(errors.SIGNED_OUT, detail="no sign-in kept on this desktop")
        body = self._post("/auth/refresh", {"refresh_token": token, "device_id": self.profile.device_id,
                                            **about_desktop()}, auth=False)
        self._keep_tokens(body)

    # -- transport -------------------------------------------------------------------
    def _post(self, path: str, payload: dict, auth: bool = True, signing_in: bool = False) -> dict:
        return _decode(self._send(path, payload, auth, signing_in=signing_in))

    def _stamped(self, path: str, payload: dict) -> dict:
        """POST with this desktop's clock in the body: the server keeps it beside its own and
        flags a skew (who did it, and when, is the server's word)."""
        return self._post(path, {**payload, **_client_time()})

    def call(self, method: str, path: str, payload: dict | None = None) -> dict:
        """A signed-in request to any other endpoint (the administrator's /admin/, /files): its
        JSON answer, or a SyncError with the server's code."""
        return _decode(self._send(path, payload, method=method))

    def raw(self, method: str, path: str, content: bytes | None = None, headers: dict | None = None,
            retried: bool = False) -> httpx.Response | None:
        """A signed-in request whose body is not JSON (a published file, a report's bytes): the
        answer as it came, None on 404; the token refreshed once on 401."""
        token = self._bearer()
        signed = {**(headers or {}), "Authorization": f"Bearer {token}"}
        try:
            response = self.http.request(method, path, headers=signed, content=content)
        except httpx.TimeoutException as exc:
            raise SyncError(errors.TIMEOUT, detail=type(exc).__name__) from exc
        except httpx.TransportError as exc:
            raise SyncError(errors.OFFLINE, detail=f"{type(exc).__name__}: {exc}") from exc
        if response.status_code == 401 and not retried:
            self._expired(token)
            return self.raw(method, path, content, headers, retried=True)
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise errors.from_answer(response.status_code, response.content, response.headers)
        return response

    def _send(self, path: str, payload: dict | bytes | None, auth: bool = True, retried: bool = False,
              signing_in: bool = False, method: str = "POST") -> bytes:
        """The answer's body, undecoded: pulled pages are parsed by SQLite (app/sync/pages.py).
        `payload` as JSON bytes goes as it is (a push's batch: app/sync/local.py pending_wire)."""
        headers = {"Content-Type": "application/json"}
        token = self._bearer() if auth else None
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        try:
            response = self.http.request(method, path, headers=headers,
                                         content=payload if payload is None or isinstance(payload, bytes)
                                         else orjson.dumps(payload))
        except httpx.TimeoutException as exc:
            raise SyncError(errors.TIMEOUT, detail=type(exc).__name__) from exc
        except httpx.TransportError as exc:
            raise SyncError(errors.OFFLINE, detail=f"{type(exc).__name__}: {exc}") from exc
        if response.status_code == 401 and auth and not retried:
            self._expired(token)  # expired or ended: refresh once, then ask again
            return self._send(path, payload, auth, retried=True, method=method)
        if response.status_code >= 400:
            raise errors.from_answer(response.status_code, response.content, response.headers,
                                     signing_in=signing_in)
        return response.content

    # -- the cycle ---------------------------------------------------------------------
    def cycle(self, progress: Callable[[str, int, int], None] | None = None) -> CycleReport:
        started = time.perf_counter()
        report = CycleReport()
        report.resent = rewind.settle(self)  # a restored server: before anything is pushed or purged
        report.pushed = self.push()
        since = self._check_since()
        report.pulled, scope_changed = self._pull(progress, since)
        published_files.refresh(self.profile, self)  # rule, holiday and letter files (app/sync/files.py)
        attachment_sync.fetch(self)  # the bytes of reports pulled as rows
        if scope_changed:  # or no full check yet this session, or the last one is old
            report.purged, report.repaired = self.check()
        report.audit_sent = audit_push.send(self.profile, self._stamped)
        checkpoint(self.profile.engine)  # on the sync's thread: a person's writes never checkpoint
        report.seconds = time.perf_counter() - started
        self.profile.set_local("sync.last_success", clock.now().isoformat())
        return report

    def push(self) -> dict[str, int]:
        """Send the outbox in batches, in its order, steps overlapping: up to IN_FLIGHT batches
        are out at once (on threads of their own), each after the first naming the last
        mutation of the one ahead, which the server applies first (server/push_order.py),
        unless the two name none of the same records: then the server may apply them at once
        (app/sync/push_apart.py); `after` names one batch, so one that may depend on a batch
        out other than the last waits until it is the only one out. The next batch is read
        here and answers are recorded, in order, meanwhile. So neither the network nor this
        desktop leaves the server idle between batches. A batch apart from those out goes at
        once, to any server; one that may depend on them needs `after`, so until an answer
        says "ordered" (an older server does not) it waits until none it may depend on is out.
        Rows merged on the server are fetched once nothing is in flight (one network user)."""
        totals: dict[str, int] = {}
        schema = migrate.head()
        merged: set[tuple[str, str]] = set()
        out: deque[tuple[list[local.Waiting], list[bytes], Future]] = deque()
        ordered = False
        sender = ThreadPoolExecutor(IN_FLIGHT, thread_name_prefix="sync-push")
        names = push_apart.Names(self.profile.sessions)
        try:
            batch, payload = self._read_batch(None)
            while batch or out:
                while batch and len(out) < IN_FLIGHT:
                    # Named after the one ahead only if it may depend on it (app/sync/push_apart.py).
                    after = None
                    if out and not all(push_apart.apart(names(batch), names(ahead)) for ahead, *_ in out):
                        if len(out) > 1 or not ordered:
                            break
                        after = out[-1][0][-1].mutation_id
                    out.append((batch, payload, sender.submit(self._send_batch, batch, payload, schema, after)))
                    batch, payload = self._read_batch(batch[-1].seq)  # positions after those out
                sent, sent_payload, answer = out.popleft()
                names.forget(sent)
                try:
                    body = answer.result()
                except SyncError as exc:
                    if exc.code != "sync.push_out_of_order":
                        raise
                    # The one ahead took longer than the server waits; it is answered now.
                    body = self._send_batch(sent, sent_payload, schema, None)
                ordered = body.get("ordered") is True
                with self.profile.sessions.begin() as s:
                    counts, batch_merged = local.record_results(s, body["results"])
                merged |= batch_merged
                for k, v in counts.items():
                    totals[k] = totals.get(k, 0) + v
                self._announce({e.table_name for e in sent}, {e.row_id for e in sent})
        except BaseException:
            # A batch still out is not waited for: applied or not, the next push sends it again
            # (answers replay), and one waiting on the batch that failed would only be refused.
            for *_, later in out:
                later.add_done_callback(_log_abandoned)
            sender.shutdown(wait=False, cancel_futures=True)
            raise
        sender.shutdown()
        for table in {t for t, _ in merged}:
            self.fetch_rows(table, [i for t, i in merged if t == table])
        return totals

    def _read_batch(self, after: int | None) -> tuple[list[local.Waiting], list[bytes]]:
        """The batch after outbox position `after` (None: from the start), and its mutations
        as wire JSON: PUSH_BATCH of them, fewer if they would pass PUSH_BYTES (long notes),
        at least one."""
        with self.profile.sessions() as s:
            batch = local.pending_wire(s, PUSH_BATCH, after)
        size = 0
        for n, e in enumerate(batch):
            size += len(e.wire) + 1
            if n and size > PUSH_BYTES:
                batch = batch[:n]
                break
        return batch, [e.wire for e in batch]

    def _send_batch(self, batch: list[local.Waiting], payload: list[bytes], schema: str, after: str | None) -> dict:
        attachment_sync.upload(self, batch)  # a report's bytes before its row (server/attachments.py)
        head = {"schema_version": schema, **_client_time()}  # stamped, as _stamped does
        if after is not None:
            head["after"] = after
        body = orjson.dumps(head)[:-1] + b',"mutations":[' + b",".join(payload) + b"]}"
        return _decode(self._send("/sync/push", body))

    def pull(self, progress=None) -> int:
        return self._pull(progress, None)[0]

    def _pull(self, progress, since: int | None) -> tuple[int, bool]:
        """Pull every page; (rows written, whether the scope may have changed since `since`)."""
        total = 0
        with self.profile.sessions() as s:
            start = local.cursor(s)
        ask = {"limit": PULL_PAGE} if since is None else {"limit": PULL_PAGE, "since": since}
        changed: set[str] = set()  # tables written since the last commit: announced after it
        with ThreadPoolExecutor(1, thread_name_prefix="sync-pull") as ahead, \
                local.page_writer(self.profile.engine) as writer:
            page = self._pull_page(start, ask)
            if page.watermark < start and rewind.settle(self) is not None:
                return self._pull(progress, None)  # the restored history, from its start
            while True:
                upcoming = ahead.submit(self._pull_page, page.cursor, ask) if page.more else None
                try:
                    total += writer.apply(page, start)
                    changed |= set(page.tables)
                    if upcoming is None or writer.due():
                        writer.commit()  # rows and cursor together; only now can views see them
                        if changed:
                            self._announce(changed, set())
                        changed = set()
                except BaseException:
                    if upcoming is not None:
                        upcoming.cancel()
                    raise
                if progress:
                    progress("pull", page.cursor, page.watermark)
                if upcoming is None:
                    return total, page.scope_changed is not False
                if not upcoming.done():  # a network wait: never with the database held
                    writer.commit()
                    if changed:
                        self._announce(changed, set())
                    changed = set()
                start, page = page.cursor, upcoming.result()

    def _pull_page(self, cursor: int, ask: dict) -> pages.Page:
        """Fetched and parsed (by SQLite, without the GIL) on the read-ahead thread."""
        return _parsed(pages.parse_pull, self._send("/sync/pull", {"cursor": cursor, **ask}))

    def check(self, _again: bool = False) -> tuple[int, list[str]]:
        """Compare count + checksum per table; repair a table that differs from the server.
        Rows this desktop holds edits for are left out on both sides and settled by push.

        A cycle runs it when its pull says the scope may have changed since the last one
        (a patient moved, the organisation changed), on its first cycle in a session, and
        at least every FULL_CHECK_EVERY; otherwise the counting would be wasted."""
        with self.profile.sessions() as s:
            held = local.edited_rows(s)
            at = local.cursor(s)
        answer = self._post("/sync/check", {"tables": [], "exclude": held})
        if rewind.settle_answer(self, answer) is not None:
            return 0, []  # rows the server lost are queued again, not purged; the next cycle sends them
        gone: dict[str, set[str]] = {}
        differ = []
        for table, theirs in answer["tables"].items():
            if table not in MODEL_BY_TABLE:
                continue
            with self.profile.sessions() as s:
                outside = local.known_rows(s, table, theirs.pop("outside", None) or ())
                mine = local.local_digest(s, table, held.get(table))
            if outside:
                gone[table] = outside
            if mine != {k: theirs.get(k) for k in mine}:
                differ.append(table)
        if differ and answer.get("watermark", 0) > at and not _again:
            self.pull()  # the server counted changes this desktop had not pulled yet
            return self.check(_again=True)
        stale: dict[str, list[str]] = {}
        for table in differ:
            table_gone, stale[table] = self._compare(table, set(held.get(table, ())))
            gone[table] = gone.get(table, set()) | table_gone
        purged = local.purge(self.profile.engine, gone) if gone else 0
        for table, ids in stale.items():
            if ids:
                self.fetch_rows(table, ids)
        repaired = sorted({t for t, ids in gone.items() if ids} | {t for t, ids in stale.items() if ids})
        if repaired:
            self._announce(set(repaired), set())
        self._full_checked = time.monotonic()
        self.profile.set_local(CHECKED_KEY, str(answer.get("watermark", at)))
        return purged, repaired

    def _check_since(self) -> int | None:
        if self._full_checked is None or time.monotonic() - self._full_checked > FULL_CHECK_EVERY:
            return None
        mark = self.profile.get_local(CHECKED_KEY)
        return int(mark) if mark else None

    def fetch_rows(self, table: str, ids: list[str], *, overwrite_local: bool = False) -> int:
        """Bring these rows to the server's current version (cursor unchanged)."""
        return self.fetch_rows_found(table, ids, overwrite_local=overwrite_local)[0]

    def fetch_rows_found(self, table: str, ids: list[str], *, overwrite_local: bool = False) -> tuple[int, set[str]]:
        """As fetch_rows; also which of `ids` the server gave (it holds them, in this person's scope)."""
        written, found = 0, set()
        for start in range(0, len(ids), FETCH_PAGE):
            raw = self._send("/sync/rows", {"table": table, "ids": ids[start:start + FETCH_PAGE]})
            with self.profile.sessions() as s:
                at = local.cursor(s)
            page = _parsed(pages.parse_rows, raw, table, at)
            found |= local.page_ids(self.profile.engine, page, table)
            written += local.apply_page(self.profile.engine, page, at, overwrite_local=overwrite_local)
        return written, found

    def _compare(self, table: str, held: set[str]) -> tuple[set[str], list[str]]:
        """(ids this desktop has that the server does not give it, ids that differ)."""
        listing = self._post("/sync/ids", {"table": table})
        theirs = {row[0]: (row[1], row[2]) for row in listing["rows"]}
        model = MODEL_BY_TABLE[table]
        with self.profile.sessions() as s:
            mine = {r[0]: (r[1], r[2]) for r in s.execute(
                select(model.id, model.version, model.server_seq).where(model.server_seq.is_not(None)))}
        gone = set(mine) - set(theirs)
        stale = sorted(i for i, v in theirs.items() if mine.get(i) != v and i not in held)
        return gone, stale

    def _announce(self, tables: set[str], row_ids: set[str]) -> None:
        self.profile.bus.publish(DataChanged(frozenset(tables), frozenset(row_ids)))


def _log_abandoned(future) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.info("a push batch sent before the failure ended too: %s", future.exception())


def about_desktop() -> dict:
    """This computer's name and CaseDesk version, for the administrator's device list."""
    from app import __version__

    return {"device_name": (platform.node() or "")[:64], "app_version": str(__version__)[:32]}


def confirm_erased(base_url: str, device_id: str, transport: httpx.BaseTransport | None = None) -> bool:
    """Tell the server this withdrawn desktop erased its profile (server/erased.py). Unsigned:
    its tokens ended with the withdrawal. Best effort: the server already logged the refusal
    that started the erasure, so an unreachable server loses only the confirmation."""
    verify = endpoint.checked(base_url.rstrip("/")) if transport is None else True
    try:
        with httpx.Client(base_url=base_url.rstrip("/"), transport=transport, timeout=httpx.Timeout(10.0, connect=5.0),
                          verify=verify) as http:
            answer = http.post("/devices/erased", content=orjson.dumps({"device_id": device_id}),
                               headers={"Content-Type": "application/json"})
    except httpx.HTTPError:
        return False
    return answer.status_code == 204


def _decode(body: bytes) -> dict:
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise SyncError(errors.UNREADABLE, detail="the answer is not JSON") from exc


def _parsed(parse, *args) -> pages.Page:
    try:
        return parse(*args)
    except pages.BadPage as exc:
        raise SyncError(errors.UNREADABLE, detail=f"a pulled page could not be read: {exc}") from exc
