"""Follow-ups (随访): the calendar's data and the work done on them, Qt-free.

Reading (counts per day, lists, rows) is in app/pathway/queries.py; this module adds the
writes. Each goes through Store.write(): a completed follow-up, what its outcome sets in
motion (the next follow-up, a referral draft, closing the case) and the timeline events
succeed or fail together. Dates come from the pathway engine, which can say why.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING
from typing import Any

from sqlalchemy import select

from app import clock
from app.pathway import for_profile
from app.pathway.actions import close_case
from app.pathway.actions import draft_referral
from app.pathway.actions import flag_case
from app.pathway.engine import Due
from app.pathway.holidays import DayInfo
from app.pathway.holidays import Shift
from app.pathway.queries import CANCELLED
from app.pathway.queries import DONE
from app.pathway.queries import LIST_KINDS  # noqa: F401 - part of this module's interface
from app.pathway.queries import MISSED
from app.pathway.queries import PLANNED
from app.pathway.queries import DayCounts  # noqa: F401
from app.pathway.queries import FollowupQueries
from app.pathway.queries import FollowupRow  # noqa: F401
from app.pathway.queries import Scope  # noqa: F401
from app.pathway.service import responsible_cm
from app.pathway.service import stage_entered_on
from app.problems import Problem
from app.problems import refuse
from db.models import Case
from db.models import Followup
from db.models import Patient
from db.models import TimelineEvent
from db.models.enums import EventKind

if TYPE_CHECKING:
    from app.profile import Profile

METHODS = ("phone", "clinic", "home")
MAX_YEARS_AHEAD = 10
NOTES_MAX = 2000


@dataclass(frozen=True)
class Completion:
    method: str
    reached: bool
    outcome: str | None = None
    notes: str = ""
    next_date: dt.date | None = None  # None: the engine's proposal
    next_method: str | None = None


@dataclass(frozen=True)
class Placement:
    """Where a follow-up wanted on `asked` lands. A clinic visit (门诊) needs the clinic open,
    so it goes to the next working day (the holiday calendar knows 调休); a call or a home
    visit stays where the person put it. `problem` says what moved, for the person to read."""

    method: str
    asked: dt.date
    date: dt.date
    skipped: tuple[DayInfo, ...] = ()
    warnings: tuple[Problem, ...] = ()  # due.holidays_uncovered: a year nobody knows

    @property
    def moved(self) -> bool:
        return self.date != self.asked

    @property
    def problem(self) -> Problem | None:
        """schedule.clinic_moved(_holiday): "周日 → 周一（门诊只在工作日）"; None if it stays."""
        if not self.moved:
            return None
        first = self.skipped[0] if self.skipped else None
        holiday = first.name if first is not None and first.kind == "holiday" else ""
        return Problem("schedule.clinic_moved_holiday" if holiday else "schedule.clinic_moved", "due_date",
                       {"asked": self.asked.isoformat(), "asked_weekday": self.asked.weekday(),
                        "to": self.date.isoformat(), "to_weekday": self.date.weekday(), "holiday": holiday})

    def event_args(self) -> dict:
        """What a timeline title of a moved clinic visit says (schedule.timeline_*)."""
        return {"asked": self.asked.isoformat(), "asked_weekday": self.asked.weekday()} if self.moved else {}


@dataclass(frozen=True)
class Scheduled:
    id: str
    placement: Placement


def place(calendar, method: str, day: dt.date) -> Placement:
    """A clinic visit on the next working day; anything else where it was asked for."""
    if method != "clinic":
        return Placement(method, day, day)
    shift = calendar.next_working_day(day)
    return Placement(method, day, shift.date, shift.skipped, shift.warnings)


def move_followup(tx, f: Followup, day: dt.date, title_code: str, reason: str, **args) -> None:
    """Move a planned follow-up to `day` with its timeline event (and the case's due date if it
    was this follow-up's). Letters use it too: a printed date and the calendar never disagree."""
    old = f.due_date
    tx.update(f, due_date=day, status=PLANNED, note=reason or None)
    moved = {"old": old.isoformat(), "new": day.isoformat()}
    tx.add(_event(f, title_code, {**moved, **args}, reason, **moved))


@dataclass(frozen=True)
class CompletionResult:
    status: str
    attempts: int
    next_id: str | None = None
    next_date: dt.date | None = None
    proposal: Due | None = None
    referral_id: str | None = None
    case_closed: bool = False
    next_placement: Placement | None = None  # how the next date was placed (a clinic visit moved …)


def check_due_date(session, patient_id: str, day, field_name: str = "due_date") -> dt.date:
    """Refuse a date before the patient was born or more than ten years ahead."""
    if not isinstance(day, dt.date):
        raise refuse("field.required", field_name)
    birth = session.scalar(select(Patient.birth_date).where(Patient.id == patient_id))
    if birth is not None and day < birth:
        raise refuse("followup.before_birth", field_name, day=day.isoformat(), birth=birth.isoformat())
    today = clock.today()
    limit = today.replace(year=today.year + MAX_YEARS_AHEAD, day=28 if (today.month, today.day) == (2, 29) else today.day)
    if day > limit:
        raise refuse("followup.too_far_ahead", field_name, years=MAX_YEARS_AHEAD)
    return day


def check_due_date_type(day, field_name: str = "due_date") -> dt.date:
    """A date at all (placing it on a working day needs one), before anything else is checked."""
    if not isinstance(day, dt.date):
        raise refuse("field.required", field_name)
    return day


def _event(f: Followup, title_code: str, title_args: dict, body: str = "", kind: str = EventKind.FOLLOWUP.value,
           **data) -> TimelineEvent:
    """A follow-up's step on the timeline; the title is a code worded in the reader's language (ui/)."""
    return TimelineEvent(patient_id=f.patient_id, case_id=f.case_id, kind=kind, occurred_at=clock.now(),
                         title="", title_code=title_code, title_args=title_args,
                         body=body or None, data=data or None,
                         ref_table="followups", ref_id=f.id)


def _append(notes: str | None, line: str) -> str:
    return f"{notes}\n{line}" if notes else line


class FollowupService(FollowupQueries):
    def __init__(self, profile: Profile):
        super().__init__(profile.sessions)
        self.profile = profile
        self.store = profile.store

    @property
    def pathway(self):
        return for_profile(self.profile)

    def outcomes(self) -> list[tuple[str, str]]:
        """(code, label) in the order the rules list them."""
        return [(r.data["code"], r.text) for r in self.pathway.rules.of_kind("outcome")]

    def _get(self, session, fid: str) -> Followup:
        f = session.get(Followup, fid)
        if f is None or f.deleted_at is not None:
            raise refuse("record.not_found", "followup", table="followups")
        return f

    # -- proposals and explanations ------------------------------------------------
    def propose(self, fid: str, outcome: str, on: dt.date | None = None) -> Due | None:
        """The next date the rules propose after this outcome; None when none follows."""
        pathway, on = self.pathway, on or clock.today()
        rule = pathway.rules.get(f"outcome-{outcome}")
        nxt = rule.data["next"]
        if nxt == "none":
            return None
        with self.sessions() as s:
            f = self._get(s, fid)
            case = s.get(Case, f.case_id) if f.case_id else None
            if nxt != "schedule":
                return pathway.outcome_due(rule, on)
            if case is None:
                return pathway.default_due(on, "3m")
            anchor, label = stage_entered_on(s, case)
            return pathway.followup_due(case.cancer_type, case.stage, on, anchor, label)

    def suggest(self, case_id: str | None, on: dt.date | None = None) -> Due:
        """The date the rules give a new follow-up of this case, counted from `on` (today):
        the case's schedule by cancer and stage, or three months when there is no case."""
        pathway, on = self.pathway, on or clock.today()
        with self.sessions() as s:
            case = s.get(Case, case_id) if case_id else None
            if case is None or case.deleted_at is not None:
                return pathway.default_due(on, "3m")
            anchor, label = stage_entered_on(s, case)
            return pathway.followup_due(case.cancer_type, case.stage, on, anchor, label)

    def place(self, method: str, day: dt.date) -> Placement:
        """Where a follow-up of `method` wanted on `day` would land (the dialog asks first)."""
        return place(self.pathway.calendar, method, day)

    def date_reasons(self, fid: str) -> tuple:
        """Why this follow-up is on its day (the rule that planned it and the calendar), as
        Problems of area "due", worded where shown (ui/due_words.lines)."""
        with self.sessions() as s:
            f = self._get(s, fid)
            day, rule_id = f.due_date, f.rule_id
        return self.pathway.date_reasons(day, rule_id)

    # -- writes --------------------------------------------------------------------
    def create(self, patient_id: str, case_id: str | None, due_date: dt.date, method: str = "phone",
               rule_id: str | None = None, assignee_id: str | None = None) -> str:
        if method not in METHODS:
            raise refuse("field.not_allowed", "method", value=str(method))
        due_date = self.place(method, check_due_date_type(due_date)).date
        with self.store.write() as tx:
            check_due_date(tx.session, patient_id, due_date)
            f = tx.add(Followup(patient_id=patient_id, case_id=case_id, due_date=due_date, method=method,
                                status=PLANNED, attempts=0, rule_id=rule_id,
                                assignee_id=assignee_id or self.store.user_id))
        return f.id

    def schedule(self, patient_id: str, case_id: str | None, day: dt.date, method: str,
                 rule_id: str | None = None, notes: str = "") -> Scheduled:
        """A follow-up a person plans from the patient window: `rule_id` when they took the
        rule's date, None for a date of their own. A clinic visit asked for on a day off goes
        to the next working day; the result says so (Placement.problem), and so does the
        timeline. The case shows it as its next step when nothing sooner is due."""
        if method not in METHODS:
            raise refuse("field.not_allowed", "method", value=str(method))
        notes = (notes or "").strip()
        if len(notes) > NOTES_MAX:
            raise refuse("field.too_long", "notes", max=NOTES_MAX)
        placement = self.place(method, check_due_date_type(day))
        with self.store.write() as tx:
            check_due_date(tx.session, patient_id, placement.date)
            case = tx.session.get(Case, case_id) if case_id else None
            if case_id and (case is None or case.deleted_at is not None or case.patient_id != patient_id):
                raise refuse("record.not_found", "case", table="cases")
            f = tx.add(Followup(patient_id=patient_id, case_id=case_id, due_date=placement.date, method=method,
                                status=PLANNED, attempts=0, rule_id=rule_id, notes=notes or None,
                                assignee_id=self.store.user_id or (responsible_cm(case) if case else None)))
            code = "schedule.timeline_planned_moved" if placement.moved else "schedule.timeline_planned"
            tx.add(_event(f, code, {"method": method, "date": placement.date.isoformat(),
                                    **placement.event_args()}, notes, due_date=placement.date.isoformat()))
        return Scheduled(f.id, placement)

    def complete(self, fid: str, c: Completion) -> CompletionResult:
        if c.method not in METHODS:
            raise refuse("followup.method_required", "method")
        if len(c.notes or "") > NOTES_MAX:
            raise refuse("field.too_long", "notes", max=NOTES_MAX)
        outcome_rule = None
        if c.reached:
            if not c.outcome:
                raise refuse("followup.outcome_required", "outcome")
            outcome_rule = self.pathway.rules.by_id.get(f"outcome-{c.outcome}")
            if outcome_rule is None:
                raise refuse("field.not_allowed", "outcome", value=str(c.outcome))
        proposal = self.propose(fid, c.outcome) if c.reached and c.outcome else None  # reached: has one
        with self.store.write() as tx:
            f = self._get(tx.session, fid)
            if f.status in (DONE, CANCELLED):
                raise refuse("followup.not_open", "followup")
            case = tx.session.get(Case, f.case_id) if f.case_id else None
            attempts = (f.attempts or 0) + 1
            notes = (c.notes or "").strip()
            if not c.reached:
                chase = attempts >= self.pathway.rules.chase_after_attempts
                status = MISSED if chase else f.status
                # the attempt is counted (attempts) and on the timeline: the notes keep only what was written
                tx.update(f, attempts=attempts, method=c.method, status=status, reached=False,
                          notes=_append(f.notes, notes) if notes else f.notes)
                tx.add(_event(f, "timeline.followup.unreached_chase" if chase else "timeline.followup.unreached",
                              {"method": c.method, "attempts": attempts}, notes, EventKind.CALL.value,
                              attempts=attempts))
                return CompletionResult(status, attempts)
            assert outcome_rule is not None  # reached: found above
            tx.update(f, status=DONE, method=c.method, reached=True, outcome=c.outcome, attempts=attempts,
                      completed_at=clock.now(), notes=_append(f.notes, notes) if notes else f.notes)
            result: dict[str, Any] = dict(status=DONE, attempts=attempts, proposal=proposal)
            data: dict[str, Any] = {"outcome": c.outcome}  # the completion's event, added last
            if case is not None:
                tx.update(case, last_contact_at=clock.now())
                action = outcome_rule.data["action"]
                if action == "referral":
                    result["referral_id"] = draft_referral(
                        tx, case, f"随访发现{outcome_rule.text}，请上级医院复查", notes or outcome_rule.text)
                elif action == "close_case":
                    close_case(tx, case)
                    result["case_closed"] = True
                elif action == "flag":
                    flag_case(tx, case, "outcome", outcome=c.outcome)
            if proposal is not None and not result.get("case_closed"):
                method = c.next_method or outcome_rule.data["method"] or c.method
                placement = self.place(method, check_due_date_type(c.next_date or proposal.date, "next_date"))
                day = check_due_date(tx.session, f.patient_id, placement.date, "next_date")
                result["next_placement"] = placement
                new = tx.add(Followup(patient_id=f.patient_id, case_id=f.case_id, due_date=day, method=method,
                                      status=PLANNED, attempts=0, rule_id=proposal.rule_id or outcome_rule.id,
                                      assignee_id=f.assignee_id or (responsible_cm(case) if case else None)))
                # A date of the person's own instead of the rules' is said by this completion's event
                # (worded where shown), not as software prose in the new follow-up's notes.
                if day != proposal.date:
                    moved = {"proposed": proposal.date.isoformat(), "chosen": day.isoformat()}
                    data.update(next_date=day.isoformat(), proposed_date=moved["proposed"],
                                body_code="timeline.body.followup_next_moved_notes" if notes
                                else "timeline.body.followup_next_moved", body_args={**moved, "notes": notes})
                result.update(next_id=new.id, next_date=day)
            tx.add(_event(f, "timeline.followup.done", {"method": c.method, "outcome": c.outcome,
                                                        "label": outcome_rule.text}, notes, **data))
        return CompletionResult(**result)

    def reschedule(self, fid: str, day: dt.date, reason: str = "") -> Placement:
        """Move one follow-up; a clinic visit asked for on a day off lands on the next working
        day, and the returned Placement (and the timeline) says so."""
        with self.store.write() as tx:
            f = self._get(tx.session, fid)
            if f.status not in (PLANNED, MISSED):
                raise refuse("followup.not_open", "due_date")
            placement = self.place(f.method, check_due_date_type(day))
            check_due_date(tx.session, f.patient_id, placement.date)
            if f.due_date == placement.date and f.status == PLANNED:
                return placement
            if placement.moved:
                move_followup(tx, f, placement.date, "schedule.timeline_moved_clinic", reason,
                              **placement.event_args())
            else:
                move_followup(tx, f, placement.date, "timeline.followup.moved", reason)
        return placement

    def close_day(self, station_id: str, day: dt.date, reason: str) -> tuple[int, Shift]:
        """A clinic closes for a day: its planned follow-ups move to the next working day."""
        reason = (reason or "").strip()
        if not reason:
            raise refuse("followup.closure_reason_required", "reason")
        shift = self.pathway.calendar.next_working_day(day, strictly_after=True)
        with self.store.write() as tx:
            q = (select(Followup).join(Case, Case.id == Followup.case_id)
                 .where(Case.station_id == station_id, Followup.due_date == day, Followup.status == PLANNED,
                        Followup.deleted_at.is_(None)))
            moved = list(tx.session.scalars(q))
            for f in moved:
                move_followup(tx, f, shift.date, "timeline.followup.closure_moved", reason)
        return len(moved), shift
