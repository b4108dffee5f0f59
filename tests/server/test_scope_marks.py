"""Cheap empty pulls (server/scope_marks.py): a pull with nothing new for its scope is answered
from the scope's marks, and that answer is always the page the full path builds — the same
cursor, watermark, rows and scope_changed — whoever asks, from wherever. Real pushes and
pulls on PostgreSQL."""
from __future__ import annotations

import random

from sqlalchemy.orm import Session

from app.sync.scope import scope_for
from db import migrate
from db.ids import uuid7
from db.models import User
from server import pull as pull_mod
from server import scope_marks


def bearer(auth: dict) -> dict:
    return {"Authorization": auth["Authorization"]}


def mark(api) -> int:
    return api.sql("SELECT value FROM seq_counter WHERE id = 1")[0][0]


def push(api, auth, *mutations, strict: bool = True) -> list[dict]:
    answer = api.client.post("/sync/push", headers=bearer(auth),
                             json={"schema_version": migrate.head(), "mutations": list(mutations)})
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert not strict or all(r["status"] == "applied" for r in results), results
    return results


def note(patient_id: str) -> dict:
    return {"mutation_id": uuid7(), "table": "timeline_events", "row_id": uuid7(), "op": "insert",
            "base_version": 0, "changes": {"patient_id": [None, patient_id], "kind": [None, "note"],
                                           "title": [None, "电话随访"], "occurred_at": [None, "2026-12-01T08:00:00Z"]}}


def edit(table: str, row_id: str, version: int, **changes) -> dict:
    return {"mutation_id": uuid7(), "table": table, "row_id": row_id, "op": "update", "base_version": version,
            "changes": {k: [None, v] for k, v in changes.items()}}


