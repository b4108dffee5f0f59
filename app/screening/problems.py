"""What can be wrong with a row of a list, as codes with parameters.

The command line words `coded` (screening.row_<code>, ui/problem_templates/screening.py) in
its language; the import dialog translates the same codes itself (ui/screening/labels.py),
so the two never disagree on what was checked.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from app import problems

CODES = (
    "required", "too_long", "bad_name", "bad_sex", "bad_date", "date_future", "date_range", "bad_phone",
    "id_invalid", "id_check", "id_15", "id_birth", "id_sex", "no_birth", "unknown_street", "unknown_community",
    "ambiguous_community", "community_not_in_street", "unknown_programme", "programme_sex", "duplicate_in_file",
    "merge_needed",
)


@dataclass(frozen=True)
class Problem:
    line: int
    field: str | None  # a field key, or None for the whole row
    code: str  # one of CODES
    params: dict = dataclasses.field(default_factory=dict, hash=False, compare=False)

    @property
    def coded(self) -> problems.Problem:
        """The row's problem as app/problems has it, the line a parameter, for ui/problem_words."""
        return problems.Problem(f"screening.row_{self.code}", self.field, {**self.params, "line": self.line})

    def __str__(self) -> str:  # for logs; people read the worded `coded`
        return f"line {self.line}: {self.coded}"
