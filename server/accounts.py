"""Accounts on the server: the first administrator, adding, disabling and enabling people,
one-time passwords, and the staff list import (Qt-free; app/commands/server_actions/ calls it).

Users and the units they belong to are synced rows: every change here is stamped as the
server's own (a new version, the next server_seq, a change_log entry), so desktops pull it
with their next sync. Every administrative action writes a security event (server/security_log.py)
in the same transaction. Refusals are problems with codes (ui/problem_templates/password.py).
"""
from __future__ import annotations

import datetime as dt
import getpass
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.problems import Problem
from app.problems import ProblemError
from app.problems import refuse
from app.spreadsheet import SpreadsheetUnreadable
from app.spreadsheet import first_sheet
from app.spreadsheet import is_spreadsheet
from db.models import Credential
from db.models import OrgUnit
from db.models import Synced
from db.models import User
from db.models.enums import OrgKind
from db.models.enums import Role
from server import auth
from server import passwords
from server import security_log
from server import sequence

ADMIN = "admin"
ROOT_CODE = "ROOT"
ROOT_NAME = "county centre"
SERVER_DEVICE = "server"  # the change_log's device for changes made on the server itself
USERNAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$")
PHONE = re.compile(r"^[0-9+\-() ]{3,32}$")
NAME_MAX = 64
ROLE_WORDS = {"一体化门诊个案管理师": Role.CLINIC_CM.value, "专病个案管理师": Role.WARD_CM.value,
              "属地个案管理师": Role.COMMUNITY_CM.value, "家庭医生": Role.FAMILY_DOCTOR.value,
              "管理员": Role.ADMIN.value}
ROLES = frozenset(r.value for r in Role)


def who_ran() -> str:
    """The operating-system account that ran an administrative command, for the security log."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no name in this environment: still log the action
        return "?"


def role_code(value: str) -> str | None:
    value = (value or "").strip()
    return ROLE_WORDS.get(value) or (value if value in ROLES else None)


def is_initialised(session: Session) -> bool:
    return session.scalar(select(User.id).limit(1)) is not None


def stamp(session: Session, changed: Sequence[tuple[Synced, list[str]]], by: str | None = None) -> None:
    """Rows made or changed here, as the server's own changes: desktops pull them."""
    if not changed:
        return
    session.flush()
    now = clock.now()
    for row, _fields in changed:
        row.version = (row.version or 0) + 1
        row.updated_at, row.updated_by, row.device_id = now, by, SERVER_DEVICE
    sequence.stamp(session, [(row, row.__tablename__, fields, row.version) for row, fields in changed],
                   by, SERVER_DEVICE)


def init(session: Session, password: str) -> User | None:
    """The first administrator `admin` (and a root centre when there is no unit yet), or None
    when the database already has people: then nothing is changed."""
    if is_initialised(session):
        return None
    passwords.check(password, ADMIN)
    changed: list[tuple[Synced, list[str]]] = []
    unit = session.scalar(select(OrgUnit).where(OrgUnit.parent_id.is_(None)).order_by(OrgUnit.code).limit(1))
    if unit is None and session.scalar(select(OrgUnit.id).limit(1)) is None:
        unit = OrgUnit(kind=OrgKind.CENTRE.value, code=ROOT_CODE, name=ROOT_NAME, active=True)
        session.add(unit)
        session.flush()  # its id, for the administrator's row
        changed.append((unit, []))
    if unit is None:  # units without a root: any of them, the tree's own shape is org import's
        unit = session.scalar(select(OrgUnit).order_by(OrgUnit.code).limit(1))
    assert unit is not None  # made above when there was none
    user = User(username=ADMIN, display_name="Administrator", role=Role.ADMIN.value, org_unit_id=unit.id,
                active=True)
    session.add(user)
    changed.append((user, []))
    stamp(session, changed)
    credential = Credential(user_id=user.id, password_hash="", failed_count=0)
    passwords.store(credential, password, clock.now(), must_change=False)
    credential.history = []
    session.add(credential)
    security_log.record(session, "server_initialised", user_id=user.id, username=ADMIN,
                        detail={"by": who_ran(), "unit": unit.code})
    session.commit()
    return user


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise refuse("account.unknown_user", "username", username=username)
    return user


def _unit(session: Session, code: str) -> OrgUnit:
    unit = session.scalar(select(OrgUnit).where(OrgUnit.code == (code or "").strip()))
    if unit is None or not unit.active:
        raise refuse("account.org_unknown", "org", unit=code)
    return unit


def _valid_person(username: str, name: str, role: str, phone: str | None) -> str:
    found = []
    if not USERNAME.match(username or ""):
        found.append(Problem("account.username_invalid", "username", {"username": username}))
    if not (name or "").strip() or len(name.strip()) > NAME_MAX:
        found.append(Problem("account.name_invalid", "name", {"max": NAME_MAX}))
    code = role_code(role)
    if code is None:
        found.append(Problem("account.role_unknown", "role", {"role": role}))
    if phone and not PHONE.match(phone.strip()):
        found.append(Problem("account.phone_invalid", "phone", {"phone": phone}))
    if found:
        raise ProblemError(found)
    assert code is not None  # else role_unknown was found
    return code


