"""Settling what the server would not take as it was: conflicts and rejections.

Nothing is dropped silently. A conflict is resolved by a person's choice per field and
sent again as a fresh edit on top of the server's current row; a rejection is edited and
resent, or discarded (the server's row comes back). The network part (fetching the
server's row) runs first, then every local part in ONE transaction through the store:
the old entry goes, the chosen values are written with a new outbox entry whose base is
the server's version, and the other changes still waiting on the same record are laid
back on top. A crash between the two leaves the old entry in place, so the choice can
simply be made again.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import audit
from app import clock
from app.events import DataChanged
from app.problems import refuse
from app.sync.wire import CLIENT_FIELDS
from app.sync.wire import COLUMNS
from app.sync.wire import WireError
from app.sync.wire import from_wire
from db.models import MODEL_BY_TABLE
from db.models import OutboxEntry
from db.models import TimelineEvent

if TYPE_CHECKING:
    from app.profile import Profile

MINE, SERVER = "mine", "server"
RECORD = "__record__"  # the one choice of a delete-versus-edit conflict

# Kinds of conflict, by what the server said.
FIELDS = "fields"  # the same field changed on both sides
DELETED_HERE = "deleted_here"  # deleted on this desktop, edited on the server
DELETED_THERE = "deleted_there"  # edited here, deleted on the server


def conflict_kind(op: str, detail: dict | None) -> str:
    """From the server's word (its conflict answer's `kind`), never from its reason's text.
    A server from before kinds says nothing: its conflicts are shown as clashing fields."""
    if op == "delete":
        return DELETED_HERE
    if (detail or {}).get("kind") == DELETED_THERE:
        return DELETED_THERE
    return FIELDS


def resolve(profile: Profile, client, entry_id: int, choices: dict[str, str]) -> int | None:
    """Settle a conflict: `choices` maps each conflicting field to MINE or SERVER (for a
    delete-versus-edit conflict, RECORD to MINE = delete it, SERVER = keep it).

    Fields of the same change that did not clash are sent again as they were. Returns the
    new outbox entry's seq, or None when the server's version was taken whole."""
    entry = _entry(profile, entry_id, "conflict")
    kind = conflict_kind(entry.op, entry.server_detail)
    clashing = set((entry.server_detail or {}).get("fields", {}))
    wanted = {RECORD} if kind == DELETED_HERE else clashing
    if set(choices) != wanted or not set(choices.values()) <= {MINE, SERVER}:
        raise ValueError(f"choices must name {sorted(wanted)} with {MINE!r} or {SERVER!r}")
    if kind == DELETED_THERE and MINE in choices.values():
        raise refuse("conflict.deleted_on_server")
    client.fetch_rows(entry.table_name, [entry.row_id], overwrite_local=True)
    model = MODEL_BY_TABLE[entry.table_name]
    with profile.store.write() as tx:
        s = tx.session
        mine = s.get(OutboxEntry, entry.seq)
        if mine is None or mine.status != "conflict":
            raise refuse("conflict.settled")
        later = _others(s, mine, after=True)
        obj = s.get(model, mine.row_id)
        s.delete(mine)
        s.flush()
        new_seq = None
        if kind == DELETED_HERE:
            if choices[RECORD] == MINE:
                assert obj is not None  # fetched back just now: the server edited it, so has it
                if obj.deleted_at is None:
                    tx.delete(obj, note="sync: conflict resolved, deleted")
                    new_seq = _last_seq(s)
        elif obj is not None:
            assert mine.server_detail is not None  # a conflict keeps the server's answer (sync/local.py)
            values = {f: v for f, (_old, v) in mine.changes.items() if f not in clashing}
            values.update({f: pair["client"] for f, pair in mine.server_detail["fields"].items()
                           if choices[f] == MINE})
            shadowed = {f for e in later for f in e.changes}  # newer edits carry these already
            values = {f: _python(mine.table_name, f, v) for f, v in values.items() if f not in shadowed}
            if kind == FIELDS and tx.update(obj, note="sync: conflict resolved", **values):
                new_seq = _last_seq(s)
        _lay_back(s, obj, _others(s, mine, after=False), skip=set(mine.changes))
        _lay_back(s, obj, later)
        audit.append(s, device_id=profile.device_id, user_id=profile.store.user_id, action="write",
                     table=mine.table_name, row_id=mine.row_id,
                     detail={"op": "resolve", "mutation_id": mine.mutation_id, "choices": choices})
        _say_settled(tx, profile, mine, obj, choices)
    _announce(profile, entry)
    return new_seq


RESOLVED_CODE = "timeline.conflict.resolved"


def _say_settled(tx, profile: Profile, entry: OutboxEntry, obj, choices: dict[str, str]) -> None:
    """The settling on the patient's timeline: the other desktop, whose change met this one,
    sees what was kept (and its inbox lists it: app/inbox.py)."""
    patient_id = entry.row_id if entry.table_name == "patients" else getattr(obj, "patient_id", None)
    if patient_id is None:
        return
    kept = set(choices.values())
    tx.add(TimelineEvent(
        patient_id=patient_id, case_id=getattr(obj, "case_id", None) if entry.table_name != "cases" else entry.row_id,
        kind="note", occurred_at=clock.now(), author_id=profile.store.user_id, title="",
        title_code=RESOLVED_CODE,
        title_args={"table": entry.table_name, "fields": sorted(f for f in choices if f != RECORD),
                    "kept": "mine" if kept == {MINE} else "server" if kept == {SERVER} else "both"},
        ref_table=entry.table_name, ref_id=entry.row_id), note="sync: conflict settled")


def resend(profile: Profile, entry_id: int, values: dict[str, Any]) -> int:
    """Send a rejected change again with the person's corrections (Python values, one per
    field of the change). Returns the new outbox entry's seq."""
    with profile.store.write() as tx:
        s = tx.session
        entry = s.get(OutboxEntry, entry_id)
        if entry is None or entry.status != "rejected":
            raise refuse("conflict.settled")
        unknown = set(values) - set(entry.changes)
        if unknown:
            raise ValueError(f"fields not in this change: {sorted(unknown)}")
        obj = s.get_one(MODEL_BY_TABLE[entry.table_name], entry.row_id)  # a change's row stays here
        later = _others(s, entry, after=True)
        s.delete(entry)
        s.flush()
        if entry.op == "insert":
            for f, v in values.items():
                setattr(obj, f, v)
            tx.add(obj, note="sync: rejected insert resent")
        elif entry.op == "delete":
            tx.delete(obj, note="sync: rejected delete resent")
        else:
            for f, (old, _new) in entry.changes.items():
                setattr(obj, f, _python(entry.table_name, f, old))  # so the edit is recorded whole
            full = {f: _python(entry.table_name, f, new) for f, (_old, new) in entry.changes.items()}
            full.update(values)
            if not tx.update(obj, note="sync: rejected change resent", **full):
                raise refuse("conflict.nothing_to_send")
        seq = _last_seq(s)
        _lay_back(s, obj, later)
    return seq


