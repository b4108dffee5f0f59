"""Migrations run empty → head → base on SQLite and PostgreSQL, and match the models."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect
from sqlalchemy import select

from db import migrate
from db.engine import session_factory
from db.engine import sqlite_engine
from db.engine import url_engine
from db.models import Base
from db.models import Case
from db.models import OrgUnit
from db.models import Patient
from db.models import TimelineEvent
from db.models import User

UTC = dt.timezone.utc


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        eng = sqlite_engine(tmp_path / "m.db")
    else:
        eng = url_engine(request.getfixturevalue("pg_url"))
    yield eng
    eng.dispose()


def test_upgrade_from_empty_to_head_and_back(engine):
    assert migrate.is_empty(engine)
    migrate.upgrade(engine)
    assert migrate.current(engine) == migrate.head()
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    migrate.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}


def test_migrated_schema_matches_the_models(engine):
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = migrate.differences(conn)
    assert diff == [], f"models and migrations disagree; write a migration: {diff}"


def test_round_trip_of_a_patient_case_and_event(engine):
    migrate.upgrade(engine)
    sessions = session_factory(engine)
    at = dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    with sessions.begin() as s:
        org = OrgUnit(kind="community_point", code="C001", name="新城社区防治点")
        s.add(org)
        s.flush()
        cm = User(username="cm01", display_name="王丽", role="community_cm", org_unit_id=org.id)
        p = Patient(name="张三", name_pinyin="zhangsan", name_initials="zs", sex="M",
                    birth_date=dt.date(1960, 5, 17), id_number="33020619600517123X",
                    community_id=org.id, smoking_pack_years=32.5)
        s.add_all([cm, p])
        s.flush()
        c = Case(patient_id=p.id, cancer_type="lung", stage="screen", community_cm_id=cm.id,
                 due_date=dt.date(2026, 3, 9), opened_at=at)
        s.add(c)
        s.flush()
        s.add(TimelineEvent(patient_id=p.id, case_id=c.id, kind="screening", occurred_at=at,
                            title="低剂量CT筛查", data={"结节": "6mm", "lung_rads": 3}))
        pid = p.id
    with sessions() as s:
        p = s.get(Patient, pid)
        assert (p.name, p.birth_date, p.smoking_pack_years) == ("张三", dt.date(1960, 5, 17), 32.5)
        assert len(p.id) == 36 and p.version == 0 and p.deleted_at is None
        case = s.scalars(select(Case).where(Case.patient_id == pid)).one()
        assert case.opened_at == at and case.opened_at.tzinfo is not None
        event = s.scalars(select(TimelineEvent).where(TimelineEvent.patient_id == pid)).one()
        assert event.data == {"结节": "6mm", "lung_rads": 3}
        assert event.occurred_at.astimezone(UTC).hour == 0  # 08:30 +08:00 is 00:30 UTC


def test_naive_datetimes_are_refused(engine):
    migrate.upgrade(engine)
    with pytest.raises(Exception, match="naive datetime"):
        with session_factory(engine).begin() as s:
            s.add(OrgUnit(kind="centre", code="X", name="x", updated_at=dt.datetime(2026, 1, 1)))


def test_a_schema_newer_than_this_build_is_refused_untouched(tmp_path):
    eng = sqlite_engine(tmp_path / "new.db")
    migrate.upgrade(eng)
    with eng.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num='9999_future'")
    eng.dispose()  # checkpoint the WAL: the file now is what a newer build left behind
    eng = sqlite_engine(tmp_path / "new.db")
    before = (tmp_path / "new.db").read_bytes()
    with pytest.raises(migrate.SchemaTooNew, match="newer"):
        migrate.upgrade(eng)
    eng.dispose()
    assert (tmp_path / "new.db").read_bytes() == before


def index_names(engine) -> set[str]:
    return {i["name"] for t in ("patients",) for i in inspect(engine).get_indexes(t)}


def test_the_search_indexes_are_on_a_desktop_and_not_on_the_server(engine):
    """The desktop's search box reads them; the server never searches patients, where they
    would cost every pushed patient change five more index entries."""
    from db.models.base import desktop_only_indexes

    migrate.upgrade(engine)
    search = {i.name for i in desktop_only_indexes()}
    assert search >= {"ix_patients_name_search", "ix_patients_pinyin_search", "ix_patients_phone_tail"}
    if engine.dialect.name == "sqlite":  # expression indexes are beyond SQLite's reflection: by name
        with engine.connect() as conn:
            held = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert search <= held
        return
    held = index_names(engine)
    assert not search & held and "ix_patients_id_number" in held  # the duplicate check's index stays
    # A server migrated before they were marked holds them: the next upgrade drops them.
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE INDEX ix_patients_name_search ON patients (name, deleted_at, id)")
    migrate.upgrade(engine)
    assert "ix_patients_name_search" not in index_names(engine)
    migrate.downgrade(engine, "0005")  # and a downgrade past their migration still works
    migrate.upgrade(engine)
    assert not search & index_names(engine)
