"""Timeline titles of telephone calls (app/calls.py writes title_code "timeline.call.<outcome>"
with title_args {"duration_s"}), worded at display time by ui/timeline_words.py like the other
timeline titles; Chinese in resources/i18n/casedesk_problems_calls_zh_CN.ts. The call's
length stays in the arguments (a call that reached nobody has none), not in the words.
"""
from __future__ import annotations

ENGLISH = {
    "timeline.call.connected": "Phone call: connected",
    "timeline.call.rescheduled": "Phone call: reached, another time agreed",
    "timeline.call.no_answer": "Phone call: no answer",
    "timeline.call.switched_off": "Phone call: switched off or out of service",
    "timeline.call.invalid_number": "Phone call: number not in use",
    "timeline.call.refused": "Phone call: refused",
    "timeline.call.other_person": "Phone call: answered by someone else",
}
