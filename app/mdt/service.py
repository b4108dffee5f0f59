"""MDT requests (多学科会诊): the question, the specialties, readiness, a slot, the decision.

requested → ready (every checklist item done) → booked (a slot with room) → decided,
cancelled with a reason from any open state. Each change is one Store.write() with a
timeline event (kind "mdt"); the decision's event carries the plan and its follow-on
actions as data, and the case's next action and due date become the plan's first step.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from app import clock
from app.mdt import sessions
from app.mdt.plans import CHECKLIST
from app.mdt.plans import PLANS
from app.mdt.plans import SPECIALTIES
from app.pathway import for_profile
from app.problems import refuse
from app.tasks import CANCELLED
from app.tasks import close_tasks
from app.tasks import open_task
from app.tasks import replace_source_task
from db.models import Case
from db.models import MdtRequest
from db.models import Patient
from db.models import TimelineEvent
from db.models.enums import MdtState as M

if TYPE_CHECKING:
    from app.profile import Profile

TEXT_MAX = 1000
CHINA = dt.timezone(dt.timedelta(hours=8))  # a session's day is a day in China
OPEN = (M.REQUESTED.value, M.READY.value, M.BOOKED.value)


@dataclass(frozen=True)
class MdtView:
    id: str
    patient_id: str
    case_id: str | None
    question: str
    specialties: tuple[str, ...]
    checklist: dict
    state: str
    slot_at: dt.datetime | None
    decision: str
    decided_at: dt.datetime | None

    @property
    def missing(self) -> list[str]:
        return [k for k in CHECKLIST if not self.checklist.get(k)]


def _text(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise refuse("field.required", field)
    if len(value) > TEXT_MAX:
        raise refuse("field.too_long", field, max=TEXT_MAX)
    return value


def _specialties(values) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values or [] if v and v.strip()))  # the rule book counts them


def _checklist(values: dict | None) -> dict:
    unknown = set(values or {}) - set(CHECKLIST)
    if unknown:
        raise refuse("mdt.unknown_checklist_item", "checklist")
    return {k: bool((values or {}).get(k)) for k in CHECKLIST}


class MdtService:
    specialties = SPECIALTIES
    plans = PLANS

    def __init__(self, profile: Profile):
        self.profile = profile
        self.store = profile.store

    def get(self, mdt_id: str) -> MdtView:
        with self.store.sessions() as s:
            return _view(self._load(s, mdt_id))

    def open_for_patient(self, patient_id: str) -> MdtView | None:
        """The patient's MDT request still in progress (the latest), if any."""
        with self.store.sessions() as s:
            m = s.scalars(select(MdtRequest).where(
                MdtRequest.patient_id == patient_id, MdtRequest.state.in_(OPEN), MdtRequest.deleted_at.is_(None))
                .order_by(MdtRequest.updated_at.desc())).first()
            return _view(m) if m is not None else None

    def slots(self, days: int = sessions.HORIZON_DAYS) -> list[sessions.Slot]:
        plan = sessions.load_plan(self.profile.path)
        with self.store.sessions() as s:
            return sessions.slots(s, plan, for_profile(self.profile).calendar, clock.now(), days)

    def request(self, patient_id: str, question: str, specialties, checklist: dict | None = None,
                case_id: str | None = None) -> str:
        question = _text(question, "question")
        chosen, ticks = _specialties(specialties), _checklist(checklist)
        with self.store.write() as tx:
            if tx.session.get(Patient, patient_id) is None:
                raise refuse("record.not_found", "patient", table="patients")
            state = M.READY.value if all(ticks.values()) else M.REQUESTED.value
            m = tx.add(MdtRequest(patient_id=patient_id, case_id=case_id, question=question,
                                  specialties=chosen, checklist=ticks, state=state))
            self._event(tx, m, "request", "timeline.mdt.requested", {"specialties": list(chosen)}, body=question)
        return m.id

    def update_checklist(self, mdt_id: str, checklist: dict) -> str:
        """Tick readiness items; all five make the request ready to book. Returns the state."""
        ticks = _checklist(checklist)
        with self.store.write() as tx:
            m = self._load(tx.session, mdt_id)
            if m.state not in (M.REQUESTED.value, M.READY.value):
                raise refuse("mdt.checklist_after_booking", "checklist", state=m.state)
            state = M.READY.value if all(ticks.values()) else M.REQUESTED.value
            if tx.update(m, checklist=ticks, state=state):
                done = [k for k in CHECKLIST if ticks[k]]
                self._event(tx, m, "checklist", "timeline.mdt.ready" if state == M.READY.value
                            else "timeline.mdt.checklist", {}, body_code="timeline.body.mdt_checklist" if done
                            else "timeline.body.mdt_checklist_none", body_args={"done": done})
            return m.state

    def book(self, mdt_id: str, slot_at: dt.datetime) -> None:
        plan = sessions.load_plan(self.profile.path)
        calendar = for_profile(self.profile).calendar
        now = clock.now()
        with self.store.write() as tx:
            s = tx.session
            m = self._load(s, mdt_id)
            if m.state == M.REQUESTED.value:
                missing = [k for k in CHECKLIST if not (m.checklist or {}).get(k)]
                raise refuse("mdt.not_ready", "checklist", missing=missing)
            if m.state not in (M.READY.value, M.BOOKED.value):
                raise refuse("mdt.closed", "state", state=m.state)
            slot = next((x for x in sessions.slots(s, plan, calendar, now) if x.starts_at == slot_at), None)
            if slot is None:
                raise refuse("mdt.no_such_session", "slot")
            if m.slot_at == slot_at and m.state == M.BOOKED.value:
                return
            if slot.free <= 0:
                raise refuse("mdt.session_full", "slot", capacity=slot.capacity)
            moved = m.state == M.BOOKED.value
            tx.update(m, state=M.BOOKED.value, slot_at=slot_at)
            self._event(tx, m, "book", "timeline.mdt.rebooked" if moved else "timeline.mdt.booked",
                        {"at": slot_at.isoformat(), "place": slot.place}, slot_at=slot_at.isoformat())
            self._next(tx, m, {"step": "attend", "place": slot.place}, slot_at.astimezone(CHINA).date())

    def cancel(self, mdt_id: str, reason: str) -> None:
        reason = _text(reason, "reason")
        with self.store.write() as tx:
            m = self._load(tx.session, mdt_id)
            if m.state not in OPEN:
                raise refuse("mdt.closed", "state", state=m.state)
            tx.update(m, state=M.CANCELLED.value, note=reason)
            close_tasks(tx, source_id=m.id, state=CANCELLED)
            self._event(tx, m, "cancel", "timeline.mdt.cancelled", {"reason": reason}, body=reason)

    def decide(self, mdt_id: str, plan: str, decision: str = "") -> list[tuple[str, dt.date]]:
        """Record the panel's decision; returns the follow-on actions with their due dates."""
        if plan not in PLANS:  # chosen explicitly: the dialog preselects none
            raise refuse("mdt.plan_required", "plan")
        label, steps = PLANS[plan]
        text = (decision or "").strip() or f"建议{label}"
        if len(text) > TEXT_MAX:
            raise refuse("field.too_long", "decision", max=TEXT_MAX)
        pathway, today, now = for_profile(self.profile), clock.today(), clock.now()
        actions = [(what, pathway.after(today, f"{days}d").date) for what, days in steps]
        with self.store.write() as tx:
            m = self._load(tx.session, mdt_id)
            if m.state != M.BOOKED.value:
                raise refuse("mdt.decide_unbooked", "state", state=m.state)
            tx.update(m, state=M.DECIDED.value, decision=text, decided_at=now)
            typed = (decision or "").strip()
            self._event(tx, m, "decide", "timeline.mdt.decided_text" if typed else "timeline.mdt.decided",
                        {"plan": plan, "decision": typed} if typed else {"plan": plan},
                        body_code="timeline.body.mdt_plan", body_args={"actions": [
                            {"plan": plan, "step": n, "due": due.isoformat()} for n, (_what, due) in enumerate(actions)]},
                        plan=plan, decision=text, specialties=list(m.specialties or []),
                        actions=[{"text": what, "due": due.isoformat()} for what, due in actions])
            close_tasks(tx, source_id=m.id)  # attended: the plan's steps follow, each its own task
            case = tx.session.get(Case, m.case_id) if m.case_id else None
            for n, (_what, due) in enumerate(actions):
                open_task(tx, case, "mdt", due, args={"plan": plan, "step": n}, source=m)
        return actions

    # -- inside the transaction ----------------------------------------------------
    def _event(self, tx, m: MdtRequest, action: str, title_code: str, title_args: dict,
               body: str | None = None, body_code: str | None = None, body_args: dict | None = None,
               **data) -> None:
        """The step on the timeline; its title, and a body the software writes, are codes worded
        in the reader's language (ui/timeline_words.py); `body` is what a person typed."""
        if body_code:
            data.update(body_code=body_code, body_args=body_args or {})
        tx.add(TimelineEvent(patient_id=m.patient_id, case_id=m.case_id, kind="mdt", occurred_at=clock.now(),
                             author_id=self.store.user_id, title="", title_code=title_code,
                             title_args=title_args, body=body,
                             data={"action": action, "state": m.state, **data},
                             ref_table="mdt_requests", ref_id=m.id))

    @staticmethod
    def _next(tx, m: MdtRequest, args: dict, due: dt.date) -> None:
        case = tx.session.get(Case, m.case_id) if m.case_id else None
        replace_source_task(tx, case, m, "mdt", due, args)

    @staticmethod
    def _load(session, mdt_id: str) -> MdtRequest:
        m = session.get(MdtRequest, mdt_id)
        if m is None or m.deleted_at is not None:
            raise refuse("record.not_found", "mdt", table="mdt_requests")
        return m


def _view(m: MdtRequest) -> MdtView:
    return MdtView(m.id, m.patient_id, m.case_id, m.question, tuple(m.specialties or ()), dict(m.checklist or {}),
                   m.state, m.slot_at, m.decision or "", m.decided_at)
