"""Errors meant for people. What went wrong travels as problems (app/problems.Problem: a
code, a field and parameters); ui/problem_words words them in the reader's language, so the
window and the CLI say the same thing in Chinese or in English."""
from __future__ import annotations

from typing import Any
from typing import Self


class CaseDeskError(Exception):
    """Base for errors shown to a user (window or stderr), exit code 2.

    `problems` say what is wrong as codes; an error without any (an older message, an OS
    error passed on) is shown as its message."""

    exit_code = 2
    problems: list = []  # class default only: an instance with problems gets its own list

    def __init__(self, message: str = "", *, problems: list | None = None):
        if problems:
            self.problems = list(problems)
        super().__init__(message or "; ".join(str(p) for p in self.problems))

    @property
    def problem(self):
        return self.problems[0] if self.problems else None

    @classmethod
    def coded(cls, code: str, field: str | None = None, **params: Any) -> Self:
        """`raise ProfileError.coded("profile.damaged", path=str(p))`: one problem, this class,
        so `except ProfileError` sites keep working."""
        from app.problems import Problem  # local: app.problems imports this module (a cycle)

        return cls(problems=[Problem(code, field, params)])


class ProfileError(CaseDeskError):
    """The profile directory or its database cannot be used; nothing was changed."""


class ValidationError(CaseDeskError):
    """Bad input at an edge. `field` names the form field the message belongs next to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field
