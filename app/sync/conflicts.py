"""Settling what the server would not take as it was: conflicts and rejections.

Nothing is dropped silently. A conflict is resolved by a person's choice per field — or,
for fields that are one fact together (GROUPS), one choice for the whole group — and
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
from app.serial import to_wire
from app.sync.wire import CLIENT_FIELDS
from app.sync.wire import COLUMNS
from app.sync.wire import WireError
from app.sync.wire import from_wire
from db.models import MODEL_BY_TABLE
from db.models import Followup
from db.models import OutboxEntry
from db.models import Task
from db.models import TimelineEvent

if TYPE_CHECKING:
    from app.profile import Profile

MINE, SERVER = "mine", "server"
RECORD = "__record__"  # the one choice of a delete-versus-edit conflict

# Kinds of conflict, by what the server said.
FIELDS = "fields"  # the same field changed on both sides
DELETED_HERE = "deleted_here"  # deleted on this desktop, edited on the server
DELETED_THERE = "deleted_there"  # edited here, deleted on the server

# Fields that say one thing only together, per synced record: a clash on any of them is
# settled by ONE choice for the whole group — every field as this desktop has it, or every
# field as the server has it — never a mix (a stage from one side with the other side's
# closing, a cancelled referral with the other side's appointment). What each service
# writes in one go, and what the rule book checks together, decides the groups:
# - cases: the stage and its closing are where the case stands; the stage's next step
#   (a task, derived into the case's next step and due date by db/summary.py) follows the
#   stage chosen (_settle_stage_step). Case managers, risk, last contact stand alone.
# - referrals: a step of the state machine writes the state with its stamps, reason and
#   appointment (app/referrals/service.py); the route's direction must match its two ends'
#   levels, the green channel goes up only (app/rulebook/referrals.py).
# - follow-ups: a call writes status, attempts, method, reached, outcome and completion;
#   a new date resets the status (app/followups.py).
# - tasks: closing writes state, time and note (app/tasks.py).
# - MDT requests: each state needs its checklist, session or decision (app/rulebook/clinical.py).
# - patients: an ID number carries birth date and sex; the pinyin is the name's; where a
#   patient lives decides the community, and the community the family doctor and contract.
# - screenings: a result belongs to its day and details.
# A group's key is never one of its record's field names: a choice names a group or a field.
GROUPS: dict[str, dict[str, tuple[str, ...]]] = {
    "cases": {"pathway": ("stage", "closed_at")},
    "referrals": {"referral_step": ("state", "state_reason", "sent_at", "scheduled_at", "scheduled_place",
                                    "closed_at", "breach_reason"),
                  "route": ("direction", "from_org_id", "to_org_id", "to_department", "green_channel"),
                  # a 下转's handover is one letter to the community: not one side's summary with
                  # the other's instructions
                  "handover": ("discharge_summary", "treatment_plan", "rehab_instructions")},
    "followups": {"followup_result": ("status", "due_date", "method", "attempts", "reached", "outcome",
                                      "completed_at")},
    "tasks": {"task_closing": ("state", "closed_at", "close_note")},
    "mdt_requests": {"mdt_progress": ("state", "checklist", "slot_at", "decision", "decided_at")},
    "patients": {"identity": ("id_number", "birth_date", "sex"),
                 "written_name": ("name", "name_pinyin", "name_initials"),
                 "home": ("address", "community_id", "family_doctor_id", "contract_signed")},
    "screenings": {"screening_result": ("screened_on", "result", "details")},
    "slot_bookings": {"booking_state": ("state", "attended_at", "state_reason", "slot_id")},
    "exam_slots": {"slot_time": ("starts_at", "minutes", "capacity", "place")},
    "households": {"supervisor": ("supervisor_patient_id", "supervisor_name", "supervisor_phone")},
}
_GROUP_OF = {(table, field): key for table, groups in GROUPS.items()
             for key, members in groups.items() for field in members}


def group_of(table: str, field: str) -> str:
    """The choice a field is settled by: its group's key, or the field itself."""
    return _GROUP_OF.get((table, field), field)


def members(table: str, key: str) -> tuple[str, ...]:
    """The fields one choice settles (a group's fields, or the one field)."""
    return GROUPS.get(table, {}).get(key, (key,))


