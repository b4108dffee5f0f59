"""A refusal the server answers with: a status, a stable code, parameters, and an English
sentence for logs. Every non-2xx body is {"code", "params", "detail"}: the desktop words the
code in its person's language (ui/problem_templates/auth.py), the detail is for people
reading logs and for older desktops that still show it."""
from __future__ import annotations

from typing import Any


class Refusal(Exception):
    def __init__(self, status: int, code: str, detail: str, params: dict[str, Any] | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail
        self.params = params or {}
        self.headers = headers or {}

    @property
    def reason(self) -> str:  # the name older callers read
        return self.detail

    def body(self) -> dict:
        return {"code": self.code, "params": self.params, "detail": self.detail}


def body(code: str, detail: str, **params: Any) -> dict:
    return {"code": code, "params": params, "detail": detail}
