"""Whether a push batch may be applied alongside the batches still out ahead of it.

A desktop with a long outbox has several batches out at once (app/sync/client.py push). One
that may depend on a batch ahead names it (`after`, server/push_order.py) so the server
applies it only once that one is stored: it may edit a row the other inserted, or be judged
by the rule book on what the other changed (a case closed before another is opened, a
booking counted against a slot). Batches that name none of the same records cannot be
ordered wrongly by applying them at once, and the server then applies them on two cores: a
station back after weeks offline, or a desktop that imported a screening list, is rarely
editing one patient across a batch's edge.

What a batch names: its rows, the records its mutations point to (the `…_id` values they
set and the ones they replace) and the records the rows it changes point to here (a task's
patient and case, which an edit of its status need not carry). Rows every desktop holds and only an
administrator writes (units, people) are left out: every note names its author and unit,
and they would make every batch depend on the one ahead. A batch that writes those tables
is never applied alongside.

A patient's resident ID number is named too: the server compares it across patients
(server/checks.py merge_candidate), and two batches registering one person twice go in order.

Mistakes here cost only speed: a record named by mistake orders two batches that could have
gone together; the server never applies a batch naming `after` early.
"""
from __future__ import annotations

from collections import defaultdict
from functools import cache

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.sync.local import Waiting
from app.sync.wire import ADMIN_ONLY
from app.sync.wire import SERVER_FIELDS
from db.models import MODEL_BY_TABLE

_CHUNK = 500  # ids per query: under SQLite's variable limit on every build
_ALL = "*"  # no record's id: named by a batch writing units or people, which goes alone
EVERYTHING = frozenset({_ALL})
_KEYS = frozenset({"id_number"})  # compared across records by the server, named by their value


def administered(session: Session) -> frozenset[str]:
    """The ids of rows only an administrator writes, which every desktop holds."""
    ids: set[str] = set()
    for table in ADMIN_ONLY:
        model = MODEL_BY_TABLE[table]
        ids.update(session.scalars(select(model.id)))
    return frozenset(ids)


def named(session: Session, batch: list[Waiting], shared: frozenset[str]) -> frozenset[str]:
    """The records `batch` names, less `shared` (administered())."""
    if any(e.table_name in ADMIN_ONLY for e in batch):
        return EVERYTHING
    ids: set[str] = set()
    changed: dict[str, list[str]] = defaultdict(list)
    for e in batch:
        ids.add(e.row_id)
        if e.op != "insert":
            changed[e.table_name].append(e.row_id)
        changes = orjson.loads(e.wire)["changes"] or {}
        for field, values in changes.items():
            if field.endswith("_id"):  # a record's id ("…_id" as _pointers()); the device is no record
                if field != "device_id":
                    ids.update(v for v in values if isinstance(v, str))
            elif field in _KEYS:
                ids.update(f"{field}:{v}" for v in values if v)
    for table, row_ids in changed.items():
        pointers = _pointers(table)
        if not pointers:
            continue
        model = MODEL_BY_TABLE[table]
        found = 0
        for i in range(0, len(row_ids), _CHUNK):
            for row in session.execute(select(*pointers).where(model.id.in_(row_ids[i:i + _CHUNK]))):
                ids.update(v for v in row if isinstance(v, str))
                found += 1
        if found < len(set(row_ids)):  # a row no longer held here: what it points to is unknown
            return EVERYTHING
    return frozenset(ids - shared)


@cache
def _pointers(table: str) -> tuple:
    """The columns of `table` naming another record (`…_id`, a foreign key or not: a timeline
    entry's ref_id), less those only pointing to units and people and the server's stamps."""
    model = MODEL_BY_TABLE.get(table)
    if model is None:
        return ()
    return tuple(c for c in model.__table__.columns
                 if c.name.endswith("_id") and c.name not in SERVER_FIELDS
                 and not (c.foreign_keys and all(fk.column.table.name in ADMIN_ONLY for fk in c.foreign_keys)))


def apart(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two batches naming these may be applied at once."""
    return _ALL not in one and _ALL not in other and one.isdisjoint(other)


class Names:
    """named() of a push's batches, each read once and only when compared: a push of one
    batch (most sync cycles) reads nothing."""

    def __init__(self, sessions):
        self._sessions = sessions
        self._shared: frozenset[str] | None = None
        self._known: dict[int, frozenset[str]] = {}

    def __call__(self, batch: list[Waiting]) -> frozenset[str]:
        key = batch[0].seq
        if key not in self._known:
            with self._sessions() as session:
                if self._shared is None:
                    self._shared = administered(session)
                self._known[key] = named(session, batch, self._shared)
        return self._known[key]

    def forget(self, batch: list[Waiting]) -> None:
        """A batch answered is compared with no other."""
        self._known.pop(batch[0].seq, None)
