"""The calendar benchmark's data set: a station with N follow-ups in one month.

Bulk-inserted (not the demo generator, not Store.write): one station's cases with N
follow-ups in MONTH, plus as many elsewhere (another station in the same month, anyone
in other months) so the month query has to pick its rows out of a larger table. The
profile is kept (a `complete` marker) and reused by later runs.
"""
from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

MONTH = (2026, 3)  # a month where no holiday moves anything: the figure is about volume


def build_profile(path: Path, n: int, seed: int, log=print):
    """A profile with two stations; station A has `n` follow-ups in MONTH."""
    from sqlalchemy import insert

    from app.profile import Profile
    from app.profile import profile_exists
    from db.ids import uuid7
    from db.models import Case
    from db.models import Followup
    from db.models import OrgUnit
    from db.models import Patient
    from db.models import User

    if profile_exists(path) and (path / "complete").exists():
        return Profile.open(path)
    shutil.rmtree(path, ignore_errors=True)
    log(f"generating {2 * n:,} follow-ups into {path} (once; reused next time) …")
    profile = Profile.open(path)
    rng = random.Random(seed)
    now = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    sync = {"version": 0, "updated_at": now}
    stations = [dict(id=uuid7(), kind="street_station", code=f"BENCH-{c}", name=f"测试街道工作站{c}", **sync)
                for c in "AB"]
    user_id = uuid7()
    user = dict(id=user_id, username="bench_cm", display_name="测试个案管理师", role="community_cm",
                org_unit_id=stations[0]["id"], active=True, **sync)
    patients, cases = [], []
    for i in range(max(n // 10, 10)):
        pid = uuid7()
        patients.append(dict(id=pid, name=f"测试{i:05d}", name_pinyin=f"ceshi{i:05d}", name_initials="cs", sex="MF"[i % 2],
                             birth_date=dt.date(1950 + i % 30, 1 + i % 12, 1 + i % 28), contract_signed=False, **sync))
        cases.append(dict(id=uuid7(), patient_id=pid, cancer_type="lung", stage="rehab", risk_level="medium",
                          station_id=stations[i % 2]["id"], community_cm_id=user["id"], opened_at=now, **sync))
    station_a = [c for c in cases if c["station_id"] == stations[0]["id"]]
    station_b = [c for c in cases if c["station_id"] == stations[1]["id"]]
    first = dt.date(*MONTH, 1)
    rows = []
    for k in range(2 * n):
        if k < n:  # the station being measured, in the bench month
            case, due = rng.choice(station_a), first + dt.timedelta(days=rng.randrange(31))
        elif k % 2:  # another station, same month
            case, due = rng.choice(station_b), first + dt.timedelta(days=rng.randrange(31))
        else:  # anyone, another month
            offset = rng.randrange(1, 400)
            case, due = rng.choice(cases), first + dt.timedelta(days=-offset if k % 4 else 31 + offset)
        status = "planned" if due >= dt.date(2026, 3, 16) else rng.choice(("done", "done", "missed", "planned"))
        rows.append(dict(id=uuid7(), patient_id=case["patient_id"], case_id=case["id"], due_date=due,
                         method=rng.choice(("phone", "phone", "phone", "clinic", "home")), status=status,
                         assignee_id=user["id"], attempts=0, rule_id="rehab-curative", **sync))
    with profile.engine.begin() as conn:
        conn.execute(insert(OrgUnit), stations)
        conn.execute(insert(User), [user])
        conn.execute(insert(Patient), patients)
        conn.execute(insert(Case), cases)
        conn.execute(insert(Followup), rows)
    profile.set_local("bench_user", user_id)
    (path / "complete").write_text("ok")
    return profile
