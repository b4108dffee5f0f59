"""The administrator's work from the workstation, without Qt: people, the organisation tree,
desktops, the security log and published files, over the signed-in SyncClient (the server
decides: server/admin_api.py, server/files.py).

Every function takes the profile's SyncClient and returns plain data, or raises a SyncError
whose `problems` are the server's ({"code", "field", "params"} each, all of them for a file
with many bad lines). A one-time password is returned to be shown once; nothing here keeps it.
"""
from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote
from urllib.parse import urlencode

from app.problems import Problem
from app.problems import ProblemError
from app.sync.errors import SyncError

MAX_IMPORT_MIB = 8  # as server/admin_api.py MAX_IMPORT_BYTES


def problems_of(exc: BaseException) -> list[Problem]:
    """Every problem the server named (all bad lines of an import), else the one it gave."""
    if isinstance(exc, ProblemError):
        return list(exc.problems)
    if isinstance(exc, SyncError):
        listed = exc.params.get("problems")
        if isinstance(listed, list) and listed and all(isinstance(p, dict) for p in listed):
            return [Problem.from_json(p) for p in listed]
        reason = exc.params.get("reason")  # a published file refused: the loader's problem
        if exc.code == "files.refused" and isinstance(reason, dict):
            return [exc.problem, Problem.from_json(reason)]
        return [exc.problem]
    return []


def _when(text: str | None) -> dt.datetime | None:
    """A server time as this computer's local time (people read their own clock)."""
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone().replace(tzinfo=None)
    except ValueError:
        return None


# -- people -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Person:
    username: str
    name: str
    role: str
    unit: str  # the unit's code
    phone: str
    active: bool
    must_change: bool
    changed_at: dt.datetime | None


def users(client) -> list[Person]:
    return [Person(u["username"], u["name"], u["role"], u["unit"], u["phone"], u["active"], u["must_change"],
                   _when(u["changed_at"])) for u in client.call("GET", "/admin/users")["users"]]


def add_user(client, username: str, name: str, role: str, org: str, phone: str = "") -> str:
    """The new person's one-time password (to be shown once)."""
    body = {"username": username.strip(), "name": name.strip(), "role": role, "org": org}
    if phone.strip():
        body["phone"] = phone.strip()
    return client.call("POST", "/admin/users", body)["one_time_password"]


def set_active(client, username: str, active: bool) -> bool:
    """False: the person already was so."""
    verb = "enable" if active else "disable"
    return client.call("POST", f"/admin/users/{quote(username, safe='')}/{verb}")["changed"]


def reset_password(client, username: str) -> str:
    return client.call("POST", f"/admin/users/{quote(username, safe='')}/reset-password")["one_time_password"]


# -- the organisation tree --------------------------------------------------------------------

@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    kind: str
    parent: str | None  # the parent's code
    address: str
    phone: str
    aliases: list[str]
    active: bool


def org_tree(client) -> list[Unit]:
    return [Unit(u["code"], u["name"], u["kind"], u["parent"], u["address"] or "", u["phone"] or "",
                 list(u["aliases"] or []), u["active"]) for u in client.call("GET", "/admin/org")["units"]]


@dataclass(frozen=True)
class OrgImported:
    added: list[str]
    updated: list[str]
    unchanged: list[str]
    missing: list[str]
    deactivated: list[str]


def read_upload(path: Path | str, max_mib: int) -> bytes:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_mib * 2**20:
            raise ProblemError(Problem("admin.file_too_large", None, {"file": path.name, "max_mib": max_mib}))
        return path.read_bytes()
    except OSError as exc:
        raise ProblemError(Problem("admin.file_unreadable", None,
                                   {"file": path.name, "reason": exc.strerror or str(exc)})) from exc


