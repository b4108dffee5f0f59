"""One pushed mutation against the server's row: validate, check scope and rules, decide
by base version (app/sync/merge.py), and change the row — or record a conflict.

`Batch` loads what a whole batch reads in a few queries: its rows (locked FOR UPDATE in
id order, so two desktops' batches cannot deadlock on them), their change history, and the
patients a scope check asks about.
"""
from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Any

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.rulebook import SessionLookup
from app.rulebook.actor import Actor
from app.rulebook.lookup import LIVE_BOOKINGS
from app.serial import to_wire
from app.sync import merge
from app.sync.scope import Scope
from app.sync.wire import ADMIN_ONLY
from app.sync.wire import APPEND_ONLY
from app.sync.wire import SERVER_FIELDS
from app.sync.wire import from_wire
from db.ids import uuid7
from db.models import MODEL_BY_TABLE
from db.models import ChangeLog
from db.models import ExamSlot
from db.models import Patient
from db.models import SlotBooking
from db.models import SyncConflict
from db.models.enums import Role
from server import setwrite
from server.checks import Rejected
from server.checks import check_rules
from server.checks import check_scope
from server.checks import merge_candidate
from server.idlists import CHUNK
from server.idlists import among
from server.legacy_tasks import follow

HISTORY = (ChangeLog.row_id, ChangeLog.server_seq, ChangeLog.version, ChangeLog.device_id, ChangeLog.user_id,
           ChangeLog.at, ChangeLog.fields)
STAMPED = {"timeline_events": ("author_id",), "calls": ("caller_id",), "letters": ("printed_at", "printed_by", "printed_at_desktop"),
           "referral_attachments": ("added_at", "added_by"), "slot_bookings": ("booked_at", "booked_by")}


class Batch:
    def __init__(self, session: Session, scope: Scope, mutations, older_desktop: bool = False):
        self.lookup = SessionLookup(session)
        self.older_desktop = older_desktop
        self.actor: Actor | None = None  # the rule book's actor, once the first mutation needs it
        self.rows: dict[tuple[str, str], Any] = {}
        self.history: dict[tuple[str, str], list] = defaultdict(list)
        self.patients: list[Patient] = []
        _lock_slots(session, mutations)
        wanted: dict[str, set[str]] = defaultdict(set)
        base: dict[tuple[str, str], int] = {}  # the oldest version a mutation of the row starts from
        for m in mutations:
            if m.table in MODEL_BY_TABLE:
                wanted[m.table].add(m.row_id)
                key = (m.table, m.row_id)
                base[key] = min(base.get(key, m.base_version), m.base_version)
        for table, ids in wanted.items():
            model = MODEL_BY_TABLE[table]
            ordered = sorted(ids)
            for i in range(0, len(ordered), CHUNK):
                chunk = ordered[i:i + CHUNK]
                q = select(model).where(among(session, model.id, chunk)).order_by(model.id).with_for_update()
                self.rows.update(((table, r.id), r) for r in session.scalars(q))
                found = [r for r in chunk if (table, r) in self.rows]
                if not found:
                    continue
                # Only the changes after the versions the mutations start from decide a merge; a
                # row edited for years has a long history, and none of the rest is read.
                q = select(*HISTORY).where(ChangeLog.table_name == table, among(session, ChangeLog.row_id, found),
                                           ChangeLog.version > min(base[(table, r)] for r in found))
                for row_id, *entry in session.execute(q):
                    self.history[(table, row_id)].append(entry)
        if scope.units is not None:  # the patients scope checks will ask about, in one query
            named = {getattr(r, "patient_id", None) for (t, _), r in self.rows.items() if t != "patients"}
            for m in mutations:
                new = m.changes.get("patient_id", (None, None))[1]
                named.add(new if isinstance(new, str) else None)
            pids = sorted(p for p in named if p)
            for i in range(0, len(pids), CHUNK):  # held here: the session's identity map holds them weakly
                q = select(Patient).where(among(session, Patient.id, pids[i:i + CHUNK]))
                self.patients.extend(session.scalars(q))

    def changed_since(self, table: str, row_id: str, base_version: int, device_id: str) -> set[str]:
        """Fields other desktops changed after `base_version` (this desktop's own are its history)."""
        return {f for _seq, version, device, _user, _at, fields in self.history.get((table, row_id), ())
                if version > base_version and device != device_id for f in fields}

    def last_change(self, session: Session, table: str, row_id: str):
        """The row's newest change: among those read, else asked for (a conflict without a
        change after its base: the row was deleted at the version the desktop holds)."""
        entries = self.history.get((table, row_id))
        if entries:
            return max(entries, key=lambda e: e[0])
        found = session.execute(select(*HISTORY[1:]).where(ChangeLog.table_name == table, ChangeLog.row_id == row_id)
                                .order_by(ChangeLog.server_seq.desc()).limit(1)).first()
        return tuple(found) if found is not None else None


