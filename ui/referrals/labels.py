"""Words for the referral and MDT codes, translated on each call (context "ReferralLabels").

One literal translate() per word so lupdate sees every string; Chinese is in
resources/i18n/casedesk_referrals_zh_CN.ts.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def states() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("ReferralLabels", "Draft"),
        "sent": QCoreApplication.translate("ReferralLabels", "Sent"),
        "received": QCoreApplication.translate("ReferralLabels", "Received"),
        "accepted": QCoreApplication.translate("ReferralLabels", "Accepted"),
        "rejected": QCoreApplication.translate("ReferralLabels", "Rejected"),
        "scheduled": QCoreApplication.translate("ReferralLabels", "Scheduled"),
        "seen": QCoreApplication.translate("ReferralLabels", "Seen"),
        "closed": QCoreApplication.translate("ReferralLabels", "Closed"),
        "cancelled": QCoreApplication.translate("ReferralLabels", "Cancelled"),
    }


def actions() -> dict[str, str]:
    return {
        "send": QCoreApplication.translate("ReferralLabels", "Send"),
        "receive": QCoreApplication.translate("ReferralLabels", "Receive"),
        "accept": QCoreApplication.translate("ReferralLabels", "Accept"),
        "reject": QCoreApplication.translate("ReferralLabels", "Reject…"),
        "schedule": QCoreApplication.translate("ReferralLabels", "Schedule…"),
        "seen": QCoreApplication.translate("ReferralLabels", "Patient seen"),
        "close": QCoreApplication.translate("ReferralLabels", "Close loop"),
        "cancel": QCoreApplication.translate("ReferralLabels", "Cancel…"),
    }


def directions() -> dict[str, str]:
    return {
        "up": QCoreApplication.translate("ReferralLabels", "Up (to hospital)"),
        "down": QCoreApplication.translate("ReferralLabels", "Down (to community)"),
    }


def short_directions() -> dict[str, str]:
    return {
        "up": QCoreApplication.translate("ReferralLabels", "Up"),
        "down": QCoreApplication.translate("ReferralLabels", "Down"),
    }


def urgencies() -> dict[str, str]:
    return {
        "routine": QCoreApplication.translate("ReferralLabels", "Routine"),
        "urgent": QCoreApplication.translate("ReferralLabels", "Urgent"),
    }


def breach_reasons() -> dict[str, str]:
    return {
        "no_slot": QCoreApplication.translate("ReferralLabels", "No appointment free within 24 hours"),
        "patient_request": QCoreApplication.translate("ReferralLabels", "Patient asked for a later date"),
        "missing_info": QCoreApplication.translate("ReferralLabels", "Information missing, waiting for it"),
        "after_hours": QCoreApplication.translate("ReferralLabels", "Sent at night or on a holiday"),
        "unreachable": QCoreApplication.translate("ReferralLabels", "Patient could not be reached"),
        "other": QCoreApplication.translate("ReferralLabels", "Other reason"),
    }


def tabs() -> dict[str, str]:
    return {
        "incoming": QCoreApplication.translate("ReferralLabels", "Incoming"),
        "outgoing": QCoreApplication.translate("ReferralLabels", "Outgoing"),
        "breached": QCoreApplication.translate("ReferralLabels", "Breached"),
        "history": QCoreApplication.translate("ReferralLabels", "History"),
    }


def checklist_items() -> dict[str, str]:
    return {
        "pathology": QCoreApplication.translate("ReferralLabels", "Pathology"),
        "imaging": QCoreApplication.translate("ReferralLabels", "Imaging"),
        "staging": QCoreApplication.translate("ReferralLabels", "Staging"),
        "labs": QCoreApplication.translate("ReferralLabels", "Lab results"),
        "consent": QCoreApplication.translate("ReferralLabels", "Consent"),
    }


def mdt_states() -> dict[str, str]:
    return {
        "requested": QCoreApplication.translate("ReferralLabels", "Requested"),
        "ready": QCoreApplication.translate("ReferralLabels", "Ready to book"),
        "booked": QCoreApplication.translate("ReferralLabels", "Booked"),
        "decided": QCoreApplication.translate("ReferralLabels", "Decided"),
        "cancelled": QCoreApplication.translate("ReferralLabels", "Cancelled"),
    }


def plans() -> dict[str, str]:
    return {
        "neoadjuvant_then_surgery": QCoreApplication.translate("ReferralLabels", "Neoadjuvant therapy, then surgery"),
        "surgery_then_adjuvant": QCoreApplication.translate("ReferralLabels", "Surgery, then adjuvant therapy"),
        "chemoradiation": QCoreApplication.translate("ReferralLabels", "Concurrent chemoradiotherapy"),
        "targeted": QCoreApplication.translate("ReferralLabels", "Targeted therapy"),
        "surveillance": QCoreApplication.translate("ReferralLabels", "Surveillance"),
        "palliative": QCoreApplication.translate("ReferralLabels", "Palliative and supportive care"),
    }


def label(table: dict[str, str], code: str | None) -> str:
    """The word for `code`; an unknown code is shown as stored, never hidden."""
    return table.get(code, code) if code else ""


def hms(seconds: float) -> str:
    s = int(abs(seconds))
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def countdown_text(status: str, seconds: float) -> str:
    """What the clock column says: time left, time over, or how the 24 hours ended."""
    if status in ("running", "warning"):
        return QCoreApplication.translate("ReferralLabels", "%1 left").replace("%1", hms(seconds))
    if status == "overdue":
        return QCoreApplication.translate("ReferralLabels", "%1 over").replace("%1", hms(seconds))
    if status == "met":
        return QCoreApplication.translate("ReferralLabels", "Within 24 h")
    if status == "late":
        return QCoreApplication.translate("ReferralLabels", "Late (reason given)")
    return ""
