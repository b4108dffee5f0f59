"""The inbox: what arrived for this person and needs a look, in one list.

Four kinds, each a record somewhere else: a change the server answered with a conflict, a
change it refused (both outbox entries), a referral sent to the person's organisation and
not answered yet, an MDT decision of the last two weeks on one of their cases. Nothing is
copied: the list is read fresh each time, and only which items the person has seen is kept,
per person, in the profile's local state (like the saved worklist views).

Each item says what it is with a problem code and parameters (ui/problem_templates/inbox.py
words them), never prose; the window adds the sync words for outbox entries.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from typing import TYPE_CHECKING
from typing import Any

from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import aliased

from app import clock
from app.referrals.board import my_units
from app.sync import conflicts
from app.sync import service
from app.sync.service import OutboxItem
from db.models import MODEL_BY_TABLE
from db.models import Case
from db.models import MdtRequest
from db.models import OrgUnit
from db.models import Patient
from db.models import Referral
from db.models import TimelineEvent
from db.models import User

if TYPE_CHECKING:
    from app.profile import Profile

CONFLICT, REFUSED, REFERRAL_IN, MDT_DECISION = "conflict", "refused", "referral_in", "mdt_decision"
SETTLED = "settled"  # a conflict another desktop settled on one of my cases' patients
KINDS = (CONFLICT, REFUSED, REFERRAL_IN, MDT_DECISION, SETTLED)
# Settling a sync problem comes first: until then the change is on this desktop only.
_RANK = {CONFLICT: 0, REFUSED: 1}
UNANSWERED_REFERRAL_STATES = ("sent", "received")
DECISIONS_SHOWN_FOR = dt.timedelta(days=14)
_OUTBOX_STATUS = {"conflict": CONFLICT, "rejected": REFUSED}
_CHUNK = 500  # ids in one IN (…): well under SQLite's bound-parameter limit


@dataclass(frozen=True)
class InboxItem:
    id: str  # "<kind>:<record or change id>": stable while the item is in the inbox
    kind: str  # one of KINDS
    when: dt.datetime | None  # sent, decided, or (a sync change) made
    patient_id: str | None
    patient_name: str
    table: str  # the record it is about
    record_id: str
    code: str  # what it says, as a problem code (inbox.<kind>) ...
    params: dict[str, Any] = field(default_factory=dict)  # ... and its parameters
    seen: bool = False
    outbox: OutboxItem | None = None  # a conflict's or refused change's outbox entry, for the sync words

    @property
    def seq(self) -> int | None:
        """The outbox entry's number (the conflict and resend dialogs take it)."""
        return self.outbox.seq if self.outbox is not None else None


