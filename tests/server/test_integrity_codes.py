"""A change the database itself refuses is told by the database's error code (PostgreSQL's
SQLSTATE, SQLite's extended result name), never by reading its message."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from server.checks import integrity_problem

STATEMENTS = [
    ("INSERT INTO t (id, ref, name) VALUES (1, NULL, NULL)", "field.required"),
    ("INSERT INTO t (id, ref, name) VALUES (1, 99, 'x')", "sync.missing_reference"),
    ("INSERT INTO t (id, ref, name) VALUES (2, NULL, 'a')", "sync.duplicate"),
]


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request):
    if request.param == "sqlite":
        eng = create_engine("sqlite://")
        pragma = "PRAGMA foreign_keys=ON"
    else:
        eng = create_engine(request.getfixturevalue("pg_url"))
        pragma = None
    with eng.begin() as conn:
        if pragma:
            conn.exec_driver_sql(pragma)
        conn.execute(text("DROP TABLE IF EXISTS t"))
        conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, ref INTEGER REFERENCES t (id), "
                          "name VARCHAR(8) NOT NULL UNIQUE)"))
        conn.execute(text("INSERT INTO t (id, ref, name) VALUES (100, NULL, 'a')"))
    yield eng, pragma
    with eng.begin() as conn:
        conn.execute(text("DROP TABLE t"))
    eng.dispose()


@pytest.mark.parametrize("statement,code", STATEMENTS)
def test_each_refusal_has_its_code(engine, statement, code):
    eng, pragma = engine
    with eng.connect() as conn:
        if pragma:
            conn.exec_driver_sql(pragma)
        with pytest.raises(IntegrityError) as exc:
            conn.execute(text(statement))
    assert integrity_problem(exc.value).code == code


def test_an_unknown_failure_is_not_stored_without_a_guess():
    assert integrity_problem(RuntimeError("duplicate key value violates unique constraint")).code == "sync.not_stored"
