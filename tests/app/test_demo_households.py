"""Demo households: drawn after every other row from a Random of their own (the rows a seed
made before stay the same rows), families the rule book accepts, and relatives that feed the
first-degree criterion."""
from __future__ import annotations

import collections
import datetime as dt

from sqlalchemy import select

from app import rulebook
from app.demo import generate
from app.demo.generator import Plan
from app.demo.generator import chunks
from app.demo.rows import SqliteFormat
from app.households import first_degree_relatives
from db.models import Household
from db.models import HouseholdMember

TODAY = dt.date(2026, 11, 18)


def rows_of(patients: int, seed: int) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = collections.defaultdict(list)
    for _done, rows in chunks(Plan(patients, seed, (1, 3), TODAY), SqliteFormat()):
        for table, batch in rows.items():
            out[table] += [tuple(r) for r in batch]
    return out


def test_households_come_last_and_the_same_seed_makes_the_same_ones():
    a, b = rows_of(2500, 7), rows_of(2500, 7)
    assert a == b
    assert len(a["households"]) > 20
    # drawn after everything else: every household id is newer than every patient's row
    assert min(r[0] for r in a["households"]) > max(r[0] for r in a["patients"])
    relations = collections.Counter(r[3] for r in a["household_members"])
    assert relations["self"] == len(a["households"]) and relations["spouse"] > 0


def test_demo_households_pass_the_rule_book(profile):
    generate(profile, 2500, 7, (1, 3), today=TODAY, parallel=False)
    with profile.sessions() as s:
        lookup = rulebook.SessionLookup(s)
        households = list(s.scalars(select(Household)))
        members = list(s.scalars(select(HouseholdMember)))
        assert households and members
        for row in [*households, *members]:
            values = {c.name: getattr(row, c.name) for c in row.__table__.columns}
            assert rulebook.check(row.__tablename__, None, values, None, lookup) == [], values
        seen = collections.Counter(m.patient_id for m in members)
        assert max(seen.values()) == 1  # a patient in one household
        anchors = {h.id: h.patient_id for h in households}
        assert {m.household_id: m.patient_id for m in members if m.relation == "self"} == anchors
        child = next((m for m in members if m.relation in ("child", "parent", "sibling")), None)
        assert child is not None
        assert (anchors[child.household_id], {"child": "parent", "parent": "child", "sibling": "sibling"}[
            child.relation]) in first_degree_relatives(s, child.patient_id)
