"""One test setup: offscreen Qt, caches in temp dirs, a fresh profile per test copied from
one migrated template, and real components (PostgreSQL, keyring) that fail under CI=true
instead of skipping."""
from __future__ import annotations

import atexit
import gc
import os
import shutil
import tempfile
import uuid

import pytest

# Offscreen Qt on the screen of a typical clinic desktop (1366×768), not the plugin's 800×800:
# windows are fitted inside the screen (ui/window_state.py), as on the desks they run on.
# One file per process, removed as it ends: pytest-xdist's workers (which inherit the
# controller's setting) must not read it while another process rewrites it.
_SCREEN = os.path.join(tempfile.gettempdir(), f"casedesk-test-screen-{os.getpid()}.json")
with open(_SCREEN, "w", encoding="utf-8") as _f:
    _f.write('{"screens": [{"name": "desk", "x": 0, "y": 0, "width": 1366, "height": 768,'
             ' "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}')
atexit.register(os.remove, _SCREEN)
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")
# The desktop's log (app/logsetup.py) goes to a folder of this run, not the platform's.
os.environ.setdefault("CASEDESK_LOG_DIR", tempfile.mkdtemp(prefix="casedesk-test-logs-"))

# Garbage is collected on the main thread only, after each test and from the workstation's
# GUI-thread timer (ui/collector.py), never by whichever thread allocates: under pytest-xdist a
# worker's message thread allocates too, and a collection there that freed a cycle holding a
# Qt object crashed the worker in Qt.
gc.disable()

IN_CI = os.environ.get("CI", "").lower() == "true"
PG_ADMIN_URL = os.environ.get("CASEDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def need_component(name: str, why: str) -> None:
    """Skip on a developer machine without `name`; fail in CI, where it must be there."""
    if IN_CI:
        pytest.fail(f"{name} is required in CI but unavailable: {why}")
    pytest.skip(f"{name} unavailable: {why}")


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread():
    yield
    from app import gc_policy

    gc_policy.collect_due()


@pytest.fixture(scope="session")
def keyring_backend():
    """Profiles are encrypted with keys in the OS keyring: tests need a real one."""
    from app import secrets

    try:
        secrets._backend()
    except secrets.KeyringUnavailable as exc:
        need_component("SecretService keyring", f"{exc} (run the tests with ./dev.sh test)")


@pytest.fixture(scope="session")
def template_profile(tmp_path_factory, keyring_backend):
    from app.profile import Profile

    path = tmp_path_factory.mktemp("template")
    Profile.open(path).close()
    return path


@pytest.fixture
def profile_dir(tmp_path, template_profile):
    """A copy of the migrated template: same profile id, so the same key in the keyring."""
    target = tmp_path / "profile"
    shutil.copytree(template_profile, target)
    return target


@pytest.fixture
def profile(profile_dir):
    from app.profile import Profile

    p = Profile.open(profile_dir)
    yield p
    p.close()


def _pg_admin():
    from sqlalchemy import create_engine

    engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect():
            pass
    except Exception as exc:  # noqa: BLE001 - any connection failure means "not available"
        engine.dispose()
        need_component("PostgreSQL", f"{PG_ADMIN_URL}: {exc.__class__.__name__}")
    return engine


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    from sqlalchemy import text

    admin = _pg_admin()
    name = f"casedesk_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