def choice_keys(table: str, kind: str, clashing) -> list[str]:
    """What a person chooses for a conflict: one choice per group with a clashing field and
    per clashing field outside groups, in the groups' order then the fields'; a
    delete-versus-edit conflict is one choice (RECORD)."""
    if kind == DELETED_HERE:
        return [RECORD]
    keys = {group_of(table, f) for f in clashing}
    order = list(GROUPS.get(table, {}))
    return sorted(keys, key=lambda k: (order.index(k) if k in order else len(order), k))


def conflict_kind(op: str, detail: dict | None) -> str:
    """From the server's word (its conflict answer's `kind`), never from its reason's text.
    A server from before kinds says nothing: its conflicts are shown as clashing fields."""
    if op == "delete":
        return DELETED_HERE
    if (detail or {}).get("kind") == DELETED_THERE:
        return DELETED_THERE
    return FIELDS


def resolve(profile: Profile, client, entry_id: int, choices: dict[str, str]) -> int | None:
    """Settle a conflict: `choices` maps each of `choice_keys` (a group of fields that belong
    together, or a field outside groups) to MINE or SERVER (for a delete-versus-edit
    conflict, RECORD to MINE = delete it, SERVER = keep it).

    A group goes whole: MINE sends every field of it as this desktop has it, SERVER keeps
    every field as the server has it (this desktop's changes to them are dropped). Fields of
    the same change outside any clash are sent again as they were; the result passes the
    record's rule book or nothing is written. Returns the new outbox entry's seq, or None
    when the server's version was taken whole."""
    entry = _entry(profile, entry_id, "conflict")
    kind = conflict_kind(entry.op, entry.server_detail)
    clashing = set((entry.server_detail or {}).get("fields", {}))
    wanted = set(choice_keys(entry.table_name, kind, clashing))
    if set(choices) != wanted or not set(choices.values()) <= {MINE, SERVER}:
        raise ValueError(f"choices must name {sorted(wanted)} with {MINE!r} or {SERVER!r}")
    if kind == DELETED_THERE and MINE in choices.values():
        raise refuse("conflict.deleted_on_server")
    held = _held_here(profile, entry, choices) if kind == FIELDS else {}
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
            values = _chosen(mine, choices, held)
            shadowed = {f for e in later for f in e.changes}  # newer edits carry these already
            values = {f: _python(mine.table_name, f, v) for f, v in values.items() if f not in shadowed}
            if kind == FIELDS and tx.update(obj, note="sync: conflict resolved", **values):
                new_seq = _last_seq(s)
            if kind == FIELDS and mine.table_name == "cases" and "pathway" in choices:
                stage = (mine.server_detail or {}).get("fields", {}).get("stage") or {}
                _settle_stage_step(tx, obj, stage.get("server" if choices["pathway"] == MINE else "client"))
        _lay_back(s, obj, _others(s, mine, after=False), skip=set(mine.changes))
        _lay_back(s, obj, later)
        audit.append(s, device_id=profile.device_id, user_id=profile.store.user_id, action="write",
                     table=mine.table_name, row_id=mine.row_id,
                     detail={"op": "resolve", "mutation_id": mine.mutation_id, "choices": choices})
        _say_settled(tx, profile, mine, obj, choices)
    _announce(profile, entry)
    return new_seq


def _held_here(profile: Profile, entry: OutboxEntry, choices: dict[str, str]) -> dict[str, Any]:
    """This desktop's values (wire) of the chosen groups' fields this change did not touch:
    "mine" for a group means the whole group as this desktop has it. Taken before the
    server's row replaces the local one, and kept with the entry, so a second try after a
    refusal (the row is the server's by then) still knows them."""
    detail = dict(entry.server_detail or {})
    held = dict(detail.get("held_here") or {})
    wanted = {f for key in choices for f in members(entry.table_name, key)} - set(entry.changes) - set(held)
    if not wanted:
        return held
    model = MODEL_BY_TABLE[entry.table_name]
    with profile.sessions.begin() as s:
        row = s.get(model, entry.row_id)
        if row is None:
            return held
        held.update({f: to_wire(getattr(row, f)) for f in sorted(wanted) if f in COLUMNS[entry.table_name]})
        stored = s.get(OutboxEntry, entry.seq)
        if stored is not None:
            stored.server_detail = {**detail, "held_here": held}
    return held


