"""A case's one "next action" (schema 0007) still reaches the server from an outbox entry queued
before its desktop upgraded (since 0009 the server no longer serves 0007 desktops themselves,
but their queued changes travel on): the server keeps it as the case's legacy task
(server/legacy_tasks.py), numbered like any server write, so every desktop pulls it. Real
pushes and pulls on PostgreSQL."""
from __future__ import annotations

import datetime as dt

from db.ids import uuid7
from db.legacy_tasks import task_id


def bearer(auth: dict) -> dict:
    return {"Authorization": auth["Authorization"]}


OLDEST = "0008"  # the oldest schema the server serves; an 0007 change queued before an upgrade comes with it


def schemas(api) -> list[str]:
    return api.client.get("/health").json()["schema"]


def push(api, auth, schema: str, case_id: str, base: int, **changes) -> dict:
    answer = api.client.post("/sync/push", headers=bearer(auth), json={"schema_version": schema, "mutations": [{
        "mutation_id": uuid7(), "table": "cases", "row_id": case_id, "op": "update", "base_version": base,
        "changes": {k: [None, v] for k, v in changes.items()}}]})
    assert answer.status_code == 200, answer.text
    return answer.json()["results"][0]


def pulled_task(api, auth, cursor: int, tid: str) -> dict | None:
    page = api.client.post("/sync/pull", headers=bearer(auth), json={"cursor": cursor}).json()
    table = page["tables"].get("tasks")
    if table is None:
        return None
    rows = [dict(zip(table["columns"], row)) for row in table["rows"]]
    return next((r for r in rows if r["id"] == tid), None)


def a_case(api, patient_filter: str = "TRUE", **params) -> tuple[str, int]:
    """An open case with no legacy task yet."""
    rows = api.sql(
        "SELECT c.id, c.version FROM cases c JOIN patients p ON p.id = c.patient_id "
        "WHERE c.closed_at IS NULL AND c.deleted_at IS NULL AND p.deleted_at IS NULL AND " + patient_filter +
        " ORDER BY c.id", **params)
    for case_id, version in rows:
        if not api.sql("SELECT 1 FROM tasks WHERE id = :t", t=task_id(case_id)):
            return case_id, version
    raise AssertionError("no case without a legacy task in the demo data")


def task(api, case_id: str):
    rows = api.sql("SELECT title, kind, due_date, state, closed_at, version, server_seq, patient_id "
                   "FROM tasks WHERE id = :t", t=task_id(case_id))
    return rows[0] if rows else None


def case_seq(api, case_id: str) -> int:
    return api.sql("SELECT server_seq FROM cases WHERE id = :c", c=case_id)[0][0]


def test_next_action_from_an_0007_desktop_is_the_cases_task(api):
    old, new = schemas(api)
    assert (old, new) == ("0008", "0009")
    auth = api.login("clinic_cm")
    case_id, version = a_case(api)
    start = api.sql("SELECT value FROM seq_counter WHERE id = 1")[0][0]

    answer = push(api, auth, old, case_id, version, next_action="复查血常规", due_date="2027-01-15")
    assert answer["status"] == "applied" and answer["version"] == version + 1
    assert answer["server_seq"] == case_seq(api, case_id)  # the case's own number, not the task's
    title, kind, due, state, closed, task_version, seq, patient = task(api, case_id)
    assert (title, kind, due, state, closed, task_version) == ("复查血常规", "legacy", dt.date(2027, 1, 15),
                                                               "open", None, 1)
    assert seq > answer["server_seq"] > start
    assert patient == api.sql("SELECT patient_id FROM cases WHERE id = :c", c=case_id)[0][0]
    assert api.sql("SELECT version, fields FROM change_log WHERE table_name = 'tasks' AND row_id = :t",
                   t=task_id(case_id))[0][0] == 1
    row = pulled_task(api, auth, start, task_id(case_id))
    assert row is not None and row["title"] == "复查血常规" and row["due_date"] == "2027-01-15"
    assert row["state"] == "open" and row["server_seq"] == seq

    answer = push(api, auth, old, case_id, version + 1, next_action="预约增强CT")
    assert answer["status"] == "applied"
    title, _, due, state, _, task_version, seq2, _ = task(api, case_id)
    assert (title, due, state, task_version) == ("预约增强CT", dt.date(2027, 1, 15), "open", 2)
    assert seq2 > seq
    assert pulled_task(api, auth, seq, task_id(case_id))["title"] == "预约增强CT"

    answer = push(api, auth, old, case_id, version + 2, next_action=None)
    assert answer["status"] == "applied"
    title, _, _, state, closed, task_version, seq3, _ = task(api, case_id)
    assert (title, state, task_version) == ("预约增强CT", "cancelled", 3) and closed is not None
    assert pulled_task(api, auth, seq2, task_id(case_id))["state"] == "cancelled"

    # The step set again reopens the same task.
    push(api, auth, old, case_id, version + 3, next_action="复诊")
    assert task(api, case_id)[:4] == ("复诊", "legacy", dt.date(2027, 1, 15), "open")
    assert task(api, case_id)[4] is None


