"""db/prepared.py runs compiled SELECTs on the DB-API cursor itself, so it leans on
SQLAlchemy internals that are no public API. pyproject.toml bounds SQLAlchemy (<2.2) for
that; these tests are the tripwire for the day the bound is raised: each names the
internal it checks, and fails with a message saying so, before the worklist search and
the patient page return wrong rows."""
from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy
from sqlalchemy import Column
from sqlalchemy import Integer
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import bindparam
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.orm import Session

from db import prepared
from db.types import UTCDateTime

REVISIT = "SQLAlchemy {version} changed an internal db/prepared.py relies on ({what}): revisit db/prepared.py"
UTC = dt.timezone.utc

metadata = MetaData()
visits = Table("visits", metadata, Column("id", Integer, primary_key=True), Column("name", String(40)),
               Column("seen_at", UTCDateTime()))
ROWS = [(1, "张三", dt.datetime(2026, 1, 1, 8, tzinfo=UTC)), (2, "李四", dt.datetime(2026, 2, 1, 8, tzinfo=UTC)),
        (3, "王五", dt.datetime(2026, 3, 1, 8, tzinfo=UTC))]


def broken(what: str) -> str:
    return REVISIT.format(version=sqlalchemy.__version__, what=what)


@pytest.fixture
def session():
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with Session(engine) as s:
        s.execute(visits.insert(), [{"id": i, "name": n, "seen_at": t} for i, n, t in ROWS])
        yield s
    engine.dispose()


def shape(name: str, after: dt.datetime):
    return select(visits.c.id).where(visits.c.name != name, visits.c.seen_at > after).order_by(visits.c.id)


def test_statements_of_one_shape_share_a_cache_key_with_their_values_in_the_same_order():
    one, two = shape("张三", ROWS[0][2]), shape("李四", ROWS[1][2])
    k1, k2 = one._generate_cache_key(), two._generate_cache_key()
    assert k1 is not None and hasattr(k1, "key") and hasattr(k1, "bindparams"), broken("_generate_cache_key()")
    assert k1.key == k2.key, broken("CacheKey.key of two statements differing only in values")
    assert [b.effective_value for b in k1.bindparams] == ["张三", ROWS[0][2]], broken("CacheKey.bindparams order")
    assert [b.effective_value for b in k2.bindparams] == ["李四", ROWS[1][2]], broken("BindParameter.effective_value")


def test_a_compiled_statement_exposes_what_prepared_reads(session):
    dialect = session.connection().dialect
    compiled = shape("张三", ROWS[0][2]).compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    for name in ("positiontup", "bind_names", "_bind_processors", "params", "post_compile_params",
                 "construct_params"):
        assert hasattr(compiled, name), broken(f"SQLCompiler.{name}")
    assert len(compiled.positiontup) == 2 and set(compiled.positiontup) <= set(compiled.construct_params()), \
        broken("SQLCompiler.positiontup names the construct_params() keys in cursor order")
    names = set(compiled.bind_names.values())
    assert names == set(compiled.positiontup), broken("SQLCompiler.bind_names maps each BindParameter to its name")
    seen_at = [n for n in compiled.positiontup if n in compiled._bind_processors]
    assert len(seen_at) == 1, broken("SQLCompiler._bind_processors holds the UTCDateTime column's processor")
    assert compiled._bind_processors[seen_at[0]](ROWS[0][2]) == "2026-01-01 08:00:00.000000", \
        broken("a bind processor turns an aware datetime into SQLite's naive UTC text")
    listed = select(visits.c.id).where(visits.c.id.in_([1, 2]))
    assert listed.compile(dialect=dialect).post_compile_params, broken("SQLCompiler.post_compile_params for IN")


def test_prepared_rows_equal_what_the_orm_returns(session):
    for name, after in (("张三", ROWS[0][2] - dt.timedelta(days=1)), ("王五", ROWS[0][2])):
        stmt = shape(name, after)
        assert prepared.rows(session, stmt) == [tuple(r) for r in session.execute(stmt)], broken("prepared.rows")
    since = bindparam("since", ROWS[0][2])  # a stand-in value, as render_postcompile needs one
    fixed = prepared.Prepared(select(visits.c.name, visits.c.seen_at)
                              .where(visits.c.id.in_([1, 3]), visits.c.seen_at >= since).order_by(visits.c.id))
    got = [(n, prepared.utc(t)) for n, t in fixed.rows(session, since=ROWS[1][2])]
    assert got == [("王五", ROWS[2][2])], broken("Prepared with a constant IN list and a named parameter")
