"""Every row of a list checked before anything is written.

A row is good when its ID number is well formed (check digit included) and agrees with
its birth date and sex, its dates are real, its phone is a phone, its street and
community exist in the network, and it is not somebody already in the file. The ID's
region code is deliberately NOT checked against a code table: it is where the person
registered when the number was issued, and many codes were created, merged or
renumbered since (330206 exists only from 1985, yet a man born in 1940 may carry it).

A row that may be a patient already on file is a merge candidate: a person confirms
(merge, or a different person) or excludes the line; nothing is merged by itself.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field

from app import idcard
from app.screening import parse
from app.screening.context import Candidate
from app.screening.context import Context
from app.screening.fields import FIELDS
from app.screening.parse import BadValue
from app.screening.problems import Problem
from app.screening.reader import Cancelled
from app.screening.reader import Sheet

LIMITS = {f.key: f.max_len for f in FIELDS}
_LABELS = {f.key: f.label_zh for f in FIELDS}


@dataclass(slots=True)
class Person:
    """A good row, as it will be written."""

    line: int
    name: str
    sex: str
    birth_date: dt.date
    id_number: str | None
    phone: str | None
    address: str | None
    community_id: str | None
    station_id: str | None
    programmes: tuple[str, ...]
    merge_into: str | None = None  # an existing patient's id, when a person confirmed it


@dataclass(frozen=True)
class Decisions:
    """What a person decided about lines: leave out, merge into a patient, or a new person."""

    exclude: frozenset[int] = frozenset()
    merge: dict = field(default_factory=dict)  # line -> patient id ("" = its only candidate)
    new_person: frozenset[int] = frozenset()


@dataclass
class Report:
    rows: int = 0
    people: list[Person] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    candidates: dict[int, list[Candidate]] = field(default_factory=dict)
    excluded: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})


def validate(sheet: Sheet, mapping: dict[int, str], ctx: Context, decisions: Decisions = Decisions(),
             progress: Callable[[int, int], None] | None = None,
             should_stop: Callable[[], bool] | None = None) -> Report:
    report = Report(rows=len(sheet.rows))
    columns = {key: index for index, key in mapping.items()}
    # The file's own header of each mapped column (what the person sees in Excel), for refusals.
    headers = {key: str(sheet.headers[i] or "").strip() or _LABELS.get(key, key) if i < len(sheet.headers)
               else _LABELS.get(key, key) for key, i in columns.items()}
    by_id: dict[str, int] = {}
    by_name_birth: dict[tuple, int] = {}
    by_name_birth_no_id: dict[tuple, int] = {}
    total = len(sheet.rows)
    for n, (line, cells) in enumerate(sheet.rows, start=1):
        if n % 2000 == 0:
            if should_stop and should_stop():
                raise Cancelled.coded("screening.cancelled")
            if progress:
                progress(n, total)
        if line in decisions.exclude:
            report.excluded.append(line)
            continue
        values = {key: cells[i] if i < len(cells) else None for key, i in columns.items()}
        person, problems = _check_row(line, values, ctx, headers)
        if person is not None:
            _duplicates(person, problems, by_id, by_name_birth, by_name_birth_no_id)
            if not problems:
                _candidates(person, problems, ctx, decisions, report)
        if problems:
            report.problems += problems
        elif person is not None:  # a row without a person has its problems
            report.people.append(person)
    if progress:
        progress(total, total)
    return report


def _check_row(line: int, values: dict, ctx: Context, headers: dict[str, str]) -> tuple[Person | None, list[Problem]]:
    problems: list[Problem] = []

    def get(key, fn, *args):
        raw = values.get(key)
        value = parse.text(raw)
        if not value:
            return None
        limit = LIMITS[key]
        if len(value) > limit:
            problems.append(Problem(line, key, "too_long", {"max": limit}))
            return None
        try:  # a spreadsheet's date cell goes to the date parser as it is
            return fn(raw if key == "birth_date" else value, *args)
        except BadValue as bad:
            problems.append(Problem(line, key, bad.code, bad.params))
            return None

    name = get("name", parse.name)
    if name is None and not any(p.field == "name" for p in problems):
        problems.append(Problem(line, "name", "required"))
    sex = get("sex", parse.sex)
    birth = get("birth_date", parse.date, ctx.today)
    phone = get("phone", parse.phone)
    address = get("address", parse.text)
    programmes = get("programme", parse.programmes) or ()
    id_number = get("id_number", parse.id_number)
    id_ok = False
    if id_number is not None:
        parsed = _check_id(line, id_number, birth, sex, problems, ctx.today)
        if parsed is not None:
            id_ok, (id_birth, id_sex) = True, parsed
            birth, sex = birth or id_birth, sex or id_sex
    elif (birth is None or sex is None) and not any(p.field in ("birth_date", "sex") for p in problems):
        problems.append(Problem(line, "birth_date" if birth is None else "sex", "no_birth"))
    community_id, station_id = _place(line, values, ctx, problems, headers)
    if sex is not None:
        for cancer in programmes:
            if (sex == "M" and cancer in parse.FEMALE_ONLY) or (sex == "F" and cancer in parse.MALE_ONLY):
                problems.append(Problem(line, "programme", "programme_sex", {"programme": cancer}))
    if problems or name is None or birth is None or sex is None:
        return None, problems
    return Person(line, name, sex, birth, id_number if id_ok else None, phone, address,
                  community_id, station_id, programmes), problems


def _check_id(line, value, birth, sex, problems, today) -> tuple | None:
    """(birth date, sex) of a good number that agrees with the row; None after a problem."""
    if len(value) == 15 and value.isdigit():
        first17 = value[:6] + "19" + value[6:]
        problems.append(Problem(line, "id_number", "id_15", {"suggested": first17 + idcard.check_digit(first17)}))
        return None
    try:
        _, id_birth, id_sex = idcard.parse(value, today)
    except ValueError as exc:
        reason = str(exc)
        if reason.startswith("check digit"):
            problems.append(Problem(line, "id_number", "id_check", {"expected": idcard.check_digit(value[:17])}))
        else:
            problems.append(Problem(line, "id_number", "id_invalid", {"reason": reason}))
        return None
    ok = True
    if birth is not None and birth != id_birth:
        problems.append(Problem(line, "id_number", "id_birth", {"id_birth": id_birth.isoformat(),
                                                                 "birth": birth.isoformat()}))
        ok = False
    if sex is not None and sex != id_sex:
        # codes, worded as terms (ui/problem_templates/screening.py) in the reader's language
        problems.append(Problem(line, "id_number", "id_sex", {"id_sex": id_sex, "sex": sex}))
        ok = False
    return (id_birth, id_sex) if ok else None


def _place(line, values, ctx: Context, problems, columns: dict[str, str]) -> tuple[str | None, str | None]:
    """The row's community point and street station; `columns` names the file's headers, so a
    refusal says which column held the value that matched nothing."""
    street_raw, community_raw = parse.text(values.get("street")), parse.text(values.get("community"))
    station = None
    if street_raw:
        station = ctx.station(street_raw)
        if station is None:
            problems.append(Problem(line, "street", "unknown_street",
                                    {"value": street_raw, "column": columns.get("street", "")}))
            return None, None
    if not community_raw:
        return None, station
    points = ctx.community_points(community_raw)
    if station is not None:
        inside = [p for p in points if p[1] == station]
        if points and not inside:
            problems.append(Problem(line, "community", "community_not_in_street",
                                    {"value": community_raw, "street": street_raw}))
            return None, None
        points = inside
    if not points:
        problems.append(Problem(line, "community", "unknown_community",
                            {"value": community_raw, "column": columns.get("community", "")}))
        return None, None
    if len(points) > 1:
        problems.append(Problem(line, "community", "ambiguous_community", {"value": community_raw}))
        return None, None
    return points[0]


def _duplicates(p: Person, problems, by_id, by_name_birth, by_name_birth_no_id) -> None:
    key = (p.name, p.birth_date, p.sex)
    if p.id_number:
        other = by_id.get(p.id_number) or by_name_birth_no_id.get(key)
        by_id.setdefault(p.id_number, p.line)
    else:
        other = by_name_birth.get(key)
        by_name_birth_no_id.setdefault(key, p.line)
    by_name_birth.setdefault(key, p.line)
    if other is not None:
        problems.append(Problem(p.line, "id_number" if p.id_number else "name", "duplicate_in_file",
                                {"other": other}))


def _candidates(p: Person, problems, ctx: Context, decisions: Decisions, report: Report) -> None:
    found = ctx.matches(p.name, p.birth_date, p.sex, p.id_number)
    if not found:
        return
    report.candidates[p.line] = found
    chosen = decisions.merge.get(p.line)
    ids = [c.patient_id for c in found]
    if chosen is not None and (chosen in ids or (chosen == "" and len(ids) == 1)):
        p.merge_into = chosen or ids[0]
        return
    if p.line in decisions.new_person and not any(c.same_id for c in found):
        return  # a namesake born the same day: a person said so
    problems.append(Problem(p.line, None, "merge_needed", {"name": found[0].name}))
