"""Upgrading to 0008: each open case's one next step becomes a task, the same on the server
(stamped, so desktops pull it) and on a desktop (its own copy until that pull); a step that
only restated a planned follow-up is not copied; the desktop derives the case's summary."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
import sqlalchemy as sa

from db import migrate
from db.engine import sqlite_engine
from db.engine import url_engine
from db.legacy_tasks import task_id

AT = dt.datetime(2026, 11, 1, 2, tzinfo=dt.timezone.utc)
DAY = dt.date(2026, 12, 10)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    eng = sqlite_engine(tmp_path / "m.db") if request.param == "sqlite" else url_engine(
        request.getfixturevalue("pg_url"))
    yield eng
    eng.dispose()


def _old(engine) -> dict[str, str]:
    migrate.upgrade(engine, "0007")
    meta = sa.MetaData()
    t = {n: sa.Table(n, meta, autoload_with=engine, resolve_fks=False)
         for n in ("patients", "cases", "followups", "seq_counter")}
    pid = str(uuid.uuid4())
    ids = {k: str(uuid.uuid4()) for k in ("stage", "typed", "followup", "closed", "empty")}
    sync = {"version": 1, "updated_at": AT}
    with engine.begin() as conn:
        conn.execute(t["seq_counter"].update().values(value=100))
        conn.execute(t["patients"].insert(), {"id": pid, "name": "张三", "name_pinyin": "zhangsan",
                                              "name_initials": "zs", "sex": "M", "birth_date": dt.date(1960, 5, 17),
                                              "contract_signed": False, **sync})
        for key, text, closed in (("stage", "完成诊断检查（影像/内镜/病理）", None), ("typed", "等待病理会诊结果", None),
                                  ("followup", "电话随访", None), ("closed", "病理结果追踪", AT), ("empty", None, None)):
            conn.execute(t["cases"].insert(), {"id": ids[key], "patient_id": pid, "cancer_type": "lung",
                                               "stage": "diagnose", "risk_level": "medium", "next_action": text,
                                               "due_date": DAY, "opened_at": AT, "closed_at": closed, **sync})
        conn.execute(t["followups"].insert(), {"id": str(uuid.uuid4()), "patient_id": pid, "case_id": ids["followup"],
                                               "due_date": DAY, "method": "phone", "status": "planned",
                                               "attempts": 0, **sync})
    return ids


def test_each_open_case_keeps_its_step_as_a_task(engine):
    ids = _old(engine)
    migrate.upgrade(engine)
    server = engine.dialect.name != "sqlite"
    with engine.connect() as conn:
        tasks = {r.case_id: r for r in conn.execute(sa.text(
            "SELECT id, case_id, kind, title, args, due_date, state, version, server_seq FROM tasks"))}
        summary = dict(conn.execute(sa.text("SELECT id, open_tasks FROM cases")).all())
        counter = conn.execute(sa.text("SELECT value FROM seq_counter")).scalar()
        logged = conn.execute(sa.text("SELECT count(*) FROM change_log WHERE table_name = 'tasks'")).scalar()
    assert set(tasks) == {ids["stage"], ids["typed"]}  # not the closed case, the empty one, or a follow-up's twin
    stage, typed = tasks[ids["stage"]], tasks[ids["typed"]]
    assert (stage.kind, typed.kind, typed.title) == ("stage", "legacy", "等待病理会诊结果")
    assert {stage.id, typed.id} == {task_id(ids["stage"]), task_id(ids["typed"])}  # the same on every side
    assert all(str(t.due_date) == DAY.isoformat() and t.state == "open" for t in (stage, typed))
    if server:  # stamped: every desktop pulls them
        assert sorted((stage.server_seq, typed.server_seq)) == [101, 102] and counter == 102 and logged == 2
        assert stage.version == 1
    else:  # the desktop's own copy until the server's arrives; its summary is derived
        assert stage.server_seq is None and stage.version == 0
        assert summary[ids["stage"]] == 1 and summary[ids["followup"]] == 1 and summary[ids["empty"]] == 0