def pulled(api, auth, cursor: int, since: int | None = None) -> dict:
    body = {"cursor": cursor, "limit": 5000, **({"since": since} if since is not None else {})}
    answer = api.client.post("/sync/pull", headers=bearer(auth), json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()


def full_page(api, user_id: str, cursor: int, since: int | None = None) -> dict:
    """The page the full path builds: the marks forgotten inside a transaction rolled back."""
    with Session(api.engine) as session:
        scope = scope_for(session, session.get(User, user_id))
        scope_marks.forget(session)
        page = pull_mod.pull(session, scope, cursor, 5000, since)
        session.rollback()
    return page


def answered_by_marks(api, user_id: str, cursor: int, since: int | None = None) -> bool:
    with Session(api.engine) as session:
        scope = scope_for(session, session.get(User, user_id))
        return scope_marks.empty_page(session, scope, cursor, since) is not None


def same(page: dict) -> dict:
    """A page with its rows in a fixed order (the server sends them in any order)."""
    return {**page, "tables": {t: {"columns": v["columns"], "rows": sorted(map(tuple, v["rows"]))}
                               for t, v in page["tables"].items()}}


def patients_of(api, user_id: str) -> list[tuple[str, int]]:
    """Patients in a community person's scope: their unit's community points' patients."""
    return api.sql(
        "SELECT p.id, p.version FROM patients p JOIN org_units c ON c.id = p.community_id "
        "JOIN users u ON u.id = :u WHERE (c.id = u.org_unit_id OR c.parent_id = u.org_unit_id) "
        "AND p.deleted_at IS NULL ORDER BY p.id", u=user_id)


def test_a_change_elsewhere_leaves_a_community_desktop_an_empty_answer(api):
    cm = api.login("community_cm", 0)
    other = api.users["community_cm"][1][1]
    before = mark(api)
    assert answered_by_marks(api, cm["user"]["id"], before)
    elsewhere, _ = patients_of(api, other)[0]
    push(api, api.login("clinic_cm"), note(elsewhere))
    after = mark(api)
    assert after > before
    page = pulled(api, cm, before, since=before)
    assert page == {"cursor": after, "watermark": after, "more": False, "count": 0, "tables": {},
                    "scope_changed": False}
    assert answered_by_marks(api, cm["user"]["id"], before, since=before)
    assert same(page) == same(full_page(api, cm["user"]["id"], before, since=before))


def test_a_change_in_the_scope_is_pulled_and_not_answered_empty(api):
    cm = api.login("community_cm", 0)
    mine, _ = patients_of(api, cm["user"]["id"])[0]
    before = mark(api)
    written = note(mine)
    push(api, api.login("clinic_cm"), written)
    assert not answered_by_marks(api, cm["user"]["id"], before)
    page = pulled(api, cm, before)
    table = page["tables"]["timeline_events"]
    assert page["count"] == 1 and table["rows"][0][table["columns"].index("id")] == written["row_id"]
    assert answered_by_marks(api, cm["user"]["id"], page["cursor"])  # and caught up, empty again


def test_a_family_doctor_sees_a_change_to_a_patient_signed_with_them_in_another_community(api):
    doctor_name, doctor_id = api.users["family_doctor"][0]
    doctor = api.login("family_doctor", 0)
    elsewhere = api.sql(  # a patient of a sibling community point (a doctor serves their station)
        "SELECT p.id, p.version FROM patients p JOIN org_units c ON c.id = p.community_id "
        "JOIN users u ON u.id = :d JOIN org_units mine ON mine.id = u.org_unit_id "
        "WHERE c.parent_id = mine.parent_id AND c.id <> mine.id AND p.deleted_at IS NULL ORDER BY p.id LIMIT 1",
        d=doctor_id)[0]
    clinic = api.login("clinic_cm")
    push(api, clinic, edit("patients", elsewhere[0], elsewhere[1], family_doctor_id=doctor_id))
    before = mark(api)
    assert answered_by_marks(api, doctor_id, before)
    push(api, clinic, note(elsewhere[0]))
    assert not answered_by_marks(api, doctor_id, before)
    page = pulled(api, doctor, before)
    assert page["count"] == 1 and "timeline_events" in page["tables"], doctor_name


def test_a_patient_moving_away_tells_the_old_scope_its_scope_changed(api):
    cm = api.login("community_cm", 0)
    mine, version = patients_of(api, cm["user"]["id"])[0]
    away = api.sql("SELECT id FROM org_units WHERE kind = 'community_point' AND id NOT IN "
                   "(SELECT p.community_id FROM patients p WHERE p.id = :p) AND parent_id <> "
                   "(SELECT org_unit_id FROM users WHERE id = :u) ORDER BY code LIMIT 1",
                   p=mine, u=cm["user"]["id"])[0][0]
    before = mark(api)
    push(api, api.login("clinic_cm"), edit("patients", mine, version, community_id=away))
    page = pulled(api, cm, before, since=before)
    assert answered_by_marks(api, cm["user"]["id"], before, since=before)
    assert page["count"] == 0 and page["scope_changed"] is True  # the desktop checks and lets the patient go
    assert same(page) == same(full_page(api, cm["user"]["id"], before, since=before))


def test_a_unit_or_person_changed_makes_every_limited_scope_look(api):
    cm = api.login("community_cm", 0)
    before = mark(api)
    admin = api.login("admin")
    unit_id, unit_version = api.sql("SELECT id, version FROM org_units WHERE kind = 'community_point' "
                                    "ORDER BY code DESC LIMIT 1")[0]
    push(api, admin, edit("org_units", unit_id, unit_version, phone="0574-88990011"))
    assert not answered_by_marks(api, cm["user"]["id"], before)
    page = pulled(api, cm, before, since=before)
    assert "org_units" in page["tables"] and page["scope_changed"] is True


def test_marks_answer_exactly_as_the_full_path_over_random_pushes(api):
    """Random notes and edits by several people, then every person's pull from many cursors:
    wherever the marks answer, the answer is the full path's page."""
    rng = random.Random(20)
    people = [("community_cm", 0), ("community_cm", 1), ("family_doctor", 0), ("family_doctor", 1),
              ("clinic_cm", 0)]
    auths = {p: api.login(*p) for p in people}
    communities = [r[0] for r in api.sql("SELECT id FROM org_units WHERE kind = 'community_point' ORDER BY code")]
    doctors = [uid for _, uid in api.users["family_doctor"]]
    start, changed = mark(api), 0
    for _ in range(12):
        who = rng.choice(people)
        pool = patients_of(api, auths[who]["user"]["id"]) if who[0] == "community_cm" else \
            api.sql("SELECT id, version FROM patients WHERE deleted_at IS NULL ORDER BY id")
        if who[0] == "family_doctor" or not pool:
            who, pool = ("clinic_cm", 0), api.sql("SELECT id, version FROM patients WHERE deleted_at IS NULL "
                                                  "ORDER BY id")
        pid, version = rng.choice(pool)
        roll = rng.random()
        if roll < 0.5:
            push(api, auths[who], note(pid))
        elif roll < 0.75 and who[0] == "clinic_cm":  # refused when the family doctor serves elsewhere
            push(api, auths[who], edit("patients", pid, version, community_id=rng.choice(communities)), strict=False)
        elif who[0] == "clinic_cm":
            push(api, auths[who], edit("patients", pid, version, family_doctor_id=rng.choice(doctors)), strict=False)
        else:
            push(api, auths[who], edit("patients", pid, version, phone=f"138{rng.randrange(10**8):08d}"))
        changed += 1
    end = mark(api)
    assert end > start + changed // 2  # most of them were taken
    answered = 0
    for who in people:
        uid = auths[who]["user"]["id"]
        for cursor in sorted({start, end, *rng.sample(range(start, end + 1), min(8, end - start + 1))}):
            since = rng.choice([None, start, cursor])
            fast = answered_by_marks(api, uid, cursor, since)
            answered += fast
            assert same(pulled(api, auths[who], cursor, since)) == same(full_page(api, uid, cursor, since)), \
                (who, cursor, since, fast)
    assert answered >= len(people)  # every caught-up desktop at least was answered from the marks


def test_a_worker_whose_tree_is_stale_reads_it_again_before_trusting_the_marks(api):
    """Another worker moved a community point under this case manager's station; this worker
    still holds the tree from before. The marks it compares must be the new scope's."""
    from app.sync import scope as scope_mod

    cm = api.login("community_cm", 0)
    uid = cm["user"]["id"]
    with Session(api.engine) as session:
        user = session.get(User, uid)
        scope_for(session, user)
        stale = scope_mod._cached
    moved, version = api.sql(
        "SELECT c.id, c.version FROM org_units c JOIN patients p ON p.community_id = c.id "
        "WHERE c.kind = 'community_point' AND c.parent_id <> (SELECT org_unit_id FROM users WHERE id = :u) "
        "ORDER BY c.code LIMIT 1", u=uid)[0]
    push(api, api.login("admin"), edit("org_units", moved, version, parent_id=cm["user"]["org_unit_id"]))
    cursor = mark(api)
    patient = api.sql("SELECT id FROM patients WHERE community_id = :c ORDER BY id LIMIT 1", c=moved)[0][0]
    push(api, api.login("clinic_cm"), note(patient))
    scope_mod._cached = stale  # as the other worker left it
    with Session(api.engine) as session:
        assert scope_marks.quick(session, session.get(User, uid), cursor, None) is None
    scope_mod._cached = stale
    page = pulled(api, cm, cursor)
    assert page["count"] == 1 and "timeline_events" in page["tables"]


def test_a_connection_lost_under_the_marks_read_is_the_error_the_fallbacks_catch(server_db):
    """The marks are read on the driver's connection: a lost one must still surface as
    SQLAlchemy's OperationalError (the replica falls back to the primary on it, the edge
    answers 503), and the pool must not hand the dead connection out again."""
    import pytest
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from db.engine import url_engine

    engine = url_engine(server_db)
    try:
        with Session(engine) as session:
            pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
            with engine.connect() as other:
                other.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            with pytest.raises(OperationalError):
                scope_marks.read(session, [scope_marks.REF])
        with Session(engine) as session:  # a new connection, and the same read answers
            watermark, since, *_ = scope_marks.read(session, [scope_marks.REF])
            assert watermark > 0
    finally:
        engine.dispose()
