"""Pulled pages parsed by SQLite and written from JSONB: values land as the server sent
them, a page the desktop cannot read changes nothing, local edits are left to the push."""
from __future__ import annotations

import datetime as dt

import orjson
import pytest
from sqlalchemy import func
from sqlalchemy import select

from app.sync import local
from app.sync import pages
from app.sync.wire import ORDERED_COLUMNS
from db.ids import uuid7
from db.models import Patient

COLUMNS = list(ORDERED_COLUMNS["patients"])


def _row(**values) -> list:
    base = {c: None for c in COLUMNS}
    base.update(id=uuid7(), version=1, server_seq=7, name="王芳", name_pinyin="wangfang", name_initials="wf",
                sex="F", birth_date="1961-03-04", contract_signed=False, updated_at="2026-11-01 08:00:00.000000")
    base.update(values)
    return [base[c] for c in COLUMNS]


def _pull(rows, cursor=10, columns=COLUMNS, **extra) -> bytes:
    return orjson.dumps({"cursor": cursor, "watermark": 20, "more": True, "count": len(rows),
                         "tables": {"patients": {"columns": columns, "rows": rows}}, **extra})


def _patients(profile) -> list[Patient]:
    with profile.sessions() as s:
        return list(s.scalars(select(Patient).order_by(Patient.name)))


def test_a_page_is_written_with_its_values_and_cursor(profile):
    rows = [_row(name="王芳", address='幸福路 "3" 号\n二单元'), _row(name="赵六", server_seq=9, contract_signed=True)]
    page = pages.parse_pull(_pull(rows))
    assert (page.cursor, page.watermark, page.more, page.scope_changed) == (10, 20, True, None)
    assert local.apply_page(profile.engine, page, 0) == 2
    found = _patients(profile)
    assert [(p.name, p.address, p.birth_date, p.contract_signed, p.server_seq) for p in found] == [
        ("王芳", '幸福路 "3" 号\n二单元', dt.date(1961, 3, 4), False, 7), ("赵六", None, dt.date(1961, 3, 4), True, 9)]
    with profile.sessions() as s:
        assert local.cursor(s) == 10


def test_a_newer_version_replaces_the_row_and_an_unknown_table_is_ignored(profile):
    row = _row()
    local.apply_page(profile.engine, pages.parse_pull(_pull([row])), 0)
    row[COLUMNS.index("name")], row[COLUMNS.index("version")] = "王芳芳", 2
    newer = orjson.loads(_pull([row], cursor=11))
    newer["tables"]["wearables"] = {"columns": ["id"], "rows": [["x"]]}  # a newer server's table
    assert local.apply_page(profile.engine, pages.parse_pull(orjson.dumps(newer)), 10) == 1
    assert [(p.name, p.version) for p in _patients(profile)] == [("王芳芳", 2)]


def test_columns_this_desktop_does_not_know_are_left_out(profile):
    columns = [*COLUMNS, "favourite_colour"]
    page = pages.parse_pull(_pull([[*_row(name="孙七"), "蓝"]], columns=columns))
    assert local.apply_page(profile.engine, page, 0) == 1
    assert [p.name for p in _patients(profile)] == ["孙七"]


def test_a_row_with_a_local_edit_waiting_is_left_for_the_push(profile):
    local.apply_page(profile.engine, pages.parse_pull(_pull([row := _row(name="周八")])), 0)
    with profile.store.write() as tx:
        tx.update(tx.session.get(Patient, row[COLUMNS.index("id")]), phone="13800000000")
    row[COLUMNS.index("name")] = "周八（服务器）"
    assert local.apply_page(profile.engine, pages.parse_pull(_pull([row], cursor=11)), 10) == 0
    assert [(p.name, p.phone) for p in _patients(profile)] == [("周八", "13800000000")]
    written = local.apply_page(profile.engine, pages.parse_pull(_pull([row], cursor=12)), 11, overwrite_local=True)
    assert written == 1 and _patients(profile)[0].name == "周八（服务器）"


@pytest.mark.parametrize("raw, why", [
    (b"<html>502 Bad Gateway</html>", "not JSON"),
    (b"[1, 2]", "not a JSON object"),
    (b'{"cursor": 3, "tables": {}}', "without its cursor"),
    (orjson.dumps({"cursor": 1, "watermark": 2, "tables": {"patients": {"columns": COLUMNS, "rows": {}}}}),
     "not a list of rows"),
    (orjson.dumps({"cursor": 1, "watermark": 2, "tables": {"patients": {"columns": ["name"], "rows": []}}}),
     "column names with id"),
])
def test_an_unreadable_page_is_refused_before_anything_is_written(profile, raw, why):
    with pytest.raises(pages.BadPage, match=why):
        pages.parse_pull(raw)
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Patient)) == 0 and local.cursor(s) == 0


def test_the_last_page_says_whether_the_scope_changed():
    assert pages.parse_pull(_pull([], scope_changed=False)).scope_changed is False
    assert pages.parse_pull(_pull([], scope_changed=True)).scope_changed is True


def test_fetched_rows_keep_the_cursor(profile):
    raw = orjson.dumps({"columns": COLUMNS, "rows": [_row(name="吴九")]})
    page = pages.parse_rows(raw, "patients", 0)
    assert local.apply_page(profile.engine, page, 0) == 1
    with profile.sessions() as s:
        assert local.cursor(s) == 0
    assert [p.name for p in _patients(profile)] == ["吴九"]


def test_a_page_never_brings_back_an_older_version_than_the_one_held(profile):
    """A replica that lags may send a row this desktop already holds newer (its own push's
    answer): the newer stays; the same or a newer number replaces it."""
    row = _row(name="吴九", server_seq=30, version=3)
    local.apply_page(profile.engine, pages.parse_pull(_pull([row], cursor=31)), 0)
    older = list(row)
    older[COLUMNS.index("name")], older[COLUMNS.index("server_seq")], older[COLUMNS.index("version")] = "吴九（旧）", 12, 2
    assert local.apply_page(profile.engine, pages.parse_pull(_pull([older], cursor=32)), 31) == 0
    assert [(p.name, p.version, p.server_seq) for p in _patients(profile)] == [("吴九", 3, 30)]
    newer = list(row)
    newer[COLUMNS.index("name")], newer[COLUMNS.index("server_seq")], newer[COLUMNS.index("version")] = "吴九九", 40, 4
    assert local.apply_page(profile.engine, pages.parse_pull(_pull([newer], cursor=41)), 32) == 1
    assert [(p.name, p.version, p.server_seq) for p in _patients(profile)] == [("吴九九", 4, 40)]
