"""MDT problems (app/rulebook/clinical.py, app/mdt/service.py)."""
from __future__ import annotations

ENGLISH = {
    "mdt.two_specialties": "Choose at least {min} specialties for a multidisciplinary meeting.",
    "mdt.specialty_name": "A specialty name is empty or longer than {max} characters.",
    "mdt.unknown_checklist_item": "Unknown readiness item.",
    "mdt.step_order": "An MDT request that is {state} cannot become {to}.",
    "mdt.not_ready": "Not ready to book: missing {missing}.",
    "mdt.checklist_after_booking": "Only a request not yet booked changes its readiness items; this one is {state}.",
    "mdt.closed": "This MDT request is {state}: it cannot change any more.",
    "mdt.no_such_session": "There is no such session ahead.",
    "mdt.session_full": "This session is full ({capacity} patients).",
    "mdt.plan_required": "Choose the plan the panel decided.",
    "mdt.decide_unbooked": "Book a session before recording a decision; this request is {state}.",
    "mdt.decision_required": "Write the panel's decision.",
    "mdt.decided_without_session": "A decision needs the session it was made in.",
    "mdt.sessions_file_unreadable": "{path}: the MDT session plan cannot be read ({detail}). Each [[session]] "
                                    "needs weekday, time, capacity and place.",
    "mdt.sessions_file_invalid": "{path}: every MDT session needs a weekday from 1 to 7 and a capacity of at "
                                 "least 1, and the plan at least one session.",
    "mdt.decided_before_session": "The panel meets on {session}: record its decision on or after that day.",
}

TERM_PARAMS = {"mdt:state": "mdt_state", "mdt:to": "mdt_state", "mdt:missing": "mdt_item"}

TERMS = {
    "mdt_state.requested": "requested",
    "mdt_state.ready": "ready",
    "mdt_state.booked": "booked",
    "mdt_state.decided": "decided",
    "mdt_state.cancelled": "cancelled",
    "mdt_item.pathology": "pathology",
    "mdt_item.imaging": "imaging",
    "mdt_item.staging": "staging",
    "mdt_item.labs": "laboratory tests",
    "mdt_item.consent": "informed consent",
}
