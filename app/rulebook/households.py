"""Households (家庭单元) and their members: filled in by the households work of issue #18."""
from __future__ import annotations

from app.problems import Problem


def check_household(before, after, actor, lookup) -> list[Problem]:
    return []


def check_member(before, after, actor, lookup) -> list[Problem]:
    return []
