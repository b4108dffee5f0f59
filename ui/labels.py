"""Words for the codes the database stores (lung, screen, high ...), translated on each call.

Shared by every page (worklist, patient view, calendar ...).

Each table is built when asked for, one literal translate() call per word, so lupdate
sees every string and a language switch shows at once (the pattern of ui/pages.py).
Chinese is in resources/i18n/casedesk_patient_zh_CN.ts under the context "PatientLabels".
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# The pathway 防 筛 诊 治 康 帮, in order.
STAGE_ORDER = ("prevent", "screen", "diagnose", "treat", "rehab", "support")


def cancer_types() -> dict[str, str]:
    return {
        "lung": QCoreApplication.translate("PatientLabels", "Lung cancer"),
        "colorectal": QCoreApplication.translate("PatientLabels", "Colorectal cancer"),
        "breast": QCoreApplication.translate("PatientLabels", "Breast cancer"),
        "cervical": QCoreApplication.translate("PatientLabels", "Cervical cancer"),
        "stomach": QCoreApplication.translate("PatientLabels", "Stomach cancer"),
        "liver": QCoreApplication.translate("PatientLabels", "Liver cancer"),
        "oesophagus": QCoreApplication.translate("PatientLabels", "Oesophageal cancer"),
        "prostate": QCoreApplication.translate("PatientLabels", "Prostate cancer"),
        "thyroid": QCoreApplication.translate("PatientLabels", "Thyroid cancer"),
        "nasopharynx": QCoreApplication.translate("PatientLabels", "Nasopharyngeal cancer"),
    }


def stages() -> dict[str, str]:
    """The short pathway words: 防 / 筛 / 诊 / 治 / 康 / 帮 in Chinese."""
    return {
        "prevent": QCoreApplication.translate("PatientLabels", "Prevent"),
        "screen": QCoreApplication.translate("PatientLabels", "Screen"),
        "diagnose": QCoreApplication.translate("PatientLabels", "Diagnose"),
        "treat": QCoreApplication.translate("PatientLabels", "Treat"),
        "rehab": QCoreApplication.translate("PatientLabels", "Rehab"),
        "support": QCoreApplication.translate("PatientLabels", "Support"),
    }


def stage_names() -> dict[str, str]:
    return {
        "prevent": QCoreApplication.translate("PatientLabels", "Prevention"),
        "screen": QCoreApplication.translate("PatientLabels", "Screening"),
        "diagnose": QCoreApplication.translate("PatientLabels", "Diagnosis"),
        "treat": QCoreApplication.translate("PatientLabels", "Treatment"),
        "rehab": QCoreApplication.translate("PatientLabels", "Rehabilitation"),
        "support": QCoreApplication.translate("PatientLabels", "Support and palliative care"),
    }


def event_kinds() -> dict[str, str]:
    return {
        "screening": QCoreApplication.translate("PatientLabels", "Screening"),
        "referral": QCoreApplication.translate("PatientLabels", "Referral"),
        "exam": QCoreApplication.translate("PatientLabels", "Examination"),
        "mdt": QCoreApplication.translate("PatientLabels", "MDT"),
        "treatment": QCoreApplication.translate("PatientLabels", "Treatment"),
        "followup": QCoreApplication.translate("PatientLabels", "Follow-up"),
        "letter": QCoreApplication.translate("PatientLabels", "Letter"),
        "note": QCoreApplication.translate("PatientLabels", "Note"),
        "call": QCoreApplication.translate("PatientLabels", "Phone call"),
        "stage": QCoreApplication.translate("PatientLabels", "Stage change"),
    }


def risk_levels() -> dict[str, str]:
    return {
        "low": QCoreApplication.translate("PatientLabels", "Low risk"),
        "medium": QCoreApplication.translate("PatientLabels", "Medium risk"),
        "high": QCoreApplication.translate("PatientLabels", "High risk"),
    }


def sexes() -> dict[str, str]:
    return {
        "M": QCoreApplication.translate("PatientLabels", "Male"),
        "F": QCoreApplication.translate("PatientLabels", "Female"),
    }


def _label(table: dict[str, str], code: str | None) -> str:
    """The word for `code`; an unknown code is shown as stored, never hidden."""
    return table.get(code, code) if code else ""


def cancer_label(code: str | None) -> str:
    return _label(cancer_types(), code)


def stage_label(code: str | None) -> str:
    return _label(stages(), code)


def stage_name(code: str | None) -> str:
    return _label(stage_names(), code)


def kind_label(code: str | None) -> str:
    return _label(event_kinds(), code)


def risk_label(code: str | None) -> str:
    return _label(risk_levels(), code)


def sex_label(code: str | None) -> str:
    return _label(sexes(), code)


def sync_states() -> dict[str, str]:
    return {
        "synced": QCoreApplication.translate("Labels", "Synced"),
        "pending": QCoreApplication.translate("Labels", "Waiting to sync"),
        "conflict": QCoreApplication.translate("Labels", "Conflict"),
        "rejected": QCoreApplication.translate("Labels", "Rejected"),
    }


def sync_label(code: str | None) -> str:
    return _label(sync_states(), code)


CANCER_TYPES = ("lung", "colorectal", "breast", "cervical", "stomach", "liver", "oesophagus",
                "prostate", "thyroid", "nasopharynx")
STAGES = STAGE_ORDER
