"""Work on many cases or follow-ups at once, from a list's selection: hand cases to a case
manager, give each a task, move their next follow-ups to another day, or gather one letter
per case to print as a batch. Each write is ONE transaction through the write path (every
row checked by the rule book, its outbox entry and audit entry written): all or none.
Progress is reported as (done, total); `should_stop` cancels, leaving nothing."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select

from app import clock
from app.followups import Placement
from app.followups import check_due_date
from app.followups import check_due_date_type
from app.followups import move_followup
from app.followups import place
from app.letters.gather import gather
from app.letters.kinds import LetterKind
from app.letters.prepare import Prepared
from app.letters.prepare import prepare
from app.pathway.queries import MISSED
from app.pathway.queries import PLANNED
from app.problems import Problem
from app.problems import ProblemError
from app.problems import refuse
from app.screening.reader import Cancelled
from app.tasks import open_task
from db.models import Case
from db.models import Followup
from db.models import Patient
from db.models import User

# The case-manager slot a person of each role fills (app/rulebook/cases.py checks it too).
SLOT_OF_ROLE = {"community_cm": "community_cm_id", "clinic_cm": "clinic_cm_id", "ward_cm": "ward_cm_id"}
PROGRESS_EVERY = 50
CHUNK = 500  # ids per IN (...): well under SQLite's bound-parameter limit
# Audit notes are codes, not prose: the log is read in either language (app/problems.py).
ASSIGN_NOTE = "bulk.assign"
Progress = Callable[[int, int], None]


def assign(store, case_ids: list[str], user_id: str, progress: Progress | None = None,
           should_stop: Callable[[], bool] | None = None) -> int:
    """Make `user_id` the case manager of every case in `case_ids`, in the slot of their role.
    Returns how many cases changed (a case already theirs is left as it is)."""
    if not case_ids:
        raise refuse("bulk.nothing_selected", "cases")
    changed = 0
    with store.write() as tx:
        person = tx.session.get(User, user_id)
        if person is None or not person.active or person.role not in SLOT_OF_ROLE:
            raise refuse("bulk.not_a_case_manager", "user_id")
        slot = SLOT_OF_ROLE[person.role]
        for n, case_id in enumerate(case_ids, start=1):
            case = _open_case(tx.session, case_id)
            if tx.update(case, note=ASSIGN_NOTE, **{slot: user_id}):
                changed += 1
            _step(n, len(case_ids), progress, should_stop)
    return changed


def add_task(store, case_ids: list[str], step: str, due: dt.date | None, progress: Progress | None = None,
             should_stop: Callable[[], bool] | None = None) -> int:
    """Give every case in `case_ids` the care step `step` (a task of its own on each)."""
    if not case_ids:
        raise refuse("bulk.nothing_selected", "cases")
    with store.write() as tx:
        for n, case_id in enumerate(case_ids, start=1):
            open_task(tx, _open_case(tx.session, case_id), "care", due, args={"step": step},
                      owner_id=store.user_id)
            _step(n, len(case_ids), progress, should_stop)
    return len(case_ids)


def reschedule(store, calendar, followup_ids: list[str], day: dt.date, reason: str = "",
               progress: Progress | None = None, should_stop: Callable[[], bool] | None = None) -> list[Placement]:
    """Move every follow-up in `followup_ids` to `day`, as the calendar's Reschedule… moves one:
    a clinic visit (门诊) asked for on a day off lands on the next working day (the timeline
    says so), a call or home visit stays on `day`. Refused as a whole, naming the patient,
    if one is no longer open or `day` is wrong for its patient. Returns each one's Placement."""
    if not followup_ids:
        raise refuse("bulk.nothing_selected", "followups")
    day = check_due_date_type(day)
    with store.write() as tx:
        return _move_all(tx, calendar, list(dict.fromkeys(followup_ids)), day, reason, progress, should_stop)


def reschedule_cases(store, calendar, case_ids: list[str], day: dt.date, reason: str = "",
                     progress: Progress | None = None,
                     should_stop: Callable[[], bool] | None = None) -> list[Placement]:
    """Move each case's next planned follow-up (else its follow-up not reached) to `day`.
    A case with nothing open to move refuses the whole batch, naming how many and who."""
    if not case_ids:
        raise refuse("bulk.nothing_selected", "cases")
    day = check_due_date_type(day)
    with store.write() as tx:
        found = next_followups(tx.session, case_ids)
        lacking = [c for c in dict.fromkeys(case_ids) if c not in found]
        if lacking:
            names = _patient_names_of_cases(tx.session, lacking[:1])
            raise refuse("bulk.no_open_followup", "cases", count=len(lacking), name=names[0] if names else "")
        return _move_all(tx, calendar, [found[c] for c in dict.fromkeys(case_ids)], day, reason,
                         progress, should_stop)


def next_followups(session, case_ids: list[str]) -> dict[str, str]:
    """case id -> the id of its next open follow-up: the earliest planned one, else the
    earliest not reached (what a case manager means by "its next follow-up")."""
    best: dict[str, tuple] = {}
    for chunk in _chunks(list(dict.fromkeys(case_ids))):
        rows = session.execute(select(Followup.case_id, Followup.id, Followup.status, Followup.due_date).where(
            Followup.case_id.in_(chunk), Followup.status.in_((PLANNED, MISSED)), Followup.deleted_at.is_(None)))
        for case_id, fid, status, due in rows:
            key = (status != PLANNED, due, fid)
            if case_id not in best or key < best[case_id]:
                best[case_id] = key
    return {case_id: key[2] for case_id, key in best.items()}


