"""The one write path: a row change, its outbox entry and its audit entry in ONE transaction.

Every app/ service writes through `Store.write()`; nothing else in the desktop inserts or
updates synced rows (the demo generator and sync pulls are bulk paths with their own rules).
After the commit a DataChanged event goes out so views refresh.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from typing import TypeVar

from sqlalchemy import inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm import sessionmaker

from app import audit
from app import clock
from app import rulebook
from app.events import DataChanged
from app.events import EventBus
from app.problems import ProblemError
from app.rulebook.actor import Actor
from app.rulebook.actor import actor_for
from app.serial import is_local_column
from app.serial import row_fields
from app.serial import to_wire
from db import migrate
from db.ids import uuid7
from db.lane import WriteLane
from db.lane import lane_for
from db.models import OutboxEntry
from db.models import Synced

_S = TypeVar("_S", bound=Synced)  # add() gives back the very model it was given


class WriteTx:
    """What one `Store.write()` block may do; collects what changed for the event."""

    def __init__(self, session: Session, store: "Store"):
        self.session = session
        self._store = store
        self.tables: set[str] = set()
        self.row_ids: set[str] = set()
        self._lookup = rulebook.SessionLookup(session, store.calendar)
        self._actor: Actor | None = None
        self._actor_known = False  # asked once per transaction

    @property
    def actor(self) -> Actor | None:
        if not self._actor_known:
            self._actor, self._actor_known = self._store.actor(self.session), True
        return self._actor

    def problems(self, table: str, before: dict | None, after: dict) -> list:
        """The rule book's problems with this change, as the signed-in person (bulk paths ask
        this for rows they write without the ORM)."""
        return rulebook.check(table, before, after, self.actor, self._lookup)

    def _check(self, obj: Synced, before: dict | None) -> None:
        """The rule book, before anything is recorded: nothing invalid enters the outbox."""
        problems = self.problems(obj.__tablename__, before, _values(obj))
        if problems:
            raise ProblemError(problems)

    def add(self, obj: _S, *, note: str | None = None) -> _S:
        now = clock.now()
        if obj.id is None:
            obj.id = uuid7()
        obj.version = 0
        obj.updated_at = now
        obj.updated_by = self._store.user_id
        obj.device_id = self._store.device_id
        self.session.add(obj)
        self.session.flush()  # defaults and constraint errors surface here, inside the tx
        self._check(obj, None)
        changes = {k: [None, v] for k, v in row_fields(obj).items()}
        self._record(obj, "insert", changes, note)
        return obj

    def update(self, obj: Synced, *, note: str | None = None, **values: Any) -> dict:
        """Set fields; records only the ones that really changed. Returns {field: [old, new]}."""
        columns = {a.key for a in inspect(obj).mapper.column_attrs}
        unknown = set(values) - columns
        if unknown:
            raise AttributeError(f"{obj.__tablename__} has no field(s) {sorted(unknown)}")
        table = obj.__table__
        local = [k for k in values if is_local_column(table.columns[k])]
        if local:  # derived by the database (db/summary.py) or kept for older desktops only
            raise AttributeError(f"{obj.__tablename__}: {sorted(local)} are not written by the desktop")
        changes = {}
        before = _values(obj)
        for key, new in values.items():
            old = getattr(obj, key)
            if old != new:
                changes[key] = [to_wire(old), to_wire(new)]
                setattr(obj, key, new)
        if changes:
            self._check(obj, before)
            obj.updated_at = clock.now()
            obj.updated_by = self._store.user_id
            obj.device_id = self._store.device_id
            self.session.flush()
            self._record(obj, "update", changes, note)
        return changes

    def delete(self, obj: Synced, *, note: str | None = None) -> None:
        """A tombstone, not a DELETE: other desktops must learn the row is gone."""
        now = clock.now()
        changes = {"deleted_at": [None, to_wire(now)]}
        before = _values(obj)
        obj.deleted_at = now
        self._check(obj, before)
        obj.updated_at = now
        obj.updated_by = self._store.user_id
        obj.device_id = self._store.device_id
        self.session.flush()
        self._record(obj, "delete", changes, note)

    def _record(self, obj: Synced, op: str, changes: dict, note: str | None) -> None:
        table = obj.__tablename__
        self.session.add(OutboxEntry(
            mutation_id=uuid7(), table_name=table, row_id=obj.id, op=op,
            base_version=obj.version, changes=changes, user_id=self._store.user_id,
            device_id=self._store.device_id, schema_version=self._store.schema_version,
            created_at=clock.now(),
        ))
        audit.append(
            self.session, device_id=self._store.device_id, user_id=self._store.user_id,
            action="delete" if op == "delete" else "write", table=table, row_id=obj.id,
            detail={"op": op, "fields": sorted(changes)}, note=note,
        )
        self.tables.add(table)
        self.row_ids.add(obj.id)


def _values(obj: Synced) -> dict[str, Any]:
    return {a.key: getattr(obj, a.key) for a in inspect(obj).mapper.column_attrs}


class Store:
    def __init__(self, sessions: sessionmaker, bus: EventBus, device_id: str,
                 user_id: str | None = None, calendar=None):
        self.sessions = sessions
        self.bus = bus
        self.device_id = device_id
        self.user_id = user_id
        self.calendar = calendar  # the profile's work calendar for rules about working days
        self.schema_version = migrate.head()
        self._write_lane: WriteLane | None = None

    def actor(self, session: Session) -> Actor | None:
        """Who acts through this store: the signed-in person as the local directory knows
        them (role, organisation and the units below it). None before anyone signed in, or
        while the directory has not reached this desktop: the server then decides who may."""
        if self.user_id is None:
            return None
        return actor_for(session, self.user_id, self.device_id)

    @contextmanager
    def write(self) -> Iterator[WriteTx]:
        """All or nothing: an exception inside the block leaves no row, outbox or audit trace.
        A sync writing pages meanwhile steps aside for it (db/lane.py)."""
        with self._lane().interactive(), self.sessions.begin() as session:
            tx = WriteTx(session, self)
            yield tx
        if tx.tables:
            self.bus.publish(DataChanged(frozenset(tx.tables), frozenset(tx.row_ids)))

    def _lane(self) -> WriteLane:
        if self._write_lane is None:
            self._write_lane = lane_for(self.sessions.kw["bind"])
        return self._write_lane

    def record_access(self, action: str, table: str | None = None, row_id: str | None = None,
                      detail: dict | None = None, note: str | None = None) -> None:
        """Audit a read, print or export of personal data (its own small transaction)."""
        with self._lane().interactive(), self.sessions.begin() as session:
            audit.append(session, device_id=self.device_id, user_id=self.user_id, action=action,
                         table=table, row_id=row_id, detail=detail, note=note)
