"""Names of the dashboard's figures and how their values read, translated on each call."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

RATE_KEYS = ("referral_24h", "followup_completion", "chase_rate", "treated_locally")
DAY_KEYS = ("days_to_diagnosis", "days_to_treatment")


def figure_names() -> dict[str, str]:
    return {
        "pushed": QCoreApplication.translate("DashboardWords", "Pushed for screening"),
        "screened": QCoreApplication.translate("DashboardWords", "Screened"),
        "positive": QCoreApplication.translate("DashboardWords", "High-risk / abnormal"),
        "examined": QCoreApplication.translate("DashboardWords", "Examined"),
        "diagnosed": QCoreApplication.translate("DashboardWords", "Diagnosed"),
        "treated": QCoreApplication.translate("DashboardWords", "Treated"),
        "referral_24h": QCoreApplication.translate("DashboardWords", "Referrals done within 24 h"),
        "followup_completion": QCoreApplication.translate("DashboardWords", "Follow-ups completed"),
        "chase_rate": QCoreApplication.translate("DashboardWords", "Missed follow-ups chased"),
        "treated_locally": QCoreApplication.translate("DashboardWords", "Treated in the county"),
        "days_to_diagnosis": QCoreApplication.translate("DashboardWords", "Abnormal screen to diagnosis"),
        "days_to_treatment": QCoreApplication.translate("DashboardWords", "Abnormal screen to first treatment"),
    }


def short_names() -> dict[str, str]:
    """Column headings of the per-station and per-case-manager tables."""
    return {
        "pushed": QCoreApplication.translate("DashboardWords", "Pushed"),
        "screened": QCoreApplication.translate("DashboardWords", "Screened"),
        "positive": QCoreApplication.translate("DashboardWords", "High-risk"),
        "examined": QCoreApplication.translate("DashboardWords", "Examined"),
        "diagnosed": QCoreApplication.translate("DashboardWords", "Diagnosed"),
        "treated": QCoreApplication.translate("DashboardWords", "Treated"),
        "referral_24h": QCoreApplication.translate("DashboardWords", "Referral ≤24 h"),
        "followup_completion": QCoreApplication.translate("DashboardWords", "Follow-ups done"),
        "chase_rate": QCoreApplication.translate("DashboardWords", "Chased"),
        "treated_locally": QCoreApplication.translate("DashboardWords", "Treated locally"),
        "days_to_diagnosis": QCoreApplication.translate("DashboardWords", "Days to diagnosis"),
        "days_to_treatment": QCoreApplication.translate("DashboardWords", "Days to treatment"),
    }


def value_text(figure) -> str:
    """87% (1,544/1,867) for a rate, 22.5 d for a median, 1,234 for a count; – when nothing to count."""
    if figure.value is None:
        return "–"
    if figure.key in RATE_KEYS:
        return f"{figure.value:.0%} ({figure.numerator:,}/{figure.denominator:,})"
    if figure.key in DAY_KEYS:
        return QCoreApplication.translate("DashboardWords", "{days} d").format(days=f"{figure.value:g}")
    return f"{figure.value:,}"


def periods() -> list[tuple[str, str]]:
    return [
        ("month", QCoreApplication.translate("DashboardWords", "This month")),
        ("quarter", QCoreApplication.translate("DashboardWords", "This quarter")),
        ("year", QCoreApplication.translate("DashboardWords", "This year")),
        ("12m", QCoreApplication.translate("DashboardWords", "Last 12 months")),
        ("90d", QCoreApplication.translate("DashboardWords", "Last 90 days")),
        ("all", QCoreApplication.translate("DashboardWords", "All time")),
        ("custom", QCoreApplication.translate("DashboardWords", "From … to …")),
    ]


def tile_text(figure) -> tuple[str, str]:
    """(the big number, the small print): 83% and 1,544 / 1,867 for a rate."""
    if figure.value is None:
        return "–", QCoreApplication.translate("DashboardWords", "nothing to count yet")
    if figure.key in RATE_KEYS:
        return f"{figure.value:.0%}", f"{figure.numerator:,} / {figure.denominator:,}"
    if figure.key in DAY_KEYS:
        return value_text(figure), QCoreApplication.translate("DashboardWords", "median of {n}").format(
            n=f"{figure.numerator:,}")
    return value_text(figure), ""
