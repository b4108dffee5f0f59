"""Households (家庭单元), Qt-free: the families a family doctor serves as one.

Many cancers and chronic illnesses cluster in families, so a relative's confirmed cancer is a
screening criterion. A household records each member's relation to ONE member, the anchor
(the one it was started from, relation "self"); relations between two other members are
derived here, and only where the derivation is certain.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from app import clock
from app import phone
from app import search
from app.followups import NOTES_MAX
from app.followups import check_due_date
from app.followups import move_followup
from app.pathway.queries import MISSED
from app.pathway.queries import PLANNED
from app.pathway.service import responsible_cm
from app.problems import Problem
from app.problems import refuse
from app.rulebook import households as rules
from app.rulebook.lookup import SessionLookup
from app.tasks import OPEN
from app.worklist import Worklist
from db.models import Case
from db.models import Followup
from db.models import Household
from db.models import HouseholdMember
from db.models import Patient
from db.models import Task
from db.models import TimelineEvent
from db.models.enums import EventKind

if TYPE_CHECKING:
    from app.store import Store

RELATIONS = rules.RELATIONS  # to the anchor

# Relation to the anchor -> the anchor as seen from that member (first-degree links only).
_ANCHOR_SEEN_FROM = {"parent": "child", "child": "parent", "sibling": "sibling"}

# (P's relation to the anchor, Q's relation to the anchor) -> Q as seen from P, for two members
# neither of whom is the anchor. Only certain first-degree links are kept:
#   child   + child       -> sibling  (both are the anchor's children: they share the anchor as
#                                      parent; a half-sibling is recorded as "other" by whoever
#                                      knows it — the form cannot tell)
# Left out because the table cannot tell:
#   spouse  + child       the spouse is the child's parent only if said so (a step-child fits too)
#   parent  + sibling     the anchor's sibling may be a half-sibling through the other parent
#   sibling + sibling     two of the anchor's siblings may share only the anchor's other parent
#   parent  + grandparent the grandparent may be the other parent's parent (an in-law)
#   child   + grandchild  the grandchild may be another child's child
#   parent  + parent      the anchor's parents are each other's spouse, not blood relatives
#   spouse  + parent, grandparent + grandchild, anything with "other": not first-degree or unknown
_BETWEEN_MEMBERS = {("child", "child"): "sibling"}

FIRST_DEGREE = ("parent", "child", "sibling")


def _live_members(session, household_id: str) -> list[HouseholdMember]:
    return list(session.scalars(
        select(HouseholdMember)
        .where(HouseholdMember.household_id == household_id, HouseholdMember.deleted_at.is_(None))
        .order_by(HouseholdMember.id)))


def _membership(session, patient_id: str) -> HouseholdMember | None:
    return session.scalars(
        select(HouseholdMember)
        .where(HouseholdMember.patient_id == patient_id, HouseholdMember.deleted_at.is_(None))
        .order_by(HouseholdMember.id).limit(1)).first()


def seen_from(mine: str, theirs: str) -> str | None:
    """What a member whose relation to the anchor is `theirs` is to one whose relation is
    `mine`, if that is a certain first-degree link; None otherwise."""
    if mine == "self":
        return theirs if theirs in FIRST_DEGREE else None
    if theirs == "self":
        return _ANCHOR_SEEN_FROM.get(mine)
    return _BETWEEN_MEMBERS.get((mine, theirs))


def first_degree_relatives(session, patient_id: str) -> list[tuple[str, str]]:
    """The first-degree relatives of a patient within their household, as (patient id,
    relation seen FROM the patient: "parent", "child" or "sibling"). Empty when the patient is
    in no household. Only links the recorded relations make certain (see the table above)."""
    me = _membership(session, patient_id)
    if me is None:
        return []
    out: list[tuple[str, str]] = []
    for other in _live_members(session, me.household_id):
        if other.patient_id == patient_id:
            continue
        relation = seen_from(me.relation, other.relation)
        if relation is not None:
            out.append((other.patient_id, relation))
    return out


CONFIRMED_STAGES = ("treat", "rehab", "support")  # past diagnosis (as app/fhir words a condition)


def relatives_with_cancer(session, patient_id: str) -> list[tuple[str, str, str]]:
    """(relative's patient id, relation seen from the patient, cancer type) for each confirmed
    cancer of a first-degree relative in the household: a case past diagnosis, closed or not
    (a cancer once confirmed stays in the family's history). For the screening programmes'
    first-degree-relative criterion, with where the answer came from."""
    relatives = dict(first_degree_relatives(session, patient_id))
    if not relatives:
        return []
    rows = session.execute(select(Case.patient_id, Case.cancer_type).where(
        Case.patient_id.in_(list(relatives)), Case.deleted_at.is_(None), Case.stage.in_(CONFIRMED_STAGES))
        .order_by(Case.patient_id, Case.cancer_type)).all()
    return list(dict.fromkeys((pid, relatives[pid], cancer) for pid, cancer in rows))


# -- the household service ------------------------------------------------------------------
PLAN_METHODS = ("phone", "home")  # a household is called or visited at home, never "in clinic"


@dataclass(frozen=True)
class NextWork:
    due: dt.date
    kind: str  # "followup" or "task"
    method: str | None = None  # a follow-up's phone / clinic / home


@dataclass(frozen=True)
class MemberView:
    member_id: str
    patient_id: str
    name: str
    sex: str
    age: int | None
    relation: str  # to the anchor
    open_cases: tuple[tuple[str, str], ...]  # (cancer type, stage)
    confirmed: tuple[str, ...]  # cancer types past diagnosis
    next_work: NextWork | None
    phone: str | None


@dataclass(frozen=True)
class HouseholdView:
    id: str
    anchor_id: str
    name: str
    address: str
    notes: str
    supervisor_patient_id: str | None
    supervisor_name: str  # the member's name when the supervisor is a member
    supervisor_phone: str  # the member's own phone when none was given for the role
    members: tuple[MemberView, ...]

    def member(self, patient_id: str) -> MemberView | None:
        return next((m for m in self.members if m.patient_id == patient_id), None)


@dataclass(frozen=True)
class Plan:
    """What planning a household call or visit did, member by member (patient ids)."""
    day: dt.date
    method: str
    created: tuple[str, ...]  # a new follow-up on the day
    moved: tuple[str, ...]  # an open or missed follow-up due by the day, moved to it
    without_case: tuple[str, ...]  # no open case: nothing to follow up


def _age(birth: dt.date | None, today: dt.date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


class HouseholdService:
    """Households as a family doctor keeps them. Each write is one transaction through the
    rule book (app/rulebook/households.py says what is allowed and who may)."""

    def __init__(self, store: Store):
        self.store = store

    # -- reads ----------------------------------------------------------------------------
    def of_patient(self, patient_id: str) -> HouseholdView | None:
        with self.store.sessions() as s:
            me = _membership(s, patient_id)
            if me is None:
                return None
            return self._view(s, me.household_id)

    def kept_elsewhere(self, patient_id: str) -> bool:
        """In a household whose row is not on this desktop: started from a patient outside this
        person's scope (the member's row syncs with the member, the household with its anchor)."""
        with self.store.sessions() as s:
            me = _membership(s, patient_id)
            return me is not None and s.get(Household, me.household_id) is None

    def view(self, household_id: str) -> HouseholdView | None:
        with self.store.sessions() as s:
            return self._view(s, household_id)

    def may_keep(self, patient_id: str) -> Problem | None:
        """Why the person signed in may not keep this patient's household (None: they may)."""
        with self.store.sessions() as s:
            actor = self.store.actor(s)
            return None if actor is None else rules.who(patient_id, actor, SessionLookup(s))

    def candidates(self, query: str, household_id: str | None = None, limit: int = 30) -> list[tuple[str, str, str, int | None, str | None]]:
        """Patients matching a search (name, pinyin, phone or ID tail) who are in no household:
        (patient id, name, sex, age, household id they are in or None). Those already in one are
        listed too, marked, so the person sees why they cannot be added."""
        terms = search.parse(query)
        if terms.empty:
            return []
        today = clock.today()
        with self.store.sessions() as s:
            ids = Worklist._matching_patients(terms).limit(limit)  # the worklist's own search
            rows = s.execute(select(Patient.id, Patient.name, Patient.sex, Patient.birth_date)
                             .where(Patient.id.in_(ids)).order_by(Patient.name_pinyin, Patient.id)).all()
            taken = dict(s.execute(select(HouseholdMember.patient_id, HouseholdMember.household_id).where(
                HouseholdMember.patient_id.in_([r[0] for r in rows]), HouseholdMember.deleted_at.is_(None))).all())
        return [(pid, name, sex, _age(birth, today), taken.get(pid)) for pid, name, sex, birth in rows
                if taken.get(pid) != household_id or household_id is None]

    def _view(self, s, household_id: str) -> HouseholdView | None:
        h = s.get(Household, household_id)
        if h is None or h.deleted_at is not None:
            return None
        today = clock.today()
        members = _live_members(s, h.id)
        ids = [m.patient_id for m in members]
        patients = {p.id: p for p in s.scalars(select(Patient).where(Patient.id.in_(ids)))}
        cases: dict[str, list[Case]] = {}
        for c in s.scalars(select(Case).where(Case.patient_id.in_(ids), Case.deleted_at.is_(None))
                           .order_by(Case.opened_at, Case.id)):
            cases.setdefault(c.patient_id, []).append(c)
        work = self._next_work(s, ids)
        views = []
        for m in sorted(members, key=lambda m: (RELATIONS.index(m.relation) if m.relation in RELATIONS else 99,
                                                m.id)):
            p = patients.get(m.patient_id)
            if p is None:  # a member whose patient is outside this desktop's scope
                continue
            mine = cases.get(p.id, [])
            views.append(MemberView(
                m.id, p.id, p.name, p.sex, _age(p.birth_date, today), m.relation,
                tuple((c.cancer_type, c.stage) for c in mine if c.closed_at is None),
                tuple(dict.fromkeys(c.cancer_type for c in mine if c.stage in CONFIRMED_STAGES)),
                work.get(p.id), p.phone))
        sup = patients.get(h.supervisor_patient_id or "")
        return HouseholdView(
            h.id, h.patient_id, h.name or "", h.address or "", h.notes or "", h.supervisor_patient_id,
            (sup.name if sup is not None else h.supervisor_name) or "",
            h.supervisor_phone or (sup.phone if sup is not None else None) or "", tuple(views))

    @staticmethod
    def _next_work(s, ids: list[str]) -> dict[str, NextWork]:
        out: dict[str, NextWork] = {}

        def keep(pid: str, nw: NextWork) -> None:
            if pid not in out or nw.due < out[pid].due:
                out[pid] = nw
        for pid, due, method in s.execute(select(Followup.patient_id, Followup.due_date, Followup.method).where(
                Followup.patient_id.in_(ids), Followup.deleted_at.is_(None),
                Followup.status.in_((PLANNED, MISSED)), Followup.due_date.is_not(None))):
            keep(pid, NextWork(due, "followup", method))
        for pid, due in s.execute(select(Task.patient_id, Task.due_date).where(
                Task.patient_id.in_(ids), Task.deleted_at.is_(None), Task.state == OPEN,
                Task.due_date.is_not(None))):
            keep(pid, NextWork(due, "task"))
        return out

    # -- writes ---------------------------------------------------------------------------
    def start(self, patient_id: str, name: str = "", address: str = "") -> str:
        """A household started from `patient_id`, who is its first member ("self")."""
        name, address = " ".join((name or "").split()), " ".join((address or "").split())
        with self.store.write() as tx:
            p = tx.session.get(Patient, patient_id)
            if p is None or p.deleted_at is not None:
                raise refuse("household.unknown_patient", "patient_id")
            h = tx.add(Household(patient_id=patient_id, name=name or None, address=address or p.address or None))
            tx.add(HouseholdMember(household_id=h.id, patient_id=patient_id, relation="self"))
        return h.id

    def add_member(self, household_id: str, patient_id: str, relation: str) -> str:
        with self.store.write() as tx:
            self._household(tx.session, household_id)
            m = tx.add(HouseholdMember(household_id=household_id, patient_id=patient_id, relation=relation))
        return m.id

    def set_relation(self, household_id: str, patient_id: str, relation: str) -> None:
        with self.store.write() as tx:
            tx.update(self._member(tx.session, household_id, patient_id), relation=relation)

    def remove_member(self, household_id: str, patient_id: str) -> bool:
        """Take a member out; the supervisor role goes with them. The member the household was
        started from goes last, and the household with them. True when the household is gone."""
        with self.store.write() as tx:
            h = self._household(tx.session, household_id)
            m = self._member(tx.session, household_id, patient_id)
            if h.supervisor_patient_id == patient_id:
                tx.update(h, supervisor_patient_id=None, supervisor_phone=None)
            tx.delete(m)
            if m.relation == "self":
                tx.delete(h)
                return True
        return False

    def set_supervisor(self, household_id: str, patient_id: str | None = None, name: str = "",
                       phone_number: str = "") -> None:
        """The health supervisor: a member (`patient_id`; a phone only if another than theirs),
        or a person who is not a patient, by name and phone. All empty: none."""
        raw = (phone_number or "").strip()
        number = None
        if raw:
            try:
                number = phone.normalise(raw)
            except phone.NotAPhone:
                raise refuse("household.supervisor_phone_invalid", "supervisor_phone", value=raw) from None
        name = " ".join((name or "").split())
        with self.store.write() as tx:
            h = self._household(tx.session, household_id)
            tx.update(h, supervisor_patient_id=patient_id or None,
                      supervisor_name=None if patient_id else (name or None), supervisor_phone=number)

    def edit(self, household_id: str, name: str, address: str, notes: str = "") -> None:
        with self.store.write() as tx:
            h = self._household(tx.session, household_id)
            tx.update(h, name=" ".join((name or "").split()) or None,
                      address=" ".join((address or "").split()) or None, notes=(notes or "").strip() or None)

    def plan_visit(self, household_id: str, day: dt.date, method: str, notes: str = "") -> Plan:
        """One call or home visit for the household on `day`, as one follow-up per member who
        needs one, in one transaction.

        Why per member and not one household task: a follow-up's outcome (reached, what was
        found, the next date) is one patient's, the pathway proposes each member's next date
        from their own case, and 随访率 counts per patient; a household task would hold none
        of that. The household visit shows as the same day and method on each member's list.
        Who needs one: a member with an open case. A follow-up of theirs already due by the
        day (planned or missed: the missed checks Qiaokou chases) is moved to it; otherwise a
        new one is planned. Members without an open case have nothing to follow up."""
        if method not in PLAN_METHODS:
            raise refuse("household.bad_method", "method", value=str(method))
        notes = (notes or "").strip()
        if len(notes) > NOTES_MAX:
            raise refuse("field.too_long", "notes", max=NOTES_MAX)
        created, moved, without = [], [], []
        with self.store.write() as tx:
            s = tx.session
            h = self._household(s, household_id)
            for m in _live_members(s, h.id):
                case = s.scalars(select(Case).where(Case.patient_id == m.patient_id, Case.deleted_at.is_(None),
                                                    Case.closed_at.is_(None)).order_by(Case.opened_at, Case.id)).first()
                if case is None:
                    without.append(m.patient_id)
                    continue
                check_due_date(s, m.patient_id, day)
                due = s.scalars(select(Followup).where(
                    Followup.patient_id == m.patient_id, Followup.deleted_at.is_(None),
                    Followup.status.in_((PLANNED, MISSED)), Followup.due_date <= day)
                    .order_by(Followup.due_date, Followup.id)).first()
                if due is not None:
                    if due.method != method:
                        tx.update(due, method=method)
                    if due.due_date != day or due.status != PLANNED:
                        move_followup(tx, due, day, "timeline.followup.moved", notes)
                    moved.append(m.patient_id)
                    continue
                f = tx.add(Followup(patient_id=m.patient_id, case_id=case.id, due_date=day, method=method,
                                    status=PLANNED, attempts=0, notes=notes or None,
                                    assignee_id=self.store.user_id or responsible_cm(case)))
                tx.add(TimelineEvent(
                    patient_id=f.patient_id, case_id=f.case_id, kind=EventKind.FOLLOWUP.value,
                    occurred_at=clock.now(), title="", title_code="schedule.timeline_planned",
                    title_args={"method": method, "date": day.isoformat()}, body=notes or None,
                    data={"due_date": day.isoformat(), "household_id": h.id},
                    ref_table="followups", ref_id=f.id))
                created.append(m.patient_id)
            if not created and not moved:
                raise refuse("household.nothing_to_plan", None)
        return Plan(day, method, tuple(created), tuple(moved), tuple(without))

    @staticmethod
    def _household(s, household_id: str) -> Household:
        h = s.get(Household, household_id)
        if h is None or h.deleted_at is not None:
            raise refuse("household.unknown", "household_id")
        return h

    @staticmethod
    def _member(s, household_id: str, patient_id: str) -> HouseholdMember:
        m = s.scalars(select(HouseholdMember).where(
            HouseholdMember.household_id == household_id, HouseholdMember.patient_id == patient_id,
            HouseholdMember.deleted_at.is_(None))).first()
        if m is None:
            raise refuse("record.not_found", "patient_id", table="household_members")
        return m
