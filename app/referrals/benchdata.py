"""A profile with N open referrals into one county centre, for the board benchmark.

Generated once per size into the bench cache (bulk inserts, like the other bench data);
the clock is pinned at NOW so the same referrals are waiting, due soon and breached on
every run.
"""
from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

NOW = dt.datetime(2026, 11, 18, 4, 0, tzinfo=dt.timezone.utc)  # noon in China, a Wednesday
STATES = (("sent", 30), ("received", 25), ("accepted", 25), ("scheduled", 15), ("seen", 5))
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def build_profile(path: Path, n: int, seed: int = 3, log=print):
    from sqlalchemy import insert

    from app.errors import ProfileError
    from app.profile import Profile
    from app.profile import profile_exists
    from db.ids import uuid7
    from db.models import OrgUnit
    from db.models import Patient
    from db.models import Referral
    from db.models import User

    if profile_exists(path) and (path / "complete").exists():
        try:
            return Profile.open(path)
        except ProfileError as exc:  # made under another keyring: its key is gone
            log(f"cached profile unusable ({exc}); generating it again")
    shutil.rmtree(path, ignore_errors=True)
    log(f"generating {n:,} open referrals into {path} (once; reused next time) …")
    profile = Profile.open(path)
    rng = random.Random(seed)
    sync = {"version": 0, "updated_at": NOW}
    centre = dict(id=uuid7(), kind="centre", code="B-C01", name="测试县肿瘤防治中心", **sync)
    station = dict(id=uuid7(), kind="street_station", code="B-J01", name="测试街道工作站", parent_id=centre["id"], **sync)
    points = [dict(id=uuid7(), kind="community_point", code=f"B-J01-P{i:02d}", name=f"测试{i:02d}社区防治点",
                   parent_id=station["id"], **sync) for i in range(10)]
    user_id = uuid7()
    user = dict(id=user_id, username="bench_clinic", display_name="测试门诊个案管理师", role="clinic_cm",
                org_unit_id=centre["id"], active=True, **sync)
    states = [s for s, w in STATES for _ in range(w)]
    codes: set[str] = set()
    patients, referrals = [], []
    for i in range(n):
        pid = uuid7()
        patients.append(dict(id=pid, name=f"测试{i:05d}", name_pinyin=f"ceshi{i:05d}", name_initials="cs",
                             sex="MF"[i % 2], birth_date=dt.date(1950 + i % 30, 1 + i % 12, 1 + i % 28),
                             community_id=points[i % 10]["id"], contract_signed=False, **sync))
        while (code := "".join(rng.choices(ALPHABET, k=6))) in codes:
            pass
        codes.add(code)
        state = rng.choice(states)
        sent = NOW - dt.timedelta(seconds=rng.randint(0, 30 * 3600))
        scheduled = sent + dt.timedelta(hours=rng.randint(30, 96)) if state in ("scheduled", "seen") else None
        referrals.append(dict(
            id=uuid7(), patient_id=pid, direction="up", green_channel=i % 7 == 0,
            urgency="urgent" if i % 7 == 0 else "routine", from_org_id=points[i % 10]["id"],
            to_org_id=centre["id"], to_department="肿瘤一体化门诊", reason="低剂量CT示肺结节，建议进一步检查",
            state=state, short_code=code, sent_at=sent, scheduled_at=scheduled,
            scheduled_place="一体化门诊3楼" if scheduled else None, **sync))
    with profile.sessions.begin() as s:
        s.execute(insert(OrgUnit), [centre, station, *points])
        s.execute(insert(User), [user])
        s.execute(insert(Patient), patients)
        s.execute(insert(Referral), referrals)
    profile.set_local("bench_user", user_id)
    profile.analyze()
    (path / "complete").write_text("ok")
    return profile
