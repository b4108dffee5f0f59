"""Timeline events, follow-ups, MDT requests, screenings and letters."""
from __future__ import annotations

import datetime as dt

from app.problems import Problem
from app.rulebook.common import changed as changed_fields
from app.rulebook.common import choice
from app.rulebook.common import max_length
from app.rulebook.common import values
from db.models.enums import EventKind
from db.models.enums import FollowupStatus
from db.models.enums import MdtState

FOLLOWUP_METHODS = ("phone", "clinic", "home")
MAX_YEARS_AHEAD = 10
SCREENING_RESULTS = ("normal", "abnormal", "high_risk")
CHINA = dt.timezone(dt.timedelta(hours=8))  # sessions and decisions are days in China


def check_timeline_event(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    if before is not None and _edited(before, after):
        problems.append(Problem("record.append_only", None, {"table": "timeline_events"}))
    changed = changed_fields(before, after)
    choice(after, changed, "kind", values(EventKind), problems)
    max_length(after, changed, {"title": 200, "title_code": 48, "body": 20_000}, problems)
    return problems


def check_followup(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    changed = changed_fields(before, after)
    choice(after, changed, "status", values(FollowupStatus), problems)
    choice(after, changed, "method", FOLLOWUP_METHODS, problems)
    max_length(after, changed, {"notes": 4000, "outcome": 32}, problems)
    due = after.get("due_date")
    if "due_date" in changed and isinstance(due, dt.date):
        if due.year > lookup.now().year + MAX_YEARS_AHEAD:
            problems.append(Problem("followup.too_far_ahead", "due_date", {"years": MAX_YEARS_AHEAD}))
    planned = after.get("status") in (None, FollowupStatus.PLANNED.value)
    # A clinic visit (门诊) needs the clinic open: working days only (the holiday calendar
    # knows make-up Saturdays). Phone calls and home visits may fall on any day.
    if (changed & {"due_date", "method", "status"} and planned and after.get("method") == "clinic"
            and isinstance(due, dt.date) and not lookup.working_day(due)):
        problems.append(Problem("followup.clinic_on_day_off", "due_date", {"day": due.isoformat()}))
    return problems


# state -> the states an MDT request may move to (booked -> booked: a new session); a stored
# request without a state (None) may move to none
MDT_STEPS: dict[str | None, set[str]] = {
    MdtState.REQUESTED.value: {MdtState.READY.value, MdtState.CANCELLED.value},
    MdtState.READY.value: {MdtState.REQUESTED.value, MdtState.BOOKED.value, MdtState.CANCELLED.value},
    MdtState.BOOKED.value: {MdtState.DECIDED.value, MdtState.CANCELLED.value},
    MdtState.DECIDED.value: set(),
    MdtState.CANCELLED.value: set(),
}
MDT_CHECKLIST = ("pathology", "imaging", "staging", "labs", "consent")
MIN_SPECIALTIES = 2
SPECIALTY_MAX = 32


def check_mdt_request(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    changed = changed_fields(before, after)
    choice(after, changed, "state", values(MdtState), problems)
    max_length(after, changed, {"question": 4000, "decision": 4000}, problems)
    if (before is None or "question" in changed) and not (after.get("question") or "").strip():
        problems.append(Problem("field.required", "question"))
    if before is None or "specialties" in changed:
        chosen = after.get("specialties") or []
        if not isinstance(chosen, list) or len(chosen) < MIN_SPECIALTIES:
            problems.append(Problem("mdt.two_specialties", "specialties", {"min": MIN_SPECIALTIES}))
        elif any(not isinstance(v, str) or not v.strip() or len(v) > SPECIALTY_MAX for v in chosen):
            problems.append(Problem("mdt.specialty_name", "specialties", {"max": SPECIALTY_MAX}))
    if "checklist" in changed and set(after.get("checklist") or {}) - set(MDT_CHECKLIST):
        problems.append(Problem("mdt.unknown_checklist_item", "checklist"))
    old, new = (before or {}).get("state"), after.get("state")
    if before is not None and new != old and new not in MDT_STEPS.get(old, set()):
        problems.append(Problem("mdt.step_order", "state", {"state": old, "to": new}))
    if new in (MdtState.READY.value, MdtState.BOOKED.value) and "state" in changed:
        missing = [k for k in MDT_CHECKLIST if not (after.get("checklist") or {}).get(k)]
        if missing:
            problems.append(Problem("mdt.not_ready", "checklist", {"missing": missing}))
    if "state" in changed and after.get("state") == MdtState.DECIDED.value:
        if not (after.get("decision") or "").strip():
            problems.append(Problem("mdt.decision_required", "decision"))
        slot, decided = after.get("slot_at"), after.get("decided_at") or lookup.now()
        if slot is None:
            problems.append(Problem("mdt.decided_without_session", "slot_at"))
        elif decided.astimezone(CHINA).date() < slot.astimezone(CHINA).date():
            problems.append(Problem("mdt.decided_before_session", "decided_at",
                                    {"session": slot.astimezone(CHINA).date().isoformat()}))
    return problems


def check_screening(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    changed = changed_fields(before, after)
    choice(after, changed, "result", SCREENING_RESULTS, problems)
    day = after.get("screened_on")
    if "screened_on" in changed and isinstance(day, dt.date) and day > lookup.now().astimezone(CHINA).date():
        problems.append(Problem("screening.in_future", "screened_on"))
    return problems


def check_letter(before, after, actor, lookup) -> list[Problem]:
    if before is not None and _edited(before, after):
        return [Problem("record.append_only", None, {"table": "letters"})]
    return []


def _edited(before, after) -> bool:
    """Any change of an append-only record other than the sync bookkeeping."""
    ignored = {"version", "server_seq", "updated_at", "updated_by", "device_id"}
    return any(before.get(k) != v for k, v in after.items() if k not in ignored)