def _move_all(tx, calendar, fids: list[str], day: dt.date, reason: str, progress, should_stop) -> list[Placement]:
    rows: dict[str, Followup] = {}
    for chunk in _chunks(fids):
        rows.update((f.id, f) for f in tx.session.scalars(select(Followup).where(Followup.id.in_(chunk))))
    patients = {f.patient_id for f in rows.values()}
    people: dict[str, tuple] = {}
    for chunk in _chunks(sorted(patients)):
        people.update((pid, (name, birth)) for pid, name, birth in tx.session.execute(
            select(Patient.id, Patient.name, Patient.birth_date).where(Patient.id.in_(chunk))))
    reason = (reason or "").strip()
    placements: list[Placement] = []
    checked: set[dt.date] = set()
    for n, fid in enumerate(fids, start=1):
        f = rows.get(fid)
        if f is None or f.deleted_at is not None:
            raise refuse("record.not_found", "followups", table="followups")
        name = people.get(f.patient_id, ("", None))[0]
        try:
            if f.status not in (PLANNED, MISSED):
                raise refuse("followup.not_open", "due_date")
            placement = place(calendar, f.method, day)
            if placement.date not in checked:  # ten years ahead at most: the same for everyone
                checked.add(check_due_date(tx.session, "", placement.date))
            birth = people.get(f.patient_id, ("", None))[1]
            if birth is not None and placement.date < birth:
                raise refuse("followup.before_birth", "due_date", day=placement.date.isoformat(),
                             birth=birth.isoformat())
        except ProblemError as exc:  # said with whose follow-up it was: the batch is refused whole
            raise ProblemError([Problem("bulk.refused_for", exc.field, {"name": name}), *exc.problems]) from exc
        if f.due_date != placement.date or f.status != PLANNED:
            if placement.moved:
                move_followup(tx, f, placement.date, "schedule.timeline_moved_clinic", reason, **placement.event_args())
            else:
                move_followup(tx, f, placement.date, "timeline.followup.moved", reason)
        placements.append(placement)
        _step(n, len(fids), progress, should_stop)
    return placements


def letters_for_cases(profile, kind: LetterKind, case_ids: list[str], reprint_reason: str | None = None,
                      should_stop: Callable[[], bool] | None = None) -> Prepared:
    """One letter of `kind` per selected case, the one its patient window would print (the next
    upcoming record, else the latest), checked like any batch (app/letters/prepare.py): a case
    with nothing of this kind is left out, a letter that must not print is listed as skipped."""
    if not case_ids:
        raise refuse("bulk.nothing_selected", "cases")
    letterhead = profile.settings.get("letters.letterhead")
    wanted = list(dict.fromkeys(case_ids))
    chosen = []
    with profile.sessions() as s:
        patient_of: dict[str, str] = {}
        for chunk in _chunks(wanted):
            patient_of.update((cid, pid) for cid, pid in s.execute(select(Case.id, Case.patient_id).where(Case.id.in_(chunk))))
        by_patient: dict[str, list] = {}
        for chunk in _chunks(sorted(set(patient_of.values()))):
            if should_stop is not None and should_stop():
                raise Cancelled.coded("bulk.cancelled")
            for data in gather(s, kind, None, None, letterhead=letterhead, patient_ids=chunk):
                by_patient.setdefault(data.patient_id, []).append(data)
    today, taken = clock.today(), set()
    for case_id in wanted:
        mine = [x for x in by_patient.get(patient_of.get(case_id, ""), ()) if x.case_id in (case_id, None)]
        mine.sort(key=lambda x: (x.case_id is None, x.on))  # the case's own records first
        own = [x for x in mine if x.case_id == case_id] or mine
        upcoming = [x for x in own if x.on >= today]
        pick = upcoming[0] if upcoming and kind.code != "missed_followup" else (own[-1] if own else None)
        if pick is not None and (pick.ref_table, pick.ref_id) not in taken:
            taken.add((pick.ref_table, pick.ref_id))
            chosen.append(pick)
    if not chosen:
        raise refuse("bulk.no_letters", "kind", letter_kind=kind.code)
    return prepare(profile, kind, None, None, reprint_reason=reprint_reason, letters=chosen)


def _patient_names_of_cases(session, case_ids: list[str]) -> list[str]:
    return list(session.scalars(select(Patient.name).join(Case, Case.patient_id == Patient.id)
                                .where(Case.id.in_(case_ids)).order_by(Patient.name)))


def _chunks(ids: list[str]):
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def _open_case(session, case_id: str) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.deleted_at is not None:
        raise refuse("record.not_found", "cases", table="cases")
    if case.closed_at is not None:
        raise refuse("task.case_closed", "cases")
    return case


def _step(n: int, total: int, progress: Progress | None, should_stop) -> None:
    if n % PROGRESS_EVERY and n != total:
        return
    if should_stop is not None and should_stop():
        raise Cancelled.coded("bulk.cancelled")
    if progress is not None:
        progress(n, total)
