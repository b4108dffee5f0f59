"""The organisation tree from a spreadsheet (`server org import`): csv or xlsx with the columns
编码, 名称, 类型, 上级编码, 地址, 电话, 别名.

All lines or none: every line is checked against the file and the units already on the
server before anything is written, and every bad line is named (line, column, reason) as a
code of area `org`. Units are matched by 编码: a known code updates its unit, a new one adds
a unit. A unit missing from the file is reported and kept (other records point at it); with
`deactivate_missing` it is marked inactive, refused while active users belong to it.

Units are synced rows: each added or changed one gets a new version, a place in the change
sequence and a change_log entry (server/sequence.py), so every desktop pulls the tree with
its next sync.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.problems import Problem
from app.problems import ProblemError
from app.spreadsheet import SpreadsheetUnreadable
from app.spreadsheet import first_sheet
from app.spreadsheet import is_spreadsheet
from db.ids import uuid7
from db.models import OrgUnit
from db.models import Synced
from db.models import User
from db.models.enums import OrgKind
from server import security_log
from server import sequence

COLUMNS = {"编码": "code", "名称": "name", "类型": "kind", "上级编码": "parent", "地址": "address", "电话": "phone",
           "别名": "aliases"}
REQUIRED = ("编码", "名称", "类型")
KINDS = {"防治中心": OrgKind.CENTRE.value, "分中心": OrgKind.SUB_CENTRE.value,
         "街道工作站": OrgKind.STREET_STATION.value, "社区防治点": OrgKind.COMMUNITY_POINT.value,
         "协作医院": OrgKind.PARTNER_HOSPITAL.value, **{k.value: k.value for k in OrgKind}}
LIMITS = {"编码": 32, "名称": 120, "地址": 200, "电话": 32}
ALIAS_SPLIT = re.compile(r"[;；]")
SYNCED_FIELDS = ("code", "name", "kind", "parent_id", "address", "phone", "aliases", "active")
MAX_LINES = 50_000  # a county has hundreds of units; a bigger file is the wrong file


@dataclass
class Line:
    line: int
    code: str
    name: str
    kind: str
    parent: str | None
    address: str | None
    phone: str | None
    aliases: list[str] | None


@dataclass
class Outcome:
    added: list[str] = field(default_factory=list)  # codes
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # on the server, not in the file, still active
    deactivated: list[str] = field(default_factory=list)
    replaced_root: str | None = None  # the code of the centre that took the placeholder's place


def read_table(path: Path | str, area: str = "org") -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(headers, [(line, cells)]) of a csv or spreadsheet (xlsx, xls, ods) file: the first row
    names the columns; line numbers are the spreadsheet's row numbers (header = 1); empty rows
    are skipped. Cells are text, stripped. Refuses as `<area>.file_*` codes."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".txt") and not is_spreadsheet(path):
        raise ProblemError(Problem(f"{area}.file_type", None, {"file": path.name}))
    try:
        rows = first_sheet(path, MAX_LINES + 1) if is_spreadsheet(path) else _csv_rows(path, area)
    except OSError as exc:
        raise ProblemError(Problem(f"{area}.file_unreadable", None,
                                   {"file": path.name, "reason": exc.strerror or str(exc)})) from exc
    except ProblemError:
        raise
    except SpreadsheetUnreadable as exc:
        raise ProblemError(Problem(f"{area}.file_unreadable", None,
                                   {"file": path.name, "reason": str(exc)})) from None
    except Exception as exc:  # noqa: BLE001 - the csv module's errors of a damaged file
        raise ProblemError(Problem(f"{area}.file_unreadable", None,
                                   {"file": path.name, "reason": exc.__class__.__name__})) from exc
    numbered = [(n, [_cell(c) for c in row]) for n, row in enumerate(rows, start=1)]
    numbered = [(n, cells) for n, cells in numbered if any(cells)]
    if not numbered:
        raise ProblemError(Problem(f"{area}.file_empty", None, {"file": path.name}))
    (_, headers), body = numbered[0], numbered[1:]
    return headers, body


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as a number in Excel: 330206, not 330206.0
    return " ".join(str(value).split())


def _csv_rows(path: Path, area: str) -> list[list]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ProblemError(Problem(f"{area}.file_encoding", None, {"file": path.name}))
    return list(csv.reader(io.StringIO(text, newline="")))[:MAX_LINES + 1]


def parse(headers: list[str], body, problems: list[Problem], bad_codes: set[str] | None = None) -> list[Line]:
    """The file's lines, each checked on its own (required, lengths, type); the tree checks
    come after, in `check`."""
    index = {h: i for i, h in reversed(list(enumerate(headers))) if h in COLUMNS}
    missing = [c for c in REQUIRED + ("上级编码",) if c not in index]
    if missing:
        raise ProblemError(Problem("org.columns_missing", None, {"columns": "、".join(missing),
                                                                  "expected": "、".join(COLUMNS)}))
    lines = []
    for line, cells in body:
        def get(column):
            i = index.get(column)
            return cells[i] if i is not None and i < len(cells) else ""

        bad = False
        for column in REQUIRED:
            if not get(column):
                problems.append(Problem("org.required", column, {"line": line, "column": column}))
                bad = True
        for column, limit in LIMITS.items():
            if len(get(column)) > limit:
                problems.append(Problem("org.too_long", column, {"line": line, "column": column, "max": limit}))
                bad = True
        kind = KINDS.get(get("类型")) if get("类型") else None
        if get("类型") and kind is None:
            problems.append(Problem("org.unknown_type", "类型", {"line": line, "column": "类型",
                                                               "value": get("类型"),
                                                               "expected": "、".join(list(KINDS)[:5])}))
            bad = True
        aliases = [a.strip() for a in ALIAS_SPLIT.split(get("别名")) if a.strip()]
        for alias in aliases:
            if len(alias) > 120:
                problems.append(Problem("org.too_long", "别名", {"line": line, "column": "别名", "max": 120}))
                bad = True
        if bad and get("编码") and bad_codes is not None:
            bad_codes.add(get("编码"))  # its children are not told "unknown parent" as well
        if not bad:
            assert kind is not None  # 类型 is required: an empty or unknown one is bad
            lines.append(Line(line, get("编码"), get("名称"), kind, get("上级编码") or None, get("地址") or None,
                              get("电话") or None, list(dict.fromkeys(aliases)) or None))
    return lines


def check(session: Session, lines: list[Line], problems: list[Problem],
          bad_codes: AbstractSet[str] = frozenset()) -> dict[str, OrgUnit]:
    """The tree as it will be (the file over the server's units): duplicate codes, parents
    that exist, no cycles, community points under street stations, names and aliases that
    name one unit of a kind. Returns the server's units by code."""
    existing = {u.code: u for u in session.scalars(select(OrgUnit).where(OrgUnit.deleted_at.is_(None)))}
    by_id = {u.id: u for u in existing.values()}
    first: dict[str, Line] = {}
    for ln in lines:
        if ln.code in first:
            problems.append(Problem("org.duplicate_code", "编码", {"line": ln.line, "column": "编码", "value": ln.code,
                                                                 "other": first[ln.code].line}))
        else:
            first[ln.code] = ln
    # code -> (kind, parent code) of the tree after the import
    tree = {code: (u.kind, by_id[u.parent_id].code if u.parent_id in by_id else None) for code, u in existing.items()}
    tree.update({code: (ln.kind, ln.parent) for code, ln in first.items()})
    for code, ln in first.items():
        if ln.parent is None:
            if ln.kind == OrgKind.COMMUNITY_POINT.value:
                problems.append(Problem("org.point_not_under_station", "上级编码",
                                        {"line": ln.line, "column": "上级编码", "value": ""}))
            continue
        if ln.parent in bad_codes and ln.parent not in tree:
            continue
        if ln.parent not in tree:
            problems.append(Problem("org.unknown_parent", "上级编码", {"line": ln.line, "column": "上级编码",
                                                                    "value": ln.parent}))
            continue
        chain = _cycle(tree, code)
        if chain:
            problems.append(Problem("org.cycle", "上级编码", {"line": ln.line, "column": "上级编码",
                                                           "value": ln.parent, "chain": " → ".join(chain)}))
            continue
        if ln.kind == OrgKind.COMMUNITY_POINT.value and tree[ln.parent][0] != OrgKind.STREET_STATION.value:
            problems.append(Problem("org.point_not_under_station", "上级编码",
                                    {"line": ln.line, "column": "上级编码", "value": ln.parent}))
        if tree[ln.parent][0] == OrgKind.COMMUNITY_POINT.value and ln.kind != OrgKind.COMMUNITY_POINT.value:
            problems.append(Problem("org.under_point", "上级编码", {"line": ln.line, "column": "上级编码",
                                                                 "value": ln.parent}))
    # A station the file turns into something else must not leave the server's points under it.
    stranded: dict[str, list[str]] = {}
    for code, (kind, parent) in tree.items():
        if code not in first and kind == OrgKind.COMMUNITY_POINT.value and parent in first \
                and existing[code].active and first[parent].kind != OrgKind.STREET_STATION.value:
            stranded.setdefault(parent, []).append(code)
    for parent, points in stranded.items():
        problems.append(Problem("org.points_left_under", "类型", {"line": first[parent].line, "column": "类型",
                                                               "points": ", ".join(sorted(points))}))
    _check_names(first, existing, problems)
    return existing


def _cycle(tree: dict[str, tuple], start: str) -> list[str] | None:
    """The codes of the loop `start` is in, or None when its parents lead to a root."""
    seen: list[str] = []
    code: str | None = start
    while code is not None and code in tree:
        if code in seen:
            return seen[seen.index(code):] + [code] if code == start else None
        seen.append(code)
        code = tree[code][1]
    return None


def _check_names(first: dict[str, Line], existing: dict[str, OrgUnit], problems: list[Problem]) -> None:
    """A name or alias names one street station and one community point per street: the
    screening import matches list values against them, and two units under one name would
    make every such line ambiguous."""
    owners: dict[tuple, tuple[str, int | None]] = {}
    units: dict[str, tuple[str, str, list[str], int | None, str | None]] = {code: (u.kind, u.name, u.aliases or [], None, u.parent_id) for code, u in existing.items()
             if u.active and code not in first}
    units.update({code: (ln.kind, ln.name, ln.aliases or [], ln.line, ln.parent) for code, ln in first.items()})
    for code, (kind, name, aliases, line, parent) in sorted(units.items(), key=lambda kv: (kv[1][3] or 0)):
        if kind not in (OrgKind.STREET_STATION.value, OrgKind.COMMUNITY_POINT.value):
            continue
        scope = parent if kind == OrgKind.COMMUNITY_POINT.value else None
        for value in dict.fromkeys([name, *aliases]):
            key = (kind, scope, value)
            other = owners.get(key)
            if other is not None and other[0] != code and line is not None:
                problems.append(Problem("org.name_taken", "别名" if value != name else "名称",
                                        {"line": line, "column": "别名" if value != name else "名称",
                                         "value": value, "other": other[0]}))
            owners.setdefault(key, (code, line))


def import_tree(session: Session, path: Path | str, deactivate_missing: bool = False,
                client_addr: str | None = None, by: str | None = None) -> Outcome:
    """Check the whole file, then write it in the caller's session (the caller commits). Raises
    ProblemError with every problem, in line order, and writes nothing then."""
    headers, body = read_table(path)
    problems: list[Problem] = []
    bad_codes: set[str] = set()
    lines = parse(headers, body, problems, bad_codes)
    existing = check(session, lines, problems, bad_codes)
    in_file = {ln.code for ln in lines}
    placeholder, centre = _placeholder_and_centre(existing, lines)
    missing = [u for code, u in sorted(existing.items())
               if code not in in_file and u.active and u is not placeholder]
    if deactivate_missing and missing:
        busy = dict(session.execute(
            select(User.org_unit_id, func.count()).where(User.org_unit_id.in_([u.id for u in missing]),
                                                         User.active.is_(True), User.deleted_at.is_(None))
            .group_by(User.org_unit_id)).all())
        for u in missing:
            if busy.get(u.id):
                problems.append(Problem("org.deactivate_has_users", None,
                                        {"code": u.code, "name": u.name, "users": busy[u.id]}))
    if problems:
        problems.sort(key=lambda p: p.params.get("line", 0))
        raise ProblemError(problems)
    outcome = _write(session, lines, existing, missing if deactivate_missing else [])
    outcome.missing = [u.code for u in missing] if not deactivate_missing else []
    if placeholder is not None:
        assert centre is not None  # found with the placeholder
        _replace_placeholder(session, placeholder, outcome, centre)
    security_log.record(session, "org_imported", client_addr=client_addr, username=by, detail={
        "by": by, "file": Path(path).name, "added": len(outcome.added), "updated": len(outcome.updated),
        "unchanged": len(outcome.unchanged), "missing": outcome.missing, "deactivated": outcome.deactivated,
        "replaced_root": outcome.replaced_root})
    return outcome


def _write(session: Session, lines: list[Line], existing: dict[str, OrgUnit], deactivate: list[OrgUnit]) -> Outcome:
    outcome = Outcome()
    now = clock.now()
    ids = {code: u.id for code, u in existing.items()}
    ids.update({ln.code: uuid7() for ln in lines if ln.code not in existing})
    changed = []
    # Parents before children: the new rows are inserted in this order, and a row's parent
    # must exist when it is.
    parents = {x.code: x.parent for x in lines}
    depth = {ln.code: _depth(ln.code, parents) for ln in lines}
    for ln in sorted(lines, key=lambda x: (depth[x.code], x.line)):
        values = {"code": ln.code, "name": ln.name, "kind": ln.kind,
                  "parent_id": ids.get(ln.parent) if ln.parent else None, "address": ln.address,
                  "phone": ln.phone, "aliases": ln.aliases, "active": True}
        unit = existing.get(ln.code)
        if unit is None:
            unit = OrgUnit(id=ids[ln.code], version=1, updated_at=now, **values)
            session.add(unit)
            session.flush()
            outcome.added.append(ln.code)
            changed.append((unit, "org_units", list(SYNCED_FIELDS), 1))
            continue
        fields = [k for k, v in values.items() if getattr(unit, k) != v]
        if not fields:
            outcome.unchanged.append(ln.code)
            continue
        for k in fields:
            setattr(unit, k, values[k])
        unit.version += 1
        unit.updated_at = now
        unit.updated_by = unit.device_id = None  # the server's own change, not a desktop's
        outcome.updated.append(ln.code)
        changed.append((unit, "org_units", fields, unit.version))
    for unit in deactivate:
        unit.active = False
        unit.version += 1
        unit.updated_at = now
        outcome.deactivated.append(unit.code)
        changed.append((unit, "org_units", ["active"], unit.version))
    session.flush()
    sequence.stamp(session, changed, None, None)
    session.flush()
    return outcome


def _placeholder_and_centre(existing: dict[str, OrgUnit], lines: list[Line]) -> tuple[OrgUnit | None, str | None]:
    """The root centre `server init` made (ROOT, "county centre") is a placeholder for the real
    tree: replaced by the file's own centre when the file has exactly one top-level centre and
    the placeholder has no units under it."""
    from server.accounts import ROOT_CODE

    root = existing.get(ROOT_CODE)
    if root is None or not root.active or any(ln.code == ROOT_CODE or ln.parent == ROOT_CODE for ln in lines):
        return None, None
    if any(u.parent_id == root.id for u in existing.values()):
        return None, None
    tops = [ln.code for ln in lines if ln.parent is None and ln.kind == OrgKind.CENTRE.value]
    return (root, tops[0]) if len(tops) == 1 else (None, None)


def _replace_placeholder(session: Session, root: OrgUnit, outcome: Outcome, centre_code: str) -> None:
    """Its people (the first administrator) move to the real centre; it is marked inactive.
    Both are synced changes, so desktops see them with their next pull."""
    now = clock.now()
    centre = session.scalar(select(OrgUnit).where(OrgUnit.code == centre_code))
    assert centre is not None  # _write added it
    changed: list[tuple[Synced, str, list[str], int]] = []
    for user in session.scalars(select(User).where(User.org_unit_id == root.id)):
        user.org_unit_id = centre.id
        user.version += 1
        user.updated_at = now
        user.updated_by = user.device_id = None  # the server's own change, not a desktop's
        changed.append((user, "users", ["org_unit_id"], user.version))
    root.active = False
    root.version += 1
    root.updated_at = now
    root.updated_by = root.device_id = None
    changed.append((root, "org_units", ["active"], root.version))
    session.flush()
    sequence.stamp(session, changed, None, None)
    session.flush()
    outcome.replaced_root = centre_code


def _depth(code: str, parents: dict[str, str | None]) -> int:
    n = 0
    while (parent := parents.get(code)) and n <= len(parents):
        code, n = parent, n + 1
    return n
