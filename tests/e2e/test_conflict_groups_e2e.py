"""#17 item 4: fields that belong together are settled as one choice, and the settling reaches
the other desktop visibly. Two desktops (two case managers, a real server on PostgreSQL) move
the same case along its pathway to different stages — 诊断 on one, 预防 on the other; each
move opens its stage's next step. The second desktop's push clashes; its person keeps one
side's pathway (stage, closing and next step together). After a sync, both desktops show a
case whose stage and next step agree (never 预防 with "完成诊断检查"), the same on both, and
the first case manager sees the settling on the patient's timeline and in the inbox."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.inbox import SETTLED
from app.inbox import Inbox
from app.pathway.service import PathwayService
from app.problems import Problem
from app.sync import conflicts
from app.sync import service
from db.models import Case
from db.models import Followup
from db.models import Task
from db.models import TimelineEvent
from tests.e2e.desks import row_values
from ui import problem_words


def open_stage_steps(desk, case_id: str) -> list[str]:
    with desk.session() as s:
        return sorted((t.args or {}).get("stage") for t in s.scalars(select(Task).where(
            Task.case_id == case_id, Task.kind == "stage", Task.state == "open", Task.deleted_at.is_(None))))


def settle_the_rest_as_the_server_has_it(desk) -> None:
    """The moves also clashed on the old stage's step and follow-up (both closed them, at
    different moments): taken from the server, group by group."""
    for item in service.outbox_items(desk.profile, ("conflict",)):
        keys = conflicts.choice_keys(item.table, conflicts.conflict_kind(item.op, item.detail),
                                     (item.detail or {}).get("fields", {}))
        conflicts.resolve(desk.profile, desk.client, item.seq, {k: conflicts.SERVER for k in keys})


@pytest.mark.parametrize("side, kept", [(conflicts.MINE, "prevent"), (conflicts.SERVER, "diagnose")])
def test_a_case_moved_on_two_desktops_is_settled_whole_and_the_other_desktop_sees_it(fleet, side, kept):
    a = fleet("a", "clinic_cm", 0)
    b = fleet("b", "clinic_cm", 1)
    a.client.cycle()
    b.client.cycle()
    me = a.profile.store.user_id
    with a.session() as s:
        case_id = s.scalars(select(Case.id).where(
            Case.clinic_cm_id == me, Case.stage == "screen", Case.closed_at.is_(None), Case.deleted_at.is_(None))
            .order_by(Case.id).limit(1)).one()
    PathwayService(a.profile).move_stage(case_id, "diagnose", "低剂量CT提示结节，需进一步诊断")
    a.client.cycle()
    PathwayService(b.profile).move_stage(case_id, "prevent", "复查阴性，回到预防")
    b.client.cycle()
    (item,) = [i for i in service.outbox_items(b.profile, ("conflict",)) if i.table == "cases"]
    # Until settled, the second desktop holds both moves' steps: 预防 beside "完成诊断检查".
    assert open_stage_steps(b, case_id) == ["diagnose", "prevent"]
    assert set(item.detail["fields"]) == {"stage"}
    # one choice for the stage with its closing and next step; a choice per field is refused
    assert conflicts.choice_keys("cases", conflicts.FIELDS, item.detail["fields"]) == ["pathway"]
    with pytest.raises(ValueError):
        conflicts.resolve(b.profile, b.client, item.seq, {"stage": side})
    conflicts.resolve(b.profile, b.client, item.seq, {"pathway": side})
    assert open_stage_steps(b, case_id) == [kept]  # the other stage's step went with its stage
    settle_the_rest_as_the_server_has_it(b)
    for _ in range(2):
        b.client.cycle()
        a.client.cycle()
    assert a.outbox() == [] and b.outbox() == []

    for desk in (a, b):  # a consistent case, the same on both desktops: stage and next step agree
        case = desk.get(Case, case_id)
        assert case.stage == kept and case.closed_at is None
        assert open_stage_steps(desk, case_id) == [kept]
        with desk.session() as s:
            upcoming = s.get(Task, case.next_task_id) if case.next_task_id else None
        assert upcoming is None or upcoming.kind != "stage" or upcoming.args["stage"] == kept
    fields = ("stage", "closed_at", "due_date", "next_task_id", "open_tasks")
    assert {f: row_values(a.get(Case, case_id))[f] for f in fields} == \
        {f: row_values(b.get(Case, case_id))[f] for f in fields}

    # visibly on the first desktop: the note on the patient's timeline and an inbox item
    patient_id = a.get(Case, case_id).patient_id
    with a.session() as s:
        note = s.scalars(select(TimelineEvent).where(
            TimelineEvent.patient_id == patient_id, TimelineEvent.title_code == conflicts.RESOLVED_CODE,
            TimelineEvent.ref_table == "cases")).one()
    assert note.title_args["fields"] == ["stage"] and note.title_args["kept"] == side
    assert note.author_id == b.profile.store.user_id
    (settled,) = [i for i in Inbox(a.profile, me).items() if i.kind == SETTLED and i.params.get("table") == "cases"]
    assert settled.patient_id == patient_id
    zh = problem_words.words(Problem(settled.code, None, settled.params), "zh_CN")
    en = problem_words.words(Problem(settled.code, None, settled.params), "en")
    assert zh != en and not any("\u4e00" <= ch <= "\u9fff" for ch in en.replace(settled.params["who"], ""))


def planned_followups(desk, case_id: str) -> list[tuple]:
    with desk.session() as s:
        return sorted((f.id, f.rule_id, f.due_date) for f in s.scalars(select(Followup).where(
            Followup.case_id == case_id, Followup.status == "planned", Followup.deleted_at.is_(None))))


@pytest.mark.parametrize("side, kept", [(conflicts.MINE, "screen"), (conflicts.SERVER, "treat")])
def test_a_stage_whose_next_step_is_a_follow_up_keeps_only_that_stages_follow_up(fleet, side, kept):
    """治疗 and 筛查 each plan a follow-up as their next step (pathway.toml "followup"): the
    follow-up of the stage not kept is cancelled with it, on both desktops."""
    a = fleet("a", "clinic_cm", 0)
    b = fleet("b", "clinic_cm", 1)
    a.client.cycle()
    me = a.profile.store.user_id
    with a.session() as s:
        case_id = s.scalars(select(Case.id).where(
            Case.clinic_cm_id == me, Case.stage == "screen", Case.closed_at.is_(None), Case.deleted_at.is_(None))
            .order_by(Case.id.desc()).limit(1)).one()
    PathwayService(a.profile).move_stage(case_id, "diagnose", "低剂量CT提示结节")
    a.client.cycle()
    b.client.cycle()
    moves = {"treat": PathwayService(a.profile).move_stage(case_id, "treat", "病理确诊，开始治疗")}
    a.client.cycle()
    moves["screen"] = PathwayService(b.profile).move_stage(case_id, "screen", "病理阴性，回到筛查")
    b.client.cycle()
    assert len(planned_followups(b, case_id)) == 2  # both moves' follow-ups, until settled
    (item,) = [i for i in service.outbox_items(b.profile, ("conflict",)) if i.table == "cases"]
    conflicts.resolve(b.profile, b.client, item.seq, {"pathway": side})
    settle_the_rest_as_the_server_has_it(b)
    for _ in range(2):
        b.client.cycle()
        a.client.cycle()
    assert a.outbox() == [] and b.outbox() == []
    for desk in (a, b):
        case = desk.get(Case, case_id)
        assert case.stage == kept and open_stage_steps(desk, case_id) == []
        ((followup_id, _rule, day),) = planned_followups(desk, case_id)
        assert followup_id == moves[kept].followup_id and day == moves[kept].due.date
        if case.next_task_id != followup_id:  # other work of the case may come first, never the dropped step
            with desk.session() as s:
                assert s.get(Task, case.next_task_id).kind != "stage"
