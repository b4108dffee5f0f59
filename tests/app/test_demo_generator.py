"""The demo data generator: a plausible, consistent, reproducible network and caseload."""
from __future__ import annotations

import collections
import datetime as dt
import json
import re

import psutil
import pytest
from sqlalchemy import select
from sqlalchemy import text

from app import idcard
from app.demo import NotEmptyError
from app.demo import generate
from app.demo.clinical import PATHWAY
from app.demo.context import SHORT_CODE_ALPHABET
from app.demo.names import name_keys
from app.demo.rows import COLUMNS
from app.profile import Profile
from db import migrate
from db.engine import url_engine
from db.models import Base
from db.models import TimelineEvent
from db.models.enums import MdtState
from db.models.enums import ReferralState
from tests.support import run_main
from ui.problem_words import say

TODAY = dt.date(2026, 3, 16)
SIZE, SEED, EVENTS = 200, 3, (5, 50)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One generated profile shared by the read-only checks below."""
    profile = Profile.open(tmp_path_factory.mktemp("demo") / "p")
    stats = generate(profile, SIZE, SEED, EVENTS, today=TODAY, parallel=False)
    yield profile, stats
    profile.close()


def sql(profile, query, **params):
    with profile.engine.connect() as conn:
        return conn.execute(text(query), params).all()


def dump(engine) -> dict[str, list[tuple]]:
    """Every generated table read back through Core (typed values), ordered by id in
    Python, so that database collations do not matter. Columns a desktop derives for itself
    (db/summary.py) are left out: the server's database keeps no summary."""
    out = {}
    with engine.connect() as conn:
        for name in COLUMNS:
            table = Base.metadata.tables[name]
            kept = [c for c in table.c if not c.info.get("derived")]
            at = [c.name for c in kept].index("id")
            out[name] = sorted((tuple(r) for r in conn.execute(select(*kept))), key=lambda r: r[at])
    return out


def test_the_network_is_1_3_11_164_with_partners_and_27_case_managers(demo):
    profile, stats = demo
    kinds = dict(sql(profile, "SELECT kind, count(*) FROM org_units GROUP BY kind"))
    assert (kinds["centre"], kinds["sub_centre"], kinds["street_station"], kinds["community_point"]) == (1, 3, 11, 164)
    assert 2 <= kinds["partner_hospital"] <= 3
    roles = dict(sql(profile, "SELECT role, count(*) FROM users GROUP BY role"))
    assert roles["clinic_cm"] + roles["ward_cm"] + roles["community_cm"] == 27
    assert roles["community_cm"] == 11 and roles["ward_cm"] == 10 and roles["admin"] == 1
    assert roles["family_doctor"] >= 22
    names = {u for (u,) in sql(profile, "SELECT username FROM users")}
    assert {"admin", "cm01", "cm27", "doctor01"} <= names
    # Every community point hangs off a street station, every station off a sub-centre.
    orphans = sql(profile, """SELECT c.code FROM org_units c JOIN org_units p ON p.id = c.parent_id
                              WHERE (c.kind = 'community_point' AND p.kind != 'street_station')
                                 OR (c.kind = 'street_station' AND p.kind != 'sub_centre')""")
    assert orphans == []
    assert stats.org_units == 182 and stats.patients == SIZE


def test_every_id_number_is_valid_and_matches_birth_date_and_sex(demo):
    profile, _ = demo
    rows = sql(profile, "SELECT id_number, birth_date, sex FROM patients")
    assert len(rows) == SIZE and len({r[0] for r in rows}) == SIZE
    for number, birth, sex in rows:
        region, born, parsed_sex = idcard.parse(number)
        assert (born.isoformat(), parsed_sex) == (birth, sex)
        assert idcard.check_digit(number[:17]) == number[17]
    ages = [(TODAY - dt.date.fromisoformat(b)).days // 365 for _, b, _ in rows]
    assert sum(40 <= a <= 80 for a in ages) / len(ages) > 0.8


def test_names_carry_their_pinyin_search_keys(demo):
    assert name_keys("张三") == ("zhangsan", "zs")
    assert name_keys("吕曾") == ("lvceng", "lc") and name_keys("曾吕") == ("zenglv", "zl")
    profile, _ = demo
    for name, full, initials in sql(profile, "SELECT name, name_pinyin, name_initials FROM patients"):
        assert (full, initials) == name_keys(name)
        assert len(initials) == len(name) and re.fullmatch("[a-z]+", full)


def test_phones_are_mobile_numbers_and_addresses_reach_the_community(demo):
    profile, _ = demo
    rows = sql(profile, """SELECT p.phone, p.address, o.name FROM patients p
                           JOIN org_units o ON o.id = p.community_id""")
    for phone, address, community in rows:
        assert re.fullmatch(r"1[3-9]\d{9}", phone)
        assert "街道" in address and community.removesuffix("防治点") in address


def test_every_referral_and_mdt_state_occurs_and_short_codes_are_unique(demo):
    profile, _ = demo
    states = {s for (s,) in sql(profile, "SELECT DISTINCT state FROM referrals")}
    assert states == {s.value for s in ReferralState}
    assert {s for (s,) in sql(profile, "SELECT DISTINCT state FROM mdt_requests")} == {s.value for s in MdtState}
    directions = dict(sql(profile, "SELECT direction, count(*) FROM referrals GROUP BY direction"))
    assert directions["up"] > 0 and directions["down"] > 0
    assert sql(profile, "SELECT count(*) FROM referrals WHERE green_channel")[0][0] > 0
    codes = [c for (c,) in sql(profile, "SELECT short_code FROM referrals")]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 6 and set(c) <= set(SHORT_CODE_ALPHABET) for c in codes)
    drafts = sql(profile, "SELECT count(*) FROM referrals WHERE state = 'draft' AND sent_at IS NOT NULL")
    assert drafts[0][0] == 0


