"""Plain-Python events published by app/ services after a commit.

The UI re-emits them as Qt signals (ui/events.py); the server ignores them.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field


@dataclass(frozen=True)
class DataChanged:
    """Rows changed in these tables (local edits, sync pulls, imports)."""

    tables: frozenset[str]
    row_ids: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class IdentityChanged:
    """Who works at this desktop changed: a sign-in, the signed-in person's row arriving with the
    first pull, or their unit moved by an administrator. Pages that show "mine" or "my station"
    re-read from it; the status bar shows the name and station."""

    user_id: str | None
    station_id: str | None
    org_unit_id: str | None = None
    display_name: str = ""
    station_name: str = ""


Listener = Callable[[object], None]


class EventBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)
        return lambda: self.unsubscribe(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def publish(self, event: object) -> None:
        """Listeners run on the publishing thread; UI adapters must hop threads themselves."""
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(event)
