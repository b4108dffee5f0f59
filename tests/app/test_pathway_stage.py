"""Moving a case along 防 筛 诊 治 康 帮: allowed or refused with the reason, recorded with
who, when and why, the next action and due date derived, follow-ups replanned."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app.errors import ValidationError
from app.followups import FollowupService
from app.pathway.service import PathwayService
from db.models import AuditEntry
from db.models import Case
from db.models import Followup
from db.models import TimelineEvent
from tests.app.test_followups import seed
from tests.app.work_of import open_tasks
from ui import due_words
from ui.problem_words import say
from ui.timeline_words import event_body
from ui.timeline_words import event_title


@pytest.fixture
def world(profile):
    ids = seed(profile)
    yield profile, ids, PathwayService(profile)
    clock.pin(None)

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def stage_events(profile, case_id):
    with profile.sessions() as s:
        return s.scalars(select(TimelineEvent).where(TimelineEvent.case_id == case_id,
                                                     TimelineEvent.kind == "stage")).all()


def test_an_allowed_move_records_who_when_why_and_derives_the_next_action(world):
    profile, ids, service = world
    case_id = ids["张三"][1]  # lung, screen
    change = service.move_stage(case_id, "diagnose", "低剂量CT发现8mm实性结节")
    with profile.sessions() as s:
        case = s.get(Case, case_id)
        audited = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.row_id == case_id))
    assert case.stage == "diagnose"
    # The stage's step joins the case's work; the earlier care step stays open beside it.
    assert ("完成诊断检查（影像/内镜/病理）", change.due.date) in open_tasks(profile, case_id)
    assert ("Complete the diagnostic work-up (imaging, endoscopy, pathology)", change.due.date) in open_tasks(
        profile, case_id, "en")
    assert case.open_tasks == 2 and change.due.unshifted == clock.today() + dt.timedelta(days=14)
    assert audited == 1
    [event] = stage_events(profile, case_id)
    assert (event.title_code, event.title_args) == ("timeline.stage.changed", {"from_stage": "screen",
                                                                             "to_stage": "diagnose"})
    assert event_title(event, "zh_CN") == "阶段变更：筛查→诊断" and event.author_id == ids["me"]
    assert event_title(event, "en") == "Stage changed: screening → diagnosis"
    assert event.occurred_at == clock.now()
    assert event.data["reason"] == "低剂量CT发现8mm实性结节" and event.data["from"] == "screen"
    assert "pathway-default v2026.1" in event.data["rule"] and event.body is None
    # The body is worded when shown: the reason as typed, the next step and why its date, in the reader's language.
    due = change.due.date.isoformat()
    zh, en = event_body(event, "zh_CN"), event_body(event, "en")
    assert zh.startswith(f"原因：低剂量CT发现8mm实性结节\n下一步：完成诊断检查（影像/内镜/病理），{due} 前\n")
    assert "action-diagnose" in zh and "action-diagnose" in en
    assert en.startswith(f"Reason: 低剂量CT发现8mm实性结节\nNext: Complete the diagnostic work-up (imaging, "
                         f"endoscopy, pathology), by {due}\nDue {due}")
    assert not CJK.search(en.replace("低剂量CT发现8mm实性结节", ""))


def test_a_move_the_rules_do_not_allow_is_refused_with_the_reason(world):
    profile, ids, service = world
    case_id = ids["张三"][1]
    with pytest.raises(ValidationError) as err:
        service.move_stage(case_id, "rehab", "试试看")
    assert err.value.field == "stage" and err.value.problem.code == "pathway.stage_not_allowed"
    assert say(err.value, "zh_CN") == ("规则 pathway-default（版本 2026.1）不允许从筛查转入康复。"
                                       "筛查阶段可转入：诊断、帮扶、预防。")
    assert say(err.value, "en") == ("Rule pathway-default (version 2026.1) does not allow a move from screening "
                                    "to rehabilitation. From screening the case may move to: diagnosis, support, prevention.")
    with profile.sessions() as s:
        assert s.get(Case, case_id).stage == "screen"
    assert stage_events(profile, case_id) == []


def test_a_reason_is_required(world):
    _profile, ids, service = world
    with pytest.raises(ValidationError) as err:
        service.move_stage(ids["张三"][1], "diagnose", "  ")
    assert err.value.field == "reason" and err.value.problem.code == "pathway.reason_required"


def test_entering_rehab_replans_the_follow_ups_by_the_new_schedule(world):
    profile, ids, service = world
    pid, case_id = ids["张珊珊"]  # breast, treat
    old = FollowupService(profile).create(pid, case_id, dt.date(2026, 11, 25), rule_id="treat-weekly")
    change = service.move_stage(case_id, "rehab", "术后辅助治疗结束")
    with profile.sessions() as s:
        assert s.get(Followup, old).status == "cancelled"
        new = s.get(Followup, change.followup_id)
    assert new.status == "planned" and new.rule_id == "rehab-curative" and new.due_date == change.due.date
    assert change.due.unshifted == dt.date(2027, 2, 18)
    # Its anchor is the day the case entered rehab: the next completion counts from it.
    proposal = FollowupService(profile).propose(new.id, "stable")
    assert "进入康复期" in due_words.explain(proposal, "zh_CN") and "第1阶段" in due_words.explain(proposal, "zh_CN")


def test_a_return_is_allowed_and_marked(world):
    profile, ids, service = world
    case_id = ids["李四"][1]  # colorectal, rehab
    assert ("diagnose", True) in service.targets(case_id)
    service.move_stage(case_id, "diagnose", "随访发现CEA持续升高")
    [event] = stage_events(profile, case_id)
    assert event_title(event, "zh_CN") == "阶段变更：康复→诊断（回退）" and event.data["return"] is True
    assert event_title(event, "en") == "Stage changed back: rehabilitation → diagnosis"
