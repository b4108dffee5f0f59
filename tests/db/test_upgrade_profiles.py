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
import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
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
from tests.e2e.conftest import demo_db  # noqa: F401  (fixtures used below)
from tests.e2e.conftest import demo_server  # noqa: F401
from tests.e2e.conftest import demo_template  # noqa: F401
from tests.e2e.conftest import keyring_ready  # noqa: F401
from tests.e2e.conftest import shared_server  # noqa: F401
from tests.e2e.conftest import users_by_role
from tests.support import ROOT

FIXTURES = sorted((ROOT / "tests" / "data" / "profiles").glob("schema_*"))
# The oldest and the newest go through a whole sync; every one is upgraded and checked.
SYNCED = [FIXTURES[0].name, FIXTURES[-1].name]

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
    if manifest["key_hex"]:
        profile_id = json.loads((fixture / "profile.json").read_text(encoding="utf-8"))["id"]
        encrypt(plain, dest / "casedesk.db", manifest["key_hex"], manifest["page_size"])
        plain.unlink()
        secrets.put(f"dbkey:{profile_id}", manifest["key_hex"])
    else:
        plain.rename(dest / "casedesk.db")
    return manifest


def digest(conn, table: str, columns: list[str]) -> str:
    quoted = ", ".join(f'"{c}"' for c in columns)
    rows = conn.exec_driver_sql(f'SELECT {quoted} FROM "{table}" ORDER BY id').all()
    blob = json.dumps([list(r) for r in rows], default=repr, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()


def test_every_released_schema_has_a_saved_profile():
    assert [f.name for f in FIXTURES] == [f"schema_{n:04d}" for n in range(1, len(FIXTURES) + 1)]
    assert manifest_of(FIXTURES[-1])["revision"] == migrate.head()  # today's head is saved too


@pytest.mark.filterwarnings("ignore:.*expression-based index")
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.name)
def test_a_profile_of_every_schema_opens_migrated_with_nothing_lost(fixture, tmp_path):
    path = tmp_path / "profile"
    manifest = install(fixture, path)
    profile = Profile.open(path)
    try:
        assert migrate.current(profile.engine) == migrate.head()
        with profile.engine.connect() as conn:
            # at head in fact, not only in name: every column today's models read is there
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            # expression indexes are beyond SQLite's reflection: by name
            indexes = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
            assert {i.name for t in Base.metadata.tables.values() for i in t.indexes} <= indexes
            counts = {t: conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar() for t in manifest["tables"]}
            digests = {t: digest(conn, t, d["columns"]) for t, d in manifest["digests"].items()}
        assert counts == manifest["tables"]
        assert digests == {t: d["sha256"] for t, d in manifest["digests"].items()}
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


@pytest.mark.parametrize("fixture", [f for f in FIXTURES if f.name in SYNCED], ids=lambda f: f.name)
def test_an_upgraded_profile_still_syncs_and_its_pending_edit_arrives(fixture, tmp_path, demo_server, demo_db):
    path = tmp_path / "profile"
    manifest = install(fixture, path)
    edit = manifest["pending_edit"]
    user = users_by_role(demo_db)["clinic_cm"][0]
    assert server_phone(demo_db, edit["row_id"]) != edit["phone"]  # the demo server has the patient, unedited
    profile = Profile.open(path)
    try:
        client = service.make_client(profile, demo_server.url)
        try:
            service.sign_in(profile, client, user, f"{user}-demo")
            client.cycle()
        finally:
            client.close()
        with profile.sessions() as s:
            left = s.query(OutboxEntry).all()
        assert left == []
    finally:
        profile.close()
    assert server_phone(demo_db, edit["row_id"]) == edit["phone"]


def server_phone(db_url: str, patient_id: str) -> str | None:
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT phone FROM patients WHERE id = :id"), {"id": patient_id}).scalar()
    finally:
        engine.dispose()
