"""Referrals (转诊): the one place their rules live — the form, the service, the board and
the server all ask `check()` (or `refusal()` for one step).

What a referral must be: a direction that matches the organisations' levels (up goes to a
higher level, down to a lower one), the green channel only upward, a reason, bounded
texts, findings that are on the patient's own timeline, a late appointment with a breach
reason, and one step of the state machine at a time (app/referrals/states.py).
Who may do it: the sending organisation drafts, sends, cancels and closes; the receiving
organisation receives, accepts, rejects, schedules and registers the visit; a family doctor
only for his own contracted patients.
"""
from __future__ import annotations

from app.problems import Problem
from app.referrals import deadline
from app.referrals import states
from app.rulebook.common import values
from db.models.enums import OrgKind
from db.models.enums import ReferralDirection
from db.models.enums import ReferralState

LEVEL = {OrgKind.COMMUNITY_POINT.value: 0, OrgKind.STREET_STATION.value: 1, OrgKind.SUB_CENTRE.value: 2,
         OrgKind.CENTRE.value: 3, OrgKind.PARTNER_HOSPITAL.value: 4}
LIMITS = {"reason": 1000, "question": 1000, "clinical_summary": 4000, "requested_exams": 1000,
          "to_department": 64, "contact_person": 64, "state_reason": 1000, "scheduled_place": 120,
          "discharge_summary": 4000, "treatment_plan": 2000, "rehab_instructions": 2000}
# What a 下转 hands over. The discharge summary and the rehabilitation instructions are what the
# community works from, so a down-referral is not sent without them; a treatment plan may
# honestly be "none" (treatment finished) and stays optional.
HANDOVER = ("discharge_summary", "treatment_plan", "rehab_instructions")
HANDOVER_REQUIRED = ("discharge_summary", "rehab_instructions")
URGENCIES = ("routine", "urgent")
MAX_FINDINGS = 20
LATE_AFTER = deadline.LIMIT
# Fields the sending side fills in while the referral is a draft.
FORM_FIELDS = ("direction", "green_channel", "urgency", "from_org_id", "to_org_id", "to_department", "reason",
               "question", "clinical_summary", "findings", "requested_exams", "contact_person", "patient_id",
               "case_id", *HANDOVER)