def add(session: Session, username: str, name: str, role: str, org_code: str, phone: str | None = None, *,
        by: str | None = None, client_addr: str | None = None) -> str:
    """A new person with a one-time password (returned: shown once, must be changed at first sign-in).
    `by`, `client_addr`: the administrator and address for the security log (default: the OS account)."""
    code = _valid_person(username, name, role, phone)
    unit = _unit(session, org_code)
    if session.scalar(select(User.id).where(func.lower(User.username) == username.lower())) is not None:
        raise refuse("account.username_taken", "username", username=username)
    user = User(username=username, display_name=name.strip(), role=code, org_unit_id=unit.id,
                phone=(phone or "").strip() or None, active=True)
    session.add(user)
    stamp(session, [(user, [])])
    one_time = passwords.one_time()
    _new_credential(session, user, auth.hash_password(one_time))
    security_log.record(session, "user_added", user_id=user.id, username=username, client_addr=client_addr,
                        detail={"by": by or who_ran(), "role": code, "unit": unit.code})
    session.commit()
    return one_time


def _new_credential(session: Session, user: User, password_hash: str) -> None:
    session.add(Credential(user_id=user.id, password_hash=password_hash, failed_count=0, must_change=True,
                           changed_at=clock.now(), history=[]))


def set_active(session: Session, username: str, active: bool, *, by: str | None = None,
               client_addr: str | None = None) -> bool:
    """Disable (every token ended at once) or enable a person. False: it already was so."""
    user = _user(session, username)
    if user.active == active:
        return False
    if not active and user.role == Role.ADMIN.value and _active_admins(session) <= 1:
        raise refuse("account.last_admin", "username", username=username)
    user.active = active
    stamp(session, [(user, ["active"])])
    ended = auth.end_tokens(session, user.id) if not active else 0
    security_log.record(session, "user_enabled" if active else "user_disabled", user_id=user.id,
                        username=username, client_addr=client_addr,
                        detail={"by": by or who_ran(), "tokens_ended": ended})
    session.commit()
    return True


def _active_admins(session: Session) -> int:
    return session.execute(select(func.count()).select_from(User)
                           .where(User.role == Role.ADMIN.value, User.active.is_(True))).scalar_one()


def reset_password(session: Session, username: str, *, by: str | None = None,
                   client_addr: str | None = None) -> str:
    """A new one-time password (must be changed at first sign-in); the person's sessions end."""
    user = _user(session, username)
    one_time = passwords.one_time()
    credential = session.get(Credential, user.id)
    if credential is None:
        _new_credential(session, user, auth.hash_password(one_time))
    else:
        passwords.store(credential, one_time, clock.now(), must_change=True)
    ended = auth.end_tokens(session, user.id)
    security_log.record(session, "password_reset", user_id=user.id, username=username, client_addr=client_addr,
                        detail={"by": by or who_ran(), "tokens_ended": ended})
    session.commit()
    return one_time


@dataclass(frozen=True)
class Listed:
    username: str
    name: str
    role: str
    unit: str
    phone: str
    active: bool
    must_change: bool
    changed_at: dt.datetime | None


def listing(session: Session) -> list[Listed]:
    rows = session.execute(select(User, OrgUnit.code, Credential)
                           .join(OrgUnit, OrgUnit.id == User.org_unit_id)
                           .outerjoin(Credential, Credential.user_id == User.id)
                           .where(User.deleted_at.is_(None)).order_by(User.username)).all()
    return [Listed(u.username, u.display_name, u.role, code, u.phone or "", u.active,
                   bool(c and c.must_change), c.changed_at if c else None) for u, code, c in rows]


# -- the staff list ---------------------------------------------------------------------------
COLUMNS = ("用户名", "姓名", "角色", "机构编码", "电话")
REQUIRED = ("用户名", "姓名", "角色", "机构编码")


@dataclass(frozen=True)
class Staff:
    line: int
    username: str
    name: str
    role: str
    org_code: str
    phone: str | None


@dataclass(frozen=True)
class Imported:
    added: list[tuple[str, str]]  # (username, one-time password)
    updated: list[str]
    unchanged: list[str]