def discard(profile: Profile, client, entry_id: int) -> None:
    """Give up a rejected (or conflicting) change: the server's row comes back as it is
    there; a record the server does not have (or that is outside this user's scope)
    leaves this desktop."""
    discard_many(profile, client, [entry_id])


def discard_many(profile: Profile, client, entry_ids: list[int], progress=None) -> int:
    """Give up many rejected or conflicting changes in ONE transaction (after one confirmation
    in the window): the server's rows are fetched first, a table at a time; then every entry is
    discarded as `discard` does, all or none. `progress(done, total)`."""
    entries = [_entry(profile, i, None) for i in entry_ids]
    if any(e.status == "pending" for e in entries):
        raise refuse("conflict.still_pending")
    found: dict[str, set[str]] = {}
    for table in sorted({e.table_name for e in entries}):
        ids = sorted({e.row_id for e in entries if e.table_name == table})
        found[table] = client.fetch_rows_found(table, ids, overwrite_local=True)[1]
    with profile.store.write() as tx:
        for n, entry in enumerate(entries, start=1):
            _discard_in(tx, profile, entry, entry.row_id in found[entry.table_name])
            if progress is not None and (n % 50 == 0 or n == len(entries)):
                progress(n, len(entries))
    for entry in entries:
        _announce(profile, entry)
    return len(entries)