def import_org(client, path: Path | str, deactivate_missing: bool = False) -> OrgImported:
    """The file checked and written by the server as `server org import` does: all lines or none."""
    data = read_upload(path, MAX_IMPORT_MIB)
    name = Path(path).stem[:60] + Path(path).suffix[:10]  # the server takes a name of at most 80 characters
    answer = client.call("POST", "/admin/org/import", {"filename": name,
                                                       "content": base64.b64encode(data).decode("ascii"),
                                                       "deactivate_missing": deactivate_missing})
    return OrgImported(answer["added"], answer["updated"], answer["unchanged"], answer["missing"],
                       answer["deactivated"])


# -- desktops ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Desktop:
    id: str
    code: str | None
    username: str
    display_name: str
    name: str
    app_version: str
    registered_at: dt.datetime | None
    last_seen_at: dt.datetime | None
    last_addr: str
    revoked_at: dt.datetime | None


def _desktop(d: dict) -> Desktop:
    return Desktop(d["id"], d["code"], d["username"], d["display_name"], d["name"] or "", d["app_version"] or "",
                   _when(d["registered_at"]), _when(d["last_seen_at"]), d["last_addr"] or "", _when(d["revoked_at"]))


def devices(client) -> list[Desktop]:
    return [_desktop(d) for d in client.call("GET", "/admin/devices")["devices"]]


def revoke_device(client, device_id: str) -> tuple[Desktop, int]:
    answer = client.call("POST", f"/admin/devices/{quote(device_id, safe='')}/revoke")
    return _desktop(answer["device"]), answer["tokens_ended"]


# -- the security log -------------------------------------------------------------------------

@dataclass(frozen=True)
class Event:
    at: dt.datetime | None
    kind: str
    code: str | None
    user: str
    device_id: str
    client_addr: str
    detail: dict


def security_log(client, user: str = "", since: dt.date | None = None, until: dt.date | None = None,
                 limit: int = 1000) -> list[Event]:
    """Newest first; `since` and `until` are days of this computer's calendar, both included."""
    query: dict[str, Any] = {"limit": limit}
    if user.strip():
        query["user"] = user.strip()
    if since is not None:
        query["since"] = _midnight(since).isoformat()
    if until is not None:
        query["until"] = _midnight(until + dt.timedelta(days=1)).isoformat()
    answer = client.call("GET", "/admin/security-log?" + urlencode(query))
    return [Event(_when(e["at"]), e["kind"], e["code"], e["user"] or "", e["device_id"] or "",
                  e["client_addr"] or "", e["detail"] or {}) for e in answer["events"]]


def _midnight(day: dt.date) -> dt.datetime:
    """The day's start in local time, with its offset (a day in Beijing begins at 16:00 UTC)."""
    return dt.datetime.combine(day, dt.time()).astimezone()


# -- published files (server/files.py) --------------------------------------------------------

@dataclass(frozen=True)
class Published:
    id: str
    kind: str
    name: str
    version: str
    sha256: str
    size: int
    published_at: dt.datetime | None
    published_by: str


def published_files(client) -> list[Published]:
    return [Published(f["id"], f["kind"], f["name"], str(f["version"]), f["sha256"], f.get("size") or 0,
                      _when(f["published_at"]), f.get("published_by") or "")
            for f in client.call("GET", "/files")["files"]]


def publish_file(client, path: Path | str, kind: str | None = None) -> Published:
    """Checked on the server before any desktop sees it: a bad file is refused with its line."""
    path = Path(path)
    data = read_upload(path, 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProblemError(Problem("admin.file_unreadable", None, {"file": path.name, "reason": "UTF-8"})) from None
    body = {"name": path.name, "content": text, **({"kind": kind} if kind else {})}
    f = client.call("POST", "/files", body)
    return Published(f["id"], f["kind"], f["name"], str(f["version"]), f["sha256"], f.get("size") or 0,
                     _when(f["published_at"]), f.get("published_by") or "")


def withdraw_file(client, file_id: str) -> None:
    client.call("POST", f"/files/{quote(file_id, safe='')}/withdraw")
