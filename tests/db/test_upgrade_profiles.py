"""Upgrades from every released schema: a small profile saved by the CaseDesk of each schema's
time (tests/data/profiles/schema_000N, made by scripts/make_schema_fixture.py from that
commit) is opened by today's Profile.open: migrated to head, nothing lost (every table's row
count, the patients', cases' and timeline's rows, the edit still pending in the outbox), and it
still syncs with a demo server: the pending edit arrives there.

Real SQLCipher files, the real keyring (each fixture's key is put into the test's keyring as
the profile's own), a real server process on PostgreSQL over HTTP."""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from app import secrets
from app.profile import Profile
from app.sync import service
from db import migrate
from db.models import Base
from db.models import OutboxEntry
from db.models import Patient
from tests.e2e.conftest import ServerProcess
from tests.e2e.conftest import keyring_ready  # noqa: F401  (a fixture used below)
from tests.e2e.conftest import users_by_role
from tests.support import ROOT

FIXTURES = sorted((ROOT / "tests" / "data" / "profiles").glob("schema_*"))
PHONE = "13912345678"  # every saved profile's pending edit (scripts/make_schema_fixture.py)

pytestmark = pytest.mark.usefixtures("keyring_ready")


def manifest_of(fixture: Path) -> dict:
    return json.loads((fixture / "manifest.json").read_text(encoding="utf-8"))


