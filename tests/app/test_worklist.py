"""The worklist: filters, search, sort and live counts over a known caseload."""
from __future__ import annotations

import datetime as dt

import pytest

from app import clock
from app.calls import CallService
from app.worklist import COLUMNS
from app.worklist import Filters
from app.worklist import Worklist
from tests.app import worklist_data as data


@pytest.fixture
def caseload(profile):
    clock.pin(dt.datetime.combine(data.TODAY, dt.time(4), tzinfo=dt.timezone.utc))
    ids = data.load(profile)
    yield profile, ids, Worklist(profile.sessions, user_id=ids["me"], station_id=ids["stations"][0])
    clock.pin(None)


def names(wl, ids, f=Filters(), **sort):
    by_case = {case: name for name, value in ids.items() if isinstance(value, tuple) for case in [value[1]]}
    return [by_case[c] for c in wl.ids(f, **sort)]


def test_default_order_is_by_due_date_with_undated_last(caseload):
    _, ids, wl = caseload
    assert names(wl, ids) == ["张三", "张珊珊", "李四", "王五", "赵_%六"]


@pytest.mark.parametrize("text, expected", [
    ("zs", ["张三", "张珊珊"]),          # pinyin initials
    ("ZSS", ["张珊珊"]),
    ("zhang", ["张三", "张珊珊"]),       # full pinyin prefix
    ("lisi", ["李四"]),
    ("张", ["张三", "张珊珊"]),          # name
    ("珊珊", ["张珊珊"]),
    ("1234", ["张三"]),                  # phone tail
    ("123x", ["张三"]),                  # ID tail, lower-case x
    ("0026", ["赵_%六"]),
    ("34", ["张三"]),                    # a short tail: no last-four lookup
    ("01234", ["张三"]),                 # a long one: the last four, then the whole tail
    ("91234", []),                       # same last four, different tail
    ("0517123x", ["张三"]),
    ("_%", ["赵_%六"]),                  # wildcards are literal characters
    ("%", ["赵_%六"]),
    ("_", ["赵_%六"]),
    ("wz", []),
])
def test_one_search_box_finds_by_name_pinyin_and_number_tails(caseload, text, expected):
    _, ids, wl = caseload
    assert names(wl, ids, Filters(text=text)) == expected


@pytest.mark.parametrize("text, found", [
    ("'; DROP TABLE cases; --", 0), ('"', 0), ("\\", 0), ("\\%", 0), ("😀", 0), ("张😀", 0),
    ("a" * 10_000, 0), ("张" * 10_000, 0), ("0" * 10_000, 0),
    ("\x00", 5), ("  ", 5), ("\u200b", 5),  # nothing printable typed: no narrowing
])
def test_any_search_text_neither_errors_nor_reaches_sql(caseload, text, found):
    _, _, wl = caseload
    assert len(wl.ids(Filters(text=text))) == found
    assert len(wl.ids(Filters())) == 5  # the table is still there


def test_quick_filters(caseload):
    _, ids, wl = caseload
    assert names(wl, ids, Filters(due="overdue")) == ["张三"]
    assert names(wl, ids, Filters(due="today")) == ["张珊珊"]
    assert names(wl, ids, Filters(due="week")) == ["张珊珊", "李四"]  # Wed..Sun
    assert names(wl, ids, Filters(stage="screen")) == ["张三", "赵_%六"]
    assert names(wl, ids, Filters(cancer_type="stomach")) == ["王五"]
    assert names(wl, ids, Filters(waiting_referral=True)) == ["张三"]  # a closed referral does not wait
    assert names(wl, ids, Filters(waiting_mdt=True)) == ["王五"]
    assert names(wl, ids, Filters(scope="mine")) == ["张三", "张珊珊", "赵_%六"]
    assert names(wl, ids, Filters(scope="station")) == ["张三", "张珊珊", "赵_%六"]
    assert names(wl, ids, Filters(scope="mine", text="zs", due="today")) == ["张珊珊"]


def test_live_counts_follow_scope_and_search(caseload):
    _, _, wl = caseload
    c = wl.counts(Filters())
    assert (c["scope:mine"], c["scope:station"], c["scope:all"]) == (3, 3, 5)
    assert (c["due:overdue"], c["due:today"], c["due:week"]) == (1, 1, 2)
    assert (c["waiting_referral"], c["waiting_mdt"]) == (1, 1)
    assert c["stage:screen"] == 2 and c["cancer:lung"] == 1
    narrowed = wl.counts(Filters(text="zs"))
    assert narrowed["total"] == 2 and narrowed["scope:all"] == 2


@pytest.mark.parametrize("column", COLUMNS)
def test_every_column_sorts_both_ways(caseload, column):
    _, ids, wl = caseload
    up = wl.ids(Filters(), sort=column)
    down = wl.ids(Filters(), sort=column, descending=True)
    assert sorted(up) == sorted(down) and len(up) == 5


def test_sort_by_name_follows_pinyin_and_age_sorts_youngest_first(caseload):
    _, ids, wl = caseload
    assert names(wl, ids, sort="name") == ["李四", "王五", "张三", "张珊珊", "赵_%六"]
    assert names(wl, ids, sort="sex_age")[0] == "张珊珊"  # born 1972
    with pytest.raises(ValueError):
        wl.ids(Filters(), sort="nonsense")


def test_rows_mask_numbers_and_flag_waiting_and_due(caseload):
    _, ids, wl = caseload
    pid, cid = ids["张三"]
    row = wl.rows([cid])[cid]
    assert row.masked_id == "330206********123X" and row.masked_phone == "138****1234"
    assert (row.name, row.sex, row.age, row.station) == ("张三", "M", 66, "新城街道工作站")
    assert row.waiting_referral and not row.waiting_mdt
    assert row.due_mark(data.TODAY) == "overdue" and row.sync_state == "synced"
    assert row.case_manager == "陈敏"  # screening stage: the community case manager


def test_a_local_edit_shows_as_pending_sync(caseload):
    profile, ids, wl = caseload
    pid, cid = ids["李四"]
    CallService(profile.store).record(pid, "connected", 120, "电话联系，已预约复查")
    row = wl.rows([cid])[cid]
    assert row.sync_state == "pending" and row.last_contact is not None
