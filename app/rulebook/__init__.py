"""The rule book: one rule function per synced record, run by both sides.

    check(table, before, after, actor, lookup) -> list[Problem]

`before` is the record before the change (None for a new one), `after` the record as it
would be (None never: a delete is `after` with `deleted_at` set); both are plain dicts of
column values. `actor` is who acts (on the desktop: the profile's person; on the server:
the token's). `lookup` answers the questions rules ask of other records (an organisation's
kind, a patient's community …) from whichever database runs the check.

The desktop's write path (app/store.py) runs it before an outbox entry is recorded, forms
call it for field-level messages, and the server (server/apply.py) runs it after the merge
with the authenticated actor, so a rule lives here and nowhere else. Services only turn an
intent into field changes.
"""
from __future__ import annotations

from typing import Any

from app.problems import Problem
from app.rulebook.actor import Actor
from app.rulebook.lookup import Lookup
from app.rulebook.lookup import SessionLookup

Record = dict[str, Any]


def _rules():
    # Imported when first asked for: the record modules import db models and each other's helpers.
    from app.rulebook import attachments
    from app.rulebook import audit
    from app.rulebook import cases
    from app.rulebook import clinical
    from app.rulebook import households
    from app.rulebook import patients
    from app.rulebook import referrals
    from app.rulebook import slots
    from app.rulebook import work
    return {
        "patients": patients.check,
        "cases": cases.check,
        "timeline_events": clinical.check_timeline_event,
        "followups": clinical.check_followup,
        "referrals": referrals.check,
        "referral_attachments": attachments.check,
        "mdt_requests": clinical.check_mdt_request,
        "screenings": clinical.check_screening,
        "letters": clinical.check_letter,
        "tasks": work.check_task,
        "calls": work.check_call,
        "households": households.check_household,
        "household_members": households.check_member,
        "exam_slots": slots.check_slot,
        "slot_bookings": slots.check_booking,
        "audit_entries": audit.check,
    }


_RULES: dict | None = None


def check(table: str, before: Record | None, after: Record, actor: Actor | None,
          lookup: Lookup) -> list[Problem]:
    """Every problem with changing `before` into `after` as `actor`; [] when it may be done.
    `actor` None: nobody is signed in (a demo or a never-synced profile): the rules about the
    record itself still apply; who may do it is then the server's to decide at the first sync."""
    global _RULES
    if _RULES is None:
        _RULES = _rules()
    rule = _RULES.get(table)
    if rule is None:
        return []
    return rule(before, after, actor, lookup)


__all__ = ["Actor", "Lookup", "Problem", "Record", "SessionLookup", "check"]
