"""Cases: one patient on one cancer pathway, with its case managers."""
from __future__ import annotations

from app.problems import Problem
from app.rulebook.common import changed as changed_fields
from app.rulebook.common import choice
from app.rulebook.common import max_length
from app.rulebook.common import values
from db.models.enums import CancerType
from db.models.enums import RiskLevel
from db.models.enums import Role
from db.models.enums import Stage

DERIVED = {"next_task_id", "open_tasks"}
# Each case-manager slot holds a person of that role.
MANAGERS = {"clinic_cm_id": Role.CLINIC_CM.value, "ward_cm_id": Role.WARD_CM.value,
            "community_cm_id": Role.COMMUNITY_CM.value}


def check(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    changed = changed_fields(before, after)
    choice(after, changed, "stage", values(Stage), problems)
    choice(after, changed, "cancer_type", values(CancerType), problems)
    choice(after, changed, "risk_level", values(RiskLevel), problems)
    max_length(after, changed, {"next_action": 200}, problems)
    # Each desktop derives these for itself (db/summary.py); a change sent for them is made up.
    for field in (DERIVED & changed if before is not None else ()):
        problems.append(Problem("record.derived_field", field))
    for field, role in MANAGERS.items():
        if field in changed and after.get(field) is not None:
            person = lookup.user(after[field])
            if person is None or person.role != role:
                problems.append(Problem("case.wrong_manager_role", field, {"role": role}))
    return problems