def _chosen(entry: OutboxEntry, choices: dict[str, str], held: dict[str, Any]) -> dict[str, Any]:
    """The wire values to write over the server's row: each group or field chosen MINE whole
    (this change's values, else this desktop's), and what did not clash as it was sent."""
    table = entry.table_name
    governed = {f for key in choices for f in members(table, key)}
    values = {f: new for f, (_old, new) in entry.changes.items() if f not in governed}
    for key, side in choices.items():
        if side != MINE or key == RECORD:
            continue
        for f in members(table, key):
            if f in entry.changes:
                values[f] = entry.changes[f][1]
            elif f in held:
                values[f] = held[f]
    return values


def _settle_stage_step(tx, case, dropped: str | None) -> None:
    """A case's next step is its stage's open task or planned follow-up (db/summary.py derives
    the case's next step and due date from them). Two desktops that moved the same case each
    opened the step of their stage; once the stage is settled, the step of the stage not kept
    (`dropped`) is cancelled, so the case never shows one side's stage with the other side's
    next step. A closed case keeps no stage step."""
    now = clock.now()
    steps = tx.session.scalars(select(Task).where(
        Task.case_id == case.id, Task.kind == "stage", Task.state == "open", Task.deleted_at.is_(None))
        .order_by(Task.id))
    for task in steps:
        if case.closed_at is not None or case.deleted_at is not None or (task.args or {}).get("stage") != case.stage:
            tx.update(task, state="cancelled", closed_at=now, note="sync: stage settled by a person")
    if dropped is None or dropped == case.stage:
        return
    # A stage whose step is a follow-up (app/pathway/service.py move_stage): the one its move
    # planned — same desktop, date and rule as that move's timeline entry says.
    moves = tx.session.scalars(select(TimelineEvent).where(
        TimelineEvent.case_id == case.id, TimelineEvent.kind == "stage", TimelineEvent.deleted_at.is_(None))
        .order_by(TimelineEvent.occurred_at.desc(), TimelineEvent.id.desc()))
    move = next((e for e in moves if (e.data or {}).get("to") == dropped), None)
    if move is None or not (move.data or {}).get("due_date"):
        return
    planned = tx.session.scalars(select(Followup).where(
        Followup.case_id == case.id, Followup.status == "planned", Followup.deleted_at.is_(None),
        Followup.due_date == dt.date.fromisoformat(move.data["due_date"]),
        Followup.rule_id == move.data.get("due_rule"), Followup.device_id == move.device_id).order_by(Followup.id))
    for f in planned:
        tx.update(f, status="cancelled", note="sync: stage settled by a person")


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
        title_args={"table": entry.table_name, "fields": sorted((entry.server_detail or {}).get("fields", {}))
                    if RECORD not in choices else [],
                    "kept": "mine" if kept == {MINE} else "server" if kept == {SERVER} else "both"},
        ref_table=entry.table_name, ref_id=entry.row_id), note="sync: conflict settled")


def resend(profile: Profile, entry_id: int, values: dict[str, Any]) -> int:
    """Send a rejected change again with the person's corrections (Python values, one per
    field of the change). Returns the new outbox entry's seq."""
    with profile.store.write() as tx:
        return _resend_in(tx, entry_id, values)


def resend_many(profile: Profile, entry_ids: list[int], progress=None) -> int:
    """Send many rejected changes again as they are (after the cause was mended elsewhere: an
    organisation moved, a report's content that had not arrived), in ONE transaction: each is
    checked by the rule book again, and one still refused here stops them all, named.
    `progress(done, total)`. Returns how many were queued."""
    with profile.store.write() as tx:
        for n, entry_id in enumerate(entry_ids, start=1):
            _resend_in(tx, entry_id, {})
            if progress is not None and (n % 50 == 0 or n == len(entry_ids)):
                progress(n, len(entry_ids))
    return len(entry_ids)


def _resend_in(tx, entry_id: int, values: dict[str, Any]) -> int:
    """One rejected change queued again (with `values` mended) inside the caller's transaction."""
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


YES, NO = "true", "false"  # a yes-or-no field's value as a form hands it over


def value_kind(table: str, field: str) -> str:
    """What a field holds (str, int, float, bool, date, datetime, json): how a form offers it."""
    return COLUMNS[table][field].kind


def parse_value(table: str, field: str, text: str) -> Any:
    """A value typed in a form → the Python value for the field; a ProblemError
    (conflict.bad_value) says why not. A yes-or-no field takes YES or NO."""
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
            # A code, never a word: the window offers yes and no in the person's language and
            # passes YES or NO (ui/sync/resend_dialog.py), so no language's words live here.
            if text.lower() not in (YES, NO):
                raise WireError("not yes or no")  # for the log: people see conflict.bad_value
            return text.lower() == YES
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
