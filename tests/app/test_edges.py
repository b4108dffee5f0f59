"""Refusals at the edges of the machine: a locked keyring, a damaged database page and a full
disk each end a command within seconds with words and exit 2, never a hang, a traceback or a
leftover .part file."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.profile import Profile
from tests.support import ROOT
from tests.support import run_main

LOCKED_WORDS = "The system keyring is locked"
DAMAGED_WORDS = "The profile's database is damaged"
SQLCIPHER_PAGE = 16_384


def needs(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)}")


def in_private_keyring(tmp_path: Path, driver: str, display: str | None) -> dict:
    """Run a Python driver inside its own D-Bus session with its own gnome-keyring (login
    collection created unlocked, password "pw"); the driver prints one JSON line. Any
    keyring daemon it leaves behind is ended by its pid."""
    home = tmp_path / "keyring-home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    env.update(XDG_DATA_HOME=str(home), XDG_RUNTIME_DIR=str(home), PYTHONPATH=str(ROOT))
    if display:
        env["DISPLAY"] = display
    script = tmp_path / "driver.py"
    script.write_text(textwrap.dedent(driver))
    inner = (f"echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
             f"exec {sys.executable} {script}")
    done = subprocess.run(["dbus-run-session", "--", "sh", "-c", inner], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    assert lines, done.stdout + done.stderr
    result = json.loads(lines[-1])
    for pid in result.get("daemons", []):
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
    return result


DRIVER_HEAD = """
    import json, os, signal, subprocess, sys, time
    import secretstorage

    bus = secretstorage.dbus_init()
    collection = secretstorage.get_default_collection(bus)
    daemon = bus.send_and_get_reply(__import__("jeepney").new_method_call(
        __import__("jeepney").DBusAddress("/org/freedesktop/DBus", bus_name="org.freedesktop.DBus",
                                          interface="org.freedesktop.DBus"),
        "GetConnectionUnixProcessID", "s", ("org.freedesktop.secrets",))).body[0]

    def command(*args):
        t0 = time.monotonic()
        done = subprocess.run([sys.executable, "main.py", "--lang", "en", *args], capture_output=True, text=True,
                              timeout=60)
        return {"rc": done.returncode, "stderr": done.stderr, "seconds": time.monotonic() - t0}
