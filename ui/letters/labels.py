"""People-facing names for letter kinds and skip reasons (app/ keeps codes, ui/ translates)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def kind_name(code: str) -> str:
    names = {  # spelled out call by call so lupdate sees every string
        "screening_invitation": QCoreApplication.translate("Letters", "Screening invitation"),
        "appointment_notice": QCoreApplication.translate("Letters", "Appointment notice"),
        "followup_reminder": QCoreApplication.translate("Letters", "Follow-up reminder"),
        "referral_slip": QCoreApplication.translate("Letters", "Referral slip"),
        "results_ready": QCoreApplication.translate("Letters", "Results-ready notice"),
        "missed_followup": QCoreApplication.translate("Letters", "Missed follow-up letter"),
    }
    return names.get(code, code)


def range_hint(code: str) -> str:
    """Which date the From–To range selects for this kind."""
    hints = {
        "screening_invitation": QCoreApplication.translate("Letters", "Cases at prevention or screening due in this range"),
        "appointment_notice": QCoreApplication.translate("Letters", "Referral appointments in this range"),
        "followup_reminder": QCoreApplication.translate("Letters", "Planned follow-ups due in this range"),
        "referral_slip": QCoreApplication.translate("Letters", "Referrals sent in this range"),
        "results_ready": QCoreApplication.translate("Letters", "Screenings done in this range"),
        "missed_followup": QCoreApplication.translate("Letters", "Missed follow-ups due in this range"),
    }
    return hints.get(code, "")


def skip_reason(reason: str, detail: str = "") -> str:
    texts = {
        "no_address": QCoreApplication.translate("Letters", "No postal address"),
        "missing_glyphs": QCoreApplication.translate("Letters", "The letter font lacks characters"),
        "template_field": QCoreApplication.translate("Letters", "The template needs a value this record lacks"),
        "already_printed": QCoreApplication.translate("Letters", "Already printed; give a reprint reason to print again"),
    }
    text = texts.get(reason, reason)
    return f"{text}: {detail}" if detail else text
