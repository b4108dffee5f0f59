"""Benchmark data sets: generated once per size and seed, then reused from a cache dir.

Generating 100,000 patients takes most of a minute; a benchmark run should measure the
workstation, not the generator, so the profile is kept between runs.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from pathlib import Path

import platformdirs

from app import clock
from app.errors import ProfileError
from app.profile import Profile
from app.profile import profile_exists


def cache_dir() -> Path:
    base = os.environ.get("CASEDESK_CACHE_DIR") or platformdirs.user_cache_dir("CaseDesk", appauthor=False)
    return Path(base) / "bench"


def bench_profile(name: str, patients: int, seed: int, events: tuple[int, int],
                  path: Path | None = None, log=print) -> Profile:
    """A profile holding `patients` demo patients, generated on first use."""
    from app.demo import fill_demo_profile

    path = path or cache_dir() / f"{name}-{patients}-{seed}-{events[0]}-{events[1]}"
    if profile_exists(path) and (path / "complete").exists():
        try:
            return Profile.open(path)
        except ProfileError as exc:  # e.g. generated under another keyring: its key is gone
            log(f"cached profile unusable ({exc}); generating it again")
    shutil.rmtree(path, ignore_errors=True)
    log(f"generating {patients:,} patients into {path} (once; reused next time) …")
    profile = Profile.open(path)
    fill_demo_profile(profile, patients=patients, seed=seed, events=events)
    (path / "complete").write_text("ok")
    return profile


def add_patient_with_events(profile: Profile, n_events: int, seed: int = 7) -> str:
    """A patient with `n_events` timeline events (the heavy patient the view must open fast)."""
    from db.models import Patient
    from db.models import TimelineEvent

    key = f"bench_patient_{n_events}"
    existing = profile.get_local(key)
    if existing:
        return existing
    rng = random.Random(seed)
    kinds = ["screening", "referral", "exam", "mdt", "treatment", "followup", "letter", "note", "call"]
    now = clock.now()
    with profile.sessions.begin() as s:
        p = Patient(name="测试多事件", name_pinyin="ceshiduoshijian", name_initials="csdsj", sex="F",
                    birth_date=dt.date(1961, 3, 4), updated_at=now, version=0)
        s.add(p)
        s.flush()
        s.add_all(TimelineEvent(
            patient_id=p.id, kind=rng.choice(kinds), title=f"事件 {i + 1}", body="随访记录 " * 5,
            occurred_at=now - dt.timedelta(hours=rng.randrange(24 * 365 * 8)), updated_at=now, version=0)
            for i in range(n_events))
        pid = p.id
    profile.set_local(key, pid)
    return pid