def _lock_slots(session: Session, mutations) -> None:
    """The slots a batch books into, locked first and in id order: the capacity rule locks a
    slot as it counts its bookings (app/rulebook/lookup.py), and two batches booking the same
    slots in other orders would otherwise deadlock (one aborted after a second, then retried)."""
    slots = sorted({new for m in mutations if m.table == "slot_bookings" and m.op == "insert"
                    for new in [m.changes.get("slot_id", (None, None))[1]] if isinstance(new, str)})
    for i in range(0, len(slots), CHUNK):
        session.execute(select(ExamSlot.id).where(ExamSlot.id.in_(slots[i:i + CHUNK]))
                        .order_by(ExamSlot.id).with_for_update())


def actor_of(user, device_id: str, scope: Scope, older_desktop: bool = False) -> Actor:
    """The rule book's actor: who the token says, with the units their scope gives."""
    return Actor(user.id, user.role, user.org_unit_id, scope.units, device_id, older_desktop)


def apply(session: Session, batch: Batch, user, device_id: str, scope: Scope, m):
    """(answer, changes): each change (row, table, fields, version), the mutation's own row
    first, then what the server writes with it (a case's legacy task: server/legacy_tasks.py)."""
    table = m.table
    model = MODEL_BY_TABLE.get(table)
    if model is None:
        raise Rejected.of("sync.unknown_table", None, table=table)
    if table == "audit_entries":
        raise Rejected.of("sync.audit_not_a_mutation")
    if table in ADMIN_ONLY and user.role != Role.ADMIN.value:
        raise Rejected.of("sync.admin_only", None, table=table)
    values = {f: from_wire(table, f, new) for f, (_old, new) in m.changes.items() if f not in SERVER_FIELDS}
    row = batch.rows.get((table, m.row_id))
    now = clock.now()
    actor = batch.actor
    if actor is None:  # one person, desktop and scope per batch: built once, not per mutation
        actor = batch.actor = actor_of(user, device_id, scope, batch.older_desktop)
    if m.op == "insert":
        if row is not None:
            if not _same_as_held(table, row, values):
                raise Rejected.of("sync.duplicate", "id")
            # The same row sent again (after a restore, by its desktop and by one that pulled it):
            # already here, so nothing to do; the answer carries the row as it is.
            check_scope(session, scope, table, row, {})
            return _held(row, table), []
        check_scope(session, scope, table, None, values)
        _stamp_new(table, values, user, now)
        check_rules(table, None, _record(model, None, {**values, "id": m.row_id}), actor, batch.lookup)
        obj = _new(model, {**values, "id": m.row_id, "version": 1, "updated_at": now, "updated_by": user.id,
                           "device_id": device_id})
        setwrite.pending(session, obj)
        batch.rows[(table, m.row_id)] = obj
        answer = _answer(session, merge.APPLIED, obj, table, values, scope, user, device_id)
        return answer, [(obj, table, sorted(values), 1), *_follow(session, batch, scope, table, obj, None, values,
                                                                  user, device_id, now)]
    if row is None:
        raise Rejected.of("record.not_found", None, table=table)
    check_scope(session, scope, table, row, values)
    if table in APPEND_ONLY:
        raise Rejected.of("record.append_only", None, table=table)
    if m.base_version > row.version:
        # A desktop cannot have seen a version the server never gave: the number is made up,
        # and taking it would overwrite others' edits without a conflict.
        raise Rejected.of("sync.base_version_ahead", None, base=m.base_version, server=row.version)
    since = batch.changed_since(table, row.id, m.base_version, device_id)
    deleted = row.deleted_at is not None
    if m.op == "delete":
        decision = merge.decide_delete(m.base_version, row.version, deleted, since)
        values = {} if deleted else {"deleted_at": now}  # the server's clock, not the desktop's
    else:
        if values.get("deleted_at") is not None:
            values["deleted_at"] = now  # a delete is dated by the server, however it arrives
        server_values = {f: getattr(row, f) for f in values}
        decision = merge.decide_update(m.base_version, row.version, deleted, since, server_values, values)
    if decision.status == merge.CONFLICT:
        return _conflict(session, batch, user, device_id, m, row, decision), []
    if not values:
        return {"status": decision.status, "version": row.version}, []
    if all(getattr(row, f) == v for f, v in values.items()):
        # Nothing new (the same edit sent again after a restore, by a second desktop that held
        # it): no new version for every desktop to pull; the answer carries the row as it is.
        return _held(row, table), []
    before = _record(model, row, {})
    check_rules(table, before, {**before, **values}, actor, batch.lookup)
    for field, value in values.items():
        setattr(row, field, value)
    row.version += 1
    row.updated_at, row.updated_by, row.device_id = now, user.id, device_id
    answer = _answer(session, decision.status, row, table, values, scope, user, device_id)
    return answer, [(row, table, sorted(values), row.version), *_follow(session, batch, scope, table, row, before,
                                                                        values, user, device_id, now)]


def _follow(session: Session, batch: Batch, scope: Scope, table: str, row, before, values: dict, user,
            device_id: str, now) -> list[tuple]:
    """The changes the server makes along with a written row."""
    if table == "slot_bookings":
        return _recount_slot(session, batch, row, before, user, device_id, now)
    if table != "cases":
        return []
    return follow(session, batch.rows, scope, row, before, values, user.id, device_id, now)


