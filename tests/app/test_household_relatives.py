"""First-degree relatives from a household: only links the recorded relations make certain."""
from __future__ import annotations

import datetime as dt

import pytest

from app.households import first_degree_relatives
from app.households import seen_from
from db.models import Household
from db.models import HouseholdMember
from db.models import Patient


def _family(profile, relations: dict[str, str]) -> dict[str, str]:
    ids: dict[str, str] = {}
    with profile.sessions.begin() as s:
        for n, name in enumerate(relations):
            p = Patient(name=name, sex="F", birth_date=dt.date(1950 + n, 1, 1))
            s.add(p)
            s.flush()
            ids[name] = p.id
        anchor = next(name for name, r in relations.items() if r == "self")
        h = Household(patient_id=ids[anchor], name="家")
        s.add(h)
        s.flush()
        for name, relation in relations.items():
            s.add(HouseholdMember(household_id=h.id, patient_id=ids[name], relation=relation))
    return ids


def test_anchor_sees_parent_child_sibling_not_spouse_or_grandparent(profile):
    ids = _family(profile, {"me": "self", "mum": "parent", "son": "child", "sis": "sibling",
                            "wife": "spouse", "granny": "grandparent", "cousin": "other"})
    with profile.sessions() as s:
        got = dict(first_degree_relatives(s, ids["me"]))
    assert got == {ids["mum"]: "parent", ids["son"]: "child", ids["sis"]: "sibling"}


def test_seen_from_a_member_the_anchor_turns_round(profile):
    ids = _family(profile, {"me": "self", "mum": "parent", "son": "child", "daughter": "child",
                            "wife": "spouse"})
    with profile.sessions() as s:
        assert dict(first_degree_relatives(s, ids["mum"])) == {ids["me"]: "child"}
        assert dict(first_degree_relatives(s, ids["son"])) == {ids["me"]: "parent", ids["daughter"]: "sibling"}
        # the spouse is the children's parent only if someone said so: the table cannot
        assert first_degree_relatives(s, ids["wife"]) == []


def test_no_household_no_relatives(profile):
    with profile.sessions.begin() as s:
        p = Patient(name="alone", sex="M", birth_date=dt.date(1960, 1, 1))
        s.add(p)
        s.flush()
        pid = p.id
    with profile.sessions() as s:
        assert first_degree_relatives(s, pid) == []


@pytest.mark.parametrize(("mine", "theirs", "expected"), [
    ("self", "parent", "parent"), ("self", "child", "child"), ("self", "sibling", "sibling"),
    ("self", "spouse", None), ("self", "grandparent", None), ("self", "other", None),
    ("parent", "self", "child"), ("child", "self", "parent"), ("sibling", "self", "sibling"),
    ("spouse", "self", None), ("grandchild", "self", None),
    ("child", "child", "sibling"),
    ("spouse", "child", None), ("child", "spouse", None), ("parent", "sibling", None),
    ("sibling", "sibling", None), ("parent", "grandparent", None), ("child", "grandchild", None),
    ("parent", "parent", None), ("other", "other", None),
])
def test_derivation_table(mine, theirs, expected):
    assert seen_from(mine, theirs) == expected