def encrypt(plain: Path, db: Path, key_hex: str, page_size: int) -> None:
    """The saved plaintext encrypted again as that version wrote it: its raw key, its page
    size, SQLCipher's defaults otherwise (scripts/make_schema_fixture.py, decrypt)."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(plain))
    try:
        conn.execute("ATTACH DATABASE ? AS encrypted KEY \"x'%s'\"" % key_hex, (str(db),))
        conn.execute(f"PRAGMA encrypted.cipher_page_size = {page_size}")
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()


def install(fixture: Path, dest: Path) -> dict:
    """The saved profile in `dest`, its key (if it had one) in this keyring."""
    manifest = manifest_of(fixture)
    dest.mkdir(parents=True)
    for name in ("profile.json", "settings.json"):
        if (fixture / name).exists():
            shutil.copy2(fixture / name, dest / name)
    plain = dest.parent / f"{fixture.name}.plain.db"
    with gzip.open(fixture / "casedesk.db.gz", "rb") as src, plain.open("wb") as out:
        shutil.copyfileobj(src, out)
    _digest_before(fixture.name, plain, manifest)
    if manifest["key_hex"]:
        profile_id = json.loads((fixture / "profile.json").read_text(encoding="utf-8"))["id"]
        encrypt(plain, dest / "casedesk.db", manifest["key_hex"], manifest["page_size"])
        plain.unlink()
        secrets.put(f"dbkey:{profile_id}", manifest["key_hex"])
    else:
        plain.rename(dest / "casedesk.db")
    return manifest


# Digests of the saved rows as they were, without the columns a desktop derives for itself
# (db/summary.py recomputes them on upgrade): fixture name -> table -> sha256.
KEPT: dict[str, dict[str, str]] = {}


def kept_columns(table: str, columns: list[str]) -> list[str]:
    derived = {c.name for c in Base.metadata.tables[table].columns if c.info.get("derived")}
    return [c for c in columns if c not in derived]


def _digest_before(name: str, plain: Path, manifest: dict) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(f"sqlite:///{plain}")
    try:
        with engine.connect() as conn:
            for table, d in manifest["digests"].items():
                assert digest(conn, table, d["columns"]) == d["sha256"], f"{name}: the saved {table} changed"
                KEPT.setdefault(name, {})[table] = digest(conn, table, kept_columns(table, d["columns"]))
    finally:
        engine.dispose()


def digest(conn, table: str, columns: list[str]) -> str:
    quoted = ", ".join(f'"{c}"' for c in columns)
    rows = conn.exec_driver_sql(f'SELECT {quoted} FROM "{table}" ORDER BY id').all()
    blob = json.dumps([list(r) for r in rows], default=repr, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()


def test_every_released_schema_has_a_saved_profile():
    assert [f.name for f in FIXTURES] == [f"schema_{n:04d}" for n in range(1, len(FIXTURES) + 1)]
    assert manifest_of(FIXTURES[-1])["revision"] == migrate.head()  # today's head is saved too


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory) -> dict[str, Path]:
    """Each saved profile upgraded once by today's Profile.open (the slow part: ~2 s each),
    checked and synced by the tests below."""
    root = tmp_path_factory.mktemp("upgraded")
    paths = {}
    for fixture in FIXTURES:
        path = root / fixture.name
        install(fixture, path)
        Profile.open(path).close()
        paths[fixture.name] = path
    return paths


@pytest.mark.filterwarnings("ignore:.*expression-based index")
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.name)
def test_a_profile_of_every_schema_opens_migrated_with_nothing_lost(fixture, upgraded):
    path, manifest = upgraded[fixture.name], manifest_of(fixture)
    profile = Profile.open(path)
    try:
        assert migrate.current(profile.engine) == migrate.head()
        with profile.engine.connect() as conn:
            # at head in fact, not only in name: every column today's models read is there
            assert migrate.differences(conn) == []
            # expression indexes are beyond SQLite's reflection: by name
            indexes = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
            assert {i.name for t in Base.metadata.tables.values() for i in t.indexes} <= indexes
            counts = {t: conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar() for t in manifest["tables"]}
            digests = {t: digest(conn, t, kept_columns(t, d["columns"])) for t, d in manifest["digests"].items()}
        assert counts == manifest["tables"]
        assert digests == KEPT[fixture.name]  # every saved value kept; the summary is derived anew
        with profile.sessions() as s:
            pending = [(e.mutation_id, e.table_name, e.row_id, e.op, e.status) for e in s.query(OutboxEntry)]
            phone = s.get(Patient, manifest["pending_edit"]["row_id"]).phone
        assert pending == [tuple(e.values()) for e in manifest["outbox"]]
        assert phone == manifest["pending_edit"]["phone"]
        assert profile.device_id == manifest["device_id"] and profile.is_demo
    finally:
        profile.close()
    # a profile from before encryption is encrypted on the way (its 4 KiB pages kept)
    assert (path / "profile.json").exists()
    assert (path / "casedesk.db").read_bytes()[:16] != b"SQLite format 3\x00"
    assert (path / f"casedesk.db.before-{migrate.head()}").exists() == (manifest["revision"] != migrate.head())


@pytest.fixture(scope="module")
def network_of_the_profiles():
    """Demo servers holding the networks the saved profiles were made against, one per day
    they were made on. The demo generator's ids follow its date (app/demo/generator.py), so
    each network is generated as of that day, whatever day the test runs (it failed after
    midnight against the shared demo server, generated today). Made day -> server."""
    import datetime as dt

    from app import clock
    from db.engine import url_engine
    from server.demo import init_demo
    from tests.conftest import PG_ADMIN_URL
    from tests.conftest import _pg_admin

    admin = _pg_admin()
    servers, names = {}, []
    try:
        for made in sorted({manifest_of(f)["made"] for f in FIXTURES}):
            name = f"casedesk_upgrades_{os.getpid()}_{made.replace('-', '')}"
            names.append(name)
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
            engine = url_engine(url)
            clock.pin(dt.datetime.combine(dt.date.fromisoformat(made), dt.time(4), dt.timezone.utc))
            try:
                init_demo(engine, 120, 1)  # as the e2e demo template: 120 patients, seed 1
            finally:
                clock.pin(None)
                engine.dispose()
            servers[made] = ServerProcess(url).start()
        yield servers
    finally:
        for server in servers.values():
            server.stop()
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_every_upgraded_profile_still_syncs_and_its_pending_edit_arrives(upgraded, tmp_path, network_of_the_profiles):
    """All of them, one after another, as desktops of one person on the demo server of their
    day: each signs in, pushes its pending edit (the same value on the same patient: applied,
    then merged) and pulls its scope."""
    for fixture in FIXTURES:
        manifest = manifest_of(fixture)
        demo_server = network_of_the_profiles[manifest["made"]]
        demo_db = demo_server.db_url
        user = users_by_role(demo_db)["clinic_cm"][0]
        row_id = manifest["pending_edit"]["row_id"]
        path = tmp_path / fixture.name
        shutil.copytree(upgraded[fixture.name], path)  # the same profile id: its key is in the keyring
        profile = Profile.open(path)
        try:
            client = service.make_client(profile, demo_server.url)
            try:
                service.sign_in(profile, client, user, f"{user}-demo")
                client.cycle()
            finally:
                client.close()
            with profile.sessions() as s:
                left = [(e.status, e.server_reason, e.server_detail) for e in s.query(OutboxEntry)]
                assert left == [], (fixture.name, left)
                assert s.get(Patient, row_id).server_seq is not None, fixture.name
        finally:
            profile.close()
        (mutation,) = manifest["outbox"]
        result = server_sql(demo_db, "SELECT result FROM applied_mutations WHERE mutation_id = :m",
                            m=mutation["mutation_id"])
        assert result is not None and result["status"] in ("applied", "merged"), (fixture.name, result)
        assert server_sql(demo_db, "SELECT phone FROM patients WHERE id = :id", id=row_id) == PHONE, fixture.name


def server_sql(db_url: str, statement: str, **params):
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return conn.execute(text(statement), params).scalar()
    finally:
        engine.dispose()
