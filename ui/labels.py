"""People-facing names for the codes the domain stores (translated with Qt)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def cancer_type(code: str) -> str:
    return {
        "lung": _t("Lung"), "colorectal": _t("Colorectal"), "breast": _t("Breast"),
        "cervical": _t("Cervical"), "stomach": _t("Stomach"), "liver": _t("Liver"),
        "oesophagus": _t("Oesophagus"), "prostate": _t("Prostate"), "thyroid": _t("Thyroid"),
        "nasopharynx": _t("Nasopharynx"),
    }.get(code, code)


CANCER_TYPES = ("lung", "colorectal", "breast", "cervical", "stomach", "liver", "oesophagus",
                "prostate", "thyroid", "nasopharynx")
STAGES = ("prevent", "screen", "diagnose", "treat", "rehab", "support")


def stage(code: str) -> str:
    return {
        "prevent": _t("Prevent"), "screen": _t("Screen"), "diagnose": _t("Diagnose"),
        "treat": _t("Treat"), "rehab": _t("Rehabilitate"), "support": _t("Support"),
    }.get(code, code)


def risk(code: str) -> str:
    return {"low": _t("Low"), "medium": _t("Medium"), "high": _t("High")}.get(code, code)


def sex(code: str) -> str:
    return {"M": _t("M"), "F": _t("F")}.get(code, code)


def sync_state(code: str) -> str:
    return {"synced": _t("Synced"), "pending": _t("Waiting to sync"), "conflict": _t("Conflict"),
            "rejected": _t("Rejected")}.get(code, code)