def test_a_closed_case_cancels_its_task_and_a_repeat_changes_nothing(api):
    auth = api.login("clinic_cm")
    case_id, version = a_case(api)
    push(api, auth, OLDEST, case_id, version, next_action="完成诊断检查（影像/内镜/病理）")
    assert task(api, case_id)[1] == "stage"
    logged = api.sql("SELECT count(*) FROM change_log")[0][0]
    push(api, auth, OLDEST, case_id, version, next_action="完成诊断检查（影像/内镜/病理）")  # sent again
    assert api.sql("SELECT count(*) FROM change_log")[0][0] == logged
    push(api, auth, OLDEST, case_id, version + 1, next_action="已结案（失访）")
    assert task(api, case_id)[3] == "cancelled"


def test_an_0008_desktop_without_next_action_makes_no_task(api):
    _, new = schemas(api)
    auth = api.login("clinic_cm")
    case_id, version = a_case(api)
    logged = api.sql("SELECT count(*) FROM change_log")[0][0]
    risk, = api.sql("SELECT risk_level FROM cases WHERE id = :c", c=case_id)[0]
    answer = push(api, auth, new, case_id, version, risk_level="low" if risk == "high" else "high")
    assert answer["status"] == "applied"
    assert task(api, case_id) is None
    assert api.sql("SELECT count(*) FROM change_log")[0][0] == logged + 1
    # An entry queued before the upgrade still carries the old field: it is kept as a task.
    push(api, auth, new, case_id, version + 1, next_action="电话联系家属")
    assert task(api, case_id)[:4] == ("电话联系家属", "legacy", None, "open")


def test_a_community_managers_push_makes_a_task_they_pull(api):
    auth = api.login("community_cm")
    unit = api.sql("SELECT org_unit_id FROM users WHERE id = :u", u=auth["user"]["id"])[0][0]
    units = [unit] + [u for (u,) in api.sql("SELECT id FROM org_units WHERE parent_id = :u", u=unit)]
    case_id, version = a_case(api, "p.community_id = ANY(:units)", units=units)
    start = api.sql("SELECT value FROM seq_counter WHERE id = 1")[0][0]
    assert push(api, auth, OLDEST, case_id, version, next_action="上门评估")["status"] == "applied"
    assert pulled_task(api, auth, start, task_id(case_id))["title"] == "上门评估"
    # Someone outside the patient's scope does not see it.
    others = [i for i, (_, uid) in enumerate(api.users["community_cm"])
              if api.sql("SELECT org_unit_id FROM users WHERE id = :u", u=uid)[0][0] not in units]
    if others:
        stranger = api.login("community_cm", index=others[0], device="dev-stranger")
        assert pulled_task(api, stranger, start, task_id(case_id)) is None


def test_a_step_restating_a_planned_follow_up_is_not_copied(api):
    auth = api.login("clinic_cm")
    rows = api.sql("SELECT c.id, c.version, f.due_date FROM cases c JOIN followups f ON f.case_id = c.id "
                   "WHERE f.status = 'planned' AND f.deleted_at IS NULL AND c.closed_at IS NULL "
                   "AND c.deleted_at IS NULL ORDER BY c.id")
    case_id, version, day = next(r for r in rows if task(api, r[0]) is None)
    push(api, auth, OLDEST, case_id, version, next_action="电话随访", due_date=day.isoformat())
    assert task(api, case_id) is None