class Inbox:
    """The inbox of `user_id` at this desktop; `station_id` stands in for the person's unit
    while their own row has not arrived (a fresh station profile before its first pull)."""

    def __init__(self, profile: Profile, user_id: str | None, station_id: str | None = None):
        self.profile = profile
        self.user_id = user_id
        self.station_id = station_id
        self.key = f"inbox.seen:{user_id or 'local'}"

    # -- the list ------------------------------------------------------------------------

    def items(self) -> list[InboxItem]:
        """Conflicts, then refused changes, then the rest; newest first within each."""
        seen = self.seen_ids()
        found = [*self._sync_items(), *self._referrals(), *self._decisions(), *self._settled()]
        found = [_with_seen(item, item.id in seen) for item in found]
        oldest = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
        found.sort(key=lambda i: (-_aware(i.when or oldest).timestamp(), i.id))
        found.sort(key=lambda i: _RANK.get(i.kind, 2))  # stable: keeps newest first within a rank
        return found

    def count(self, items: Iterable[InboxItem] | None = None) -> int:
        """How many items the person has not seen yet (of `items` if given, to spare a query)."""
        return sum(1 for item in (self.items() if items is None else items) if not item.seen)

    # -- seen ----------------------------------------------------------------------------

    def seen_ids(self) -> set[str]:
        raw = self.profile.get_local(self.key)
        if not raw:
            return set()
        try:
            value = json.loads(raw)
        except ValueError:
            return set()  # a damaged entry shows everything as new, it never blocks the inbox
        return {str(v) for v in value} if isinstance(value, list) else set()

    def mark_seen(self, item_ids: Iterable[str]) -> None:
        """Remember these items as seen. Items no longer in the inbox are forgotten, so the
        list kept stays as short as the inbox."""
        current = {item.id for item in self.items()}
        kept = (self.seen_ids() | set(item_ids)) & current
        self.profile.set_local(self.key, json.dumps(sorted(kept)))

    def mark_all_seen(self) -> None:
        self.mark_seen(item.id for item in self.items())

    # -- the four kinds ------------------------------------------------------------------

    def _sync_items(self) -> list[InboxItem]:
        out = []
        entries = service.outbox_items(self.profile, ("conflict", "rejected"))
        owners = self._patients_of(entries)
        for entry in entries:
            kind = _OUTBOX_STATUS[entry.status]
            params: dict[str, Any] = {"table": entry.table, "op": entry.op}
            if kind == CONFLICT:
                params["conflict"] = conflicts.conflict_kind(entry.op, entry.detail)
            out.append(InboxItem(
                id=f"{kind}:{entry.mutation_id}", kind=kind, when=entry.created_at,
                patient_id=owners.get((entry.table, entry.row_id)), patient_name=entry.patient_name,
                table=entry.table, record_id=entry.row_id, code=f"inbox.{kind}", params=params,
                outbox=entry))
        return out

    def _patients_of(self, entries: list[OutboxItem]) -> dict[tuple[str, str], str | None]:
        """(table, row id) → the patient the record belongs to: a query per table (and per
        500 rows), not per entry (400 refused changes were 400 queries: bench inbox)."""
        owners: dict[tuple[str, str], str | None] = {}
        by_table: dict[str, set[str]] = {}
        for entry in entries:
            if entry.table == "patients":
                owners[(entry.table, entry.row_id)] = entry.row_id
            else:
                by_table.setdefault(entry.table, set()).add(entry.row_id)
        with self.profile.sessions() as s:
            for table, ids in by_table.items():
                model = MODEL_BY_TABLE.get(table)
                if model is None or "patient_id" not in model.__table__.columns:
                    continue
                wanted = sorted(ids)
                for start in range(0, len(wanted), _CHUNK):
                    rows = s.execute(select(model.id, model.patient_id)
                                     .where(model.id.in_(wanted[start:start + _CHUNK])))
                    owners.update(((table, row_id), patient_id) for row_id, patient_id in rows)
        return owners

    def _referrals(self) -> list[InboxItem]:
        sender = aliased(OrgUnit)
        with self.profile.sessions() as s:
            unit_id = None
            if self.user_id:
                user = s.get(User, self.user_id)
                unit_id = user.org_unit_id if user is not None else None
            units = my_units(s, unit_id or self.station_id)
            if not units:
                return []  # nobody's organisation is known: no referral is "to me"
            rows = s.execute(
                select(Referral, Patient.name, sender.name)
                .join(Patient, Patient.id == Referral.patient_id)
                .join(sender, sender.id == Referral.from_org_id, isouter=True)
                .where(Referral.to_org_id.in_(sorted(units)),
                       Referral.state.in_(UNANSWERED_REFERRAL_STATES),
                       Referral.deleted_at.is_(None)))
            return [InboxItem(
                id=f"{REFERRAL_IN}:{r.id}", kind=REFERRAL_IN, when=r.sent_at or r.updated_at,
                patient_id=r.patient_id, patient_name=name or "", table="referrals", record_id=r.id,
                code="inbox.referral_in",
                params={"direction": r.direction, "from_org": from_name or "", "state": r.state,
                        "short_code": r.short_code, "reason": r.reason or "",
                        "green_channel": bool(r.green_channel), "urgency": r.urgency})
                for r, name, from_name in rows]

    def _settled(self) -> list[InboxItem]:
        return _settled_items(self)

    def _decisions(self) -> list[InboxItem]:
        if not self.user_id:
            return []
        since = clock.now() - DECISIONS_SHOWN_FOR
        me = self.user_id
        with self.profile.sessions() as s:
            rows = s.execute(
                select(MdtRequest, Patient.name)
                .join(Case, Case.id == MdtRequest.case_id)
                .join(Patient, Patient.id == MdtRequest.patient_id)
                .where(MdtRequest.state == "decided", MdtRequest.decided_at >= since,
                       MdtRequest.deleted_at.is_(None),
                       or_(Case.clinic_cm_id == me, Case.ward_cm_id == me, Case.community_cm_id == me)))
            return [InboxItem(
                id=f"{MDT_DECISION}:{m.id}", kind=MDT_DECISION, when=m.decided_at,
                patient_id=m.patient_id, patient_name=name or "", table="mdt_requests", record_id=m.id,
                code="inbox.mdt_decision", params={"decision": m.decision or "", "question": m.question or ""})
                for m, name in rows]


def _settled_items(inbox: "Inbox") -> list[InboxItem]:
    if not inbox.user_id:
        return []
    since, me = clock.now() - DECISIONS_SHOWN_FOR, inbox.user_id
    with inbox.profile.sessions() as s:
        mine = select(Case.patient_id).where(
            Case.deleted_at.is_(None), or_(Case.clinic_cm_id == me, Case.ward_cm_id == me, Case.community_cm_id == me))
        rows = s.execute(
            select(TimelineEvent, Patient.name, User.display_name)
            .join(Patient, Patient.id == TimelineEvent.patient_id)
            .outerjoin(User, User.id == TimelineEvent.author_id)
            .where(TimelineEvent.title_code == conflicts.RESOLVED_CODE, TimelineEvent.occurred_at >= since,
                   TimelineEvent.author_id != me, TimelineEvent.patient_id.in_(mine)))
        return [InboxItem(
            id=f"{SETTLED}:{e.id}", kind=SETTLED, when=e.occurred_at, patient_id=e.patient_id,
            patient_name=name or "", table="timeline_events", record_id=e.id,
            code="inbox.settled", params={"who": who or "", **(e.title_args or {})})
            for e, name, who in rows]


def _with_seen(item: InboxItem, seen: bool) -> InboxItem:
    return replace(item, seen=seen)


def _aware(moment: dt.datetime) -> dt.datetime:
    """Stored times are naive UTC on SQLite; compare them as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.timezone.utc)