def check(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    changed = _changed(before, after)
    _choices(after, changed, problems)
    _texts(after, changed, problems)
    if before is not None and before.get("state") != ReferralState.DRAFT.value:
        locked = sorted(f for f in FORM_FIELDS if f in changed and f != "case_id")
        if locked:
            problems.append(Problem("referral.not_a_draft", locked[0], {"state": before.get("state")}))
    if changed & {"direction", "from_org_id", "to_org_id", "green_channel"} or before is None:
        _organisations(after, lookup, problems)
    if "findings" in changed:
        _findings(after, lookup, problems)
    step = _step(before, after, problems)
    if step == "send" and after.get("direction") == ReferralDirection.DOWN.value:
        _handover(after, actor, problems)
    if step == "schedule" or (before is not None and "scheduled_at" in changed):
        _appointment(before, after, lookup, problems)
    if actor is not None and not problems:
        _who(before, after, step, actor, lookup, problems)
    return problems


def refusal(state: str, action: str) -> Problem | None:
    """Why `action` cannot be taken from `state` (None when it can): the state machine's word."""
    if action not in states.ACTIONS:
        return Problem("referral.unknown_action", "state", {"action": action})
    if state in states.ACTIONS[action][0]:
        return None
    if state in states.FINAL:
        return Problem("referral.final", "state", {"state": state, "action": action})
    first = states.FIRST.get((state, action))
    if first:
        return Problem("referral.step_first", "state", {"state": state, "action": action, "first": first})
    return Problem("referral.step_order", "state",
                   {"state": state, "action": action, "allowed": states.actions(state)})


def allowed_actions(referral: dict, actor, lookup) -> list[str]:
    """The steps `actor` may take on `referral` now: what the board offers as buttons."""
    out = []
    for action in states.actions(referral["state"]):
        after = {**referral, "state": states.target(action)}
        if actor is None or not _who_problem(referral, after, action, actor, lookup):
            out.append(action)
    return out


# -- the record itself ------------------------------------------------------------------

def _changed(before, after) -> set[str]:
    if before is None:
        return {k for k, v in after.items() if v is not None}
    return {k for k, v in after.items() if before.get(k) != v}


def _choices(after, changed, problems) -> None:
    for field, allowed in (("direction", values(ReferralDirection)),
                           ("state", values(ReferralState)), ("urgency", URGENCIES)):
        if field in changed and after.get(field) not in allowed:
            problems.append(Problem("field.not_allowed", field, {"value": str(after.get(field))}))
    if "breach_reason" in changed and after.get("breach_reason") not in (None, *deadline.BREACH_REASONS):
        problems.append(Problem("field.not_allowed", "breach_reason", {"value": str(after["breach_reason"])}))


def _texts(after, changed, problems) -> None:
    if "reason" in changed or after.get("reason") is None:
        if not (after.get("reason") or "").strip():
            problems.append(Problem("referral.reason_required", "reason"))
    for field, limit in LIMITS.items():
        value = after.get(field)
        if field in changed and isinstance(value, str) and len(value) > limit:
            problems.append(Problem("field.too_long", field, {"max": limit}))


def _organisations(after, lookup, problems) -> None:
    source, target = lookup.org(after.get("from_org_id")), lookup.org(after.get("to_org_id"))
    for field, unit in (("from_org_id", source), ("to_org_id", target)):
        if after.get(field) is None:
            problems.append(Problem("referral.choose_org", field))
        elif unit is None or unit.kind not in LEVEL:
            problems.append(Problem("referral.unknown_org", field))
    if source is None or target is None or source.kind not in LEVEL or target.kind not in LEVEL:
        return
    up = after.get("direction") == ReferralDirection.UP.value
    if source.id == target.id:
        problems.append(Problem("referral.same_org", "to_org_id"))
    elif (LEVEL[target.kind] > LEVEL[source.kind]) != up:
        problems.append(Problem("referral.direction_level", "to_org_id", {"direction": after.get("direction")}))
    if after.get("green_channel") and not up:
        problems.append(Problem("referral.green_channel_up_only", "green_channel"))


def _findings(after, lookup, problems) -> None:
    ids = after.get("findings") or []
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        problems.append(Problem("field.invalid", "findings"))
        return
    if len(ids) > MAX_FINDINGS:
        problems.append(Problem("referral.too_many_findings", "findings", {"max": MAX_FINDINGS}))
        return
    if set(ids) - lookup.events_of_patient(after.get("patient_id"), ids):
        problems.append(Problem("referral.finding_not_on_timeline", "findings"))


def _step(before, after, problems) -> str | None:
    """The state machine's action this change takes (None if the state did not move)."""
    new = after.get("state")
    if before is None:
        if new not in (None, ReferralState.DRAFT.value):
            problems.append(Problem("referral.starts_as_draft", "state", {"state": new}))
        return None
    old = before.get("state")
    if new == old:
        return None
    candidates = [a for a, (_sources, target) in states.ACTIONS.items() if target == new]
    for action in candidates:
        if old in states.ACTIONS[action][0]:
            if action in ("reject", "cancel") and not (after.get("state_reason") or "").strip():
                problems.append(Problem("referral.state_reason_required", "state_reason", {"action": action}))
            return action
    problem = refusal(old, candidates[0]) if candidates else Problem("field.not_allowed", "state", {"value": new})
    problems.append(problem)
    return None


def _handover(after, actor, problems) -> None:
    if actor is not None and actor.older_desktop:
        return  # a desktop before 0009 has no handover fields to fill
    for field in HANDOVER_REQUIRED:
        if not (after.get(field) or "").strip():
            problems.append(Problem("referral.handover_required", field))


def _appointment(before, after, lookup, problems) -> None:
    if not after.get("scheduled_at"):
        problems.append(Problem("field.required", "scheduled_at"))
    if not (after.get("scheduled_place") or "").strip():
        problems.append(Problem("field.required", "scheduled_place"))
    sent = after.get("sent_at")
    first = before is None or before.get("state") != ReferralState.SCHEDULED.value
    if first and sent is not None and lookup.now() - sent > LATE_AFTER and not after.get("breach_reason"):
        problems.append(Problem("referral.breach_reason_required", "breach_reason"))


# -- who may do it ----------------------------------------------------------------------

def _who(before, after, step, actor, lookup, problems) -> None:
    if before is None or step is None and before.get("state") == ReferralState.DRAFT.value:
        action = "draft"
    elif step is None:
        action = "edit"  # a field beside the steps (a breach reason, the case link): either side
    else:
        action = step
    problem = _who_problem(before or after, after, action, actor, lookup)
    if problem:
        problems.append(problem)


def _who_problem(before, after, action, actor, lookup) -> Problem | None:
    if actor.is_admin:
        return None
    sides: tuple[str, ...]
    if action == "edit":
        sides = ("from_org_id", "to_org_id")
    else:
        sides = ("from_org_id",) if states.SIDE.get(action, "from") == "from" else ("to_org_id",)
    if not any(actor.acts_for(after.get(side)) for side in sides):
        return Problem("referral.not_your_side", "state" if action not in ("draft",) else "from_org_id",
                       {"action": action, "side": "from" if sides == ("from_org_id",) else "to"})
    if actor.is_family_doctor:
        patient = lookup.patient(after.get("patient_id"))
        if patient is None or patient.family_doctor_id != actor.user_id or not patient.contract_signed:
            return Problem("referral.not_your_contracted_patient", "patient_id", {"action": action})
    return None