"""


@pytest.fixture
def xvfb():
    """An X display with nobody in front of it: the system prompter opens its unlock dialog
    there and waits for an answer that never comes (a desktop left locked, a command over ssh)."""
    needs("Xvfb", "dbus-run-session", "gnome-keyring-daemon")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as fh:
        number = fh.readline().strip()
    yield f":{number}"
    server.terminate()
    server.wait(10)


def test_a_locked_keyring_is_told_within_10_seconds_not_waited_on_forever(tmp_path, profile_dir, xvfb):
    out = tmp_path / "worklist.csv"
    result = in_private_keyring(tmp_path, DRIVER_HEAD + f"""
    collection.lock()
    assert collection.is_locked()
    print(json.dumps({{**command("export", "csv", "--profile", {str(profile_dir)!r}, "--out", {str(out)!r}),
                       "daemons": [daemon]}}))
    """, display=xvfb)
    assert result["rc"] == 2, result["stderr"]
    assert LOCKED_WORDS in result["stderr"] and "Traceback" not in result["stderr"]
    assert result["seconds"] <= 10 + 2  # the margin: a loaded test machine starting Python
    assert not out.exists()


def test_a_keyring_that_never_answers_is_given_up_on_within_10_seconds(tmp_path, profile_dir):
    needs("dbus-run-session", "gnome-keyring-daemon")
    result = in_private_keyring(tmp_path, DRIVER_HEAD + f"""
    os.kill(daemon, signal.SIGSTOP)  # a daemon that takes every call and answers none
    try:
        print(json.dumps({{**command("audit", "verify", "--profile", {str(profile_dir)!r}), "daemons": [daemon]}}))
    finally:
        os.kill(daemon, signal.SIGCONT)
    """, display=None)
    assert result["rc"] == 2, result["stderr"]
    assert "did not answer within 5 seconds" in result["stderr"] and "Traceback" not in result["stderr"]
    assert result["seconds"] <= 10 + 2


@pytest.fixture
def demo_profile(profile_dir):
    done = run_main("demo", "--profile", str(profile_dir), "--patients", "40", "--events", "2-3")
    assert done.returncode == 0, done.stderr
    return profile_dir


def root_pages(profile_dir: Path, *tables: str) -> list[int]:
    profile = Profile.open(profile_dir)
    try:
        with profile.engine.connect() as conn:
            marks = ",".join("?" * len(tables))
            return [r[0] for r in conn.exec_driver_sql(
                f"SELECT rootpage FROM sqlite_master WHERE tbl_name IN ({marks}) AND rootpage > 0", tables)]
    finally:
        profile.close()


def damage(db: Path, pages: list[int]) -> None:
    """Scribble over the middle of these pages, as a failing disk sector or a bad copy does."""
    data = bytearray(db.read_bytes())
    for page in pages:
        start = (page - 1) * SQLCIPHER_PAGE + 2000
        data[start:start + 512] = os.urandom(512)
    db.write_bytes(bytes(data))


def test_a_damaged_database_page_is_a_message_and_exit_2_with_no_part_file(demo_profile, tmp_path):
    damage(demo_profile / "casedesk.db", root_pages(demo_profile, "cases", "patients", "audit_entries"))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    done = run_main("--lang", "en", "export", "csv", "--profile", str(demo_profile), "--out", str(out_dir / "w.csv"))
    assert done.returncode == 2, done.stderr
    assert DAMAGED_WORDS in done.stderr and "Traceback" not in done.stderr
    assert "ERROR CORE" not in done.stderr  # SQLCipher's own log stays quiet: the words say it
    assert list(out_dir.iterdir()) == []  # neither the sheet nor its .part
    done = run_main("audit", "verify", "--profile", str(demo_profile), env={"LANG": "C.UTF-8", "LC_ALL": ""})
    assert done.returncode == 2 and "本档案的数据库已损坏" in done.stderr and "Traceback" not in done.stderr


def big_list(path: Path, rows: int) -> Path:
    from app.screening.bench import make_rows
    from app.screening.bench import write_list

    write_list(make_rows(rows), path)
    return path


def patients(profile_dir: Path) -> int:
    from sqlalchemy import func
    from sqlalchemy import select

    from db.models import Patient

    profile = Profile.open(profile_dir)
    try:
        with profile.sessions() as s:
            return s.scalar(select(func.count()).select_from(Patient))
    finally:
        profile.close()


@pytest.fixture
def tiny_disk(tmp_path):
    """A real full disk: a tmpfs of a set size (needs root, as the CI container runs)."""
    mounts = []

    def make(size_kib: int) -> Path:
        point = tmp_path / f"disk{len(mounts)}"
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(point)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}); the RLIMIT_FSIZE test stands in")
        mounts.append(point)
        return point

    yield make
    for point in mounts:
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_full_disk_under_the_database_is_a_message_and_nothing_half_imported(demo_profile, tmp_path, tiny_disk):
    size = sum(f.stat().st_size for f in demo_profile.iterdir()) // 1024
    disk = tiny_disk(size + 256)
    profile_dir = disk / "profile"
    shutil.copytree(demo_profile, profile_dir)
    before = patients(profile_dir)
    listing = big_list(tmp_path / "list.csv", 3000)
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(listing), timeout=300)
    assert done.returncode == 2, done.stderr
    assert "The disk holding the profile's database is full" in done.stderr and "Traceback" not in done.stderr
    assert patients(profile_dir) == before


def test_a_full_disk_under_a_letter_batch_is_a_message_and_no_part_file(demo_profile, tiny_disk):
    disk = tiny_disk(64)
    out = disk / "letters.pdf"
    done = run_main("--lang", "en", "letters", "--profile", str(demo_profile), "--kind", "followup-reminder",
                    "--due-from", "2000-01-01", "--due-to", "2040-12-31", "--out", str(out))
    assert done.returncode == 2, done.stderr
    assert f"No room to write {disk}" in done.stderr and "No space left on device" in done.stderr
    assert "Traceback" not in done.stderr and list(disk.iterdir()) == []


def test_a_file_size_limit_stands_in_for_a_full_disk_where_no_tmpfs_can_be_mounted(demo_profile, tmp_path):
    # RLIMIT_FSIZE makes a write past the limit fail (EFBIG, or a short write SQLite calls
    # SQLITE_FULL) as a full disk does; SIGXFSZ is ignored so the write returns instead.
    import resource
    import signal

    limit = max(f.stat().st_size for f in demo_profile.iterdir()) + 64 * 1024
    before = patients(demo_profile)
    listing = big_list(tmp_path / "list.csv", 3000)

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    t0 = time.monotonic()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--lang", "en", "import", "--profile",
                           str(demo_profile), str(listing)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, preexec_fn=limited)
    assert done.returncode == 2, done.stderr
    assert ("The disk holding the profile's database is full" in done.stderr
            or "The disk could not be read or written" in done.stderr), done.stderr
    assert "Traceback" not in done.stderr and time.monotonic() - t0 < 300
    assert patients(demo_profile) == before


def test_a_damaged_page_under_the_profiles_own_state_is_a_profile_that_cannot_be_opened(demo_profile):
    from app.errors import ProfileError

    damage(demo_profile / "casedesk.db", root_pages(demo_profile, "local_state"))
    with pytest.raises(ProfileError) as refused:
        Profile.open(demo_profile)
    assert refused.value.problem.code == "profile.cannot_open"
    done = run_main("--lang", "en", "audit", "verify", "--profile", str(demo_profile))
    assert done.returncode == 2 and "cannot be opened" in done.stderr and "Traceback" not in done.stderr


def test_a_copy_before_migrating_that_does_not_fit_is_told_and_not_left_half_written(profile_dir, tiny_disk):
    from app.errors import ProfileError
    from db import migrate

    size = (profile_dir / "casedesk.db").stat().st_size
    disk = tiny_disk(size * 3 // 2 // 1024)  # room for the database and its journal, not for a second copy
    moved = disk / "profile"
    shutil.copytree(profile_dir, moved)
    profile = Profile.open(moved)  # as if a build from before the last migration had written it
    with profile.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = ?", (sorted(migrate.known_revisions())[-2],))
    profile.close()
    with pytest.raises(ProfileError) as refused:
        Profile.open(moved)
    assert refused.value.problem.code == "edge.disk_full"
    assert sorted(p.name for p in moved.iterdir() if p.name.startswith("casedesk.db")) == ["casedesk.db"]