def _discard_in(tx, profile: Profile, entry: OutboxEntry, fetched: bool) -> None:
    model = MODEL_BY_TABLE[entry.table_name]
    s = tx.session
    mine = s.get(OutboxEntry, entry.seq)
    if mine is None:
        raise refuse("conflict.settled")
    others = _others(s, mine, after=False) + _others(s, mine, after=True)
    obj = s.get(model, mine.row_id)
    s.delete(mine)
    s.flush()
    if not fetched and obj is not None:
        if others:
            raise refuse("conflict.others_waiting")
        s.delete(obj)  # never reached the server (or out of scope): gone here too
        try:
            s.flush()
        except IntegrityError as exc:
            raise refuse("conflict.still_referred") from exc
    else:
        _lay_back(s, obj, sorted(others, key=lambda e: e.seq))
    audit.append(s, device_id=profile.device_id, user_id=profile.store.user_id, action="write",
                 table=mine.table_name, row_id=mine.row_id,
                 detail={"op": "discard", "mutation_id": mine.mutation_id, "status": mine.status})


def editable_fields(table: str, op: str, changes: dict) -> list[str]:
    """What a person may correct before resending: the changed fields of an edit; every
    field a desktop writes for a new record (never ids, versions or sync bookkeeping)."""
    if op == "delete":
        return []
    if op == "insert":
        return [f for f in CLIENT_FIELDS[table] if f != "deleted_at"]
    return sorted(f for f in changes if f in CLIENT_FIELDS[table])


def parse_value(table: str, field: str, text: str) -> Any:
    """A value typed in a form → the Python value for the field; a ProblemError
    (conflict.bad_value) says why not."""
    spec = COLUMNS[table][field]
    text = text.strip()
    try:
        if text == "":
            return from_wire(table, field, "" if spec.kind == "str" and not spec.nullable else None)
        if spec.kind == "int":
            return from_wire(table, field, int(text))
        if spec.kind == "float":
            return from_wire(table, field, float(text))
        if spec.kind == "bool":
            lowered = text.lower()
            if lowered not in ("true", "false", "是", "否", "yes", "no", "1", "0"):
                raise WireError("not yes or no")  # for the log: people see conflict.bad_value
            return lowered in ("true", "是", "yes", "1")
        if spec.kind == "json":
            return json.loads(text)
        if spec.kind == "datetime":
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            return moment if moment.tzinfo else moment.astimezone()  # typed as local time
        return from_wire(table, field, text)
    except (WireError, ValueError) as exc:
        raise refuse("conflict.bad_value", field, value_kind=spec.kind, value=text) from exc


# -- helpers --------------------------------------------------------------------------------

def _entry(profile: Profile, entry_id: int, status: str | None) -> OutboxEntry:
    with profile.sessions() as s:
        entry = s.get(OutboxEntry, entry_id)
    if entry is None or (status and entry.status != status):
        raise refuse("conflict.settled")
    return entry


def _others(session, entry: OutboxEntry, after: bool) -> list[OutboxEntry]:
    """The other changes still waiting on the same record, before or after `entry`."""
    order = OutboxEntry.seq > entry.seq if after else OutboxEntry.seq < entry.seq
    return list(session.scalars(select(OutboxEntry).where(
        OutboxEntry.table_name == entry.table_name, OutboxEntry.row_id == entry.row_id, order)
        .order_by(OutboxEntry.seq)))


def _lay_back(session, obj, entries: list[OutboxEntry], skip: AbstractSet[str] = frozenset()) -> None:
    """Put the values of changes still in the outbox back on the row the server's version
    replaced: they go out with their own entries, so no new entry is written."""
    if obj is None:
        return
    for e in entries:
        if e.op == "delete":
            obj.deleted_at = _python(e.table_name, "deleted_at", e.changes["deleted_at"][1])
            continue
        for f, (_old, new) in e.changes.items():
            if f not in skip and f in COLUMNS[e.table_name]:
                setattr(obj, f, _python(e.table_name, f, new))
    session.flush()


def _python(table: str, field: str, value: Any) -> Any:
    return None if value is None else from_wire(table, field, value)


def _last_seq(session) -> int:
    return session.scalar(select(OutboxEntry.seq).order_by(OutboxEntry.seq.desc()).limit(1))


def _announce(profile: Profile, entry: OutboxEntry) -> None:
    profile.bus.publish(DataChanged(frozenset({entry.table_name}), frozenset({entry.row_id})))
