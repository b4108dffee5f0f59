"""The examination slot pool (号源池), Qt-free: the hospital publishes slots and registers who
came; a community case manager books a high-risk resident into one.

Every write goes through the store, so the rule book (app/rulebook/slots.py) checks it: a full
slot is refused here already when this desktop knows it is full. Offline a booking waits in
the outbox and is only tentative: the server takes it while the slot has room and refuses it
otherwise, with the nearest free slots; the refused booking stays here, visible, until it is
rebooked into one of them (the refused outbox entry sent again with the new slot:
app/sync/conflicts.py resend). A no-show opens a task for the community case manager.

Times are China's (slots are published and kept in a Chinese hospital's day).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from typing import TYPE_CHECKING

from sqlalchemy import and_
from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app.problems import Problem
from app.problems import refuse
from app.rulebook.lookup import SessionLookup
from app.rulebook.slots import CHINA
from app.rulebook.slots import LIVE_BOOKINGS
from app.rulebook.slots import MODALITIES
from app.sync import conflicts
from app.tasks import close_tasks
from app.tasks import open_task
from db.models import Case
from db.models import ExamSlot
from db.models import OrgUnit
from db.models import OutboxEntry
from db.models import Patient
from db.models import SlotBooking
from db.models.enums import OrgKind

if TYPE_CHECKING:
    from app.profile import Profile

HOSPITAL_KINDS = (OrgKind.CENTRE.value, OrgKind.SUB_CENTRE.value, OrgKind.PARTNER_HOSPITAL.value)
MAX_SERIES = 1000  # slots one series publishes: a quarter of weekday mornings at 15 minutes
CONFIRMED, TENTATIVE, REFUSED = "confirmed", "tentative", "refused"


def china(moment: dt.datetime) -> dt.datetime:
    """A stored (UTC) moment as the wall-clock time in China."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)).astimezone(CHINA)


def at_china(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=CHINA).astimezone(dt.timezone.utc)


def short_code(booking_id: str) -> str:
    """What the slip prints and its QR code holds: the id's last eight hex digits (its random
    part), enough to find a booking among a hospital's."""
    tail = booking_id.replace("-", "")[-8:].upper()
    return f"YY-{tail[:4]}-{tail[4:]}"


@dataclass(frozen=True)
class SlotView:
    id: str
    org_unit_id: str
    hospital: str
    modality: str
    starts_at: dt.datetime  # China time
    minutes: int
    capacity: int
    held: int  # places held: the server's count of all stations' bookings plus ours not yet sent
    place: str
    instructions: str

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.held)


@dataclass(frozen=True)
class BookingView:
    id: str
    code: str
    slot: SlotView
    patient_id: str
    patient_name: str
    case_id: str | None
    state: str  # booked / attended / no_show / cancelled
    status: str  # confirmed (the server has it) / tentative (in the outbox) / refused
    problems: list[Problem] = field(default_factory=list)  # why the server refused it
    alternatives: list[SlotView] = field(default_factory=list)  # free slots to rebook into
    state_reason: str = ""


