"""Crash points: a real server process on PostgreSQL, real HTTP, real SQLite profiles.

Each test stops the work at one point where a crash could lose or double a change, and
shows that the next cycle finishes it exactly once."""
from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from sqlalchemy import select

from app import clock
from app.sync import client as client_mod
from app.sync import local
from app.sync.client import SyncError
from db.models import OutboxEntry
from db.models import Patient
from db.models import TimelineEvent
from tests.e2e.desks import differences
from tests.support import ROOT

pytestmark = pytest.mark.usefixtures("keyring_ready")

EDIT_AND_DIE = """
import os, sys
from app.profile import Profile
from db.models import Patient
profile = Profile.open(sys.argv[1])
with profile.store.write() as tx:
    tx.update(tx.session.get(Patient, sys.argv[2]), phone=sys.argv[3])
os.kill(os.getpid(), 9)  # the desktop dies right after the local commit
"""


def versions(fleet, row_id: str) -> tuple[int, int]:
    """(version of the row, change_log entries for it) on the server."""
    (version,), = fleet.sql("SELECT version FROM patients WHERE id = :i", i=row_id)
    (logged,), = fleet.sql("SELECT count(*) FROM change_log WHERE row_id = :i", i=row_id)
    return version, logged


def test_a_desktop_killed_after_its_local_commit_sends_the_edit_next_time(fleet):
    a = fleet("a")
    a.client.cycle()
    pid = a.patient_ids()[0]
    a.profile.close()
    died = subprocess.run([sys.executable, "-c", EDIT_AND_DIE, str(a.profile.path), pid, "13912340000"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert died.returncode == -9, died.stderr
    again = fleet("a")  # the same profile directory, opened anew as after a restart
    assert [e.status for e in again.outbox()] == ["pending"]
    assert again.client.cycle().pushed == {"applied": 1}
    assert fleet.sql("SELECT phone FROM patients WHERE id = :i", i=pid) == [("13912340000",)]
    assert again.outbox() == []


def test_an_ack_lost_after_the_server_commit_is_answered_again_without_a_second_effect(fleet):
    a = fleet("a")
    a.client.cycle()
    pid = a.patient_ids()[0]
    before = versions(fleet, pid)
    a.edit(Patient, pid, phone="13900001111")
    a.net.plan("ok", "drop_response")  # the history question (app/sync/rewind.py), then the push
    with pytest.raises(SyncError) as lost:
        a.client.cycle()
    assert lost.value.offline
    assert versions(fleet, pid) == (before[0] + 1, before[1] + 1)  # committed on the server
    assert [e.status for e in a.outbox()] == ["pending"]  # but not acknowledged here
    assert a.client.cycle().pushed == {"applied": 1}  # the stored answer, replayed
    assert versions(fleet, pid) == (before[0] + 1, before[1] + 1)  # nothing applied twice
    assert a.outbox() == [] and a.get(Patient, pid).version == before[0] + 1
    assert differences(a, fleet.db) == []


def crashing_cursor(real_set_cursor, pages: list):
    """A stand-in for local._set_cursor that records each page's cursor and fails on the
    third: after that page's rows, before its cursor."""
    def set_cursor(session, value):
        pages.append(value)
        if len(pages) == 3:
            raise RuntimeError("power cut")
        real_set_cursor(session, value)
    return set_cursor


def test_a_crash_inside_a_transaction_of_several_pages_loses_them_all_and_resumes(fleet, monkeypatch):
    b = fleet("b")
    monkeypatch.setattr(client_mod, "PULL_PAGE", 700)
    monkeypatch.setattr(local, "COMMIT_ROWS", 10_000)  # the whole demo in one transaction
    # …as when the network keeps ahead of the disk (the pull commits before waiting for a page)
    import concurrent.futures
    monkeypatch.setattr(concurrent.futures.Future, "done", lambda self: True)
    real_set_cursor, pages = local._set_cursor, []
    crash_on_third_page = crashing_cursor(real_set_cursor, pages)
    monkeypatch.setattr(local, "_set_cursor", crash_on_third_page)
    with pytest.raises(RuntimeError, match="power cut"):
        b.client.cycle()
    with b.session() as s:
        assert local.cursor(s) == 0  # two pages written, none committed: none kept
    assert b.count(Patient) == 0 and b.count(TimelineEvent) == 0
    monkeypatch.setattr(local, "_set_cursor", real_set_cursor)
    report = b.client.cycle()
    assert report.repaired == [] and differences(b, fleet.db) == []


def test_a_crash_between_a_pulled_page_and_its_cursor_leaves_nothing_half_applied(fleet, monkeypatch):
    a, b = fleet("a"), fleet("b")
    a.client.cycle()
    monkeypatch.setattr(client_mod, "PULL_PAGE", 700)  # the first sync comes in several pages
    monkeypatch.setattr(local, "COMMIT_ROWS", 1)  # and commits each (a transaction per ~100k rows)
    real_set_cursor, pages = local._set_cursor, []
    crash_on_third_page = crashing_cursor(real_set_cursor, pages)
    monkeypatch.setattr(local, "_set_cursor", crash_on_third_page)
    with pytest.raises(RuntimeError, match="power cut"):
        b.client.cycle()
    with b.session() as s:
        assert local.cursor(s) == pages[1]  # two pages in, the third not at all
    rows_at_cursor = b.count(Patient) + b.count(TimelineEvent)
    expected = fleet.sql("SELECT (SELECT count(*) FROM patients WHERE server_seq <= :c) + "
                         "(SELECT count(*) FROM timeline_events WHERE server_seq <= :c)", c=pages[1])[0][0]
    assert rows_at_cursor == expected
    monkeypatch.setattr(local, "_set_cursor", real_set_cursor)
    report = b.client.cycle()  # resumes at the third page
    assert report.repaired == [] and differences(b, fleet.db) == []
    # An edit made meanwhile on another desktop comes in with the next cycle's page.
    pid = a.patient_ids()[3]
    a.edit(Patient, pid, address="重新拉取路1号")
    a.client.cycle()
    monkeypatch.setattr(local, "_set_cursor", crash_on_third_page)
    pages.clear()
    pages.extend([0, 0])  # the next call is the third: it crashes
    with pytest.raises(RuntimeError):
        b.client.pull()
    assert b.get(Patient, pid).address != "重新拉取路1号"  # the row went back with the cursor
    monkeypatch.setattr(local, "_set_cursor", real_set_cursor)
    b.client.cycle()
    assert b.get(Patient, pid).address == "重新拉取路1号"
    assert differences(b, fleet.db) == []


def test_the_server_killed_in_the_middle_of_a_large_push_converges_after_restart(fleet, monkeypatch):
    monkeypatch.setattr(client_mod, "PUSH_BATCH", 500)  # batches of 500: the kill lands with two still to go
    a = fleet("a")
    a.client.cycle()
    ids = a.patient_ids()
    now = clock.now()
    with a.profile.store.write() as tx:  # weeks of work: 1,500 notes and 120 edits
        for i in range(1500):
            tx.add(TimelineEvent(patient_id=ids[i % len(ids)], kind="note", title=f"随访记录 {i}", occurred_at=now))
        for pid in ids:
            tx.update(tx.session.get(Patient, pid), warning_flags="随访中断后补录")
    mutation_ids = [e.mutation_id for e in a.outbox()]
    pushes = []
    kill = threading.Timer(0.15, fleet.server.stop)

    def kill_during_the_second_batch(request):
        if request.url.path == "/sync/push":
            pushes.append(request)
            if len(pushes) == 2:
                kill.start()
            elif len(pushes) == 3:  # a fast machine may have applied the second by now: the third never gets in
                kill.cancel()
                fleet.server.stop()

    a.net.before_send = kill_during_the_second_batch
    with pytest.raises(SyncError) as down:
        a.client.cycle()
    assert down.value.offline
    a.net.before_send = None
    kill.cancel()
    if kill.is_alive():
        kill.join()  # a kill under way ends before the server starts again, never after
    (done_before,), = fleet.sql("SELECT count(*) FROM applied_mutations WHERE mutation_id = ANY(:m)",
                                m=mutation_ids)
    assert done_before < len(mutation_ids)  # the server died before the last batch was in
    fleet.server.start()
    report = a.client.cycle()
    assert sum(report.pushed.values()) <= len(mutation_ids) and a.outbox() == []
    (applied,), = fleet.sql("SELECT count(*) FROM applied_mutations WHERE mutation_id = ANY(:m)",
                            m=mutation_ids)
    assert applied == len(mutation_ids)  # every mutation answered once
    assert fleet.sql("SELECT count(*) FROM timeline_events WHERE title LIKE '随访记录 %'") == [(1500,)]
    dup = fleet.sql("SELECT row_id, version FROM change_log GROUP BY row_id, version HAVING count(*) > 1")
    assert dup == []  # no change applied twice
    assert fleet.sql("SELECT count(*) FROM patients WHERE warning_flags = '随访中断后补录' AND version = 2") \
        == [(len(ids),)]
    assert differences(a, fleet.db) == []


def test_outbox_entries_are_only_removed_by_the_servers_answer(fleet):
    a = fleet("a")
    a.client.cycle()
    pid = a.patient_ids()[1]
    a.edit(Patient, pid, phone="13811110000")
    for fault in ("drop_request", "connect_timeout", "garbage"):
        a.net.plan(fault)
        with pytest.raises(SyncError):
            a.client.push()
        with a.session() as s:
            assert s.scalar(select(OutboxEntry.status)) == "pending", fault
    assert a.client.push() == {"applied": 1}
