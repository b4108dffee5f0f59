"""What a follow-up outcome sets in motion, inside the caller's write transaction.

Recurrence suspected opens a referral draft up to the county centre; deceased or moved
away closes the case and cancels what was still planned; declined flags the case for a
person to review. Nothing here commits: the follow-up, its consequences and their audit
trail succeed or fail together.
"""
from __future__ import annotations

from sqlalchemy import select

from app import clock
from app.referrals import codes
from app.tasks import CANCELLED
from app.tasks import close_tasks
from app.tasks import open_task
from db.models import Case
from db.models import Followup
from db.models import LocalState
from db.models import OrgUnit
from db.models import Patient
from db.models import Referral
from db.models.enums import FollowupStatus
from db.models.enums import OrgKind
from db.models.enums import ReferralDirection
from db.models.enums import ReferralState

_CODE_ALPHABET = codes.ALPHABET  # the server's device codes use the same letters


def new_short_code(session) -> str:
    """A referral code unique across the network (app/referrals/codes.py): this desktop's
    device code, read in the caller's session, and a local part no referral here holds yet."""
    return codes.compose(device_code(session), lambda code: session.scalar(
        select(Referral.id).where(Referral.short_code == code)) is not None)


def device_code(session) -> str | None:
    """The code the server handed this desktop at its first sign-in; None before that."""
    row = session.get(LocalState, codes.DEVICE_CODE_KEY)
    value = (row.value or "").strip().upper() if row else ""
    return value if codes.is_device_code(value) else None


def draft_referral(tx, case: Case, reason: str, summary: str) -> str | None:
    """An up-referral draft from the case's station to the county centre; None when the
    network does not say where from or where to (the case is flagged instead)."""
    s = tx.session
    patient = s.get(Patient, case.patient_id)
    from_org = case.station_id or (patient.community_id if patient else None)
    to_org = s.scalar(select(OrgUnit.id).where(OrgUnit.kind == OrgKind.CENTRE.value,
                                               OrgUnit.deleted_at.is_(None)).order_by(OrgUnit.code).limit(1))
    if from_org is None or to_org is None:
        flag_case(tx, case, "no_network")
        return None
    referral = tx.add(Referral(
        patient_id=case.patient_id, case_id=case.id, direction=ReferralDirection.UP.value,
        green_channel=True, urgency="urgent", from_org_id=from_org, to_org_id=to_org,
        reason=reason, clinical_summary=summary, state=ReferralState.DRAFT.value,
        short_code=new_short_code(s)), note="audit_note.outcome_referral_draft")
    open_task(tx, case, "referral", clock.today(), args={"step": "review_draft"}, source=referral)
    return referral.id


def close_case(tx, case: Case, keep: str | None = None) -> int:
    """Close the case, cancel its open tasks and its planned follow-ups (all but `keep`);
    returns how many follow-ups. Why is on the record that closed it (the follow-up's outcome)
    and the audit notes are codes (ui/problem_templates/audit_note.py)."""
    tx.update(case, closed_at=clock.now(), note="audit_note.case_closed")
    close_tasks(tx, case_id=case.id, state=CANCELLED)
    return cancel_planned(tx, case.id, "audit_note.case_closed", keep)


def cancel_planned(tx, case_id: str, note: str, keep: str | None = None) -> int:
    """Cancel the case's planned follow-ups; `note` is the audit note's code. Their notes stay
    what people wrote: the reason is on the timeline and in the audit, not in their text."""
    planned = tx.session.scalars(select(Followup).where(
        Followup.case_id == case_id, Followup.status == FollowupStatus.PLANNED.value,
        Followup.deleted_at.is_(None), Followup.id != (keep or "")))
    n = 0
    for f in planned:
        tx.update(f, status=FollowupStatus.CANCELLED.value, note=note)
        n += 1
    return n


def flag_case(tx, case: Case, reason: str, **params) -> None:
    """A task for a person to review the case today; `reason` a code (ui/ words "work.review.*")."""
    open_task(tx, case, "review", clock.today(), args={"step": reason, **params})
