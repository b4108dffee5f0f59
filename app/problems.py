"""Problems are codes, not prose: a stable code, the field it belongs to, and parameters.

`app/`, `db/` and `server/` say what is wrong with a `Problem`; `ui/problem_words.py` words it
in the reader's language (the window through Qt's translator, the CLI from the same
catalogue without Qt). A code never changes meaning once released: a new meaning is a new code.

Codes are dotted, `<area>.<what>`: `referral.reason_required`, `auth.wrong_password`.
Parameters are JSON values (strings, numbers, booleans, lists of them); a parameter that
is itself a vocabulary value (a referral state, an action) is worded too (see ui/problem_words).
"""
from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from app.errors import ValidationError


@dataclass(frozen=True)
class Problem:
    code: str
    field: str | None = None
    params: Mapping[str, Any] = dataclass_field(default_factory=dict)

    def to_json(self) -> dict:
        return {"code": self.code, "field": self.field, "params": dict(self.params)}

    @classmethod
    def from_json(cls, data: Mapping) -> "Problem":
        return cls(str(data.get("code") or "unknown"), data.get("field"), dict(data.get("params") or {}))

    def __str__(self) -> str:  # for logs and tests only: people read ui/problem_words
        args = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.code}" + (f" [{self.field}]" if self.field else "") + (f" ({args})" if args else "")


class ProblemError(ValidationError):
    """One or more problems refused an action; nothing was written. Catch it where
    ValidationError was caught: `field` is the first problem's field, for the form."""

    def __init__(self, problems: Problem | Iterable[Problem]):
        self.problems: list[Problem] = [problems] if isinstance(problems, Problem) else list(problems)
        if not self.problems:
            raise ValueError("a ProblemError needs at least one problem")
        super().__init__("; ".join(str(p) for p in self.problems), field=self.problems[0].field)

    @property
    def problem(self) -> Problem:
        return self.problems[0]


def refuse(code: str, field: str | None = None, /, **params: Any) -> ProblemError:
    """`raise refuse("referral.reason_required", "reason")` — the short form for one problem.
    Positional only: a parameter may itself be called code or field (restore.tool_failed's exit code)."""
    return ProblemError(Problem(code, field, params))
