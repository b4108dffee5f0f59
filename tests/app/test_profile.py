"""Opening a profile: encrypted with a key from the keyring; bad directories, damaged or
future databases, missing or wrong keys are refused, and the files are left untouched."""
from __future__ import annotations

import json
import sqlite3

import keyring
import keyring.backends.fail
import pytest

from app import profile_key
from app import secrets
from app.errors import ProfileError
from app.profile import DB_NAME
from app.profile import Profile
from db.models import Patient

pytestmark = pytest.mark.usefixtures("keyring_backend")


def test_a_new_profile_is_created_migrated_with_a_stable_device_id(tmp_path):
    p = Profile.open(tmp_path / "new")
    device = p.device_id
    p.close()
    again = Profile.open(tmp_path / "new")
    assert again.device_id == device and again.is_empty() and not again.is_demo
    again.close()


def test_the_profile_files_reveal_no_patient_data(profile):
    import datetime as dt
    with profile.store.write() as tx:
        tx.add(Patient(name="欧阳明月", name_pinyin="ouyangmingyue", name_initials="oymy", sex="F",
                       birth_date=dt.date(1959, 9, 9), phone="13855551234", address="幸福路88号"))
    profile.close()
    needles = ["欧阳明月".encode(), b"13855551234", "幸福路".encode(), b"ouyangmingyue"]
    for f in profile.path.rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            assert not any(n in data for n in needles), f"readable patient data in {f.name}"
    with pytest.raises(sqlite3.DatabaseError):  # not even readable as SQLite without the key
        sqlite3.connect(profile.path / DB_NAME).execute("SELECT count(*) FROM patients").fetchall()


def test_a_missing_key_is_a_clear_refusal_and_the_file_is_untouched(profile_dir):
    manifest = json.loads((profile_dir / profile_key.MANIFEST).read_text())
    manifest["id"] = "00000000-0000-7000-8000-000000000000"  # a profile from another computer
    (profile_dir / profile_key.MANIFEST).write_text(json.dumps(manifest))
    before = (profile_dir / DB_NAME).read_bytes()
    with pytest.raises(ProfileError) as info:
        Profile.open(profile_dir)
    assert info.value.problem.code == "profile.key_missing"
    assert (profile_dir / DB_NAME).read_bytes() == before


def test_a_wrong_key_is_a_clear_refusal_and_the_file_is_untouched(profile_dir):
    manifest = json.loads((profile_dir / profile_key.MANIFEST).read_text())
    name = f"dbkey:{manifest['id']}"
    right = secrets.get(name)  # shared with every copy of the template: put it back after
    secrets.put(name, "11" * 32)
    try:
        before = (profile_dir / DB_NAME).read_bytes()
        with pytest.raises(ProfileError) as info:
            Profile.open(profile_dir)
        assert info.value.problem.code == "profile.cannot_open"
        assert info.value.problem.params["path"] == str(profile_dir / DB_NAME)
        assert (profile_dir / DB_NAME).read_bytes() == before
    finally:
        secrets.put(name, right)


def test_without_a_secure_keyring_nothing_is_created(tmp_path):
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        with pytest.raises(secrets.KeyringUnavailable) as info:
            Profile.open(tmp_path / "p")
        assert info.value.problem.code == "keyring.none"
    finally:
        keyring.set_keyring(previous)
    assert not (tmp_path / "p" / DB_NAME).exists() and not (tmp_path / "p" / profile_key.MANIFEST).exists()


def test_an_older_plaintext_profile_is_encrypted_on_open(tmp_path):
    from db import migrate
    from db.engine import sqlite_engine
    eng = sqlite_engine(tmp_path / DB_NAME)
    migrate.upgrade(eng)
    with eng.begin() as conn:
        conn.exec_driver_sql("INSERT INTO local_state (key, value) VALUES ('device_id', 'old-desk')")
    eng.dispose()
    p = Profile.open(tmp_path)
    assert p.device_id == "old-desk"  # the data came along
    p.close()
    assert not (tmp_path / DB_NAME).read_bytes().startswith(b"SQLite format 3")


