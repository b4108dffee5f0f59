"""Sync words for people: tables, fields, operations, values and what went wrong.

Built when asked for, one literal translate() call per string so lupdate sees each one;
Chinese is in resources/i18n/casedesk_sync_zh_CN.ts (context "SyncWords"). What went wrong
(a failure's kind, the server's codes, a refused change's problems) is worded Qt-free by
ui/sync/say.py from ui/problem_templates, so the `sync` command says the same.
"""
from __future__ import annotations

import datetime as dt
import json
import logging

from PySide6.QtCore import QCoreApplication

from app.errors import CaseDeskError
from app.sync import service
from ui import labels
from ui import problem_words
from ui.sync import say

log = logging.getLogger(__name__)


def table_names() -> dict[str, str]:
    return {
        "patients": QCoreApplication.translate("SyncWords", "Patient"),
        "cases": QCoreApplication.translate("SyncWords", "Case"),
        "timeline_events": QCoreApplication.translate("SyncWords", "Timeline entry"),
        "followups": QCoreApplication.translate("SyncWords", "Follow-up"),
        "referrals": QCoreApplication.translate("SyncWords", "Referral"),
        "mdt_requests": QCoreApplication.translate("SyncWords", "MDT request"),
        "screenings": QCoreApplication.translate("SyncWords", "Screening"),
        "letters": QCoreApplication.translate("SyncWords", "Letter"),
        "org_units": QCoreApplication.translate("SyncWords", "Organisation unit"),
        "users": QCoreApplication.translate("SyncWords", "User"),
    }


def op_names() -> dict[str, str]:
    return {
        "insert": QCoreApplication.translate("SyncWords", "New"),
        "update": QCoreApplication.translate("SyncWords", "Changed"),
        "delete": QCoreApplication.translate("SyncWords", "Deleted"),
    }


def field_names() -> dict[str, str]:
    return {
        "name": QCoreApplication.translate("SyncWords", "Name"),
        "sex": QCoreApplication.translate("SyncWords", "Sex"),
        "birth_date": QCoreApplication.translate("SyncWords", "Date of birth"),
        "id_number": QCoreApplication.translate("SyncWords", "ID number"),
        "phone": QCoreApplication.translate("SyncWords", "Phone"),
        "address": QCoreApplication.translate("SyncWords", "Address"),
        "community_id": QCoreApplication.translate("SyncWords", "Community"),
        "family_doctor_id": QCoreApplication.translate("SyncWords", "Family doctor"),
        "contract_signed": QCoreApplication.translate("SyncWords", "Family doctor contract"),
        "smoking_pack_years": QCoreApplication.translate("SyncWords", "Smoking (pack-years)"),
        "family_history": QCoreApplication.translate("SyncWords", "Family history"),
        "occupational_exposure": QCoreApplication.translate("SyncWords", "Occupational exposure"),
        "warning_flags": QCoreApplication.translate("SyncWords", "Warnings"),
        "cancer_type": QCoreApplication.translate("SyncWords", "Cancer type"),
        "stage": QCoreApplication.translate("SyncWords", "Pathway stage"),
        "risk_level": QCoreApplication.translate("SyncWords", "Risk"),
        "next_action": QCoreApplication.translate("SyncWords", "Next action"),
        "due_date": QCoreApplication.translate("SyncWords", "Due date"),
        "last_contact_at": QCoreApplication.translate("SyncWords", "Last contact"),
        "closed_at": QCoreApplication.translate("SyncWords", "Closed"),
        "title": QCoreApplication.translate("SyncWords", "Title"),
        "body": QCoreApplication.translate("SyncWords", "Text"),
        "method": QCoreApplication.translate("SyncWords", "Method"),
        "status": QCoreApplication.translate("SyncWords", "Status"),
        "state": QCoreApplication.translate("SyncWords", "State"),
        "outcome": QCoreApplication.translate("SyncWords", "Outcome"),
        "notes": QCoreApplication.translate("SyncWords", "Notes"),
        "reason": QCoreApplication.translate("SyncWords", "Reason"),
        "urgency": QCoreApplication.translate("SyncWords", "Urgency"),
        "question": QCoreApplication.translate("SyncWords", "Question"),
        "decision": QCoreApplication.translate("SyncWords", "Decision"),
        "deleted_at": QCoreApplication.translate("SyncWords", "Deleted"),
        "sent_at": QCoreApplication.translate("SyncWords", "Sent"),
        "scheduled_at": QCoreApplication.translate("SyncWords", "Appointment"),
        "scheduled_place": QCoreApplication.translate("SyncWords", "Place"),
        "completed_at": QCoreApplication.translate("SyncWords", "Completed"),
        "breach_reason": QCoreApplication.translate("SyncWords", "Reason for the delay"),
        "direction": QCoreApplication.translate("SyncWords", "Direction"),
        "green_channel": QCoreApplication.translate("SyncWords", "Green channel"),
        "to_org_id": QCoreApplication.translate("SyncWords", "To"),
        "from_org_id": QCoreApplication.translate("SyncWords", "From"),
        "to_department": QCoreApplication.translate("SyncWords", "Department"),
        "clinical_summary": QCoreApplication.translate("SyncWords", "Clinical summary"),
        "findings": QCoreApplication.translate("SyncWords", "Findings"),
        "requested_exams": QCoreApplication.translate("SyncWords", "Requested examinations"),
        "specialties": QCoreApplication.translate("SyncWords", "Specialties"),
        "slot_at": QCoreApplication.translate("SyncWords", "Session"),
        "decided_at": QCoreApplication.translate("SyncWords", "Decided"),
        "result": QCoreApplication.translate("SyncWords", "Result"),
        "screened_on": QCoreApplication.translate("SyncWords", "Screened on"),
        "programme": QCoreApplication.translate("SyncWords", "Programme"),
        "note": QCoreApplication.translate("SyncWords", "Note"),
        "occurred_at": QCoreApplication.translate("SyncWords", "Date"),
        "kind": QCoreApplication.translate("SyncWords", "Kind"),
        "state_reason": QCoreApplication.translate("SyncWords", "Reason"),
        "reached": QCoreApplication.translate("SyncWords", "Reached"),
        "attempts": QCoreApplication.translate("SyncWords", "Attempts"),
        "contact_person": QCoreApplication.translate("SyncWords", "Contact person"),
        "printed_at": QCoreApplication.translate("SyncWords", "Printed"),
        "reprint_reason": QCoreApplication.translate("SyncWords", "Reason for reprinting"),
        "active": QCoreApplication.translate("SyncWords", "Active"),
        "role": QCoreApplication.translate("SyncWords", "Role"),
        "display_name": QCoreApplication.translate("SyncWords", "Name"),
        "org_unit_id": QCoreApplication.translate("SyncWords", "Unit"),
        "assignee_id": QCoreApplication.translate("SyncWords", "Assigned to"),
        "clinic_cm_id": QCoreApplication.translate("SyncWords", "Clinic case manager"),
        "community_cm_id": QCoreApplication.translate("SyncWords", "Community case manager"),
        "ward_cm_id": QCoreApplication.translate("SyncWords", "Specialist case manager"),
        "opened_at": QCoreApplication.translate("SyncWords", "Opened"),
    }


