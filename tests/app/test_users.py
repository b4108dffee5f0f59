"""A shared desktop: one profile per person, each with its own key in the (real) keyring;
opening one person's profile never reads or changes another's, and their unsynced
changes stay where they are."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from app import clock
from app import profile_key
from app import secrets
from app.errors import ProfileError
from app.errors import ValidationError
from app.problems import Problem
from app.profile import DB_NAME
from app.sync import service
from app.users import MANIFEST
from app.users import Station
from db.engine import session_factory
from db.engine import sqlite_engine
from db.models import Patient
from ui.problem_words import say

pytestmark = pytest.mark.usefixtures("keyring_backend")


def key_name(path) -> str:
    return f"dbkey:{profile_key.read_manifest(path)['id']}"


@pytest.fixture
def station(tmp_path):
    s = Station(tmp_path / "desk")
    yield s
    for made in (s.root / "users").glob(f"*/{profile_key.MANIFEST}"):
        secrets.delete(key_name(made.parent))  # leave the test keyring as found


def add_patient(profile, name: str) -> None:
    with profile.store.write() as tx:
        tx.add(Patient(name=name, name_pinyin="x", name_initials="x", sex="F",
                       birth_date=dt.date(1960, 1, 1), phone="13800000000", address="幸福路1号"))


def names(profile) -> list[str]:
    with profile.sessions() as s:
        return sorted(s.scalars(select(Patient.name)))


def test_two_people_get_their_own_profile_and_their_own_key(station):
    a, b = station.add("cm01", "王芳"), station.add("cm02")
    dir_a, dir_b = station.profile_dir(a), station.profile_dir(b)
    assert (dir_a, dir_b) == (station.root / "users" / "cm01", station.root / "users" / "cm02")
    assert key_name(dir_a) != key_name(dir_b)
    key_a, key_b = secrets.get(key_name(dir_a)), secrets.get(key_name(dir_b))
    assert key_a and key_b and key_a != key_b
    # A's key does not open B's database
    engine = sqlite_engine(dir_b / DB_NAME, bytes.fromhex(key_a))
    with pytest.raises(Exception, match="not a database|file is not a database|encrypted"):
        with session_factory(engine)() as s:
            s.execute(select(Patient.id)).all()
    engine.dispose()
    # and the list of people holds no secret
    text = (station.root / MANIFEST).read_text(encoding="utf-8")
    assert key_a not in text and key_b not in text
    assert [u.label for u in station.users()] == ["王芳 (cm01)", "cm02"]


def test_b_cannot_see_a_s_patients_and_a_s_unsynced_changes_survive_switching(station):
    station.add("cm01")
    station.add("cm02")
    a = station.open("cm01")
    add_patient(a, "欧阳明月")
    add_patient(a, "司马青")
    pending = service.counts(a).pending
    outbox_before = [(i.mutation_id, i.status) for i in service.outbox_items(a)]
    assert pending >= 2
    a.close()

    b = station.open("cm02")
    assert names(b) == [] and service.counts(b).pending == 0
    add_patient(b, "诸葛亮")
    b.close()

    a = station.open("cm01")
    assert names(a) == ["司马青", "欧阳明月"]
    assert service.counts(a).pending == pending
    assert [(i.mutation_id, i.status) for i in service.outbox_items(a)] == outbox_before
    a.close()
    b = station.open("cm02")
    assert names(b) == ["诸葛亮"]
    b.close()


def test_the_last_user_comes_first_and_a_new_person_inherits_the_server(station):
    clock.pin(dt.datetime(2025, 3, 1, 8, tzinfo=dt.timezone.utc))
    try:
        station.add("cm01")
        station.add("cm02")
        assert station.last_user() is None
        p = station.open("cm02")
        p.settings.set("sync.server_url", "https://casedesk.example.org")
        p.settings.set("ui.language", "en")
        p.settings.save()
        p.close()
        assert station.last_user().login == "cm02"
        new = station.add("cm03", "李明")
        clock.pin(dt.datetime(2025, 3, 1, 9, tzinfo=dt.timezone.utc))
        p = station.open(new.login)
        assert p.settings.get("sync.server_url") == "https://casedesk.example.org"
        assert p.settings.get("ui.language") == "en"
        assert p.settings.get("sync.username") == "cm03"  # the sign-in asks this person only
        assert p.settings.get("user.id") == ""  # nobody else's identity
        p.close()
    finally:
        clock.pin(None)
    assert [u.login for u in station.users()] == ["cm03", "cm02", "cm01"]
    station.remember_name("cm02", "张伟")
    assert station.get("CM02").display_name == "张伟"


@pytest.mark.parametrize("login, words", [
    ("", "Enter a login name"),
    ("   ", "Enter a login name"),
    ("cm 01", "only letters, digits"),
    ("../cm01", "only letters, digits"),
    ("cm01/..", "only letters, digits"),
    ("-cm01", "starts and ends"),
    ("cm01.", "starts and ends"),
    ("王芳", "only letters, digits"),
    ("x" * 65, "at most 64 characters"),
    ("con", "reserved by the operating system"),
    ("LPT1.home", "reserved by the operating system"),
])
def test_bad_login_names_are_refused_in_words(station, login, words):
    with pytest.raises(ValidationError) as info:
        station.add(login)
    assert info.value.field == "login" and info.value.problem.code.startswith("users.login_")
    assert words in say(info.value, "en")
    assert not (station.root / "users").exists() or not any((station.root / "users").iterdir())


def test_the_same_person_cannot_be_added_twice(station):
    station.add("cm01")
    with pytest.raises(ValidationError) as info:
        station.add("CM01")  # one directory per person, whatever the file system's case rules
    assert say(info.value, "en") == "“CM01” already works at this desktop."
    assert say(info.value, "zh_CN") == "此电脑上已有用户“CM01”。"
    assert [u.login for u in station.users()] == ["cm01"]


def test_a_missing_key_is_the_clear_error_and_nobody_else_is_touched(station):
    station.add("cm01")
    station.add("cm02")
    a = station.open("cm01")
    add_patient(a, "欧阳明月")
    a.close()
    dir_a, dir_b = station.profile_dir(station.get("cm01")), station.profile_dir(station.get("cm02"))
    key_b = secrets.get(key_name(dir_b))
    secrets.delete(key_name(dir_b))  # as if cm02's profile came from another computer
    try:
        files_a = {f.name: f.read_bytes() for f in dir_a.iterdir()}
        files_b = {f.name: f.read_bytes() for f in dir_b.iterdir()}
        with pytest.raises(ProfileError) as info:
            station.open("cm02")
        assert info.value.problem.code == "profile.key_missing"
        assert {f.name: f.read_bytes() for f in dir_b.iterdir()} == files_b
        assert {f.name: f.read_bytes() for f in dir_a.iterdir()} == files_a
        assert secrets.get(key_name(dir_a))
        a = station.open("cm01")
        assert names(a) == ["欧阳明月"]
        a.close()
    finally:
        secrets.put(key_name(dir_b), key_b)


def test_an_unknown_user_and_a_missing_directory_are_refused(station):
    with pytest.raises(ProfileError) as info:
        station.open("cm09")
    assert info.value.problem == Problem("users.unknown", None, {"login": "cm09"})
    station.add("cm01")
    user = station.get("cm01")
    moved = station.profile_dir(user).rename(station.root / "elsewhere")
    try:
        with pytest.raises(ProfileError) as info:
            station.open("cm01")
        assert info.value.problem.code == "users.profile_missing"
        assert not station.profile_dir(user).exists()
    finally:
        moved.rename(station.profile_dir(user))


def test_a_damaged_list_is_refused_and_left_alone(station):
    station.root.mkdir(parents=True)
    (station.root / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        station.users()
    assert info.value.problem.code == "users.list_damaged"
    with pytest.raises(ProfileError):
        station.add("cm01")
    assert (station.root / MANIFEST).read_text(encoding="utf-8") == "{not json"


def test_a_lost_list_takes_back_a_person_s_profile_with_its_data(station):
    station.add("cm01")
    p = station.open("cm01")
    add_patient(p, "欧阳明月")
    p.close()
    (station.root / MANIFEST).unlink()
    station.add("cm01", "王芳")  # the same key, found under the profile's own id
    p = station.open("cm01")
    assert names(p) == ["欧阳明月"]
    p.close()
    assert json.loads((station.root / MANIFEST).read_text(encoding="utf-8"))["users"][0]["display_name"] == "王芳"


def test_a_person_s_profile_signs_in_to_the_server_only_as_that_person(station):
    from app.sync.client import SyncClient
    from app.sync.client import SyncError

    station.add("cm01")
    profile = station.open("cm01")
    # No server runs here: a refusal must come before any request is made.
    client = SyncClient(profile, "http://127.0.0.1:9")
    try:
        with pytest.raises(SyncError, match="belongs to cm01") as refused:
            client.login("cm02", "cm02-demo")
        assert refused.value.status == 403 and not refused.value.offline
        with pytest.raises(SyncError) as unreachable:  # the right person gets as far as the network
            client.login("CM01", "cm01-demo")
        assert unreachable.value.offline
    finally:
        client.close()
        profile.close()


def _acknowledge_everything(profile) -> None:
    """As if a sync had sent it all: the outbox emptied, the audit chain acknowledged."""
    from sqlalchemy import delete
    from sqlalchemy import func

    from app.sync.audit_push import ACKED_KEY
    from db.models import AuditEntry
    from db.models import OutboxEntry

    with profile.sessions.begin() as s:
        s.execute(delete(OutboxEntry))
        top = s.scalar(select(func.max(AuditEntry.seq)))
    profile.set_local(ACKED_KEY, str(top or 0))


def test_a_person_with_unsynced_work_cannot_be_removed_and_loses_nothing(station):
    station.add("cm01")
    station.add("cm02")
    profile = station.open("cm02")
    add_patient(profile, "刘二")
    profile.close()
    with pytest.raises(ValidationError) as info:
        station.remove("cm02")
    assert info.value.problem == Problem("users.unsent", "login", {"login": "cm02", "changes": 1, "audit": 1})
    profile = station.open("cm02")
    try:
        assert names(profile) == ["刘二"]
        with pytest.raises(ProfileError) as info:  # and never while it is open
            station.remove("cm02")
        assert info.value.problem.code == "profile.in_use"
        _acknowledge_everything(profile)
    finally:
        profile.close()
    path, key = station.profile_dir(station.get("cm02")), key_name(station.profile_dir(station.get("cm02")))
    station.remove("cm02")
    assert [u.login for u in station.users()] == ["cm01"]
    assert not path.exists() and secrets.get(key) is None
    station.open("cm01").close()  # the others are untouched
    with pytest.raises(ProfileError) as info:
        station.remove("cm02")
    assert info.value.problem.code == "users.unknown"
