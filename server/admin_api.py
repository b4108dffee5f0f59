"""The administrator's endpoints under /admin/ (the workstation's 管理 dialog): people, the
organisation tree, desktops and the security log.

The same server logic as the `server users|org|devices` commands (server/accounts.py,
server/org_import.py, server/devices.py, server/security_log.py): nothing is decided twice.
Only the administrator role may ask; anyone else is answered 403 auth.admin_only and the
attempt is logged. Every action is logged with the administrator's name and address. The
edge (server/http.py, PROTECTED) checks the token before a body is read.

A refusal of the shared logic (a ProblemError) is a 422 whose code and params are the first
problem's, with every problem in params["problems"] ({"code", "field", "params"} each): an
import with bad lines names them all, and nothing is written.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import Path as PathParam
from fastapi import Query
from fastapi import Request
from fastapi import Security
from pydantic import BaseModel
from pydantic import Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.problems import ProblemError
from db.models import OrgUnit
from db.models import User
from db.models.enums import Role
from server import accounts
from server import auth
from server import devices
from server import org_import
from server import security_log
from server.refusal import Refusal
from server.schemas import Strict
from server.schemas import Text

MAX_IMPORT_BYTES = 8 * 1024 * 1024  # an organisation tree is kilobytes; the edge caps bodies anyway
LOG_LIMIT = 5000
BASE64 = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
Username = Annotated[str, PathParam(min_length=1, max_length=64, pattern=r"^[^\x00/]+$")]
DevicePath = Annotated[str, PathParam(min_length=1, max_length=64, pattern=r"^[^\x00/]+$")]


# -- bodies and answers -----------------------------------------------------------------------

class AddUserRequest(Strict):
    username: Annotated[str, Text(1, 64)]
    name: Annotated[str, Text(1, 64)]
    role: Annotated[str, Text(1, 32)]
    org: Annotated[str, Text(1, 32)]  # the unit's code
    phone: Annotated[str, Text(0, 32)] | None = None


class OrgImportRequest(Strict):
    # its suffix says csv or xlsx; a name, not a path (at most 80 characters: 240 bytes in UTF-8)
    filename: Annotated[str, Field(min_length=1, max_length=80, pattern=r"^[^/\\\x00]+$")]
    content: Annotated[str, Field(min_length=4, max_length=MAX_IMPORT_BYTES * 4 // 3 + 4, pattern=BASE64)]
    deactivate_missing: bool = False


class UserRow(BaseModel):
    username: str
    name: str
    role: str
    unit: str
    phone: str
    active: bool
    must_change: bool
    changed_at: str | None


class UsersAnswer(BaseModel):
    users: list[UserRow]


class OneTimeAnswer(BaseModel):
    username: str
    one_time_password: str  # shown once; the server keeps only its hash


class StateAnswer(BaseModel):
    username: str
    active: bool
    changed: bool  # False: it already was so


class UnitRow(BaseModel):
    id: str
    code: str
    name: str
    kind: str
    parent: str | None  # the parent's code
    address: str | None
    phone: str | None
    aliases: list[str]
    active: bool


class OrgAnswer(BaseModel):
    units: list[UnitRow]


class OrgImportAnswer(BaseModel):
    added: list[str]
    updated: list[str]
    unchanged: list[str]
    missing: list[str]
    deactivated: list[str]
    replaced_root: str | None = None  # the centre that took the place of server init's placeholder


class DeviceRow(BaseModel):
    id: str
    code: str | None
    username: str
    display_name: str
    name: str | None
    app_version: str | None
    registered_at: str
    last_seen_at: str | None
    last_addr: str | None
    revoked_at: str | None


class DevicesAnswer(BaseModel):
    devices: list[DeviceRow]


class RevokeAnswer(BaseModel):
    device: DeviceRow
    tokens_ended: int


class EventRow(BaseModel):
    at: str
    kind: str
    code: str | None
    user: str | None
    device_id: str | None
    client_addr: str | None
    detail: dict | None


class EventsAnswer(BaseModel):
    events: list[EventRow]  # newest first


# -- helpers ----------------------------------------------------------------------------------

def _iso(moment: dt.datetime | None) -> str | None:
    return moment.astimezone(dt.timezone.utc).isoformat() if moment else None


def _problems(exc: ProblemError) -> Refusal:
    first = exc.problems[0]
    return Refusal(422, first.code, f"refused: {first}",
                   {**first.params, "problems": [p.to_json() for p in exc.problems]})


def _device_json(d: devices.DeviceView) -> dict:
    return {"id": d.id, "code": d.code, "username": d.username, "display_name": d.display_name, "name": d.name,
            "app_version": d.app_version, "registered_at": _iso(d.registered_at), "last_seen_at": _iso(d.last_seen_at),
            "last_addr": d.last_addr, "revoked_at": _iso(d.revoked_at)}


def _moment(value: str | None, name: str) -> dt.datetime | None:
    """A date (YYYY-MM-DD, the server's UTC day) or a time with its zone."""
    if not value:
        return None
    try:
        if len(value) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(value), dt.time(), dt.timezone.utc)
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            raise ValueError("no time zone")
        return moment.astimezone(dt.timezone.utc)
    except (ValueError, OverflowError):
        raise Refusal(422, "admin.bad_time", f"{name} is not a date or a time with its zone",
                      {"param": name, "value": value[:40]}) from None


