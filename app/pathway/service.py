"""Moving a case along its pathway: allowed or refused by the rules, recorded with who,
when and why, and the next action and its due date derived in the same transaction.

A stage change also replaces the case's planned follow-ups: the old stage's schedule no
longer applies, and the new stage's first follow-up is planned at once, so the case is
never left without a next date.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from app import clock
from app.pathway import for_profile
from app.pathway.engine import Due
from app.problems import Problem
from app.problems import ProblemError
from app.problems import refuse
from app.tasks import CANCELLED
from app.tasks import close_tasks
from app.tasks import open_task
from db.models import Case
from db.models import Followup
from db.models import TimelineEvent
from db.models.enums import EventKind
from db.models.enums import FollowupStatus
from db.models.enums import Stage

if TYPE_CHECKING:
    from app.profile import Profile

REASON_MAX = 1000


@dataclass(frozen=True)
class StageChange:
    case_id: str
    from_stage: str
    to_stage: str
    next_action: str
    due: Due
    followup_id: str | None


def responsible_cm(case: Case) -> str | None:
    """Who holds the case in a stage (same rule as the worklist's case-manager column)."""
    if case.stage == Stage.DIAGNOSE.value:
        return case.clinic_cm_id or case.community_cm_id
    if case.stage == Stage.TREAT.value:
        return case.ward_cm_id or case.clinic_cm_id
    return case.community_cm_id or case.clinic_cm_id


def stage_entered_on(session, case: Case) -> tuple[dt.date, Problem]:
    """When the case entered its current stage (the anchor of its schedule), and how we know
    (a problem of area "due", worded in the reader's language)."""
    events = session.scalars(
        select(TimelineEvent).where(TimelineEvent.case_id == case.id, TimelineEvent.kind == EventKind.STAGE.value,
                                    TimelineEvent.deleted_at.is_(None))
        .order_by(TimelineEvent.occurred_at.desc()))
    for event in events:
        if (event.data or {}).get("to") == case.stage:
            day = _local_date(event.occurred_at)
            return day, Problem("due.since_stage_entered", None, {"stage": case.stage, "date": day.isoformat()})
    return _local_date(case.opened_at), Problem("due.since_opened", None, {})


def _local_date(at: dt.datetime) -> dt.date:
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    return at.astimezone().date()


class PathwayService:
    def __init__(self, profile: Profile):
        self.profile = profile
        self.store = profile.store

    @property
    def pathway(self):
        return for_profile(self.profile)

    def targets(self, case_id: str) -> list[tuple[str, bool]]:
        """The stages this case may move to now, and whether each is a return."""
        with self.store.sessions() as s:
            case = s.get(Case, case_id)
            return self.pathway.targets(case.cancer_type, case.stage) if case else []

    def move_stage(self, case_id: str, target: str, reason: str) -> StageChange:
        reason = (reason or "").strip()
        if not reason:
            raise refuse("pathway.reason_required", "reason")
        if len(reason) > REASON_MAX:
            raise refuse("field.too_long", "reason", max=REASON_MAX)
        pathway = self.pathway
        now, today = clock.now(), clock.today()
        with self.store.write() as tx:
            case = tx.session.get(Case, case_id)
            if case is None or case.deleted_at is not None:
                raise refuse("pathway.case_missing", "case")
            if case.closed_at is not None:
                raise refuse("pathway.case_closed", "stage")
            current = case.stage
            verdict = pathway.transition(case.cancer_type, current, target)
            if not verdict.allowed:
                raise ProblemError(verdict.problem)
            text, due = pathway.next_action(case.cancer_type, target, today, today)
            tx.add(TimelineEvent(
                patient_id=case.patient_id, case_id=case.id, kind=EventKind.STAGE.value, occurred_at=now,
                author_id=self.store.user_id, org_unit_id=case.station_id,
                title="", title_code="timeline.stage.returned" if verdict.is_return else "timeline.stage.changed",
                title_args={"from_stage": current, "to_stage": target},
                data={"from": current, "to": target, "reason": reason, "return": verdict.is_return,
                      "rule": pathway.pathway_rule(case.cancer_type).cite, "next_action": text,
                      "due_date": due.date.isoformat(), "due_rule": due.rule_id,
                      # the body, worded when shown (ui/timeline_words.py): the reason is the person's
                      "body_code": "timeline.body.stage",
                      "body_args": {"reason": reason, "next_action": {"code": f"work.stage.{target}"},
                                    "next_action_text": text, "due_date": due.date.isoformat(),
                                    "due": due.to_json()}}))
            tx.update(case, stage=target, note=reason)
            # The earlier stage's step is overtaken by this move; other open work stays.
            close_tasks(tx, case_id=case.id, kinds=("stage", "screening"), state=CANCELLED)
            planned = tx.session.scalars(select(Followup).where(
                Followup.case_id == case.id, Followup.status == FollowupStatus.PLANNED.value,
                Followup.deleted_at.is_(None)))
            for f in planned:  # why is on the timeline (this stage event): the notes stay the person's
                tx.update(f, status=FollowupStatus.CANCELLED.value, note="audit_note.stage_changed")
            followup_id = None
            if pathway.rules.get(f"action-{target}").data["due"] != "followup":
                open_task(tx, case, "stage", due.date, args={"stage": target}, owner_id=responsible_cm(case),
                          rule_id=f"action-{target}")
            else:  # the follow-up is the step
                f = tx.add(Followup(patient_id=case.patient_id, case_id=case.id, due_date=due.date,
                                    method="phone", status=FollowupStatus.PLANNED.value,
                                    assignee_id=responsible_cm(case), attempts=0, rule_id=due.rule_id))
                followup_id = f.id
        return StageChange(case_id, current, target, text, due, followup_id)
