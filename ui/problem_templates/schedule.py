"""Scheduling follow-ups (app/followups.py place/schedule/reschedule, app/letters/working_days.py):
a clinic visit asked for on a day off lands on the next working day, and these say so."""
from __future__ import annotations

ENGLISH = {
    "schedule.clinic_moved": "{asked} ({asked_weekday}) → {to} ({to_weekday}): clinic visits are on working "
                             "days only",
    "schedule.clinic_moved_holiday": "{asked} ({asked_weekday}, {holiday}) → {to} ({to_weekday}): clinic visits "
                                     "are on working days only",
    "schedule.letter_moved": "{name}: clinic visit {asked} ({asked_weekday}) printed as {to} ({to_weekday}), "
                             "the next working day; the follow-up moves with it",
    # Timeline titles (TimelineEvent.title_code) of follow-ups planned or moved by a person.
    "schedule.timeline_planned": "Follow-up planned: {method} on {date}",
    "schedule.timeline_planned_moved": "Follow-up planned: {method} on {date} ({asked} is not a working day)",
    "schedule.timeline_moved_clinic": "Clinic follow-up moved: {old} → {new} ({asked} is not a working day)",
    "schedule.timeline_moved_letter": "Reminder printed for the next working day: clinic follow-up {old} → {new}",
}

TERM_PARAMS = {
    "schedule:asked_weekday": "weekday",  # the due area's words for weekdays and holidays
    "schedule:to_weekday": "weekday",
    "schedule:holiday": "holiday",
    "schedule:method": "tl_method",  # the timeline area's words for follow-up methods
}
