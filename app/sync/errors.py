"""Why a sync or a sign-in stopped, as a kind the desktop acts on and ui/ words.

The server answers every refusal with {"code", "params", "detail"} (detail is English, for
logs only). The kind is decided here, once, from the HTTP status and that code — never
from the words of a message. Older servers answer {"detail": "..."} without a code; for
them the status alone decides, and the person is told in general terms.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from app.errors import CaseDeskError
from app.problems import Problem

# Kinds. ui/problem_templates/sync.py words each as the code "sync.kind.<kind>".
OFFLINE = "offline"  # the server could not be reached: changes are kept
TIMEOUT = "timeout"  # reached, but no answer in time
UNREADABLE = "unreadable"  # an answer came but could not be read (a proxy's page, a cut-off body)
SIGNED_OUT = "signed_out"  # no sign-in on this desktop, or it expired / was ended
WRONG_CREDENTIALS = "wrong_credentials"
SLOWED_DOWN = "slowed_down"  # too many tries: wait (params retry_after_s when the server said)
ACCOUNT_DISABLED = "account_disabled"
DEVICE_OTHER_USER = "device_other_user"  # this profile's device belongs to another person
DEVICE_REVOKED = "device_revoked"
VERSION = "version"  # this CaseDesk is too old or too new for the server
REFUSED = "refused"  # the server refused for another reason (its code says which)
SERVER_BUSY = "server_busy"  # 503: try again shortly
SERVER_ERROR = "server_error"  # 500: the server failed; nothing here is lost
KEYRING = "keyring"
NO_SERVER = "no_server"
UNEXPECTED = "unexpected"

# Nothing was refused: the same request may simply be tried again later.
RETRY_LATER = frozenset({OFFLINE, TIMEOUT, UNREADABLE, SERVER_BUSY})

KIND_BY_CODE = {
    "auth.signin_required": SIGNED_OUT,
    "auth.token_invalid": SIGNED_OUT,
    "auth.token_expired": SIGNED_OUT,
    "auth.refresh_invalid": SIGNED_OUT,
    "auth.refresh_other_device": SIGNED_OUT,
    "auth.refresh_expired": SIGNED_OUT,
    "auth.refresh_reused": SIGNED_OUT,
    "auth.wrong_credentials": WRONG_CREDENTIALS,
    "auth.slow_down": SLOWED_DOWN,
    "auth.account_disabled": ACCOUNT_DISABLED,
    "auth.device_other_user": DEVICE_OTHER_USER,
    "auth.device_revoked": DEVICE_REVOKED,
    "sync.schema_mismatch": VERSION,
    "server.busy": SERVER_BUSY,
    "server.database_down": SERVER_BUSY,
}


class SyncError(CaseDeskError):
    """The cycle (or sign-in) stopped. `kind` says what happened; `status` is the HTTP status
    when the server answered; `code` and `params` are the server's (or, for a refusal made
    here before asking, this desktop's) reason. str() is an English line for logs."""

    def __init__(self, kind: str, *, status: int | None = None, code: str | None = None,
                 params: Mapping[str, Any] | None = None, detail: str = ""):
        self.kind = kind
        self.status = status
        self.code = code
        self.params = dict(params or {})
        self.detail = detail
        super().__init__(self._log_line())

    @property
    def offline(self) -> bool:
        """Nothing was refused: every local change is kept and goes with a later cycle."""
        return self.kind in RETRY_LATER

    @property
    def problem(self) -> Problem:
        """What to word: the server's code when it gave one, else the kind's own code."""
        return Problem(self.code or f"sync.kind.{self.kind}", None, self.params)

    def _log_line(self) -> str:
        parts = [self.kind]
        if self.code:
            parts.append(f"[{self.code}]")
        if self.detail:
            parts.append(self.detail)
        if self.status is not None:
            parts.append(f"(HTTP {self.status})")
        return " ".join(parts)


def from_answer(status: int, body: bytes, headers: Mapping[str, str] | None = None, *,
                signing_in: bool = False) -> SyncError:
    """The SyncError for a non-2xx answer: its code when it has one, else its status."""
    code, params, detail = _read_body(body)
    retry_after = _seconds((headers or {}).get("retry-after"))
    if status in (423, 429) and retry_after is not None:
        params.setdefault("retry_after_s", retry_after)
    kind = KIND_BY_CODE.get(code) if code else None
    if kind is None and code:
        kind = REFUSED  # a code this desktop does not know yet: worded as unknown, with the code
    if kind is None:
        kind = _kind_by_status(status, signing_in)
    return SyncError(kind, status=status, code=code, params=params, detail=detail)


def _kind_by_status(status: int, signing_in: bool) -> str:
    """An older server's answer, which has no code."""
    if status == 401:
        return WRONG_CREDENTIALS if signing_in else SIGNED_OUT
    if status in (423, 429):
        return SLOWED_DOWN
    if status == 403:
        return ACCOUNT_DISABLED  # the only 403 such servers gave
    if status in (502, 504):
        return OFFLINE  # a proxy could not reach the server behind it
    if status == 503:
        return SERVER_BUSY
    if status >= 500:
        return SERVER_ERROR
    return REFUSED


def _read_body(body: bytes) -> tuple[str | None, dict, str]:
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None, {}, body[:200].decode("utf-8", "replace")
    if not isinstance(data, dict):
        return None, {}, str(data)[:200]
    code = data.get("code") if isinstance(data.get("code"), str) else None
    params = data["params"] if isinstance(data.get("params"), dict) else {}
    detail = data.get("detail")
    if isinstance(detail, list):
        detail = "; ".join(str(d) for d in detail[:5])
    return code, dict(params), str(detail or "")[:500]


def _seconds(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return max(0, int(value.strip()))
    except ValueError:
        return None  # an HTTP date: never sent by our server
