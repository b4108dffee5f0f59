"""Households (家庭单元), Qt-free: the families a family doctor serves as one.

Many cancers and chronic illnesses cluster in families, so a relative's confirmed cancer is a
screening criterion. A household records each member's relation to ONE member, the anchor
(the one it was started from, relation "self"); relations between two other members are
derived here, and only where the derivation is certain.
"""
from __future__ import annotations

from sqlalchemy import select

from db.models import HouseholdMember

RELATIONS = ("self", "spouse", "parent", "child", "sibling", "grandparent", "grandchild", "other")

# Relation to the anchor -> the anchor as seen from that member (first-degree links only).
_ANCHOR_SEEN_FROM = {"parent": "child", "child": "parent", "sibling": "sibling"}

# (P's relation to the anchor, Q's relation to the anchor) -> Q as seen from P, for two members
# neither of whom is the anchor. Only certain first-degree links are kept:
#   child   + child       -> sibling  (both are the anchor's children: they share the anchor as
#                                      parent; a half-sibling is recorded as "other" by whoever
#                                      knows it — the form cannot tell)
# Left out because the table cannot tell:
#   spouse  + child       the spouse is the child's parent only if said so (a step-child fits too)
#   parent  + sibling     the anchor's sibling may be a half-sibling through the other parent
#   sibling + sibling     two of the anchor's siblings may share only the anchor's other parent
#   parent  + grandparent the grandparent may be the other parent's parent (an in-law)
#   child   + grandchild  the grandchild may be another child's child
#   parent  + parent      the anchor's parents are each other's spouse, not blood relatives
#   spouse  + parent, grandparent + grandchild, anything with "other": not first-degree or unknown
_BETWEEN_MEMBERS = {("child", "child"): "sibling"}

FIRST_DEGREE = ("parent", "child", "sibling")


def _live_members(session, household_id: str) -> list[HouseholdMember]:
    return list(session.scalars(
        select(HouseholdMember)
        .where(HouseholdMember.household_id == household_id, HouseholdMember.deleted_at.is_(None))
        .order_by(HouseholdMember.id)))


def _membership(session, patient_id: str) -> HouseholdMember | None:
    return session.scalars(
        select(HouseholdMember)
        .where(HouseholdMember.patient_id == patient_id, HouseholdMember.deleted_at.is_(None))
        .order_by(HouseholdMember.id).limit(1)).first()


def seen_from(mine: str, theirs: str) -> str | None:
    """What a member whose relation to the anchor is `theirs` is to one whose relation is
    `mine`, if that is a certain first-degree link; None otherwise."""
    if mine == "self":
        return theirs if theirs in FIRST_DEGREE else None
    if theirs == "self":
        return _ANCHOR_SEEN_FROM.get(mine)
    return _BETWEEN_MEMBERS.get((mine, theirs))


def first_degree_relatives(session, patient_id: str) -> list[tuple[str, str]]:
    """The first-degree relatives of a patient within their household, as (patient id,
    relation seen FROM the patient: "parent", "child" or "sibling"). Empty when the patient is
    in no household. Only links the recorded relations make certain (see the table above)."""
    me = _membership(session, patient_id)
    if me is None:
        return []
    out: list[tuple[str, str]] = []
    for other in _live_members(session, me.household_id):
        if other.patient_id == patient_id:
            continue
        relation = seen_from(me.relation, other.relation)
        if relation is not None:
            out.append((other.patient_id, relation))
    return out
