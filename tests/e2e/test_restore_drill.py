"""The restore drill: two desktops sync, the server is backed up, both go on working and sync,
the server is restored from the backup — and after both desktops sync again every edit is on
the server exactly once, none lost, none twice, no conflict shown to anyone. Real server
process over HTTP, real PostgreSQL, `server backup` / `server restore` as a county runs them."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

import pytest
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app import clock
from app.sync import rewind
from app.sync.wire import SERVER_FIELDS
from db.models import MODEL_BY_TABLE
from db.models import Patient
from db.models import TimelineEvent
from server.pull import PULLED
from tests.e2e.desks import differences
from tests.e2e.desks import row_values
from tests.support import run_main

pytestmark = pytest.mark.usefixtures("keyring_ready")


def server_content(db_url: str) -> dict[str, dict[str, dict]]:
    """Every synced row on the server, by table and id, without what the server stamps on each
    write (version, sequence number, who and when): what the people wrote."""
    engine = create_engine(db_url)
    try:
        with Session(engine) as s:
            out = {t: {r.id: {k: v for k, v in row_values(r).items() if k not in SERVER_FIELDS}
                       for r in s.scalars(select(MODEL_BY_TABLE[t]))} for t in PULLED}
            out["audit_entries"] = {f"{d}:{q}": {"hash": h} for d, q, h in s.execute(
                select(MODEL_BY_TABLE["audit_entries"].device_id, MODEL_BY_TABLE["audit_entries"].seq,
                       MODEL_BY_TABLE["audit_entries"].entry_hash))}
            return out
    finally:
        engine.dispose()


def history(fleet) -> str:
    return fleet.sql("SELECT value->>'id' FROM server_meta WHERE key = 'history'")[0][0]


def restore(fleet, dump, raw: bool = False) -> None:
    """As the README says: stop the server, restore, start it again."""
    fleet.server.stop()
    if raw:  # an administrator's own pg_restore: the history id stays as the dump has it
        url = make_url(fleet.db)
        env = {**os.environ, "PGHOST": url.host, "PGPORT": str(url.port or 5432), "PGUSER": url.username}
        done = subprocess.run(["pg_restore", "--clean", "--if-exists", "--single-transaction", "--no-owner",
                               f"--dbname={url.database}", str(dump)], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    else:
        done = run_main("--lang", "en", "server", "restore", "--db", fleet.db, str(dump))
        assert done.returncode == 0, done.stderr
        assert f"Restored from {dump}" in done.stdout
    fleet.server.start()


def backup(fleet, dump) -> None:
    done = run_main("--lang", "en", "server", "backup", "--db", fleet.db, "--out", str(dump))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Backup written: {dump} (") and dump.stat().st_size > 10_000


def work_after_the_backup(fleet, a, b) -> dict:
    """Inserts and updates from both desktops, an audit entry, a row of one desktop changed by
    the other; all synced, so both desktops hold all of it."""
    ids = a.patient_ids()
    x, y = ids[0], ids[1]
    community = a.get(Patient, x).community_id
    made_a = a.add(Patient(name="备份后甲", name_pinyin="", name_initials="", sex="F",
                             birth_date=dt.date(1961, 3, 4), community_id=community)).id
    a.edit(Patient, x, phone="13800000001")
    a.add(TimelineEvent(patient_id=x, kind="note", title="备份后甲的记录", occurred_at=clock.now()))
    a.profile.store.record_access("read", "patients", y, note="opened the patient")
    made_b = b.add(Patient(name="备份后乙", name_pinyin="", name_initials="", sex="M",
                             birth_date=dt.date(1959, 7, 8), community_id=community)).id
    b.edit(Patient, y, address="备份路2号")
    b.edit(Patient, x, warning_flags="乙的标记")
    b.add(TimelineEvent(patient_id=y, kind="note", title="备份后乙的记录", occurred_at=clock.now()))
    for desk in (a, b, a):
        desk.client.cycle()
    a.edit(Patient, made_b, phone="13900000002")  # a row made on b, changed on a
    a.client.cycle()
    b.client.cycle()
    assert not a.outbox() and not b.outbox()
    return {"made_a": made_a, "made_b": made_b, "x": x, "y": y}


def assert_settled(fleet, desks, before, added: dict[str, set[str]] | None = None) -> None:
    after = server_content(fleet.db)
    for table in before:
        new = (added or {}).get(table, set())
        if table == "audit_entries":  # desktops' trails grow with the work after the restore
            new = set(after[table]) - set(before[table])
        assert set(after[table]) == set(before[table]) | new, table  # none lost, none added twice
        assert {k: v for k, v in after[table].items() if k not in new} == before[table], table  # each as written
    for desk in desks:
        assert desk.outbox() == []  # nothing waiting, no conflict or refusal for a person
        assert desk.client.check() == (0, [])  # the count + hash check ends equal
        assert differences(desk, fleet.db) == []


def test_restore_drill_every_edit_on_the_server_exactly_once(fleet, tmp_path):
    a, b = fleet("a"), fleet("b", index=1)
    a.client.cycle()
    b.client.cycle()
    dump = tmp_path / "nightly.dump"
    backup(fleet, dump)
    made = work_after_the_backup(fleet, a, b)
    before = server_content(fleet.db)
    old_history = history(fleet)

    restore(fleet, dump)
    assert history(fleet) != old_history
    assert made["made_a"] not in {r[0] for r in fleet.sql("SELECT id FROM patients")}  # the server forgot
    kinds = [k for k, in fleet.sql("SELECT kind FROM security_events ORDER BY id")]
    assert kinds[-1] == "server_restored" and "server_backed_up" in kinds  # logged, the older log kept

    # Work done on a while the server was being restored: an edit of a row the server lost
    # (its base version is from the lost history) and a note on that lost patient.
    a.edit(Patient, made["made_a"], address="恢复期间写的地址")
    note = a.add(TimelineEvent(patient_id=made["made_a"], kind="note", title="恢复期间的记录",
                               occurred_at=clock.now())).id
    before["patients"][made["made_a"]]["address"] = "恢复期间写的地址"

    first = a.client.cycle()
    # Its own rows and b's (a patient b made, the patients b changed), the edit folded into
    # its patient's resend, then the new note after the patient; b's note goes from b's
    # desktop, under b's name.
    assert first.resent == 5 and first.pushed == {"applied": 6}
    changes = fleet.sql("SELECT count(*) FROM change_log")[0][0]
    second = b.client.cycle()
    # b sends what the server holds at a lower version than b (x and b's patient: a sent them
    # already, identical) and its note; only the note is new to the server.
    assert second.resent == 3 and second.pushed == {"applied": 3}
    assert fleet.sql("SELECT count(*) FROM change_log")[0][0] == changes + 1
    for desk in (b, a):
        again = desk.client.cycle()
        assert again.resent is None and again.pushed == {}
    assert rewind.last_notice(a.profile)["resent"] == first.resent
    assert_settled(fleet, (a, b), before, added={"timeline_events": {note}})
    assert fleet.sql("SELECT count(*) FROM sync_conflicts") == [(0,)]
    author = fleet.sql("SELECT u.username FROM timeline_events t JOIN users u ON u.id = t.author_id "
                       "WHERE t.title = '备份后乙的记录'")
    assert author == [(b.username,)]  # sent by its author's desktop, under the author's name


def test_two_desktops_noticing_at_once_send_the_same_rows_once(fleet, tmp_path):
    a, b = fleet("a"), fleet("b", index=1)
    a.client.cycle()
    b.client.cycle()
    dump = tmp_path / "nightly.dump"
    backup(fleet, dump)
    work_after_the_backup(fleet, a, b)
    before = server_content(fleet.db)
    restore(fleet, dump)

    queued_a, queued_b = rewind.settle(a.client), rewind.settle(b.client)  # both before either sends
    assert queued_a and queued_b
    pushed_a, pushed_b = a.client.push(), b.client.push()
    assert set(pushed_a) == {"applied"}
    assert set(pushed_b) <= {"applied", "merged"}  # b's copies of the same rows: no conflict, no duplicate
    for desk in (a, b, b, a):
        desk.client.cycle()
    assert_settled(fleet, (a, b), before)


def test_a_desktop_withdrawn_after_the_backup_stays_withdrawn(fleet, tmp_path):
    a, lost = fleet("a"), fleet("lost", index=1)
    a.client.cycle()
    dump = tmp_path / "nightly.dump"
    backup(fleet, dump)
    done = run_main("--lang", "en", "server", "devices", "revoke", "--db", fleet.db, "--device", lost.profile.device_id)
    assert done.returncode == 0, done.stderr
    restore(fleet, dump)
    assert fleet.sql("SELECT revoked_at IS NOT NULL FROM devices WHERE id = :d", d=lost.profile.device_id) == [(True,)]
    assert fleet.sql("SELECT count(*) FROM auth_tokens WHERE device_id = :d AND revoked_at IS NULL",
                     d=lost.profile.device_id) == [(0,)]
    assert a.client.cycle().resent == 0  # nothing was written after the backup


def test_a_raw_pg_restore_is_noticed_by_the_watermark(fleet, tmp_path):
    if shutil.which("pg_restore") is None:
        pytest.skip("pg_restore is not installed")
    a = fleet("a")
    a.client.cycle()
    dump = tmp_path / "nightly.dump"
    backup(fleet, dump)
    pid = a.patient_ids()[2]
    a.edit(Patient, pid, phone="13700000007")
    a.client.cycle()
    before = server_content(fleet.db)
    kept = history(fleet)

    restore(fleet, dump, raw=True)
    assert history(fleet) == kept  # nothing told the desktop but the watermark
    report = a.client.cycle()
    assert report.resent == 1 and report.pushed == {"applied": 1}
    assert fleet.sql("SELECT phone FROM patients WHERE id = :i", i=pid) == [("13700000007",)]
    assert_settled(fleet, (a,), before)


def test_restore_refuses_a_file_that_is_not_a_casedesk_dump(fleet, tmp_path):
    a = fleet("a")
    a.client.cycle()
    kept, patients = history(fleet), fleet.sql("SELECT count(*) FROM patients")
    text = tmp_path / "notes.txt"
    text.write_text("not a dump\n", encoding="utf-8")
    other = tmp_path / "other.dump"
    url = make_url(fleet.db)
    env = {**os.environ, "PGHOST": url.host, "PGPORT": str(url.port or 5432), "PGUSER": url.username}
    subprocess.run(["pg_dump", "--format=custom", f"--file={other}", "postgres"], env=env, check=True)
    for bad in (text, other, tmp_path / "missing.dump"):
        done = run_main("--lang", "en", "server", "restore", "--db", fleet.db, str(bad))
        assert done.returncode == 2, done.stdout
        assert "Nothing was changed." in done.stderr and str(bad) in done.stderr
    good = tmp_path / "nightly.dump"
    backup(fleet, good)
    done = run_main("--lang", "en", "server", "restore", "--db", fleet.db, str(good))  # the server still runs
    assert done.returncode == 2 and "stop the CaseDesk server" in done.stderr
    assert history(fleet) == kept and fleet.sql("SELECT count(*) FROM patients") == patients
    assert a.client.cycle().resent is None


def test_backup_refuses_what_it_cannot_do(fleet, tmp_path):
    out = tmp_path / "nightly.dump"
    done = run_main("--lang", "en", "server", "backup", "--db", f"sqlite:///{tmp_path / 'server.db'}",
                    "--out", str(out))
    assert done.returncode == 2 and "is not one" in done.stderr and not out.exists()
    done = run_main("--lang", "en", "server", "backup", "--db", fleet.db, "--out", str(tmp_path / "no" / "x.dump"))
    assert done.returncode == 2 and "does not exist" in done.stderr
    done = run_main("--lang", "en", "server", "backup", "--db", fleet.db, "--out", str(out),
                    env={"PATH": str(tmp_path)})  # no pg_dump to be found
    assert done.returncode == 2 and "pg_dump is not installed" in done.stderr and not out.exists()
    done = run_main("--lang", "en", "server", "restore", "--db", "sqlite:///x.db", str(out))
    assert done.returncode == 2 and "is not one" in done.stderr
    done = run_main("--lang", "en", "server", "backup", "--db", fleet.db + "_missing", "--out", str(out))
    assert done.returncode == 2 and "does not answer" in done.stderr and not out.exists()
