"""The sync lane: one cycle at a time, in the background, on the network lane.

A cycle starts about every `sync.interval_s` seconds (± 15 %), a few seconds after local edits settle
(debounced), and on demand (F5, the 同步 button). A request while a cycle runs is kept
and served once it ends, so cycles never overlap and none is lost. Local edits are told
apart from the DataChanged a pull publishes by the count of changes waiting to go out:
only an edit makes it grow.

Everything network-bound (sign-in, conflict resolution) goes through `run_network`, on
the same one-thread lane, so it queues behind a running cycle instead of racing it. The
SyncClient lives on that lane too; the GUI thread never touches it.
"""
from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal

from app.sync import service
from app.sync.errors import SyncError
from app.sync.service import Counts
from ui.tasks import run_in_background

log = logging.getLogger(__name__)

DEBOUNCE_MS = 3000
MIN_INTERVAL_S = 15
# Each wait is the interval ± 15 %: desktops that start together (a clinic opening, power
# back, the server back after an outage) drift apart instead of pulling in the same second.
INTERVAL_JITTER = 0.15
LANE = "network"
# After these a request made meanwhile waits for the timer: asking again at once would only
# fail the same way (no network, no sign-in, told to wait).
WAIT_FOR_TIMER = (service.OFFLINE, service.TIMEOUT, service.SIGNED_OUT, service.SLOWED_DOWN,
                  service.SERVER_BUSY, service.DEVICE_OTHER_USER, service.DEVICE_REVOKED,
                  service.ACCOUNT_DISABLED)


@dataclass(frozen=True)
class SyncState:
    configured: bool = False  # a server address is set
    signed_in: bool = False
    online: bool = False  # the last contact with the server worked
    busy: bool = False
    last_success: datetime | None = None
    counts: Counts = field(default_factory=Counts)
    problem: str | None = None  # a kind (app/sync/errors.py); None when all is well
    error: BaseException | None = None  # the failure itself, worded by ui/sync/words.failure_text
    password_expires_in_days: int | None = None  # the last sign-in's warning (server/passwords.py)