def table_name(table: str) -> str:
    return table_names().get(table, table)


def record_text(table: str, patient_name: str) -> str:
    """The record a change is about: "patient 张三", "follow-up of 张三", or just the kind."""
    if not patient_name:
        return table_name(table)
    if table == "patients":
        return QCoreApplication.translate("SyncWords", "Patient {name}").format(name=patient_name)
    return QCoreApplication.translate("SyncWords", "{what} of {patient}").format(
        what=table_name(table), patient=patient_name)


def op_name(op: str) -> str:
    return op_names().get(op, op)


def field_name(field: str) -> str:
    """A field's label; an unlisted one is shown readable ("next_action" → "next action")."""
    return field_names().get(field, field.replace("_", " "))


def value_text(field: str, value) -> str:
    """A wire value as a person reads it; empty is said, not left blank."""
    if value is None or value == "":
        return QCoreApplication.translate("SyncWords", "(empty)")
    if isinstance(value, bool):
        return QCoreApplication.translate("SyncWords", "Yes") if value else QCoreApplication.translate(
            "SyncWords", "No")
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    coded = {"cancer_type": labels.cancer_label, "stage": labels.stage_name,
             "risk_level": labels.risk_label, "sex": labels.sex_label}
    if field in coded and isinstance(value, str):
        return coded[field](value)
    if isinstance(value, str) and len(value) > 19 and value[10] == "T":
        return moment_text(value)
    return str(value)


def edit_text(value) -> str:
    """A wire value as it is typed back into a field (app.sync.conflicts.parse_value reads it)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value_text("", value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and len(value) > 19 and value[10] == "T":
        return moment_text(value)
    return str(value)


def moment_text(value: str | dt.datetime | None) -> str:
    """A UTC wire time (or a naive-UTC stored one) as local 'YYYY-MM-DD HH:MM'."""
    if not value:
        return ""
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def language() -> str:
    """The window's language: ui/i18n sets it for problem words with its translators."""
    return problem_words.language()


def failure_text(exc: BaseException, short: bool = False) -> str:
    """Words for any failure of a sync action, in the window's language (ui/sync/say.py:
    the same words the `sync` command prints). `short` leaves out the reassurance about
    kept changes where the dialog already says it."""
    if service.classify(exc) == service.UNEXPECTED and not isinstance(exc, CaseDeskError):
        log.error("sync action failed:\n%s", getattr(exc, "traceback_text", repr(exc)))
    return say.failure(exc, language(), short)


def kind_text(kind: str) -> str:
    """Words for a kind without a failure to hand (e.g. signed out before any cycle)."""
    return say.kind_words(kind, lang=language())


def rejection_text(item, sep: str = "\n") -> str:
    """Why the server refused a change, in the window's language."""
    return say.rejection(item, language(), sep)
