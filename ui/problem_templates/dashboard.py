"""The statistics page's own problems, and the words of the funnel's export (app/dashboard/funnel_export.py)."""
from __future__ import annotations

ENGLISH = {
    "dashboard.custom_needs_dates": "Choose the first and the last day of the period.",
    "dashboard.custom_backwards": "The period starts on {since} and ends on {until}: the first day must not be after "
                                  "the last.",
    "dashboard.funnel_conversion": "{step} conversion %",
    "dashboard.funnel_median": "{step} median days",
}

TERMS = {
    "ex_funnel.sheet": "Screening funnel",
    "ex_funnel.programme": "Programme",
    "ex_funnel.invited": "Invited / pushed",
    "ex_funnel.screened": "Screened",
    "ex_funnel.high_risk": "High risk",
    "ex_funnel.booked": "Exam booked",
    "ex_funnel.examined": "Exam done",
    "ex_funnel.positive": "Exam positive",
    "ex_funnel.diagnosed": "Diagnosed",
    "ex_funnel.treated": "Treated",
    "ex_funnel.loop_met": "Examined within 90 days of a positive screen",
    "ex_funnel.loop_due": "Positive screens whose 90 days are judged",
    "ex_funnel.loop_rate": "90-day loop closure %",
    "ex_funnel.loop_pending": "Positive screens still within 90 days, not yet examined",
    "ex_funnel.fu_due": "Follow-ups due",
    "ex_funnel.fu_done": "Followed up",
    "ex_funnel.fu_rate": "Follow-up rate %",
    "ex_funnel.fu_timely": "Followed up on time",
    "ex_funnel.fu_timely_rate": "Timely follow-up rate %",
}