class SyncController(QObject):
    state_changed = Signal(object)  # SyncState
    cycle_started = Signal(bool, int)  # first sync of this desktop?, the change it starts after
    progress = Signal(int, int)  # pulled up to change, of (watermark); emitted from the lane
    cycle_finished = Signal(object)  # CycleReport
    cycle_failed = Signal(str, object)  # kind, the failure (a SyncError, KeyringUnavailable …)
    # An administrator withdrew this desktop (auth.device_revoked, at a cycle or a sign-in): the
    # window closes its profile and erases it (ui/sync/wiring.py). No more cycles start.
    withdrawn = Signal(object)

    def __init__(self, profile, events=None, cycle: Callable | None = None,
                 parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS):
        """`cycle(progress)` replaces the real client's cycle in unit tests only."""
        super().__init__(parent)
        self.profile = profile
        self._cycle_fn = cycle
        self._client = None
        self._client_url = ""
        self._closed = False
        self.busy = False
        self._again = False
        self._online = False
        self._problem: str | None = None
        self._error: BaseException | None = None
        self._password_days: int | None = None
        self.cycles_started = 0
        self.manual = False  # whether the latest request came from a person (F5, 同步, retry)
        self.state = SyncState()
        self._seen_pending = service.counts(profile).pending
        self.interval = QTimer(self)
        self.interval.timeout.connect(self._tick)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(debounce_ms)
        self.debounce.timeout.connect(self._tick)
        if events is not None:
            events.data_changed.connect(self.on_data_changed)
        self.apply_settings()

    # -- what may run ---------------------------------------------------------------------

    def configured(self) -> bool:
        return bool(service.server_url(self.profile))

    def automatic(self) -> bool:
        """Timers and edits start cycles only for a signed-in desktop with a server."""
        return self.configured() and service.signed_in(self.profile)

    def apply_settings(self) -> None:
        """Settings changed (or first start): re-arm the timer and say where things stand."""
        self._arm_interval()
        if self.automatic() and not self._closed:
            self.interval.start()
        else:
            self.interval.stop()
        self.publish()

    def start_soon(self) -> None:
        """A first cycle shortly after the window shows (not during its construction)."""
        if self.automatic():
            self.debounce.start()

    # -- requests ---------------------------------------------------------------------------

    def sync_now(self) -> bool:
        """On demand (F5, 同步). False when it could not start now (queued or impossible)."""
        if not self.configured():
            self._fail_state(service.NO_SERVER, SyncError(service.NO_SERVER))
            return False
        self.manual = True
        return self._request()

    def _arm_interval(self) -> None:
        seconds = max(MIN_INTERVAL_S, int(self.profile.settings.get("sync.interval_s")))
        self.interval.setInterval(round(seconds * 1000 * random.uniform(1 - INTERVAL_JITTER, 1 + INTERVAL_JITTER)))

    def _tick(self) -> None:
        if self.interval.isActive():
            self._arm_interval()  # restarts it: the next wait is drawn afresh
        if self.automatic():
            self.manual = False
            self._request()

    def _request(self) -> bool:
        if self._closed:
            return False
        if self.busy:
            self._again = True  # served when the running cycle ends
            return False
        self.busy = True
        self.debounce.stop()
        self.cycles_started += 1
        first = service.is_first_sync(self.profile)
        self.cycle_started.emit(first, service.pull_cursor(self.profile) if first else 0)
        self.publish()
        run_in_background(self._run_cycle, self._cycle_done, self._cycle_error, lane_name=LANE)
        return True

    def _run_cycle(self):
        # On the network lane: emitting from here reaches GUI-thread slots queued.
        def progress(_stage: str, cursor: int, watermark: int) -> None:
            self.progress.emit(cursor, watermark)
        if self._cycle_fn is not None:
            return self._cycle_fn(progress)
        return self.client().cycle(progress)

    def _cycle_done(self, report) -> None:
        if self._closed:
            return
        self.busy = False
        self._online, self._problem, self._error = True, None, None
        self.publish()
        self.cycle_finished.emit(report)
        self._serve_waiting()

    def _cycle_error(self, exc: Exception) -> None:
        if self._closed:
            return
        self.busy = False
        kind = service.classify(exc)
        if kind == service.UNEXPECTED:
            log.error("sync cycle failed:\n%s", getattr(exc, "traceback_text", repr(exc)))
        if service.answered(exc):
            self._online = True  # the server answered, if only to refuse
        self._fail_state(kind, exc)
        self.cycle_failed.emit(kind, exc)
        if service.withdrawn(exc):
            self._withdraw(exc)
            return
        self._serve_waiting()

    def _withdraw(self, exc: BaseException) -> None:
        self._again = False
        self.shutdown()  # the profile is about to go: nothing may touch it any more
        self.withdrawn.emit(exc)

    def _serve_waiting(self) -> None:
        if self._again:
            self._again = False
            if self._problem not in WAIT_FOR_TIMER:
                self._request()  # an edit or F5 came in meanwhile; offline waits for the timer

    def _fail_state(self, kind: str, error: BaseException) -> None:
        if kind in (service.OFFLINE, service.TIMEOUT, service.NO_SERVER):
            self._online = False
        self._problem, self._error = kind, error
        self.publish()

    # -- local edits ------------------------------------------------------------------------

    def on_data_changed(self, _event=None) -> None:
        """Views refreshed: recount; a grown outbox means a local edit, so sync soon."""
        counts = self.publish()
        if counts.pending > self._seen_pending and self.automatic():
            self.debounce.start()
        self._seen_pending = counts.pending

    def publish(self) -> Counts:
        counts = service.counts(self.profile)
        self.state = SyncState(
            configured=self.configured(), signed_in=service.signed_in(self.profile),
            online=self._online, busy=self.busy, last_success=service.last_success(self.profile),
            counts=counts, problem=self._problem, error=self._error,
            password_expires_in_days=self._password_days)
        self.state_changed.emit(self.state)
        return counts

    # -- the network lane -------------------------------------------------------------------

    def client(self):
        """The SyncClient for the configured server; call on the network lane only."""
        url = service.server_url(self.profile)
        if self._client is None or self._client_url != url:
            if self._client is not None:
                self._client.close()
            self._client = service.make_client(self.profile, url)
            self._client_url = url
        return self._client

    def run_network(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None],
                    on_error: Callable[[Exception], None]) -> None:
        """Run `fn(client)` on the network lane, after any running cycle."""
        run_in_background(lambda: fn(self.client()), on_done, on_error, lane_name=LANE)

    def run_serial(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
                   on_error: Callable[[Exception], None]) -> None:
        """Run local outbox work on the network lane too, so it never interleaves with a cycle."""
        run_in_background(fn, on_done, on_error, lane_name=LANE)

    def sign_in(self, url: str, username: str, password: str, on_done, on_error) -> None:
        """Sign in against `url` (saved on success); the first sync follows at once."""
        def work():
            if self._client is None or self._client_url != url:
                if self._client is not None:
                    self._client.close()
                self._client = service.make_client(self.profile, url)
                self._client_url = url
            user = service.sign_in(self.profile, self._client, username, password)
            return user, self._client.password_expires_in_days

        def done(answer):
            user, self._password_days = answer
            if not self._closed:
                self._online, self._problem, self._error = True, None, None
                self.apply_settings()
                self.manual = True  # a person just signed in: show them the first sync
                self._request()
            on_done(user)

        def failed(exc):
            if service.withdrawn(exc) and not self._closed:
                self._fail_state(service.classify(exc), exc)
                self._withdraw(exc)
            on_error(exc)
        run_in_background(work, done, failed, lane_name=LANE)

    def shutdown(self) -> None:
        """The window is closing: no more cycles; the client closes on its own lane."""
        self._closed = True
        self.interval.stop()
        self.debounce.stop()
        client, self._client = self._client, None
        if client is not None:
            run_in_background(client.close, lambda _r: None, lambda _e: None, lane_name=LANE)
