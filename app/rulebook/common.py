"""Small helpers the record rules share."""
from __future__ import annotations

from functools import cache

from app.problems import Problem


@cache
def values(enum_type) -> frozenset:
    """An enum's values, made once (the rule book runs for every row of a 1,000-row push)."""
    return frozenset(member.value for member in enum_type)


def changed(before, after) -> set[str]:
    """Fields a change touches (every filled field of a new record)."""
    if before is None:
        return {k for k, v in after.items() if v is not None}
    return {k for k, v in after.items() if before.get(k) != v}


def choice(after, changed_fields, field: str, allowed, problems: list[Problem], nullable: bool = False) -> None:
    value = after.get(field)
    if field in changed_fields and not (nullable and value is None) and value not in allowed:
        problems.append(Problem("field.not_allowed", field, {"value": str(value)}))


def required_text(after, field: str, problems: list[Problem]) -> None:
    if not (after.get(field) or "").strip():
        problems.append(Problem("field.required", field))


def max_length(after, changed_fields, limits: dict[str, int], problems: list[Problem]) -> None:
    for field, limit in limits.items():
        value = after.get(field)
        if field in changed_fields and isinstance(value, str) and len(value) > limit:
            problems.append(Problem("field.too_long", field, {"max": limit}))
