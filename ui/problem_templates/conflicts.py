"""Settling changes the server refused or that clashed (app/sync/conflicts.py)."""
from __future__ import annotations

ENGLISH = {
    "conflict.settled": "This change was settled already.",
    "conflict.deleted_on_server": "The record was deleted on the server, so this desktop's change cannot be kept. "
                                  "Take the server's version.",
    "conflict.nothing_to_send": "Nothing to send: the values are as they were before.",
    "conflict.still_pending": "This change has not been answered by the server yet; it cannot be discarded.",
    "conflict.others_waiting": "First settle the other changes waiting on this record, then discard this one.",
    "conflict.still_referred": "Other records on this desktop still refer to this one; discard their changes first.",
    "conflict.bad_value": "{field_name}: “{value}” cannot be used here; write {value_kind}.",
}

TERM_PARAMS = {"value_kind": "value_kind"}

TERMS = {
    "value_kind.int": "a whole number",
    "value_kind.float": "a number",
    "value_kind.bool": "yes or no",
    "value_kind.json": "JSON",
    "value_kind.datetime": "a date and time, e.g. 2026-03-02 14:30",
    "value_kind.date": "a date, YYYY-MM-DD",
    "value_kind.str": "text",
    # Coded values of fields the conflict dialog shows side by side (ui/sync/conflict_dialog.py);
    # a referral's state and direction, an MDT request's state are worded by their own areas.
    "followup_status.planned": "planned",
    "followup_status.done": "done",
    "followup_status.missed": "not reached",
    "followup_status.cancelled": "cancelled",
    "followup_method.phone": "phone",
    "followup_method.clinic": "clinic visit",
    "followup_method.home": "home visit",
    "task_state.open": "open",
    "task_state.done": "done",
    "task_state.cancelled": "cancelled",
}