def test_events_per_patient_stay_in_range_and_follow_the_pathway(demo):
    profile, _ = demo
    counts = [n for (n,) in sql(profile, "SELECT count(*) FROM timeline_events GROUP BY patient_id")]
    assert len(counts) == SIZE and min(counts) >= EVENTS[0] and max(counts) <= EVENTS[1]
    kinds = {k for (k,) in sql(profile, "SELECT DISTINCT kind FROM timeline_events")}
    assert kinds == {"screening", "referral", "exam", "mdt", "treatment", "followup", "letter",
                     "note", "call", "stage"}
    # Stage changes of a case move forward along 防 筛 诊 治 康 帮.
    stages = collections.defaultdict(list)
    for case_id, data in sql(profile, """SELECT case_id, data FROM timeline_events
                                         WHERE kind = 'stage' ORDER BY occurred_at"""):
        doc = json.loads(data)
        stages[case_id].append(PATHWAY.index(doc["to"]))
        assert PATHWAY.index(doc["from"]) < PATHWAY.index(doc["to"])
    assert stages and all(s == sorted(s) for s in stages.values())
    # Nothing happened in the future, and every case's last contact is its latest event.
    assert sql(profile, "SELECT count(*) FROM timeline_events WHERE occurred_at >= :t",
               t=TODAY.isoformat())[0][0] == 0
    mismatched = sql(profile, """SELECT c.id FROM cases c JOIN timeline_events e ON e.case_id = c.id
                                 GROUP BY c.id HAVING max(e.occurred_at) != c.last_contact_at
                                 OR min(e.occurred_at) < c.opened_at""")
    assert mismatched == []


def test_records_behind_events_exist_and_foreign_keys_hold(demo):
    profile, _ = demo
    for table in ("referrals", "followups", "mdt_requests", "screenings", "letters"):
        dangling = sql(profile, f"""SELECT count(*) FROM timeline_events e LEFT JOIN {table} r ON r.id = e.ref_id
                                    WHERE e.ref_table = '{table}' AND r.id IS NULL""")
        assert dangling[0][0] == 0, table
    assert sql(profile, "PRAGMA foreign_key_check") == []
    assert sql(profile, "PRAGMA foreign_keys")[0][0] == 1  # switched back on after the load
    assert sql(profile, "PRAGMA journal_mode")[0][0] == "wal"


def test_the_worklist_has_overdue_due_today_and_future_cases_and_planned_followups(demo):
    profile, _ = demo
    today = TODAY.isoformat()
    (overdue, due_today, future), = sql(profile, """SELECT sum(due_date < :t), sum(due_date = :t),
        sum(due_date > :t) FROM cases WHERE closed_at IS NULL""", t=today)
    assert overdue > 0 and due_today > 0 and future > overdue
    stages = dict(sql(profile, "SELECT stage, count(*) FROM cases GROUP BY stage"))
    assert set(stages) == set(PATHWAY)
    assert stages["screen"] + stages["rehab"] > stages["diagnose"] + stages["treat"]
    statuses = dict(sql(profile, "SELECT status, count(*) FROM followups GROUP BY status"))
    assert statuses["done"] > statuses["missed"] > 0 and statuses["planned"] > 0
    assert sql(profile, "SELECT count(*) FROM followups WHERE status = 'planned' AND due_date >= :t",
               t=today)[0][0] > 0


def test_rows_are_stored_as_the_orm_stores_them(demo):
    profile, _ = demo
    (birth, occurred, updated, version, device), = sql(profile, """SELECT p.birth_date, e.occurred_at,
        e.updated_at, e.version, e.device_id FROM patients p JOIN timeline_events e ON e.patient_id = p.id LIMIT 1""")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", birth)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", occurred)
    assert (version, device) == (0, "demo") and updated
    for table in COLUMNS:
        assert sql(profile, f"SELECT count(*) FROM {table} WHERE version != 0 OR device_id != 'demo'"
                            " OR updated_at IS NULL")[0][0] == 0
    with profile.sessions() as s:
        event = s.scalars(select(TimelineEvent).where(TimelineEvent.kind == "stage").limit(1)).one()
        assert event.occurred_at.tzinfo is dt.timezone.utc and isinstance(event.data, dict)
    assert profile.is_demo


