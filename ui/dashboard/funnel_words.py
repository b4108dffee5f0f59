"""The funnel's words: each step's name and what it counts (the definitions of
app/dashboard/funnel.py, said to the person), translated on each call."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def step_names() -> dict[str, str]:
    return {
        "invited": QCoreApplication.translate("FunnelWords", "Invited / pushed"),
        "screened": QCoreApplication.translate("FunnelWords", "Screened"),
        "high_risk": QCoreApplication.translate("FunnelWords", "High risk"),
        "booked": QCoreApplication.translate("FunnelWords", "Exam booked"),
        "examined": QCoreApplication.translate("FunnelWords", "Exam done"),
        "positive": QCoreApplication.translate("FunnelWords", "Exam positive"),
        "diagnosed": QCoreApplication.translate("FunnelWords", "Diagnosed"),
        "treated": QCoreApplication.translate("FunnelWords", "Treated"),
    }


def step_help() -> dict[str, str]:
    """What each step counts and which date it takes (shown as tooltips and in the help)."""
    return {
        "invited": QCoreApplication.translate(
            "FunnelWords", "Cases put in a screening population in the period: pushed by a screening list, opened in "
                           "prevention or screening, or with any screening record. Date: the first of these."),
        "screened": QCoreApplication.translate(
            "FunnelWords", "Of those, the ones with a screening result recorded (the questionnaire's risk assessment "
                           "or a FIT). Date: the first screening."),
        "high_risk": QCoreApplication.translate(
            "FunnelWords", "A screening result of high risk or abnormal (a high-risk questionnaire, a positive FIT): "
                           "the positive screen. Date: the first such screening."),
        "booked": QCoreApplication.translate(
            "FunnelWords", "An examination slot booked for the case on or after the positive screen, not cancelled "
                           "(booked, attended or no-show). Date: when it was booked."),
        "examined": QCoreApplication.translate(
            "FunnelWords", "A booking the hospital registered as attended. Date: the attendance (or the slot's "
                           "start)."),
        "positive": QCoreApplication.translate(
            "FunnelWords", "The exam found something: an abnormal result recorded after it, or the case moved into "
                           "diagnosis. Date: the first of these."),
        "diagnosed": QCoreApplication.translate(
            "FunnelWords", "A decided MDT, or the case moved into treatment. Date: the first of these."),
        "treated": QCoreApplication.translate("FunnelWords", "A treatment recorded. Date: the first treatment."),
    }


def general_help() -> list[str]:
    return [
        QCoreApplication.translate(
            "FunnelWords", "Each step counts the cases that reached it on or after the day of the step before; "
                           "days are calendar days."),
        QCoreApplication.translate(
            "FunnelWords", "Conversion: the step's cases as a share of the step before. Median days: from the day "
                           "of the step before to this step's, over the cases that reached it."),
        QCoreApplication.translate(
            "FunnelWords", "90-day loop closure: of the positive screens in the period, the share examined within "
                           "90 days (day 90 counts, day 91 does not), through the slot pool or by an exam recorded "
                           "on the timeline. Screens still inside their 90 days and not yet examined are pending and "
                           "not counted."),
        QCoreApplication.translate(
            "FunnelWords", "Follow-up rate: follow-ups done / follow-ups due in the period up to today (not "
                           "cancelled). Timely follow-up rate: done no later than 7 days after the due "
                           "date / follow-ups due. By case manager: the follow-up's assignee; by station: the "
                           "case's station."),
    ]


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}" if value >= 0.1 or value == 0 else f"{value:.1%}"


def days_text(value: float | None) -> str:
    if value is None:
        return "–"
    return QCoreApplication.translate("FunnelWords", "{days} d").format(days=f"{value:g}")
