"""Domain rules a record must satisfy, whoever writes it: a desktop form, an import, or a
sync push checked on the server. Each returns the problems as (field, message) pairs."""
from __future__ import annotations

import datetime as dt
from typing import Any

from app import idcard
from db.models.enums import CancerType
from db.models.enums import EventKind
from db.models.enums import FollowupStatus
from db.models.enums import ReferralDirection
from db.models.enums import ReferralState
from db.models.enums import Stage

Problems = list[tuple[str, str]]


def _choice(values: dict, field: str, allowed, problems: Problems) -> None:
    if field in values and values[field] is not None and values[field] not in {str(a) for a in allowed}:
        problems.append((field, f"{values[field]!r} is not one of {', '.join(str(a) for a in allowed)}"))


def check(table: str, values: dict[str, Any], existing: dict[str, Any] | None = None) -> Problems:
    """Problems with `values` (the changed fields, merged over `existing` for updates)."""
    merged = {**(existing or {}), **values}
    problems: Problems = []
    if table == "patients":
        if "name" in values and not (values["name"] or "").strip():
            problems.append(("name", "a patient needs a name"))
        _choice(values, "sex", ("M", "F"), problems)
        id_number = merged.get("id_number")
        if "id_number" in values and id_number:
            reason = idcard.problem(id_number)
            if reason:
                problems.append(("id_number", reason))
            elif merged.get("birth_date") and merged.get("sex"):
                _, birth, sex = idcard.parse(id_number)
                if birth != merged["birth_date"] or sex != merged["sex"]:
                    problems.append(("id_number", "the ID number does not match the birth date and sex"))
    elif table == "cases":
        _choice(values, "stage", list(Stage), problems)
        _choice(values, "cancer_type", list(CancerType), problems)
    elif table == "timeline_events":
        _choice(values, "kind", list(EventKind), problems)
    elif table == "followups":
        _choice(values, "status", list(FollowupStatus), problems)
        due = values.get("due_date")
        if isinstance(due, dt.date) and due.year > dt.date.today().year + 10:
            problems.append(("due_date", "a follow-up more than 10 years ahead"))
    elif table == "referrals":
        _choice(values, "direction", list(ReferralDirection), problems)
        _choice(values, "state", list(ReferralState), problems)
    return problems