class SlotService:
    def __init__(self, profile: Profile):
        self.profile = profile
        self.store = profile.store

    # -- the hospital's side ------------------------------------------------------------------

    def hospitals(self) -> list[tuple[str, str]]:
        """(id, name) of the hospitals this person publishes slots for."""
        with self.profile.sessions() as s:
            actor = self.store.actor(s)
            units = s.execute(select(OrgUnit.id, OrgUnit.name).where(
                OrgUnit.kind.in_(HOSPITAL_KINDS), OrgUnit.deleted_at.is_(None)).order_by(OrgUnit.code)).all()
        return [(i, n) for i, n in units if actor is None or actor.is_admin or actor.acts_for(i)]

    def publish(self, org_unit_id: str, modality: str, starts_at: dt.datetime, capacity: int, minutes: int = 30,
                place: str = "", instructions: str = "") -> str:
        return self._publish(org_unit_id, modality, [starts_at], capacity, minutes, place, instructions)[0]

    def publish_series(self, org_unit_id: str, modality: str, first_day: dt.date, last_day: dt.date,
                       start: dt.time, end: dt.time, every_minutes: int, capacity: int, place: str = "",
                       instructions: str = "", weekdays: Iterable[int] = (0, 1, 2, 3, 4),
                       working_days_only: bool = True) -> list[str]:
        """Slots from `start` every `every_minutes` while one ends by `end`, on each chosen
        weekday (Monday 0) from `first_day` to `last_day`; with `working_days_only` the public
        holidays (and their make-up working days) of the work calendar decide instead."""
        if last_day < first_day:
            raise refuse("slot.series_days", "last_day")
        if not isinstance(every_minutes, int) or every_minutes < 5:
            raise refuse("slot.series_step", "every_minutes")
        days = set(weekdays)
        times: list[dt.datetime] = []
        with self.profile.sessions() as s:
            lookup = SessionLookup(s, self.store.calendar)
            day = first_day
            while day <= last_day:
                if (lookup.working_day(day) if working_days_only else day.weekday() in days):
                    moment = dt.datetime.combine(day, start)
                    while moment + dt.timedelta(minutes=every_minutes) <= dt.datetime.combine(day, end):
                        times.append(at_china(day, moment.time()))
                        moment += dt.timedelta(minutes=every_minutes)
                day += dt.timedelta(days=1)
                if len(times) > MAX_SERIES:
                    raise refuse("slot.series_too_long", "last_day", max=MAX_SERIES)
        if not times:
            raise refuse("slot.series_empty", "first_day")
        return self._publish(org_unit_id, modality, times, capacity, every_minutes, place, instructions)

    def _publish(self, org_unit_id, modality, times, capacity, minutes, place, instructions) -> list[str]:
        with self.store.write() as tx:
            return [tx.add(ExamSlot(org_unit_id=org_unit_id, modality=modality, starts_at=at, minutes=minutes,
                                    capacity=capacity, place=(place or "").strip() or None,
                                    instructions=(instructions or "").strip() or None)).id for at in times]

    def change(self, slot_id: str, **values) -> None:
        """Capacity, place, instructions (a time only while nobody is booked)."""
        with self.store.write() as tx:
            tx.update(self._slot(tx.session, slot_id), **values)

    def withdraw(self, slot_id: str) -> None:
        """A slot nobody holds a place in leaves the pool (a tombstone every desktop pulls)."""
        with self.store.write() as tx:
            tx.delete(self._slot(tx.session, slot_id))

    def attended(self, booking_id: str) -> None:
        with self.store.write() as tx:
            tx.update(self._booking(tx.session, booking_id), state="attended", attended_at=clock.now())

    def no_show(self, booking_id: str, reason: str = "") -> str | None:
        """The resident did not come: the booking says so and the community case manager gets a
        task to book the examination again (the id; None when the resident has no open case)."""
        with self.store.write() as tx:
            s = tx.session
            b = self._booking(s, booking_id)
            tx.update(b, state="no_show", state_reason=reason.strip() or None)
            case = self._case_of(s, b)
            slot = s.get_one(ExamSlot, b.slot_id)
            if case is None:
                return None
            task = open_task(tx, case, "care", clock.today(),
                             args={"step": "book_exam", "modality": slot.modality,
                                   "missed": china(slot.starts_at).isoformat()},
                             source=b, owner_id=case.community_cm_id or b.booked_by)
            return task.id if task is not None else None

    def cancel(self, booking_id: str, reason: str = "") -> None:
        with self.store.write() as tx:
            tx.update(self._booking(tx.session, booking_id), state="cancelled", state_reason=reason.strip() or None)

    def day(self, day: dt.date, org_unit_id: str | None = None, modality: str | None = None
            ) -> list[tuple[SlotView, list[BookingView]]]:
        """A hospital's slots of one day (China's), each with its bookings."""
        lo, hi = at_china(day, dt.time()), at_china(day + dt.timedelta(days=1), dt.time())
        with self.profile.sessions() as s:
            q = select(ExamSlot).where(ExamSlot.deleted_at.is_(None), ExamSlot.starts_at >= lo, ExamSlot.starts_at < hi)
            if org_unit_id:
                q = q.where(ExamSlot.org_unit_id == org_unit_id)
            if modality:
                q = q.where(ExamSlot.modality == modality)
            slots = self._views(s, list(s.scalars(q.order_by(ExamSlot.starts_at, ExamSlot.id))))
            bookings = list(s.scalars(select(SlotBooking).where(
                SlotBooking.slot_id.in_([v.id for v in slots]), SlotBooking.deleted_at.is_(None))
                .order_by(SlotBooking.booked_at, SlotBooking.id)))
            views = self._booking_views(s, bookings, {v.id: v for v in slots})
        return [(v, [b for b in views if b.slot.id == v.id]) for v in slots]

    def find(self, code: str) -> BookingView | None:
        """A booking by the code on its slip (typed, or read by a scanner)."""
        tail = "".join(c for c in code.upper() if c.isalnum())[-8:].lower()
        if len(tail) < 8:
            return None
        with self.profile.sessions() as s:
            found = list(s.scalars(select(SlotBooking).where(SlotBooking.id.like(f"%{tail}")).limit(1)))
            views = self._booking_views(s, found)
        return views[0] if views else None

    # -- the community's side -----------------------------------------------------------------

    def free_slots(self, modality: str, first_day: dt.date | None = None, last_day: dt.date | None = None,
                   limit: int = 200) -> list[SlotView]:
        """Slots of `modality` not yet begun with a place free (as this desktop knows), soonest first."""
        if modality not in MODALITIES:
            raise refuse("field.not_allowed", "modality", value=str(modality))
        now = clock.now()
        lo = max(now, at_china(first_day, dt.time())) if first_day else now
        with self.profile.sessions() as s:
            q = select(ExamSlot).where(ExamSlot.modality == modality, ExamSlot.deleted_at.is_(None),
                                       ExamSlot.starts_at > lo)
            if last_day:
                q = q.where(ExamSlot.starts_at < at_china(last_day + dt.timedelta(days=1), dt.time()))
            full = self._known_full(s)
            out: list[SlotView] = []
            for chunk in _chunks(s.scalars(q.order_by(ExamSlot.starts_at, ExamSlot.id)), 200):
                out.extend(v for v in self._views(s, chunk) if v.free > 0 and v.id not in full)
                if len(out) >= limit:
                    break
        return out[:limit]

    def book(self, slot_id: str, patient_id: str, case_id: str | None = None) -> str:
        """Book the resident into the slot; the id. Refused here when this desktop knows the slot
        is full (slot.full, with the nearest free slots); otherwise confirmed at the next sync."""
        with self.store.write() as tx:
            b = tx.add(SlotBooking(slot_id=slot_id, patient_id=patient_id, case_id=case_id, state="booked",
                                   booked_at=clock.now(), booked_by=self.store.user_id))
            self._close_no_show_tasks(tx, patient_id)
            return b.id

    def rebook(self, booking_id: str, slot_id: str) -> None:
        """A refused booking into another slot: its refused entry goes out again with the new
        slot (the same booking, so nothing is lost or doubled)."""
        with self.profile.sessions() as s:
            seq = s.scalar(select(OutboxEntry.seq).where(
                OutboxEntry.table_name == "slot_bookings", OutboxEntry.row_id == booking_id,
                OutboxEntry.op == "insert", OutboxEntry.status == "rejected"))
        if seq is None:
            raise refuse("slot.not_refused", "slot_id")
        conflicts.resend(self.profile, seq, {"slot_id": slot_id, "booked_at": clock.now()})

    def bookings_of_patient(self, patient_id: str) -> list[BookingView]:
        with self.profile.sessions() as s:
            found = list(s.scalars(select(SlotBooking).where(
                SlotBooking.patient_id == patient_id, SlotBooking.deleted_at.is_(None))
                .order_by(SlotBooking.booked_at.desc(), SlotBooking.id)))
            return self._booking_views(s, found)

    def booking(self, booking_id: str) -> BookingView:
        with self.profile.sessions() as s:
            found = self._booking_views(s, [b for b in [s.get(SlotBooking, booking_id)] if b is not None])
        if not found:
            raise refuse("record.not_found", None, table="slot_bookings")
        return found[0]

    def refused(self) -> list[BookingView]:
        """Every booking the server refused, for the page's list of what needs rebooking."""
        with self.profile.sessions() as s:
            ids = list(s.scalars(select(OutboxEntry.row_id).where(
                OutboxEntry.table_name == "slot_bookings", OutboxEntry.op == "insert",
                OutboxEntry.status == "rejected").order_by(OutboxEntry.seq)))
            return self._booking_views(s, list(s.scalars(select(SlotBooking).where(SlotBooking.id.in_(ids)))))

    # -- helpers ----------------------------------------------------------------------------------

    @staticmethod
    def _slot(s, slot_id: str) -> ExamSlot:
        slot = s.get(ExamSlot, slot_id)
        if slot is None or slot.deleted_at is not None:
            raise refuse("record.not_found", "slot_id", table="exam_slots")
        return slot

    @staticmethod
    def _booking(s, booking_id: str) -> SlotBooking:
        b = s.get(SlotBooking, booking_id)
        if b is None or b.deleted_at is not None:
            raise refuse("record.not_found", None, table="slot_bookings")
        return b

    @staticmethod
    def _case_of(s, b: SlotBooking) -> Case | None:
        if b.case_id:
            case = s.get(Case, b.case_id)
            if case is not None and case.closed_at is None and case.deleted_at is None:
                return case
        return s.scalars(select(Case).where(Case.patient_id == b.patient_id, Case.closed_at.is_(None),
                                            Case.deleted_at.is_(None))
                         .order_by(Case.due_date.is_(None), Case.due_date, Case.id)).first()

    @staticmethod
    def _close_no_show_tasks(tx, patient_id: str) -> None:
        """Booked again: the tasks earlier no-shows opened are done."""
        missed = list(tx.session.scalars(select(SlotBooking.id).where(
            SlotBooking.patient_id == patient_id, SlotBooking.state == "no_show")))
        for booking_id in missed:
            close_tasks(tx, source_id=booking_id)

    @staticmethod
    def _known_full(s) -> set[str]:
        """Slots the server said are full (a refusal still waiting to be rebooked): this desktop
        cannot count other stations' bookings, so it takes the server's word until the next one."""
        full = set()
        for entry in s.scalars(select(OutboxEntry).where(
                OutboxEntry.table_name == "slot_bookings", OutboxEntry.op == "insert",
                OutboxEntry.status == "rejected")):
            if any(isinstance(p, dict) and p.get("code") == "slot.full"
                   for p in (entry.server_detail or {}).get("problems") or ()):
                slot_id = (entry.changes.get("slot_id") or [None, None])[1]
                full.add(slot_id)
        return full

    @staticmethod
    def _views(s, slots: list[ExamSlot]) -> list[SlotView]:
        if not slots:
            return []
        ids = [x.id for x in slots]
        refused = select(OutboxEntry.row_id).where(OutboxEntry.table_name == "slot_bookings",
                                                    OutboxEntry.op == "insert", OutboxEntry.status == "rejected")
        live = and_(SlotBooking.slot_id.in_(ids), SlotBooking.state.in_(LIVE_BOOKINGS),
                    SlotBooking.deleted_at.is_(None), SlotBooking.id.not_in(refused))
        here = dict(s.execute(select(SlotBooking.slot_id, func.count()).where(live)
                              .group_by(SlotBooking.slot_id)).all())
        # The server's count of every station's bookings (as of the last pull) plus this
        # desktop's bookings it has not taken yet; never fewer than this desktop sees itself.
        unsent = dict(s.execute(select(SlotBooking.slot_id, func.count()).where(live, SlotBooking.server_seq.is_(None))
                                .group_by(SlotBooking.slot_id)).all())
        held = {x.id: max(int(here.get(x.id, 0)), (x.booked_count or 0) + int(unsent.get(x.id, 0))) for x in slots}
        names = dict(s.execute(select(OrgUnit.id, OrgUnit.name).where(
            OrgUnit.id.in_({x.org_unit_id for x in slots}))).all())
        return [SlotView(x.id, x.org_unit_id, names.get(x.org_unit_id, ""), x.modality, china(x.starts_at),
                         x.minutes or 0, x.capacity, int(held.get(x.id, 0)), x.place or "", x.instructions or "")
                for x in slots]

    def _booking_views(self, s, bookings: list[SlotBooking], slots: dict[str, SlotView] | None = None
                       ) -> list[BookingView]:
        if not bookings:
            return []
        ids = [b.id for b in bookings]
        if slots is None:
            slots = {v.id: v for v in self._views(s, list(s.scalars(select(ExamSlot).where(
                ExamSlot.id.in_({b.slot_id for b in bookings})))))}
        names = dict(s.execute(select(Patient.id, Patient.name).where(
            Patient.id.in_({b.patient_id for b in bookings}))).all())
        inserts = {e.row_id: e for e in s.scalars(select(OutboxEntry).where(
            OutboxEntry.table_name == "slot_bookings", OutboxEntry.op == "insert", OutboxEntry.row_id.in_(ids)))}
        out = []
        for b in bookings:
            entry = inserts.get(b.id)
            problems: list[Problem] = []
            alternatives: list[SlotView] = []
            if entry is None:
                status = CONFIRMED
            elif entry.status == "rejected":
                status = REFUSED
                problems = [Problem.from_json(p) for p in (entry.server_detail or {}).get("problems") or ()
                            if isinstance(p, dict)]
                alternatives = self._alternatives(s, problems, slots[b.slot_id])
            else:
                status = TENTATIVE
            out.append(BookingView(b.id, short_code(b.id), slots[b.slot_id], b.patient_id, names.get(b.patient_id, ""),
                                   b.case_id, b.state, status, problems, alternatives, b.state_reason or ""))
        return out

    def _alternatives(self, s, problems: list[Problem], slot: SlotView) -> list[SlotView]:
        """The free slots the refusal named (those still free here), else the nearest free ones now."""
        named = [i for p in problems if p.code == "slot.full" for i in p.params.get("alternatives") or ()]
        views = [v for v in self._views(s, list(s.scalars(select(ExamSlot).where(
            ExamSlot.id.in_(named), ExamSlot.deleted_at.is_(None))))) if v.free > 0 and v.starts_at > clock.now()]
        if views:
            return sorted(views, key=lambda v: named.index(v.id))
        found = SessionLookup(s).free_slots(slot.modality, slot.starts_at, slot.id, 3)
        return self._views(s, [s.get_one(ExamSlot, i) for i, _at, _n in found])


def _chunks(rows, size: int):
    chunk: list = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
