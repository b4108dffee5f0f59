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
        if not problems:
            _referral_step(values, existing, problems)
    return problems


def _referral_step(values: dict, existing: dict | None, problems: Problems) -> None:
    """A referral is created as a draft and moves one step of app/referrals/states.py at a
    time, so a desktop cannot skip the receiving site's decision or reopen a closed one."""
    from app.referrals import states  # local: the state table imports the enums above
    new = values.get("state")
    if existing is None:
        if new not in (None, states.S.DRAFT.value):
            problems.append(("state", f"a new referral starts as a draft, not {new!r}"))
        return
    old = existing.get("state")
    if new is None or new == old:
        return
    steps = [a for a, (sources, target) in states.ACTIONS.items() if target == new]
    if not any(old in states.ACTIONS[a][0] for a in steps):
        action = steps[0] if steps else new
        problems.append(("state", states.refusal(old, action) if steps else f"unknown state {new!r}"))
