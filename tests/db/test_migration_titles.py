"""Migration 0007 gives the Chinese titles earlier versions wrote a title code and arguments,
on SQLite (desktops) and PostgreSQL (the server); what a person typed stays as it was."""
from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
import sqlalchemy as sa

from db import migrate
from db.engine import sqlite_engine
from db.engine import url_engine
from ui.timeline_words import title

AT = dt.datetime(2026, 11, 18, 8, 0)
# (kind, title as 0006 stored it, expected code, expected arguments); code None: left as typed.
OLD = [
    ("referral", "发出上转单：新城街道工作站 → 县肿瘤防治中心（绿色通道）", "timeline.referral.sent_green",
     {"direction": "up", "from_org": "新城街道工作站", "to_org": "县肿瘤防治中心"}),
    ("referral", "县肿瘤防治中心已接收上转单", "timeline.referral.received",
     {"direction": "up", "to_org": "县肿瘤防治中心"}),
    ("referral", "预约就诊：2026-11-24 22:00 县肿瘤防治中心 一体化门诊3楼", "timeline.referral.scheduled",
     {"at": "2026-11-24T22:00", "place": "县肿瘤防治中心 一体化门诊3楼"}),
    ("referral", "下转闭环：转诊已关闭（社区已接收）", "timeline.referral.closed_note",
     {"direction": "down", "note": "社区已接收"}),
    ("referral", "转诊超时原因：号源已满，无法在24小时内安排", "timeline.referral.breach", {"breach_reason": "no_slot"}),
    ("mdt", "MDT已预约：2026-11-24 22:00 县肿瘤防治中心 MDT门诊", "timeline.mdt.booked",
     {"at": "2026-11-24T22:00", "place": "县肿瘤防治中心 MDT门诊"}),
    ("mdt", "申请MDT会诊：胸外科、肿瘤内科", "timeline.mdt.requested", {"specialties": ["胸外科", "肿瘤内科"]}),
    ("mdt", "MDT讨论：建议靶向治疗", "timeline.mdt.decided", {"plan": "targeted"}),
    ("call", "电话随访未联系上（第2次）", "timeline.followup.unreached", {"method": "phone", "attempts": 2}),
    ("call", "门诊随访未联系上（第3次），转主动追踪", "timeline.followup.unreached_chase",
     {"method": "clinic", "attempts": 3}),
    ("followup", "上门随访：病情稳定", "timeline.followup.done",
     {"method": "home", "outcome": "stable", "label": "病情稳定"}),
    ("followup", "停诊顺延：2026-09-30 → 2026-10-08", "timeline.followup.closure_moved",
     {"old": "2026-09-30", "new": "2026-10-08"}),
    ("stage", "阶段变更：康复→诊断（回退）", "timeline.stage.returned", {"from_stage": "rehab", "to_stage": "diagnose"}),
    ("screening", "肺癌风险评估：高危", "timeline.screening.risk", {"cancer": "lung", "level": "high"}),
    ("screening", "列入乳腺癌、宫颈癌筛查名单", "timeline.screening.listed", {"programmes": ["breast", "cervical"]}),
    ("letter", "打印随访提醒", "timeline.letter.printed", {"letter_kind": "followup_reminder"}),
    # A person's words, or a shape CaseDesk wrote with words it never used: untouched.
    ("note", "电话随访：病情稳定，下周复查", None, None),
    ("call", "电话随访：病情稳定", None, None),
    ("stage", "阶段变更：防 → 筛", None, None),
    ("referral", "转诊超时原因：司机迟到", None, None),
    ("letter", "打印家属告知书", None, None),
    ("screening", "低剂量CT：右上肺结节8mm", None, None),
]
MANY = 2_100  # more than one batch of the migration


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        eng = sqlite_engine(tmp_path / "m.db")
    else:
        eng = url_engine(request.getfixturevalue("pg_url"))
    yield eng
    eng.dispose()


def _old_database(engine) -> dict[str, tuple]:
    """A 0006 database with one patient and titles as 0006 wrote them; returns id → row of OLD."""
    migrate.upgrade(engine, "0006")
    meta = sa.MetaData()
    patients = sa.Table("patients", meta, autoload_with=engine, resolve_fks=False)
    events = sa.Table("timeline_events", meta, autoload_with=engine, resolve_fks=False)
    assert "title_code" not in events.c
    pid = str(uuid.uuid4())
    rows, expected = [], {}
    for i, row in enumerate(OLD + [("call", f"电话随访未联系上（第{n}次）", "timeline.followup.unreached",
                                     {"method": "phone", "attempts": n}) for n in range(1, MANY + 1)]):
        eid = str(uuid.UUID(int=i + 1))
        expected[eid] = row
        rows.append({"id": eid, "patient_id": pid, "kind": row[0], "occurred_at": AT, "title": row[1],
                     "version": 1, "updated_at": AT})
    with engine.begin() as conn:
        conn.execute(patients.insert(), {"id": pid, "name": "张三", "name_pinyin": "zhangsan", "name_initials": "zs",
                                         "sex": "M", "birth_date": dt.date(1960, 5, 17), "contract_signed": False,
                                         "version": 1, "updated_at": AT})
        conn.execute(events.insert(), rows)
    return expected


def test_upgrade_gives_old_generated_titles_their_code_and_leaves_typed_ones(engine):
    expected = _old_database(engine)
    migrate.upgrade(engine)
    events = sa.Table("timeline_events", sa.MetaData(), autoload_with=engine, resolve_fks=False)
    with engine.connect() as conn:
        found = {r.id: r for r in conn.execute(sa.select(events.c.id, events.c.title, events.c.title_code,
                                                         events.c.title_args))}
    assert found.keys() == expected.keys()
    for eid, (_kind, old, code, args) in expected.items():
        row = found[eid]
        assert row.title == old  # kept: a desktop one schema behind still reads it
        assert row.title_code == code, old
        if code is None:
            assert row.title_args is None
            continue
        stored = json.loads(row.title_args) if isinstance(row.title_args, str) else row.title_args
        assert stored == args, old
        assert title(code, stored, lang="zh_CN") == old  # in Chinese it reads as it did
        english = title(code, stored, lang="en")
        assert english != old and "{" not in english
    assert title(found[str(uuid.UUID(int=1))].title_code, expected[str(uuid.UUID(int=1))][3], lang="en") == \
        "Up-referral sent: 新城街道工作站 → 县肿瘤防治中心 (green channel)"
    # Down again: the columns go, every title is where it was.
    migrate.downgrade(engine, "0006")
    events = sa.Table("timeline_events", sa.MetaData(), autoload_with=engine, resolve_fks=False)
    with engine.connect() as conn:
        titles = dict(conn.execute(sa.select(events.c.id, events.c.title)).all())
    assert titles == {eid: row[1] for eid, row in expected.items()}