def _recount_slot(session: Session, batch: Batch, booking, before, user, device_id: str, now) -> list[tuple]:
    """A booking taken or ended moves its slot's count of held places, which every desktop
    pulls (a station sees only its own residents' bookings). The slot's row is locked already
    (Batch locks a batch's slots first), so counts never cross."""
    slot_ids = {booking.slot_id, *([before["slot_id"]] if before and before.get("slot_id") else [])}
    out = []
    for slot_id in sorted(slot_ids):
        slot = session.get(ExamSlot, slot_id)
        if slot is None:
            continue
        held = session.scalar(select(func.count()).select_from(SlotBooking).where(
            SlotBooking.slot_id == slot_id, SlotBooking.state.in_(LIVE_BOOKINGS),
            SlotBooking.deleted_at.is_(None))) or 0
        if held == slot.booked_count:
            continue
        slot.booked_count, slot.version = held, slot.version + 1
        slot.updated_at, slot.updated_by, slot.device_id = now, user.id, device_id
        out.append((slot, "exam_slots", ["booked_count"], slot.version))
    return out


# Fields that say who did something and when: the token and the server's clock decide them.
# The desktop's own print time is kept beside the server's (a desktop's clock may be off).
def _stamp_new(table: str, values: dict, user, now) -> None:
    if table == "timeline_events":
        values["author_id"] = user.id
    elif table == "calls":
        values["caller_id"] = user.id
    elif table == "referral_attachments":
        values["added_by"], values["added_at"] = user.id, now
    elif table == "slot_bookings":
        values["booked_by"], values["booked_at"] = user.id, now
    elif table == "letters":
        values["printed_at_desktop"] = values.get("printed_at")
        values["printed_at"], values["printed_by"] = now, user.id


def _same_as_held(table: str, row, values: dict) -> bool:
    """Whether an insert's values are the row's own (fields the server stamps left out)."""
    stamped = set(STAMPED.get(table, ()))
    return all(getattr(row, f) == v for f, v in values.items() if f not in stamped)


def _held(row, table: str) -> dict:
    answer: dict[str, Any] = {"status": merge.APPLIED, "version": row.version, "server_seq": row.server_seq,
                              "updated_at": to_wire(row.updated_at)}
    if row.deleted_at is not None:
        answer["deleted_at"] = to_wire(row.deleted_at)
    stamped = {f: to_wire(getattr(row, f)) for f in STAMPED.get(table, ())}
    if stamped:
        answer["stamped"] = stamped
    return answer


def _new(model, values: dict):
    """A new row object holding `values`, columns only (app/sync/wire.py let no other field
    through). Built as the ORM builds a loaded row, without one attribute event per column:
    the keyword constructor was a tenth of a push's time. A flush or server/setwrite.py
    writes it from its __dict__ either way."""
    obj = model.__mapper__.class_manager.new_instance()
    obj.__dict__.update(values)
    return obj


@cache
def _columns(model) -> tuple[str, ...]:
    return tuple(c.name for c in model.__table__.columns)


def _record(model, row, values: dict) -> dict:
    """The whole record as the rule book sees it: the row's columns (or none), then `values`."""
    names = _columns(model)
    if row is None:
        return {**dict.fromkeys(names), **values}
    held = row.__dict__  # a loaded row's values, without an attribute event per column
    return {**{n: held[n] if n in held else getattr(row, n) for n in names}, **values}


def _answer(session: Session, status: str, obj, table: str, values: dict, scope: Scope, user,
            device_id: str) -> dict:
    # The server's own stamps, so the desktop's copy matches the row exactly without a fetch.
    answer: dict[str, Any] = {"status": status, "version": obj.version, "updated_at": to_wire(obj.updated_at)}
    if obj.deleted_at is not None:
        answer["deleted_at"] = to_wire(obj.deleted_at)
    stamped = {f: to_wire(getattr(obj, f)) for f in STAMPED.get(table, ())}
    if stamped:
        answer["stamped"] = stamped
    other = merge_candidate(session, scope, table, obj.id, values, user.id, device_id)
    if other is not None:
        answer["merge_candidate"] = other
    return answer


def _conflict(session: Session, batch: Batch, user, device_id: str, m, row, decision) -> dict:
    last = batch.last_change(session, m.table, row.id)
    fields = {f: {k: to_wire(v) for k, v in pair.items()} for f, pair in decision.conflicts.items()}
    session.add(SyncConflict(id=uuid7(), mutation_id=m.mutation_id, table_name=m.table, row_id=row.id,
                             fields=fields, base_version=m.base_version, server_version=row.version,
                             user_id=user.id, device_id=device_id, created_at=clock.now()))
    change = None
    if last is not None:
        _seq, _version, last_device, last_user, at, _fields = last
        change = {"user_id": last_user, "device_id": last_device, "at": to_wire(at)}
    return {"status": merge.CONFLICT, "kind": decision.kind, "reason": decision.reason, "version": row.version,
            "fields": fields,
            "server_change": change}
