"""Telephone calls and their outcomes (issue #16 item 4), Qt-free.

A call is a fact that happened, so `calls` is append-only (app/rulebook/work.py check_call).
Only a call that reached the patient (connected, rescheduled) is a contact: it alone moves the
cases' `last_contact_at`, which the worklist reads as "when did we last speak to them". An
unanswered call is an attempt: it counts towards the chase list (主动追踪) through the
follow-up it was made for, with the same threshold as the calendar's "not reached"
(pathway rules `chase_after_attempts`), so both ways of recording a miss agree.

Everything one call sets in motion — the call, its timeline event, the contact, the
follow-up's attempt and the call-back task — is one `store.write()`: all or nothing.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from typing import Any

from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app.pathway import Pathway
from app.pathway import for_profile
from app.pathway import load
from app.problems import refuse
from app.rulebook.work import CALL_OUTCOMES
from app.rulebook.work import CONTACT_OUTCOMES
from app.rulebook.work import MAX_CALL_SECONDS
from app.tasks import open_task
from db.models import Call
from db.models import Case
from db.models import Followup
from db.models import Patient
from db.models import TimelineEvent
from db.models.enums import EventKind

if TYPE_CHECKING:
    from app.profile import Profile

CHINA = dt.timezone(dt.timedelta(hours=8))  # a call-back is due on a day in China
# Someone picked up: the call has a length. The rule book allows a duration for exactly these.
ANSWERED_OUTCOMES = CONTACT_OUTCOMES + ("refused", "other_person")
UNREACHED_OUTCOMES = tuple(o for o in CALL_OUTCOMES if o not in CONTACT_OUTCOMES)
FOLLOWUP_OPEN = ("planned", "missed")
NOTES_MAX = 2000


@dataclass(frozen=True)
class RecordedCall:
    id: str
    event_id: str
    contact: bool  # the patient was reached: the cases' last contact moved
    followup_status: str | None = None  # the follow-up's status after the call (None: no follow-up)
    attempts: int | None = None  # the follow-up's unanswered attempts after the call
    task_id: str | None = None  # the call-back task


@dataclass(frozen=True)
class PhoneFollowup:
    """An open phone follow-up a call can be recorded for."""
    id: str
    case_id: str | None
    due_date: dt.date
    attempts: int


def is_contact(outcome: str) -> bool:
    return outcome in CONTACT_OUTCOMES


def answered(outcome: str | None) -> bool:
    """Someone picked up, so the call has a duration."""
    return outcome in ANSWERED_OUTCOMES


def call_attempts(session, patient_ids: Iterable[str]) -> dict[str, tuple[int, dt.datetime | None]]:
    """{patient_id: (unanswered calls since the patient was last reached, when the last call was
    made)} for every id asked about; (0, None) for a patient never called. "Last reached" is
    the later of the last contact call and the cases' last contact (a visit or a follow-up
    completed in the calendar reaches the patient without a call)."""
    ids = list(dict.fromkeys(patient_ids))
    out: dict[str, tuple[int, dt.datetime | None]] = dict.fromkeys(ids, (0, None))
    if not ids:
        return out
    contact: dict[str, dt.datetime] = {}
    for start in range(0, len(ids), 500):  # SQLite's limit on bound parameters
        chunk = ids[start:start + 500]
        q = (select(Case.patient_id, func.max(Case.last_contact_at))
             .where(Case.patient_id.in_(chunk), Case.deleted_at.is_(None), Case.last_contact_at.is_not(None))
             .group_by(Case.patient_id))
        contact.update(dict(session.execute(q).all()))
        calls = session.execute(
            select(Call.patient_id, Call.outcome, Call.called_at)
            .where(Call.patient_id.in_(chunk), Call.deleted_at.is_(None))
            .order_by(Call.patient_id, Call.called_at))
        for pid, outcome, at in calls:
            n, _last = out[pid]
            if outcome in CONTACT_OUTCOMES:
                n = 0
            elif contact.get(pid) is None or at > contact[pid]:
                n += 1
            out[pid] = (n, at)
    return out


class CallService:
    """`pathway`: the rules that say when unanswered attempts move a follow-up to the chase
    list — a Pathway, a function returning the current one (a profile's rules reload when
    their file changes), or None for the bundled rules."""

    def __init__(self, store, pathway: Pathway | Callable[[], Pathway] | None = None):
        self.store = store
        self._pathway = pathway

    @classmethod
    def for_profile(cls, profile: Profile) -> "CallService":
        return cls(profile.store, lambda: for_profile(profile))

    @property
    def pathway(self) -> Pathway:
        if self._pathway is None:
            return load()
        return self._pathway() if callable(self._pathway) else self._pathway

    # -- reading ----------------------------------------------------------------------

    def phone_followups(self, patient_id: str) -> list[PhoneFollowup]:
        """The patient's open phone follow-ups, the one due first first (the dialog offers it)."""
        q = (select(Followup).where(Followup.patient_id == patient_id, Followup.method == "phone",
                                    Followup.status.in_(FOLLOWUP_OPEN), Followup.deleted_at.is_(None))
             .order_by(Followup.due_date, Followup.id))
        with self.store.sessions() as s:
            return [PhoneFollowup(f.id, f.case_id, f.due_date, f.attempts or 0) for f in s.scalars(q)]

    def attempts(self, patient_ids: Iterable[str]) -> dict[str, tuple[int, dt.datetime | None]]:
        """For lists: see `call_attempts`."""
        with self.store.sessions() as s:
            return call_attempts(s, patient_ids)

    # -- writing ----------------------------------------------------------------------

    def record(self, patient_id: str, outcome: str | None, duration_s: int | None = None, notes: str = "",
               call_back_at: dt.datetime | None = None, followup_id: str | None = None) -> RecordedCall:
        """One call and everything it sets in motion, in one transaction."""
        now = clock.now()
        notes = (notes or "").strip()
        self._check(outcome, duration_s, notes, call_back_at, now)
        assert outcome is not None  # _check refuses a call without one
        chase_after = self.pathway.rules.chase_after_attempts if followup_id else None
        with self.store.write() as tx:
            s = tx.session
            patient = s.get(Patient, patient_id)
            if patient is None or patient.deleted_at is not None:
                raise refuse("record.not_found", "patient", table="patients")
            if not (patient.phone or "").strip():
                raise refuse("call.no_phone", "phone")
            open_cases = list(s.scalars(
                select(Case).where(Case.patient_id == patient_id, Case.closed_at.is_(None),
                                   Case.deleted_at.is_(None))
                .order_by(Case.due_date.is_(None), Case.due_date, Case.opened_at.desc(), Case.id)))
            followup = self._followup(s, followup_id, patient_id) if followup_id else None
            if followup is not None:
                case = s.get(Case, followup.case_id) if followup.case_id else None
            else:
                case = open_cases[0] if len(open_cases) == 1 else None
            call = tx.add(Call(patient_id=patient_id, case_id=case.id if case else None,
                               followup_id=followup.id if followup else None, called_at=now, outcome=outcome,
                               caller_id=self.store.user_id,  # the server stamps its own word
                               duration_s=duration_s if answered(outcome) else None, notes=notes or None,
                               call_back_at=call_back_at))
            result: dict[str, Any] = {"contact": is_contact(outcome)}
            if is_contact(outcome):
                for c in open_cases:
                    tx.update(c, last_contact_at=now)
            elif followup is not None:
                attempts = (followup.attempts or 0) + 1
                assert chase_after is not None  # read above whenever there is a follow-up
                status = "missed" if attempts >= chase_after else followup.status
                tx.update(followup, attempts=attempts, status=status, reached=False)
                result.update(followup_status=status, attempts=attempts)
            if followup is not None and "followup_status" not in result:
                result.update(followup_status=followup.status, attempts=followup.attempts or 0)
            if call_back_at is not None:
                target = case if case is not None and case.closed_at is None else (open_cases[0] if open_cases else None)
                task = open_task(tx, target, "call_back", call_back_at.astimezone(CHINA).date(),
                                 args={"at": call_back_at.astimezone(dt.timezone.utc).isoformat()},
                                 source=call, owner_id=self.store.user_id)
                if task is None:  # nowhere to keep the work: say so rather than drop it
                    raise refuse("task.case_closed", "call_back_at")
                result["task_id"] = task.id
            event = tx.add(TimelineEvent(
                patient_id=patient_id, case_id=call.case_id, kind=EventKind.CALL.value, occurred_at=now,
                author_id=self.store.user_id, title="", title_code=f"timeline.call.{outcome}",
                title_args={"duration_s": call.duration_s}, body=notes or None,
                data={"attempts": result["attempts"]} if result.get("attempts") else None,
                ref_table="calls", ref_id=call.id))
        return RecordedCall(call.id, event.id, **result)

    @staticmethod
    def _check(outcome, duration_s, notes, call_back_at, now) -> None:
        """What the person can fix in the dialog, field by field, before anything is written."""
        if not outcome:
            raise refuse("call.outcome_required", "outcome")
        if outcome not in CALL_OUTCOMES:
            raise refuse("field.not_allowed", "outcome", value=str(outcome))
        if duration_s is not None:
            if not isinstance(duration_s, int) or isinstance(duration_s, bool) \
                    or not 0 <= duration_s <= MAX_CALL_SECONDS:
                raise refuse("call.duration", "duration_s", max_minutes=MAX_CALL_SECONDS // 60)
            if duration_s and not answered(outcome):
                raise refuse("call.duration_unreached", "duration_s")
        if len(notes) > NOTES_MAX:
            raise refuse("field.too_long", "notes", max=NOTES_MAX)
        if call_back_at is not None:
            if not isinstance(call_back_at, dt.datetime) or call_back_at.tzinfo is None:
                raise refuse("field.required", "call_back_at")
            if call_back_at <= now:
                raise refuse("call.call_back_in_past", "call_back_at")

    @staticmethod
    def _followup(session, followup_id: str, patient_id: str) -> Followup:
        f = session.get(Followup, followup_id)
        if f is None or f.deleted_at is not None or f.patient_id != patient_id:
            raise refuse("record.not_found", "followup", table="followups")
        if f.status not in FOLLOWUP_OPEN:
            raise refuse("followup.not_open", "followup")
        return f


__all__ = ["ANSWERED_OUTCOMES", "CALL_OUTCOMES", "CONTACT_OUTCOMES", "CallService", "PhoneFollowup",
           "RecordedCall", "UNREACHED_OUTCOMES", "answered", "call_attempts", "is_contact"]
