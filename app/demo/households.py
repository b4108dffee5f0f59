"""Demo households (家庭单元): patients of one community point made into families, after every
other row is drawn.

The choices come from a Random of their own (seeded from the plan's seed), so the rows the
generator made before households existed are the same rows, ids included; the households'
ids continue the generator's id sequence after its last row. Only families the data makes
plausible: a spouse of the other sex within eight years of age, a child 20–40 years younger
with the father's surname, a father 20–40 years older and a sibling within ten years, both with
the anchor's surname; a health supervisor is the youngest member, or nobody.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

HOUSEHOLD_SEED = 0x48485F  # mixed into the plan's seed: households draw from their own sequence
ANCHOR_RATE = 0.12  # of the patients not yet in a household, as each point is walked
SPOUSE_RATE = 0.7
CHILD_RATE = 0.6
PARENT_RATE = 0.4
SIBLING_RATE = 0.3
SUPERVISOR_RATE = 0.7


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    sex: str
    born: dt.date
    point_id: str
    address: str


def person_of(row: tuple) -> Person:
    """From a generator `patients` row (generator.COLUMNS order); the birth date is read off the
    ID number, which holds it in every value format."""
    pid, name, _py, _ini, sex, _birth, id_number, _phone, address, point_id = row[:10]
    born = dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    return Person(pid, name, sex, born, point_id, address)


def _years(older: dt.date, younger: dt.date) -> float:
    return (younger - older).days / 365.2425


def households(people: list[Person], seed: int, ids: Callable[[], str]) -> dict[str, list[tuple]]:
    """Rows for `households` and `household_members` (rows.COLUMNS order)."""
    rng = random.Random(seed ^ HOUSEHOLD_SEED)
    by_point: dict[str, list[Person]] = {}
    for p in people:
        by_point.setdefault(p.point_id, []).append(p)
    out: dict[str, list[tuple]] = {"households": [], "household_members": []}
    taken: set[str] = set()
    for point in sorted(by_point):
        residents = by_point[point]
        for anchor in residents:
            if anchor.id in taken or rng.random() >= ANCHOR_RATE:
                continue
            members = [(anchor, "self")]
            spouse = _pick(rng, residents, taken | {anchor.id}, SPOUSE_RATE, lambda q, a=anchor: (
                q.sex != a.sex and abs(_years(a.born, q.born)) <= 8))
            if spouse is not None:
                members.append((spouse, "spouse"))
            father = anchor if anchor.sex == "M" else spouse
            used = taken | {m.id for m, _ in members}
            child = _pick(rng, residents, used, CHILD_RATE, lambda q, a=anchor, f=father: (
                f is not None and q.name[:1] == f.name[:1] and 20 <= _years(a.born, q.born) <= 40))
            if child is not None:
                members.append((child, "child"))
            used = taken | {m.id for m, _ in members}
            parent = _pick(rng, residents, used, PARENT_RATE, lambda q, a=anchor: (
                q.sex == "M" and q.name[:1] == a.name[:1] and 20 <= _years(q.born, a.born) <= 40))
            if parent is not None:
                members.append((parent, "parent"))
            used = taken | {m.id for m, _ in members}
            sibling = _pick(rng, residents, used, SIBLING_RATE, lambda q, a=anchor: (
                q.name[:1] == a.name[:1] and abs(_years(a.born, q.born)) <= 10))
            if sibling is not None:
                members.append((sibling, "sibling"))
            if len(members) < 2:
                continue
            hid = ids()
            youngest = max(members, key=lambda m: m[0].born)[0]
            supervisor = youngest.id if rng.random() < SUPERVISOR_RATE else None
            out["households"].append((hid, anchor.id, f"{(father or anchor).name[:1]}家", anchor.address,
                                      supervisor, None, None, None))
            for person, relation in members:
                out["household_members"].append((ids(), hid, person.id, relation))
                taken.add(person.id)
    return out


def _pick(rng: random.Random, residents: list[Person], taken: set[str], rate: float, fits) -> Person | None:
    if rng.random() >= rate:
        return None
    found = [q for q in residents if q.id not in taken and fits(q)]
    return found[int(rng.random() * len(found))] if found else None
