"""Errors meant for people: the message says what happened and what to do."""
from __future__ import annotations


class CaseDeskError(Exception):
    """Base for errors shown to a user as they are (window or stderr), exit code 2."""

    exit_code = 2


class ProfileError(CaseDeskError):
    """The profile directory or its database cannot be used; nothing was changed."""


class ValidationError(CaseDeskError):
    """Bad input at an edge. `field` names the form field the message belongs next to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field
