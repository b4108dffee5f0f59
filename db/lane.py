"""One database file, two kinds of writer: a person's writes go first.

SQLite has one writer at a time. A first sync writes pages in long transactions (fewer
commits are faster); a person's write meanwhile waited in SQLite's busy handler for up to
the whole transaction — over a second, and the window froze. So a person's write says it is
coming (`interactive()`), and the bulk writer, between slices of a page, commits and steps
aside (`yield_to_people()`) until no person's write is waiting; then it carries on. The
wait a person meets is at most one slice of a page.

Keyed by the database file, so every engine and connection of one profile shares it.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager

YIELD_TIMEOUT_S = 5.0  # a person's write that hangs must not stop the sync for good


class WriteLane:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._people = 0
        self.yields = 0  # how often the bulk writer stepped aside (benchmarks report it)

    @contextmanager
    def interactive(self) -> Iterator[None]:
        with self._cond:
            self._people += 1
        try:
            yield
        finally:
            with self._cond:
                self._people -= 1
                self._cond.notify_all()

    def waiting(self) -> bool:
        return self._people > 0  # an int read: no lock needed for a hint

    def yield_to_people(self, commit: Callable[[], None]) -> bool:
        """If a person's write waits: commit (`commit()` ends the bulk transaction), let
        every waiting write finish, return True; the caller begins its next transaction."""
        if not self._people:
            return False
        commit()
        with self._cond:
            self.yields += 1
            self._cond.wait_for(lambda: self._people == 0, YIELD_TIMEOUT_S)
        return True


_LANES: dict[str, WriteLane] = {}
_GUARD = threading.Lock()


def lane_for(engine) -> WriteLane:
    """The lane of the file `engine` writes (one per database, whatever the engine object)."""
    key = str(engine.url.database or engine.url)
    with _GUARD:
        found = _LANES.get(key)
        if found is None:
            found = _LANES[key] = WriteLane()
        return found
