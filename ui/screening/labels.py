"""Words of the import dialog for what app/screening reports as codes.

One literal translate() call per text (lupdate must see each), context "ScreeningLabels".
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.labels import cancer_types


def field_names() -> dict[str, str]:
    return {
        "name": QCoreApplication.translate("ScreeningLabels", "Name"),
        "sex": QCoreApplication.translate("ScreeningLabels", "Sex"),
        "birth_date": QCoreApplication.translate("ScreeningLabels", "Birth date"),
        "id_number": QCoreApplication.translate("ScreeningLabels", "ID number"),
        "phone": QCoreApplication.translate("ScreeningLabels", "Phone"),
        "street": QCoreApplication.translate("ScreeningLabels", "Street"),
        "community": QCoreApplication.translate("ScreeningLabels", "Community"),
        "address": QCoreApplication.translate("ScreeningLabels", "Address"),
        "programme": QCoreApplication.translate("ScreeningLabels", "Screening programme"),
    }


def problem_texts() -> dict[str, str]:
    return {
        "required": QCoreApplication.translate("ScreeningLabels", "is empty but required"),
        "too_long": QCoreApplication.translate("ScreeningLabels", "is too long (at most {max} characters)"),
        "bad_name": QCoreApplication.translate("ScreeningLabels", "holds digits or symbols: {value}"),
        "bad_sex": QCoreApplication.translate("ScreeningLabels", "unknown sex {value} (男/女, M/F)"),
        "bad_date": QCoreApplication.translate("ScreeningLabels", "is not a real date: {value}"),
        "date_future": QCoreApplication.translate("ScreeningLabels", "is in the future: {value}"),
        "date_range": QCoreApplication.translate("ScreeningLabels", "is too early: {value}"),
        "bad_phone": QCoreApplication.translate(
            "ScreeningLabels", "{value} is not a phone number (11-digit mobile, or landline with area code)"),
        "id_invalid": QCoreApplication.translate("ScreeningLabels", "is not a valid ID number: {reason}"),
        "id_check": QCoreApplication.translate("ScreeningLabels", "check digit does not match (should be {expected})"),
        "id_15": QCoreApplication.translate("ScreeningLabels", "old 15-digit number; use the 18-digit {suggested}"),
        "id_birth": QCoreApplication.translate(
            "ScreeningLabels", "says born {id_birth}, the birth date column says {birth}"),
        "id_sex": QCoreApplication.translate("ScreeningLabels", "says sex {id_sex}, the sex column says {sex}"),
        "no_birth": QCoreApplication.translate("ScreeningLabels", "needs birth date and sex when there is no ID number"),
        "unknown_street": QCoreApplication.translate("ScreeningLabels", "no street named {value}"),
        "unknown_community": QCoreApplication.translate("ScreeningLabels", "no community named {value}"),
        "ambiguous_community": QCoreApplication.translate(
            "ScreeningLabels", "{value} is in several streets: give the street"),
        "community_not_in_street": QCoreApplication.translate(
            "ScreeningLabels", "{value} is not in street {street}"),
        "unknown_programme": QCoreApplication.translate("ScreeningLabels", "unknown programme {value}"),
        "programme_sex": QCoreApplication.translate(
            "ScreeningLabels", "the {programme} programme does not apply to this sex"),
        "duplicate_in_file": QCoreApplication.translate("ScreeningLabels", "the same person as line {other}"),
        "merge_needed": QCoreApplication.translate(
            "ScreeningLabels", "may be {name}, already a patient: merge, new person, or exclude"),
    }


def describe(problem) -> str:
    """A problem as the dialog shows it, in the interface language."""
    text = problem_texts().get(problem.code, problem.code)
    params = dict(problem.params)
    if "programme" in params:
        params["programme"] = cancer_types().get(params["programme"], params["programme"])
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text
