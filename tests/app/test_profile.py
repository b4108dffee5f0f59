"""Opening a profile: bad directories and damaged or future databases are refused untouched."""
from __future__ import annotations

import pytest

from app.errors import ProfileError
from app.profile import DB_NAME
from app.profile import Profile
from db.engine import sqlite_engine


def test_a_new_profile_is_created_migrated_with_a_stable_device_id(tmp_path):
    p = Profile.open(tmp_path / "new")
    device = p.device_id
    p.close()
    again = Profile.open(tmp_path / "new")
    assert again.device_id == device and again.is_empty() and not again.is_demo
    again.close()


def test_a_directory_that_cannot_be_created_is_refused(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(ProfileError, match="not writable"):
        Profile.open(blocker / "profile")


def test_a_corrupt_database_is_refused_and_left_untouched(tmp_path):
    tmp_path.joinpath(DB_NAME).write_bytes(b"this is not sqlite at all" * 100)
    before = tmp_path.joinpath(DB_NAME).read_bytes()
    with pytest.raises(ProfileError, match="damaged"):
        Profile.open(tmp_path)
    assert tmp_path.joinpath(DB_NAME).read_bytes() == before


def test_a_truncated_database_is_refused_and_left_untouched(profile_dir, tmp_path):
    db = profile_dir / DB_NAME
    data = db.read_bytes()
    db.write_bytes(data[:4096] + b"\x00garbage" * 512)  # header intact, pages torn
    before = db.read_bytes()
    with pytest.raises(ProfileError):
        Profile.open(profile_dir)
    assert db.read_bytes() == before


def test_a_schema_from_a_newer_build_is_refused_and_left_untouched(profile_dir):
    eng = sqlite_engine(profile_dir / DB_NAME)
    with eng.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num='0099_from_the_future'")
    eng.dispose()
    before = (profile_dir / DB_NAME).read_bytes()
    with pytest.raises(ProfileError, match="newer"):
        Profile.open(profile_dir)
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