def test_a_directory_that_cannot_be_created_is_refused(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(ProfileError) as info:
        Profile.open(blocker / "profile")
    assert info.value.problem.code == "profile.not_writable"


def test_a_corrupt_plaintext_database_is_refused_and_left_untouched(tmp_path):
    tmp_path.joinpath(DB_NAME).write_bytes(b"this is not sqlite at all" * 100)
    before = tmp_path.joinpath(DB_NAME).read_bytes()
    with pytest.raises(ProfileError) as info:
        Profile.open(tmp_path)
    assert info.value.problem.code == "profile.database_damaged"
    assert tmp_path.joinpath(DB_NAME).read_bytes() == before


def test_a_torn_encrypted_database_is_refused_and_left_untouched(profile_dir):
    db = profile_dir / DB_NAME
    data = db.read_bytes()
    db.write_bytes(data[:4096] + b"\x00garbage" * 512)
    before = db.read_bytes()
    with pytest.raises(ProfileError) as info:
        Profile.open(profile_dir)
    assert info.value.problem.code == "profile.cannot_open"
    assert db.read_bytes() == before


def test_a_schema_from_a_newer_build_is_refused_and_left_untouched(profile_dir):
    p = Profile.open(profile_dir)
    with p.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num='0099_from_the_future'")
    p.engine.dispose()  # not close(): that would optimise, i.e. write
    before = (profile_dir / DB_NAME).read_bytes()
    with pytest.raises(ProfileError) as info:
        Profile.open(profile_dir)
    assert info.value.problem.code == "profile.schema_too_new"
    assert info.value.problem.params["revision"] == "0099_from_the_future"
    assert (profile_dir / DB_NAME).read_bytes() == before


def test_settings_have_typed_defaults_and_refuse_bad_values(profile):
    s = profile.settings
    assert s.get("ui.language") == "zh_CN"
    with pytest.raises(ValueError):
        s.set("ui.language", "fr")
    with pytest.raises(TypeError):
        s.set("sync.interval_s", "60")
    s.set("ui.language", "en")
    s.save()
    from app.settings import Settings
    assert Settings(profile.path / "settings.json").get("ui.language") == "en"


def test_a_profile_from_before_page_sizes_were_recorded_still_opens(tmp_path, keyring_backend, monkeypatch):
    """New profiles use 16 KiB pages and say so in profile.json; one whose manifest says
    nothing was written with SQLCipher's 4 KiB and must be opened with that."""
    import json

    from app import profile_key
    from app.profile import Profile
    from db.models import LocalState

    monkeypatch.setattr(profile_key, "PAGE_SIZE", profile_key.LEGACY_PAGE_SIZE)
    old = Profile.open(tmp_path / "old")
    old.set_local("kept", "yes")
    old.close()
    manifest = json.loads((tmp_path / "old" / profile_key.MANIFEST).read_text())
    del manifest["page_size"]
    (tmp_path / "old" / profile_key.MANIFEST).write_text(json.dumps(manifest))
    monkeypatch.undo()
    reopened = Profile.open(tmp_path / "old")
    try:
        assert reopened.get_local("kept") == "yes"
        with reopened.sessions() as s:
            assert s.get(LocalState, "kept").value == "yes"
    finally:
        reopened.close()
    new = Profile.open(tmp_path / "new")
    new.close()
    assert json.loads((tmp_path / "new" / profile_key.MANIFEST).read_text())["page_size"] == 16_384


def test_a_profile_open_in_a_workstation_is_refused_to_another_and_free_once_closed(profile_dir):
    import os
    import subprocess
    import sys

    first = Profile.open(profile_dir, exclusive=True)
    try:
        with pytest.raises(ProfileError) as info:
            Profile.open(profile_dir, exclusive=True)
        assert info.value.problem.code == "profile.in_use"
        assert info.value.problem.params["process"] == str(os.getpid())
        # another process (a `sync` run while the workstation is open) gets the same answer
        other = subprocess.run([sys.executable, "-c", "from app.profile import Profile; "
                                f"Profile.open({str(profile_dir)!r}, exclusive=True)"], capture_output=True, text=True)
        assert other.returncode != 0 and "profile.in_use" in other.stderr
        Profile.open(profile_dir).close()  # an export or an import may run beside it
    finally:
        first.close()
    Profile.open(profile_dir, exclusive=True).close()  # let go on close


def test_a_profile_that_fails_to_open_is_not_left_locked_or_changed(profile_dir):
    (profile_dir / DB_NAME).write_bytes(b"not a database at all, just junk" * 100)
    names = sorted(p.name for p in profile_dir.iterdir())
    for _ in range(2):  # refused for what it is both times, not "already open" the second
        with pytest.raises(ProfileError) as info:
            Profile.open(profile_dir, exclusive=True)
        assert info.value.problem.code == "profile.cannot_open"
    assert sorted(p.name for p in profile_dir.iterdir()) == names
