"""Tasks (a case's open work) and calls (one telephone call and its outcome)."""
from __future__ import annotations

import datetime as dt

from app.problems import Problem
from app.rulebook.common import changed as changed_fields
from app.rulebook.common import choice
from app.rulebook.common import max_length

TASK_KINDS = ("stage", "care", "referral", "mdt", "call_back", "review", "screening", "person", "legacy")
TASK_STATES = ("open", "done", "cancelled")
TASK_SOURCES = ("referrals", "mdt_requests", "calls", "followups", "screenings", "slot_bookings")
# Who may change a task once it is closed: nobody; a closed task is history.
CLOSED_FIELDS = {"kind", "title", "args", "due_date", "owner_id", "case_id", "patient_id", "state"}
MAX_YEARS_AHEAD = 10
# The common care steps a task of kind "care" names (worded in ui/ as work.care.<step>).
CARE_STEPS = ("phone_followup", "health_education", "smoking_cessation", "screening_invite", "book_screening",
              "tell_screening_result", "book_ldct", "book_recheck", "book_exam", "chase_pathology",
              "mdt_discussion", "refer_up", "green_channel", "pre_treatment_assessment", "discharge_followup",
              "home_monitoring", "picc_care", "recheck_reminder", "home_visit", "nutrition_assessment",
              "refer_down_rehab", "psychological_support", "charity_aid", "palliative_assessment")

# 接通, 改约 reach the patient (a contact); the others are attempts that did not.
CALL_OUTCOMES = ("connected", "rescheduled", "no_answer", "switched_off", "invalid_number", "refused",
                 "other_person")
CONTACT_OUTCOMES = ("connected", "rescheduled")
MAX_CALL_SECONDS = 4 * 3600


def check_task(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    changed = changed_fields(before, after)
    choice(after, changed, "kind", TASK_KINDS, problems)
    choice(after, changed, "state", TASK_STATES, problems)
    choice(after, changed, "source_table", TASK_SOURCES, problems, nullable=True)
    max_length(after, changed, {"title": 200, "close_note": 2000, "rule_id": 64}, problems)
    if not after.get("case_id"):
        problems.append(Problem("field.required", "case_id"))
    if after.get("kind") == "person" and (before is None or "title" in changed) \
            and not (after.get("title") or "").strip():
        problems.append(Problem("field.required", "title"))
    if after.get("kind") == "care" and changed & {"kind", "args"} \
            and (after.get("args") or {}).get("step") not in CARE_STEPS:
        problems.append(Problem("field.not_allowed", "args", {"value": str((after.get("args") or {}).get("step"))}))
    old = (before or {}).get("state")
    if before is not None and old in ("done", "cancelled") and changed & CLOSED_FIELDS:
        problems.append(Problem("task.closed", "state", {"state": old}))
    if before is None and after.get("state") not in (None, "open"):
        problems.append(Problem("task.born_closed", "state"))
    due = after.get("due_date")
    if "due_date" in changed and isinstance(due, dt.date) and due.year > lookup.now().year + MAX_YEARS_AHEAD:
        problems.append(Problem("task.too_far_ahead", "due_date", {"years": MAX_YEARS_AHEAD}))
    if "owner_id" in changed and after.get("owner_id") is not None and lookup.user(after["owner_id"]) is None:
        problems.append(Problem("task.owner_unknown", "owner_id"))
    return problems


def check_call(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    if before is not None and _edited(before, after):
        return [Problem("record.append_only", None, {"table": "calls"})]
    changed = changed_fields(before, after)
    choice(after, changed, "outcome", CALL_OUTCOMES, problems)
    max_length(after, changed, {"notes": 2000}, problems)
    seconds = after.get("duration_s")
    if seconds is not None and (not isinstance(seconds, int) or not 0 <= seconds <= MAX_CALL_SECONDS):
        problems.append(Problem("call.duration", "duration_s", {"max_minutes": MAX_CALL_SECONDS // 60}))
    if seconds and after.get("outcome") not in CONTACT_OUTCOMES + ("other_person", "refused"):
        problems.append(Problem("call.duration_unreached", "duration_s"))
    back, at = after.get("call_back_at"), after.get("called_at")
    if isinstance(back, dt.datetime) and isinstance(at, dt.datetime) and back <= at:
        problems.append(Problem("call.call_back_in_past", "call_back_at"))
    return problems


def _edited(before, after) -> bool:
    ignored = {"version", "server_seq", "updated_at", "updated_by", "device_id", "caller_id"}
    return any(before.get(k) != v for k, v in after.items() if k not in ignored)
