"""Helpers shared by tests (fixtures live in conftest.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_main(*args: str, cwd=None, env=None, timeout=120) -> subprocess.CompletedProcess:
    """Run `python main.py ARGS` in a subprocess, as a person would."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], cwd=cwd or ROOT, env=full_env,
        capture_output=True, text=True, timeout=timeout,
    )


class _Seeder:
    def __init__(self, session):
        self.session = session

    def add(self, obj):
        from db.ids import uuid7
        obj.id = obj.id or uuid7()
        self.session.add(obj)
        self.session.flush()
        return obj


def seed_rows(profile):
    """Rows as they arrive from the server in a pull: straight into the tables, with no outbox
    entry and no rule-book check (the server checked them). For test data only; `with
    seed_rows(profile) as tx: tx.add(...)` reads like a Store.write() block."""
    from contextlib import contextmanager

    @contextmanager
    def block():
        with profile.sessions.begin() as session:
            yield _Seeder(session)

    return block()