def check_staff(session: Session, headers: list[str], lines: list[tuple[int, list]]) -> list[Staff]:
    """Every line read and checked; every bad line named with its column and reason (one
    ProblemError with them all), so nothing is written unless all lines are good."""
    index = {h.strip(): i for i, h in enumerate(headers) if isinstance(h, str) and h.strip()}
    missing = [c for c in REQUIRED if c not in index]
    if missing:
        raise refuse("account.import.missing_columns", None, columns="、".join(missing))
    if not lines:
        raise refuse("account.import.empty")
    units = {u.code: u for u in session.scalars(select(OrgUnit))}
    found: list[Problem] = []
    staff: list[Staff] = []
    seen: dict[str, int] = {}  # username (lower case) → its first line

    def cell(cells, column):
        i = index.get(column)
        value = cells[i] if i is not None and i < len(cells) else None
        return "" if value is None else str(value).strip()

    def bad(code, line, column, value=""):
        found.append(Problem(code, column, {"line": line, "column": column, "value": value}))

    for line, cells in lines:
        username, name, role, org, phone = (cell(cells, c) for c in COLUMNS)
        if not USERNAME.match(username):
            bad("account.import.username_invalid", line, "用户名", username)
        elif username.lower() in seen:
            found.append(Problem("account.import.username_repeated", "用户名",
                                 {"line": line, "column": "用户名", "value": username, "first": seen[username.lower()]}))
        else:
            seen[username.lower()] = line
        if not name or len(name) > NAME_MAX:
            bad("account.import.name_invalid", line, "姓名", name)
        if role_code(role) is None:
            bad("account.import.role_unknown", line, "角色", role)
        unit = units.get(org)
        if unit is None:
            bad("account.import.org_unknown", line, "机构编码", org)
        elif not unit.active:
            bad("account.import.org_inactive", line, "机构编码", org)
        if phone and not PHONE.match(phone):
            bad("account.import.phone_invalid", line, "电话", phone)
        staff.append(Staff(line, username, name, role_code(role) or role, org, phone or None))
    if found:
        raise ProblemError(found)
    return staff


def import_staff(session: Session, staff: list[Staff]) -> Imported:
    """Add the new people (one-time passwords) and update the others by 用户名; not committed
    (the caller writes the password sheet first, then commits)."""
    units = {u.code: u.id for u in session.scalars(select(OrgUnit))}
    existing = {u.username.lower(): u for u in session.scalars(select(User))}
    updated: list[str] = []
    unchanged: list[str] = []
    changed: list[tuple[Synced, list[str]]] = []
    added, new = [], []
    for s in staff:
        user = existing.get(s.username.lower())
        values = {"display_name": s.name, "role": s.role, "org_unit_id": units[s.org_code], "phone": s.phone}
        if user is None:
            user = User(username=s.username, active=True, **values)
            session.add(user)
            changed.append((user, []))
            new.append(user)
            continue
        fields = [k for k, v in values.items() if getattr(user, k) != v]
        for k in fields:
            setattr(user, k, values[k])
        (updated if fields else unchanged).append(user.username)
        if fields:
            changed.append((user, fields))
    stamp(session, changed)
    one_time = [passwords.one_time() for _ in new]
    with ThreadPoolExecutor(4) as pool:  # argon2 releases the GIL
        hashes = list(pool.map(auth.hash_password, one_time))
    for user, password_hash, password in zip(new, hashes, one_time):
        _new_credential(session, user, password_hash)
        added.append((user.username, password))
    security_log.record(session, "users_imported", detail={
        "by": who_ran(), "added": [u for u, _ in added][:200], "updated": updated[:200],
        "counts": {"added": len(added), "updated": len(updated), "unchanged": len(unchanged)}})
    return Imported(added, updated, unchanged)


def read_table(path) -> tuple[list[str], list[tuple[int, list]]]:
    """A csv (UTF-8, or GB18030 as Excel in China saves it) or spreadsheet (xlsx, xls, ods) file: its
    first row as the headers and the non-empty rows after it, numbered as the spreadsheet numbers them."""
    from pathlib import Path

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix != ".csv" and not is_spreadsheet(path):
        raise refuse("account.import.format", None, path=str(path))
    try:
        rows = _spreadsheet_rows(path) if is_spreadsheet(path) else _csv_rows(path)
    except ProblemError:
        raise
    except SpreadsheetUnreadable as exc:
        raise refuse("account.import.unreadable", None, path=str(path), reason=str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - any unreadable file is the same refusal, with its reason
        raise refuse("account.import.unreadable", None, path=str(path), reason=f"{type(exc).__name__}: {exc}") from exc
    if not rows:
        raise refuse("account.import.empty")
    headers = [("" if h is None else str(h)).strip().lstrip("\ufeff") for h in rows[0]]
    lines = [(n, cells) for n, cells in enumerate(rows[1:], start=2)
             if any(c is not None and str(c).strip() for c in cells)]
    return headers, lines


def _csv_rows(path) -> list[list]:
    import csv
    import io

    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    return [row for row in csv.reader(io.StringIO(text, newline=""))]


def _spreadsheet_rows(path) -> list[list]:
    # A phone number typed into Excel is a number: the reader gives 13800000000, kept as text.
    return [[str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in row] for row in first_sheet(path)]
