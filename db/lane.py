"""One database file, two kinds of writer: a person's writes go first.

SQLite has one writer at a time. A first sync writes pages in long transactions (fewer
commits are faster); a person's write meanwhile waited in SQLite's busy handler for up to
the whole transaction — over a second, and the window froze. So a person's write says it is
coming (`interactive()`), and the bulk writer, between slices of a page, commits and steps
aside (`yield_to_people()`) until no person's write is waiting; then it carries on. The
person's write waits here, not in SQLite's busy handler, whose sleeps grow to 100 ms a try
(a lock free after 30 ms was taken after 80 ms, and 330 ms at worst): the bulk writer says
when it holds a transaction (`bulk()`), and a person's write starts once it does not. The
wait a person meets is one slice of a page and its commit.

Keyed by the database file, so every engine and connection of one profile shares it.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager

YIELD_TIMEOUT_S = 5.0  # a person's write that hangs must not stop the sync for good
ACTIVE_S = 10.0  # a person who wrote this recently is working: bulk transactions stay short


class WriteLane:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._people = 0
        self._bulk = False  # a bulk writer holds a transaction
        self._last_person = float("-inf")  # time.monotonic() of the last person's write
        self.yields = 0  # how often the bulk writer stepped aside (benchmarks report it)

    @contextmanager
    def interactive(self) -> Iterator[None]:
        with self._cond:
            self._people += 1
            if self._bulk:  # it commits at its next slice and waits for us
                self._cond.wait_for(lambda: not self._bulk, YIELD_TIMEOUT_S)
        try:
            yield
        finally:
            with self._cond:
                self._people -= 1
                self._last_person = time.monotonic()
                self._cond.notify_all()

    def bulk_begins(self) -> None:
        """A bulk writer is about to open a transaction: after any person's write waiting."""
        with self._cond:
            self._cond.wait_for(lambda: self._people == 0, YIELD_TIMEOUT_S)
            self._bulk = True

    def bulk_ends(self) -> None:
        with self._cond:
            self._bulk = False
            self._cond.notify_all()

    def people_active(self) -> bool:
        """Someone wrote within ACTIVE_S: the next write is likely soon. A bulk writer then
        commits at every slice, so a write waits for one small commit, not a big one (a commit
        of 200 ms of bulk writing took 150–340 ms: every dirty index page goes to the WAL)."""
        return time.monotonic() - self._last_person < ACTIVE_S

    def waiting(self) -> bool:
        return self._people > 0  # an int read: no lock needed for a hint

    def yield_to_people(self, commit: Callable[[], None]) -> bool:
        """If a person's write waits: commit (`commit()` ends the bulk transaction), let
        every waiting write finish, return True; the caller begins its next transaction."""
        if not self._people:
            return False
        commit()  # ends the bulk transaction: bulk_ends() lets the people in
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
