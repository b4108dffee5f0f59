"""Referral writes: the form saved or sent, and each step of the state machine.

Every step is one Store.write(): the referral row, a timeline event (kind "referral") that
says what happened with the facts in `data`, the case's next action, and for a closed
down-referral the community follow-up, all succeed or fail together. A refusal (wrong
state, bad field) raises ValidationError before anything is written.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from app import clock
from app.pathway import for_profile
from app.pathway.actions import new_short_code
from app.problems import Problem
from app.problems import ProblemError
from app.problems import refuse
from app.referrals import states
from app.referrals.deadline import countdown
from app.referrals.deadline import is_late
from app.referrals.forms import ReferralForm
from app.referrals.forms import check
from app.referrals.prefill import org_choices
from app.referrals.prefill import prefill
from app.referrals.view import ReferralView
from app.referrals.view import load_view
from app.referrals.view import lookup_code
from app.rulebook import SessionLookup
from app.rulebook import referrals as rules
from app.tasks import CANCELLED
from app.tasks import close_tasks
from app.tasks import replace_source_task
from db.models import Case
from db.models import Followup
from db.models import OrgUnit
from db.models import Patient
from db.models import Referral
from db.models import TimelineEvent
from db.models.enums import FollowupStatus

if TYPE_CHECKING:
    from app.profile import Profile

FIRST_COMMUNITY_VISIT = "7d"  # a down-referred patient is visited at home within a week


CHINA = dt.timezone(dt.timedelta(hours=8))  # a referral's day is a day in China


class ReferralService:
    def __init__(self, profile: Profile):
        self.profile = profile
        self.store = profile.store

    # -- reading -------------------------------------------------------------------
    def prefill(self, patient_id: str, direction: str = "up", case_id: str | None = None, words=None):
        """The form filled in; `words` (from ui/) words the findings' titles in the summary."""
        with self.store.sessions() as s:
            return prefill(s, patient_id, direction, self.store.user_id, case_id, words)

    def org_choices(self, direction: str | None = None, side: str = "to"):
        with self.store.sessions() as s:
            return org_choices(s, direction, side)

    def get(self, referral_id: str) -> ReferralView:
        with self.store.sessions() as s:
            return load_view(s, referral_id)

    def find_by_code(self, code: str) -> ReferralView | None:
        """The referral a receiving site types the slip's code for; local data, so offline too."""
        with self.store.sessions() as s:
            view = lookup_code(s, code)
        if view is not None:
            self.store.record_access("read", "referrals", view.id, detail={"by": "short_code"})
        return view

    def open_to_same_place(self, patient_id: str, to_org_id: str | None, except_id: str | None = None) -> list[str]:
        """Short codes of the patient's referrals to `to_org_id` still open (sent and not yet
        closed, cancelled or rejected): a second one is usually a mistake, so the form asks."""
        if not to_org_id:
            return []
        with self.store.sessions() as s:
            return list(s.scalars(select(Referral.short_code).where(
                Referral.patient_id == patient_id, Referral.to_org_id == to_org_id,
                Referral.state.in_(states.OPEN), Referral.deleted_at.is_(None),
                Referral.id != (except_id or "")).order_by(Referral.sent_at, Referral.short_code)))

    def allowed_actions(self, referral_id: str) -> list[str]:
        """The steps the signed-in person may take on this referral now (the board's buttons):
        the rule book's answer, so a button shown is a step the server will accept."""
        with self.store.sessions() as s:
            ref = self._load(s, referral_id)
            return rules.allowed_actions(_row(ref), self.store.actor(s), SessionLookup(s))

    # -- the form ------------------------------------------------------------------
    def save(self, form: ReferralForm, referral_id: str | None = None, send: bool = False) -> str:
        """Create or edit a draft; `send` sends it in the same transaction."""
        with self.store.write() as tx:
            s = tx.session
            if referral_id is None:
                values = check(s, form, tx.actor)
                ref = tx.add(Referral(**values, state=states.S.DRAFT.value, short_code=new_short_code(s)))
                self._event(tx, ref, "draft", "timeline.referral.draft",
                            {"direction": ref.direction, "to_org": _name(s, ref.to_org_id)})
            else:
                ref = self._load(s, referral_id)
                values = check(s, form, tx.actor, before=_row(ref))
                if tx.update(ref, **values):
                    self._event(tx, ref, "edit", "timeline.referral.edited", {"direction": ref.direction})
            if send:
                self._step(tx, ref, "send")
            return ref.id

    # -- the state machine ---------------------------------------------------------
    def send(self, rid: str) -> None:
        self._act(rid, "send")

    def receive(self, rid: str) -> None:
        self._act(rid, "receive")

    def accept(self, rid: str) -> None:
        self._act(rid, "accept")

    def reject(self, rid: str, reason: str) -> None:
        self._act(rid, "reject", reason=(reason or "").strip())

    def cancel(self, rid: str, reason: str) -> None:
        self._act(rid, "cancel", reason=(reason or "").strip())

    def schedule(self, rid: str, at: dt.datetime, place: str, breach_reason: str | None = None) -> None:
        if not isinstance(at, dt.datetime) or at.tzinfo is None:
            raise refuse("field.required", "scheduled_at")
        if at < clock.now():
            # The moment of booking, not a property of the record: an appointment synced
            # later is rightly in the past by then, so this is not in the rule book.
            raise refuse("referral.appointment_in_past", "scheduled_at", at=at.isoformat())
        self._act(rid, "schedule", at=at, place=(place or "").strip(), breach_reason=breach_reason)

    def mark_seen(self, rid: str) -> None:
        self._act(rid, "seen")

    def close(self, rid: str, note: str = "") -> str | None:
        """Close the loop; a down-referral gets its community follow-up. Returns its id."""
        return self._act(rid, "close", note=(note or "").strip()[:rules.LIMITS["state_reason"]])

    def record_breach(self, rid: str, code: str) -> None:
        """The reason code for a referral that missed its 24 hours."""
        with self.store.write() as tx:
            ref = self._load(tx.session, rid)
            if not countdown(ref.state, ref.sent_at, None).breached and not ref.breach_reason:
                raise refuse("referral.within_24h", "breach_reason")
            tx.update(ref, breach_reason=code)  # the audit entry names the field; the timeline says why
            self._event(tx, ref, "breach", "timeline.referral.breach", {"breach_reason": code}, breach_reason=code)

    # -- inside the transaction ----------------------------------------------------
    def _act(self, rid: str, action: str, **kw):
        with self.store.write() as tx:
            return self._step(tx, self._load(tx.session, rid), action, **kw)

    def _step(self, tx, ref: Referral, action: str, reason: str | None = None, at=None, place=None,
              breach_reason: str | None = None, note: str = ""):
        refused = rules.refusal(ref.state, action)
        if refused:
            raise ProblemError(refused)
        s, now = tx.session, clock.now()
        old, new = ref.state, states.target(action)
        to = _name(s, ref.to_org_id)
        args: dict = {"direction": ref.direction, "to_org": to}
        fields: dict = {"state": new}
        data: dict = {}
        follow_up = None
        if action == "send":
            fields["sent_at"] = now
            code = "timeline.referral.sent_green" if ref.green_channel else "timeline.referral.sent"
            args["from_org"] = _name(s, ref.from_org_id)
            self._next(tx, ref, {"step": "wait_schedule", "to_org": to}, now)
        elif action == "receive":
            code = "timeline.referral.received"
        elif action == "accept":
            code = "timeline.referral.accepted"
        elif action in ("reject", "cancel"):
            fields.update(state_reason=reason, closed_at=now)
            code = "timeline.referral.rejected" if action == "reject" else "timeline.referral.cancelled"
            args["reason"] = reason or ""
            close_tasks(tx, source_id=ref.id, state=CANCELLED)
            if reason and action == "reject":  # the sender's to arrange again; a cancel is their own choice
                self._next(tx, ref, {"step": "rearrange", "to_org": to, "reason": reason[:40]}, now)
        elif action == "schedule":
            late = is_late(ref.sent_at, now) and old != states.S.SCHEDULED.value
            breach = breach_reason or ref.breach_reason
            fields.update(scheduled_at=at, scheduled_place=place)
            if late and breach:
                fields["breach_reason"] = breach
            data.update(scheduled_at=at.isoformat(), place=place, late=late,
                        hours_to_schedule=round((now - ref.sent_at).total_seconds() / 3600, 2) if ref.sent_at else None)
            code = "timeline.referral.rescheduled" if old == new else "timeline.referral.scheduled"
            args.update(at=at.isoformat(), place=place)
            self._next(tx, ref, {"step": "attend", "place": place}, at)
        elif action == "seen":
            code = "timeline.referral.seen"
            close_tasks(tx, source_id=ref.id)
        else:  # close
            fields["closed_at"] = now
            close_tasks(tx, source_id=ref.id)
            code = "timeline.referral.closed_note" if note else "timeline.referral.closed"
            if note:
                args["note"] = note
            if ref.direction == "down":
                follow_up = self._community_followup(tx, ref)
                data["followup_id"] = follow_up
        tx.update(ref, **fields, note=reason or note or None)
        self._event(tx, ref, action, code, args, body=reason or note or None, old=old, **data)
        return follow_up

    def _event(self, tx, ref: Referral, action: str, title_code: str, title_args: dict,
               body: str | None = None, old: str | None = None, **data) -> None:
        """The step on the timeline; its title is a code worded in the reader's language (ui/)."""
        tx.add(TimelineEvent(
            patient_id=ref.patient_id, case_id=ref.case_id, kind="referral", occurred_at=clock.now(),
            org_unit_id=ref.to_org_id if states.SIDE.get(action) == "to" else ref.from_org_id,
            author_id=self.store.user_id, title="", title_code=title_code, title_args=title_args, body=body,
            data={"action": action, "from": old, "to": ref.state, "direction": ref.direction,
                  "short_code": ref.short_code, **data},
            ref_table="referrals", ref_id=ref.id))

    @staticmethod
    def _next(tx, ref: Referral, args: dict, when: dt.datetime) -> None:
        """The referral's next step as its one open task (the earlier step's is done)."""
        case = tx.session.get(Case, ref.case_id) if ref.case_id else None
        replace_source_task(tx, case, ref, "referral", when.astimezone(CHINA).date(), args)

    def _community_followup(self, tx, ref: Referral) -> str:
        """The loop's end: the community station's first home visit, within a week."""
        s = tx.session
        case = s.get(Case, ref.case_id) if ref.case_id else None
        patient = s.get(Patient, ref.patient_id)
        due = for_profile(self.profile).after(clock.today(), FIRST_COMMUNITY_VISIT, None)
        f = tx.add(Followup(patient_id=ref.patient_id, case_id=ref.case_id, due_date=due.date, method="home",
                            status=FollowupStatus.PLANNED.value, attempts=0, rule_id="referral-down-close",
                            assignee_id=(case.community_cm_id if case else None) or patient.family_doctor_id,
                            # The referral's code and the receiving site: facts, in no one language
                            # (the rule id says why the visit is there; the calendar words it).
                            notes=f"{ref.short_code} · {_name(s, ref.to_org_id)}"))
        return f.id

    @staticmethod
    def _load(session, rid: str) -> Referral:
        ref = session.get(Referral, rid)
        if ref is None or ref.deleted_at is not None:
            raise ProblemError(Problem("record.not_found", "referral", {"table": "referrals"}))
        return ref


def _row(ref: Referral) -> dict:
    return {c.name: getattr(ref, c.name) for c in Referral.__table__.columns}


def _name(session, unit_id: str | None) -> str:
    unit = session.get(OrgUnit, unit_id) if unit_id else None
    return unit.name if unit else "?"