def register(app, sessions) -> None:
    # local: server/app.py imports this module to call register(), so these come from it here
    from server.app import bearer
    from server.app import client_addr
    from server.app import errors

    signed = dict(dependencies=[Security(bearer)])

    def admin(session: Session, request: Request) -> User:
        """The signed-in administrator (the edge checked the token before the body was read)."""
        identity = getattr(request.state, "identity", None)
        user: User | None
        if identity is None:  # an app without the edge (never in service): check it here
            scheme, _, token = (request.headers.get("authorization") or "").partition(" ")
            user, _device = auth.authenticate(session, token.strip() if scheme.lower() == "bearer" else None)
        else:
            user = session.get(User, identity.user_id)
        if user is None or not user.active:
            raise Refusal(403, "auth.account_disabled", "this account is disabled")
        if user.role != Role.ADMIN.value:
            security_log.record_alone(sessions, "admin_refused", code="auth.admin_only", user_id=user.id,
                                      username=user.username, device_id=identity and identity.device_id,
                                      client_addr=client_addr(request),
                                      detail={"path": request.url.path[:200], "method": request.method})
            raise Refusal(403, "auth.admin_only", "only an administrator may do this")
        return user

    def run(request: Request, work):
        """work(session, admin) in one transaction; the shared logic's refusals as 422s."""
        with sessions() as session:
            user = admin(session, request)
            try:
                return work(session, user)
            except ProblemError as exc:
                session.rollback()
                raise _problems(exc) from None

    # -- people -----------------------------------------------------------------------------

    @app.get("/admin/users", responses=errors(401, 403, 503, ok=UsersAnswer), **signed)
    def list_users(request: Request):
        def work(session, _admin):
            return {"users": [{"username": u.username, "name": u.name, "role": u.role, "unit": u.unit,
                               "phone": u.phone, "active": u.active, "must_change": u.must_change,
                               "changed_at": _iso(u.changed_at)} for u in accounts.listing(session)]}
        return run(request, work)

    @app.post("/admin/users", responses=errors(401, 403, 413, 422, 503, ok=OneTimeAnswer), **signed)
    def add_user(body: AddUserRequest, request: Request):
        def work(session, me):
            one_time = accounts.add(session, body.username.strip(), body.name, body.role, body.org, body.phone,
                                    by=me.username, client_addr=client_addr(request))
            return {"username": body.username.strip(), "one_time_password": one_time}
        return run(request, work)

    def set_active(request: Request, username: str, active: bool):
        def work(session, me):
            changed = accounts.set_active(session, username, active, by=me.username, client_addr=client_addr(request))
            return {"username": username, "active": active, "changed": changed}
        return run(request, work)

    @app.post("/admin/users/{username}/disable", responses=errors(401, 403, 413, 422, 503, ok=StateAnswer),
              **signed)
    def disable_user(username: Username, request: Request):
        return set_active(request, username, False)

    @app.post("/admin/users/{username}/enable", responses=errors(401, 403, 413, 422, 503, ok=StateAnswer),
              **signed)
    def enable_user(username: Username, request: Request):
        return set_active(request, username, True)

    @app.post("/admin/users/{username}/reset-password",
              responses=errors(401, 403, 413, 422, 503, ok=OneTimeAnswer), **signed)
    def reset_password(username: Username, request: Request):
        def work(session, me):
            one_time = accounts.reset_password(session, username, by=me.username, client_addr=client_addr(request))
            return {"username": username, "one_time_password": one_time}
        return run(request, work)

    # -- the organisation tree --------------------------------------------------------------

    @app.get("/admin/org", responses=errors(401, 403, 503, ok=OrgAnswer), **signed)
    def org_tree(request: Request):
        def work(session, _admin):
            units = list(session.scalars(select(OrgUnit).where(OrgUnit.deleted_at.is_(None))
                                         .order_by(OrgUnit.code)))
            code_of = {u.id: u.code for u in units}
            return {"units": [{"id": u.id, "code": u.code, "name": u.name, "kind": u.kind,
                               "parent": code_of.get(u.parent_id), "address": u.address, "phone": u.phone,
                               "aliases": list(u.aliases or []), "active": bool(u.active)} for u in units]}
        return run(request, work)

    @app.post("/admin/org/import", responses=errors(401, 403, 413, 422, 503, ok=OrgImportAnswer), **signed)
    def org_import_file(body: OrgImportRequest, request: Request):
        def work(session, me):
            try:  # after the administrator check: nobody else learns anything of the body
                data = base64.b64decode(body.content, validate=True)
            except (binascii.Error, ValueError):
                raise Refusal(422, "admin.import_not_base64", "the file content is not base64") from None
            name = body.filename if body.filename.strip(". ") else "import"  # never "." or ".."
            # The CLI's reader takes a file: the same checks, from a private copy.
            with tempfile.TemporaryDirectory(prefix="casedesk-org-") as folder:
                path = Path(folder) / name
                path.write_bytes(data)
                outcome = org_import.import_tree(session, path, body.deactivate_missing,
                                                 client_addr=client_addr(request), by=me.username)
                session.commit()
            return {"added": outcome.added, "updated": outcome.updated, "unchanged": outcome.unchanged,
                    "missing": outcome.missing, "deactivated": outcome.deactivated,
                    "replaced_root": outcome.replaced_root}
        return run(request, work)

    # -- desktops ---------------------------------------------------------------------------

    @app.get("/admin/devices", responses=errors(401, 403, 503, ok=DevicesAnswer), **signed)
    def list_devices(request: Request):
        return run(request, lambda session, _me: {"devices": [_device_json(d)
                                                               for d in devices.list_devices(session)]})

    @app.post("/admin/devices/{device_id}/revoke", responses=errors(401, 403, 413, 422, 503, ok=RevokeAnswer),
              **signed)
    def revoke_device(device_id: DevicePath, request: Request):
        def work(session, me):
            view, ended = devices.revoke(session, device_id, client_addr(request), by=me.username)
            session.commit()
            return {"device": _device_json(view), "tokens_ended": ended}
        return run(request, work)

    # -- the security log -------------------------------------------------------------------

    @app.get("/admin/security-log", responses=errors(401, 403, 422, 503, ok=EventsAnswer), **signed)
    def security_events(request: Request,
                        user: Annotated[str | None, Query(max_length=64, pattern=r"^[^\x00]*$")] = None,
                        since: Annotated[str | None, Query(max_length=40, pattern=r"^[^\x00]*$")] = None,
                        until: Annotated[str | None, Query(max_length=40, pattern=r"^[^\x00]*$")] = None,
                        limit: Annotated[int, Query(ge=1, le=LOG_LIMIT)] = 500):
        def work(session, _admin):
            start, end = _moment(since, "since"), _moment(until, "until")
            found = security_log.events(session, start, (user or "").strip() or None, limit, until=end)
            return {"events": [{"at": _iso(e.at), "kind": e.kind, "code": e.code, "user": e.user,
                                "device_id": e.device_id, "client_addr": e.client_addr, "detail": e.detail}
                               for e in reversed(found)]}
        return run(request, work)
