"""The case manager's worklist: which cases, in what order, and what each row shows.

Views hold only the ordered case ids (`ids()`) and ask for the rows they display
(`rows()`), so a 100,000-case list costs one id query, not 100,000 objects.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from dataclasses import replace

from sqlalchemy import ColumnElement
from sqlalchemy import and_
from sqlalchemy import bindparam
from sqlalchemy import case as sql_case
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import literal_column
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlalchemy.orm import sessionmaker

from app import clock
from app import search
from app.masking import mask_id_number
from app.masking import mask_phone
from app.referrals.deadline import OVERDUE
from app.referrals.deadline import RUNNING
from app.referrals.deadline import WARNING
from app.referrals.deadline import countdowns_for_cases
from app.tasks import WorkItem
from app.tasks import describe
from app.tasks import describe_followup
from db import prepared
from db.models import Case
from db.models import Followup
from db.models import MdtRequest
from db.models import OrgUnit
from db.models import OutboxEntry
from db.models import Patient
from db.models import Referral
from db.models import Task
from db.models import User
from db.models.enums import OPEN_MDT_STATES
from db.models.enums import OPEN_REFERRAL_STATES
from db.models.enums import Stage

STAGE_ORDER = [s.value for s in Stage]
CLOCK_SHOWN = (RUNNING, WARNING, OVERDUE)  # sent, not yet scheduled: the clock is ticking
RISK_ORDER = ["low", "medium", "high"]
SCOPES = ("mine", "station", "all")
DUE_FILTERS = ("overdue", "today", "week")


@dataclass(frozen=True)
class Filters:
    scope: str = "all"
    due: str | None = None
    stage: str | None = None
    cancer_type: str | None = None
    waiting_referral: bool = False
    waiting_mdt: bool = False
    text: str = ""

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)


@dataclass(frozen=True)
class Row:
    case_id: str
    patient_id: str
    name: str
    sex: str
    age: int
    masked_id: str
    masked_phone: str
    cancer_type: str
    stage: str
    next_work: WorkItem | None  # the open task or follow-up due first (app/tasks.py)
    due_date: dt.date | None
    risk_level: str
    station: str
    case_manager: str
    last_contact: dt.datetime | None
    waiting_referral: bool
    waiting_mdt: bool
    sync_state: str  # synced / pending / conflict / rejected
    referral_deadline: dt.datetime | None = None  # the 24-hour clock of a waiting referral
    open_tasks: int = 0  # open tasks and follow-ups, the one shown included

    def due_mark(self, today: dt.date) -> str:
        if self.due_date is None:
            return ""
        if self.due_date < today:
            return "overdue"
        return "today" if self.due_date == today else ""


_referral_open = exists().where(
    Referral.case_id == Case.id, Referral.state.in_([s.value for s in OPEN_REFERRAL_STATES]),
    Referral.deleted_at.is_(None))
_mdt_open = exists().where(
    MdtRequest.case_id == Case.id, MdtRequest.state.in_([s.value for s in OPEN_MDT_STATES]),
    MdtRequest.deleted_at.is_(None))
_pending = exists().where(or_(OutboxEntry.row_id == Case.id, OutboxEntry.row_id == Case.patient_id))
_station = aliased(OrgUnit)
_cm = aliased(User)
_next_task = aliased(Task)
_next_followup = aliased(Followup)
# The case manager who holds the case now: the clinic while it is being diagnosed, the
# ward during treatment, the community station before and after.
_responsible_cm_id = sql_case(
    (Case.stage == Stage.DIAGNOSE.value, func.coalesce(Case.clinic_cm_id, Case.community_cm_id)),
    (Case.stage == Stage.TREAT.value, func.coalesce(Case.ward_cm_id, Case.clinic_cm_id)),
    else_=func.coalesce(Case.community_cm_id, Case.clinic_cm_id),
)


def _order_of(values: list[str], column):
    return sql_case({v: i for i, v in enumerate(values)}, value=column, else_=len(values))


SORT_KEYS = {
    "name": Patient.name_pinyin,
    "sex_age": Patient.birth_date,  # descending birth date: youngest first
    "id_number": func.substr(Patient.id_number, -4),
    "cancer_type": Case.cancer_type,
    "stage": _order_of(STAGE_ORDER, Case.stage),
    # By what the work is (its kind, a person's words), then when it is due.
    "next_action": func.coalesce(_next_task.kind, literal_column("'followup'")),
    "due_date": Case.due_date,
    "risk_level": _order_of(RISK_ORDER, Case.risk_level),
    "station": _station.name,
    "case_manager": _cm.display_name,
    "last_contact": Case.last_contact_at,
    "waiting_referral": _referral_open,
    "waiting_mdt": _mdt_open,
    "sync_state": _pending,
}
COLUMNS = tuple(SORT_KEYS)
_NATURALLY_DESCENDING = {"sex_age"}


TAIL_INDEXED = 4


def _last_four(column):
    # Written out, not bound: SQLite uses an expression index only for the same expression.
    return func.substr(column, literal_column("-4"))


def _json_ids():
    """The ids passed as one JSON array parameter, `ids`: one statement for any number."""
    return select(literal_column("value")).select_from(func.json_each(bindparam("ids", "[]")))


# The rows of one block of the list (about 50 cases), the ids passed as one JSON array:
# one statement for any block size, compiled once (app/ db/prepared.py).
_ROWS = prepared.Prepared(
    select(Case.id, Case.patient_id, Patient.name, Patient.sex, Patient.birth_date,
           Patient.id_number, Patient.phone, Case.cancer_type, Case.stage,
           Case.due_date, Case.risk_level, _station.name,
           _cm.display_name, Case.last_contact_at, _referral_open.label("ref"),
           _mdt_open.label("mdt"), Case.open_tasks, Case.next_task_id, _next_task.kind, _next_task.title,
           _next_task.args, _next_followup.method, _next_followup.status, _next_followup.attempts)
    .join(Patient, Patient.id == Case.patient_id)
    .outerjoin(_next_task, _next_task.id == Case.next_task_id)
    .outerjoin(_next_followup, _next_followup.id == Case.next_task_id)
    .outerjoin(_station, _station.id == Case.station_id)
    .outerjoin(_cm, _cm.id == _responsible_cm_id)
    .where(Case.id.in_(_json_ids())))

_SYNC_STATES = prepared.Prepared(
    select(OutboxEntry.row_id, OutboxEntry.status).where(
        OutboxEntry.row_id.in_(_json_ids())))


class Worklist:
    def __init__(self, sessions: sessionmaker, user_id: str | None = None,
                 station_id: str | None = None):
        self.sessions = sessions
        self.user_id = user_id
        self.station_id = station_id

    def _conditions(self, f: Filters, *, with_scope=True, with_narrowing=True) -> list:
        terms = search.parse(f.text)
        conds: list[ColumnElement[bool]]
        if terms.empty:
            conds = [Case.deleted_at.is_(None), Case.closed_at.is_(None)]
        else:
            # likely() hides these columns from SQLite's planner, so the few matching
            # patients drive the query through cases.patient_id instead of a walk over
            # every open case.
            conds = [func.likely(Case.deleted_at).is_(None), func.likely(Case.closed_at).is_(None)]
        if with_scope:
            conds += self._scope_conditions(f.scope)
        if with_narrowing:
            today = clock.today()
            if f.due == "overdue":
                conds.append(Case.due_date < today)
            elif f.due == "today":
                conds.append(Case.due_date == today)
            elif f.due == "week":
                week_end = today + dt.timedelta(days=6 - today.weekday())
                conds.append(Case.due_date.between(today, week_end))
            if f.stage:
                conds.append(Case.stage == f.stage)
            if f.cancer_type:
                conds.append(Case.cancer_type == f.cancer_type)
            if f.waiting_referral:
                conds.append(_referral_open)
            if f.waiting_mdt:
                conds.append(_mdt_open)
        if not terms.empty:
            conds.append(Case.patient_id.in_(self._matching_patients(terms)))
        return conds

    def _scope_conditions(self, scope: str) -> list:
        if scope == "mine":
            uid = self.user_id or ""
            return [or_(Case.clinic_cm_id == uid, Case.ward_cm_id == uid, Case.community_cm_id == uid)]
        if scope == "station":
            return [Case.station_id == (self.station_id or "")]
        return []

    @staticmethod
    def _matching_patients(terms: search.SearchTerms):
        q = select(Patient.id).where(Patient.deleted_at.is_(None))
        if terms.pinyin_prefix:
            lo, hi = terms.pinyin_prefix, search.prefix_upper_bound(terms.pinyin_prefix)
            return q.where(or_(and_(Patient.name_initials >= lo, Patient.name_initials < hi),
                               and_(Patient.name_pinyin >= lo, Patient.name_pinyin < hi)))
        if terms.tail:
            pattern = "%" + search.escape_like(terms.tail)
            phone: ColumnElement[bool] = Patient.phone.like(pattern, escape="\\")
            id_number: ColumnElement[bool] = Patient.id_number.like(pattern, escape="\\")
            if len(terms.tail) >= TAIL_INDEXED:  # look up the last four (the expression indexes)
                last = terms.tail[-TAIL_INDEXED:]
                phone = and_(_last_four(Patient.phone) == last, phone)
                id_number = and_(_last_four(Patient.id_number) == last, id_number)
            return q.where(or_(phone, id_number))
        assert terms.name_contains is not None  # not empty, no prefix, no tail: a name
        pattern = "%" + search.escape_like(terms.name_contains) + "%"
        return q.where(Patient.name.like(pattern, escape="\\"))

    def ids_statement(self, f: Filters, sort: str = "due_date", descending: bool = False):
        """The SELECT behind `ids()` (the benchmark runs it as raw SQL to compare)."""
        if sort not in SORT_KEYS:
            raise ValueError(f"unknown sort column {sort!r}; one of {COLUMNS}")
        key = SORT_KEYS[sort]
        q = select(Case.id).where(*self._conditions(f))
        if sort in ("name", "sex_age", "id_number"):
            q = q.join(Patient, Patient.id == Case.patient_id)
        elif sort == "station":
            q = q.outerjoin(_station, _station.id == Case.station_id)
        elif sort == "case_manager":
            q = q.outerjoin(_cm, _cm.id == _responsible_cm_id)
        elif sort == "next_action":
            q = q.outerjoin(_next_task, _next_task.id == Case.next_task_id)
        if sort == "due_date" and not descending:
            # Exactly the covering index's order: no sort step, ties in stable row order.
            return q.order_by(Case.due_date.is_(None), Case.due_date)
        if descending != (sort in _NATURALLY_DESCENDING):
            key = key.desc()
        return q.order_by(key.nulls_last(), Case.id)  # undated/empty stay at the bottom

    def ids(self, f: Filters, sort: str = "due_date", descending: bool = False) -> list[str]:
        q = self.ids_statement(f, sort, descending)
        with self.sessions() as s:
            return prepared.first_column(s, q)

    def rows(self, case_ids: list[str]) -> dict[str, Row]:
        if not case_ids:
            return {}
        today = clock.today()
        with self.sessions() as s:
            result = _ROWS.rows(s, ids=json.dumps(case_ids))
            states = self._sync_states(s, [r[0] for r in result] + [r[1] for r in result])
            clocks = countdowns_for_cases(s, [r[0] for r in result if r[14]])
        rows = {}
        for (cid, pid, name, sex, birth, id_no, phone, cancer, stage, due, risk,
             station, cm, contact, ref, mdt, n_open, next_id, kind, title, args, method, status,
             attempts) in result:
            rows[cid] = Row(
                case_id=cid, patient_id=pid, name=name, sex=sex, age=_age(prepared.date(birth), today),
                masked_id=mask_id_number(id_no), masked_phone=mask_phone(phone),
                cancer_type=cancer, stage=stage, due_date=prepared.date(due),
                next_work=next_work(next_id, prepared.date(due), kind, title, args, method, status, attempts),
                open_tasks=int(n_open or 0),
                risk_level=risk, station=station or "", case_manager=cm or "",
                last_contact=prepared.utc(contact), waiting_referral=bool(ref), waiting_mdt=bool(mdt),
                sync_state=states.get(cid) or states.get(pid) or "synced",
                referral_deadline=_running_deadline(clocks.get(cid)),
            )
        return rows

    @staticmethod
    def _sync_states(session, row_ids: list[str]) -> dict[str, str]:
        states: dict[str, str] = {}
        for row_id, status in _SYNC_STATES.rows(session, ids=json.dumps(row_ids)):
            # A conflict or rejection outranks a plain pending change on the same record.
            if states.get(row_id) in ("conflict", "rejected"):
                continue
            states[row_id] = status
        return states

    def counts(self, f: Filters) -> dict[str, int]:
        """Live counts for the quick filters, within the chosen scope and search text."""
        today = clock.today()
        week_end = today + dt.timedelta(days=6 - today.weekday())
        base = self._conditions(f, with_scope=False, with_narrowing=False)
        counts: dict[str, int] = {}
        with self.sessions() as s:
            for scope in SCOPES:
                counts[f"scope:{scope}"] = s.scalar(
                    select(func.count()).select_from(Case).where(*base, *self._scope_conditions(scope)))
            scoped = base + self._scope_conditions(f.scope)
            q = select(
                Case.stage, Case.cancer_type, func.count(),
                func.sum(sql_case((Case.due_date < today, 1), else_=0)),
                func.sum(sql_case((Case.due_date == today, 1), else_=0)),
                func.sum(sql_case((Case.due_date.between(today, week_end), 1), else_=0)),
                func.sum(sql_case((_referral_open, 1), else_=0)),
                func.sum(sql_case((_mdt_open, 1), else_=0)),
            ).where(*scoped).group_by(Case.stage, Case.cancer_type)
            for stage, cancer, n, overdue, due_today, week, ref, mdt in s.execute(q):
                for key, value in (("total", n), ("due:overdue", overdue), ("due:today", due_today),
                                   ("due:week", week), ("waiting_referral", ref),
                                   ("waiting_mdt", mdt), (f"stage:{stage}", n),
                                   (f"cancer:{cancer}", n)):
                    counts[key] = counts.get(key, 0) + int(value or 0)
        return counts


def next_work(item_id, due, kind, title, args, method, status, attempts) -> WorkItem | None:
    if item_id is None:
        return None
    if kind is not None:
        code, params = describe(kind, title or "", json.loads(args) if isinstance(args, str) else args)
        return WorkItem(item_id, "tasks", None, kind, code, params, due, "open")
    if method is not None:
        code, params = describe_followup(method, status, int(attempts or 0))
        return WorkItem(item_id, "followups", None, "followup", code, params, due, "open")
    return None


def _running_deadline(clock_) -> dt.datetime | None:
    return clock_.deadline if clock_ is not None and clock_.status in CLOCK_SHOWN else None


def _age(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


__all__ = ["COLUMNS", "DUE_FILTERS", "Filters", "Row", "SCOPES", "Worklist"]
