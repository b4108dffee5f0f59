"""Merging by base version, never by clocks: every branch of app/sync/merge.py."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.sync import merge


def test_an_edit_on_the_version_it_was_made_from_applies():
    d = merge.decide_update(3, 3, False, set(), {"phone": "1"}, {"phone": "2"})
    assert (d.status, d.apply, d.conflicts) == (merge.APPLIED, {"phone": "2"}, {})


def test_only_this_desktops_own_later_changes_still_apply():
    d = merge.decide_update(1, 4, False, set(), {"phone": "1"}, {"phone": "2"})
    assert d.status == merge.APPLIED


def test_fields_changed_on_one_side_only_merge():
    d = merge.decide_update(1, 2, False, {"address"}, {"phone": "1"}, {"phone": "2"})
    assert (d.status, d.apply) == (merge.MERGED, {"phone": "2"})


def test_the_same_field_changed_on_both_sides_is_a_conflict_holding_both():
    d = merge.decide_update(1, 2, False, {"phone"}, {"phone": "server"}, {"phone": "client", "address": "x"})
    assert d.status == merge.CONFLICT and d.apply == {}
    assert d.conflicts == {"phone": {"server": "server", "client": "client"}}
    assert "both sides" in d.reason


def test_both_sides_making_the_same_change_is_no_conflict():
    d = merge.decide_update(1, 2, False, {"phone"}, {"phone": "same"}, {"phone": "same"})
    assert d.status == merge.MERGED


def test_an_edit_of_a_row_deleted_on_the_server_is_a_conflict():
    d = merge.decide_update(1, 2, True, {"deleted_at"}, {"phone": "1"}, {"phone": "2"})
    assert d.status == merge.CONFLICT and "deleted" in d.reason
    assert d.conflicts == {"phone": {"server": None, "client": "2"}}


def test_deletes():
    assert merge.decide_delete(2, 2, False, set()).status == merge.APPLIED
    assert merge.decide_delete(1, 3, True, {"phone"}).status == merge.APPLIED  # already gone
    assert merge.decide_delete(1, 2, False, {"deleted_at"}).status == merge.APPLIED
    edited = merge.decide_delete(1, 2, False, {"phone"})
    assert edited.status == merge.CONFLICT and "edited on the server" in edited.reason


fields = st.sets(st.sampled_from(["phone", "address", "warning_flags", "family_history"]))
values = st.dictionaries(st.sampled_from(["phone", "address", "warning_flags"]), st.sampled_from(["a", "b", None]),
                         min_size=1)


@given(base=st.integers(0, 5), ahead=st.integers(0, 5), deleted=st.booleans(), since=fields,
       server=values, client=values)
def test_a_decision_never_loses_the_clients_values(base, ahead, deleted, since, server, client):
    """Whatever the states, the client's new values are either applied whole or kept in the
    conflict record; a conflict never applies anything."""
    d = merge.decide_update(base, base + ahead, deleted, since, server, client)
    assert d.status in (merge.APPLIED, merge.MERGED, merge.CONFLICT)
    if d.status == merge.CONFLICT:
        assert d.apply == {} and d.conflicts
        assert all(d.conflicts[f]["client"] == client[f] for f in d.conflicts)
    else:
        assert d.apply == client
        assert not deleted
        assert not any(f in since and server.get(f) != v for f, v in client.items()) or base == base + ahead