def test_same_seed_gives_identical_data_and_another_seed_different(tmp_path):
    engines = [_sqlite(tmp_path / f"{i}.db") for i in range(3)]
    for engine, seed in zip(engines, (7, 7, 8)):
        generate(engine, 40, seed, (3, 12), today=TODAY, parallel=False)
    first, again, other = (dump(e) for e in engines)
    assert first == again
    assert first["org_units"] == other["org_units"]  # one network for every seed
    assert {r[0] for r in first["patients"]}.isdisjoint(r[0] for r in other["patients"])
    assert [r[1] for r in first["patients"]] != [r[1] for r in other["patients"]]


def test_the_worker_process_produces_the_same_rows(tmp_path):
    inline, worker = _sqlite(tmp_path / "a.db"), _sqlite(tmp_path / "b.db")
    seen = []
    generate(inline, 2100, 11, (2, 4), today=TODAY, parallel=False)
    generate(worker, 2100, 11, (2, 4), today=TODAY, parallel=True, progress=lambda d, t: seen.append((d, t)))
    assert dump(inline) == dump(worker)
    assert seen == [(2000, 2100), (2100, 2100)]


def test_a_failure_while_inserting_stops_the_worker_and_leaves_the_profile_empty(tmp_path):
    profile = Profile.open(tmp_path / "p")
    me = psutil.Process()

    def fail(done, total):
        assert me.children(), "the worker should be running"
        raise KeyboardInterrupt

    try:
        with pytest.raises(KeyboardInterrupt):
            generate(profile, 4000, 1, (2, 3), today=TODAY, parallel=True, progress=fail)
        assert me.children() == []
        assert profile.is_empty() and not profile.is_demo
        assert sql(profile, "SELECT count(*) FROM org_units") == [(0,)]
        assert sql(profile, "PRAGMA journal_mode")[0][0] == "wal"
        generate(profile, 10, 1, (2, 3), today=TODAY)  # and it can be filled afterwards
    finally:
        profile.close()


def test_a_profile_another_connection_has_open_is_filled_in_wal_mode(tmp_path):
    profile = Profile.open(tmp_path / "p")
    reader = profile.engine.raw_connection()  # a second connection, with the profile's key
    try:
        reader.execute("SELECT count(*) FROM patients").fetchall()
        generate(profile, 20, 1, (2, 5), today=TODAY)
        assert reader.execute("SELECT count(*) FROM patients").fetchall() == [(20,)]
        assert sql(profile, "PRAGMA journal_mode")[0][0] == "wal"
    finally:
        reader.close()
        profile.close()


def test_a_database_with_patients_is_refused_and_left_unchanged(demo):
    profile, _ = demo
    before = sql(profile, "SELECT count(*) FROM timeline_events")
    with pytest.raises(NotEmptyError) as refused:
        generate(profile, 5, 1, today=TODAY)
    assert say(refused.value, "en").startswith("The database already has patients: demo data is only generated")
    assert say(refused.value, "zh_CN").startswith("数据库已有患者")
    assert sql(profile, "SELECT count(*) FROM timeline_events") == before
    assert sql(profile, "PRAGMA journal_mode")[0][0] == "wal"


def test_cli_fills_a_profile_then_refuses_to_fill_it_again(tmp_path):
    target = tmp_path / "cli"
    first = run_main("demo", "--profile", str(target), "--patients", "200", "--seed", "3")
    assert first.returncode == 0, first.stderr
    assert re.search(r"patients\s+200\b", first.stdout) and "timeline_events" in first.stdout
    profile = Profile.open(target)
    try:
        assert profile.is_demo and not profile.is_empty()
    finally:
        profile.close()
    again = run_main("demo", "--profile", str(target), "--patients", "200", "--seed", "3")
    assert again.returncode == 2
    assert "已有患者数据" in again.stderr and again.stdout == ""


@pytest.mark.postgres
def test_generation_works_on_postgresql_with_the_same_rows(pg_url, tmp_path):
    engine = url_engine(pg_url)
    try:
        migrate.upgrade(engine)
        stats = generate(engine, 50, SEED, (3, 15), today=TODAY)
        assert stats.patients == 50 and stats.timeline_events > 0
        reference = _sqlite(tmp_path / "ref.db")
        generate(reference, 50, SEED, (3, 15), today=TODAY)
        assert dump(engine) == dump(reference)
    finally:
        engine.dispose()


def _sqlite(path):
    engine = url_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    return engine

