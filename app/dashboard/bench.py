"""The screening funnel over a district's push (issue #18: ≤ 1 s over 160,000 invited residents).

Xuhui's figures made into a profile (generated once per size and seed, then reused from the
cache dir; not timed): N residents pushed for screening by list over the last year, each one
lung or colorectal case at one of the demo network's 11 street stations, sent an invitation
letter, a third of them phoned; ~19% screened (30,000
of 160,000), ~5% of those high risk, 250+ CT / colonoscopy bookings of which most attended, a
third of the exams positive, and most of those diagnosed (MDT) and treated (62 of 160,000);
plus a year of follow-ups for the community case managers. The timed part is the dashboard's
own call: the whole funnel with every programme, station, conversion, median and the loop
closure, and 随访率 / 随访及时率 per station and case manager. The baseline in the same run is one
pass over the screening events' index (the least any funnel must read): `ratio_vs_scan`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import time
from pathlib import Path

SEED = 18
FULL = 160_000
DATA = 2  # the generator's version: a cached profile from another one is not reused


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--invited", type=int, default=FULL, help=f"residents pushed for screening (default {FULL})")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of the funnel (default 5)")


def _rows(n: int, today: dt.date, seed: int) -> dict[str, list[dict]]:
    """The generated records, table by table (ids given, so no per-row default is called)."""
    from app.demo.names import make_name
    from app.demo.network import build_network
    from db.ids import uuid7

    rng = random.Random(seed)
    net = build_network()
    utc = dt.timezone.utc
    start = dt.datetime.combine(today - dt.timedelta(days=365), dt.time(1), utc)
    out: dict[str, list[dict]] = {k: [] for k in ("org_units", "users", "patients", "cases", "screenings",
                                                   "timeline_events", "exam_slots", "slot_bookings",
                                                   "mdt_requests", "followups")}
    now = dt.datetime.now(utc)
    out["org_units"] = [dict(id=u.id, kind=u.kind, code=u.code, name=u.name, parent_id=u.parent_id, address=u.address,
                             phone=u.phone, updated_at=now, version=0) for u in net.units]
    out["users"] = [dict(id=s.id, username=s.username, display_name=s.display_name, role=s.role,
                         org_unit_id=s.org_unit_id, phone=s.phone, updated_at=now, version=0) for s in net.staff]
    slots = {}
    for modality in ("ldct", "colonoscopy"):
        for week in range(53):
            sid = uuid7()
            slots[(modality, week)] = sid
            out["exam_slots"].append(dict(id=sid, org_unit_id=net.centre.id, modality=modality, capacity=40, minutes=30,
                                          starts_at=start + dt.timedelta(days=7 * week), updated_at=now, version=0))

    def event(pid, cid, kind, at, station, data=None, ref_table=None, ref_id=None):
        # executemany wants every row's keys alike
        out["timeline_events"].append(dict(id=uuid7(), patient_id=pid, case_id=cid, kind=kind, occurred_at=at,
                                           org_unit_id=station, title="", updated_at=now, version=0, data=data,
                                           ref_table=ref_table, ref_id=ref_id))

    for i in range(n):
        street = net.streets[i % len(net.streets)]
        station, cm = street.station.id, street.community_cm.id
        sex = "M" if rng.random() < 0.5 else "F"
        pid, cid = uuid7(), uuid7()
        cancer = "lung" if rng.random() < 0.6 else "colorectal"
        pushed = start + dt.timedelta(days=rng.randrange(330), hours=rng.randrange(10))
        out["patients"].append(dict(id=pid, name=make_name(rng, sex), sex=sex, updated_at=now, version=0,
                                    birth_date=dt.date(1946 + rng.randrange(30), 1 + rng.randrange(12), 1),
                                    community_id=street.points[i % len(street.points)].id))
        stage = "screen"
        event(pid, cid, "screening", pushed, station, data={"step": "pushed"})
        # What else a push leaves on the timeline: the invitation letter, and the family doctor's
        # call to a third of the list (Beilun's 筛查名单电话随访); the funnel must read past them.
        event(pid, cid, "letter", pushed + dt.timedelta(days=rng.randrange(4)), station)
        if rng.random() < 0.33:
            event(pid, cid, "call", pushed + dt.timedelta(days=rng.randrange(4, 30)), station)
        if rng.random() < 0.19:  # 30,000 of 160,000 screened (questionnaire or FIT)
            at = pushed + dt.timedelta(days=rng.randrange(1, 60))
            high = rng.random() < 0.05
            result = "high_risk" if high else "normal"
            sid = uuid7()
            out["screenings"].append(dict(id=sid, patient_id=pid, programme=f"{cancer}_q", screened_on=at.date(),
                                          result=result, updated_at=now, version=0))
            event(pid, cid, "screening", at, station, ref_table="screenings", ref_id=sid)
            if high and rng.random() < 0.18:  # 250+ booked into the pool
                booked = at + dt.timedelta(days=rng.randrange(0, 10))
                week = min(52, (booked - start).days // 7 + 1 + rng.randrange(3))
                slot = slots[("ldct" if cancer == "lung" else "colonoscopy", week)]
                roll = rng.random()
                state = "attended" if roll < 0.85 else "no_show" if roll < 0.95 else "cancelled"
                seen = start + dt.timedelta(days=7 * week, hours=2) if state == "attended" else None
                out["slot_bookings"].append(dict(id=uuid7(), slot_id=slot, patient_id=pid, case_id=cid, state=state,
                                                 booked_at=booked, attended_at=seen, updated_at=now, version=0))
                if seen is not None and seen.date() < today and rng.random() < 0.33:  # the exam found something
                    stage = "diagnose"
                    found = seen + dt.timedelta(days=rng.randrange(1, 5))
                    sid = uuid7()
                    out["screenings"].append(dict(id=sid, patient_id=pid, programme=f"{cancer}_exam",
                                                  screened_on=found.date(), result="abnormal", updated_at=now,
                                                  version=0))
                    event(pid, cid, "screening", found, station, ref_table="screenings", ref_id=sid)
                    event(pid, cid, "stage", found, station, data={"from": "screen", "to": "diagnose"})
                    if rng.random() < 0.9:
                        decided = found + dt.timedelta(days=rng.randrange(7, 21))
                        mid = uuid7()
                        out["mdt_requests"].append(dict(id=mid, patient_id=pid, case_id=cid, question="", state="decided",
                                                        decided_at=decided, specialties=[], checklist={},
                                                        updated_at=now, version=0))
                        event(pid, cid, "mdt", decided, net.centre.id, ref_table="mdt_requests", ref_id=mid)
                        stage = "treat"
                        event(pid, cid, "treatment", decided + dt.timedelta(days=rng.randrange(5, 30)), net.centre.id)
            if high:
                due = at.date() + dt.timedelta(days=rng.randrange(7, 60))
                if due <= today:
                    roll = rng.random()
                    status = "done" if roll < 0.8 else "missed" if roll < 0.9 else "planned"
                    done = (dt.datetime.combine(due + dt.timedelta(days=rng.randrange(-3, 14)), dt.time(2), utc)
                            if status == "done" else None)
                    out["followups"].append(dict(id=uuid7(), patient_id=pid, case_id=cid, due_date=due, status=status,
                                                 assignee_id=cm, attempts=1, completed_at=done, method="phone",
                                                 updated_at=now, version=0))
        out["cases"].append(dict(id=cid, patient_id=pid, cancer_type=cancer, stage=stage, risk_level="medium",
                                 station_id=station, community_cm_id=cm, opened_at=pushed, updated_at=now, version=0,
                                 open_tasks=0))
    return out


def make_profile(path: Path, n: int, seed: int = SEED, today: dt.date | None = None):
    """A new profile at `path` holding the generated push (rows written as a pull would)."""
    from sqlalchemy import insert

    from app.profile import Profile
    from db.models import Base

    profile = Profile.open(path)
    rows = _rows(n, today or dt.date.today(), seed)
    tables = Base.metadata.tables
    with profile.sessions.begin() as s:
        for name, batch in rows.items():
            for at in range(0, len(batch), 20_000):
                s.execute(insert(tables[name]), batch[at:at + 20_000])
    with profile.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    return profile


def cached_profile(n: int, seed: int = SEED, log=print):
    """Generated once per size, seed and schema; reused while its key is in the keyring."""
    from app.benchdata import cache_dir
    from app.errors import ProfileError
    from app.profile import Profile
    from app.profile import profile_exists
    from db import migrate

    path = cache_dir() / f"funnel-{n}-{seed}-v{DATA}-{migrate.fingerprint()}"
    if profile_exists(path) and (path / "complete").exists():
        try:
            return Profile.open(path)
        except ProfileError as exc:
            log(f"cached profile unusable ({exc}); generating it again")
    shutil.rmtree(path, ignore_errors=True)
    log(f"generating {n:,} invited residents into {path} (once; reused next time) …")
    profile = make_profile(path, n, seed)
    (path / "complete").write_text("ok")
    return profile


def run(args) -> dict:
    from sqlalchemy import text

    from app.dashboard.funnel import build_funnel

    profile = cached_profile(args.invited, log=lambda m: None)
    try:
        with profile.sessions() as s:  # warm the page cache as a person's second look would
            s.execute(text("SELECT count(*) FROM timeline_events WHERE kind = 'screening'")).one()
        board = build_funnel(profile.sessions)
        scans, runs = [], []
        for _ in range(max(1, args.repeat)):
            t0 = time.perf_counter()
            with profile.sessions() as s:  # the floor: one pass over the screening events' index
                s.execute(text("SELECT count(*), min(occurred_at) FROM timeline_events "
                               "WHERE kind = 'screening' GROUP BY case_id")).all()
            scans.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            board = build_funnel(profile.sessions)
            runs.append(time.perf_counter() - t0)
    finally:
        profile.close()
    f = board.overall
    figures: dict = {step.key: step.count for step in f.steps}
    figures.update({f"{step.key}_median_days": step.median_days for step in f.steps[1:]})
    figures.update({
        "loop_closure": None if f.loop_rate is None else round(f.loop_rate, 3),
        "loop_pending": f.loop_pending,
        "followup_rate": None if board.followups_overall.rate is None else round(board.followups_overall.rate, 3),
        "timely_rate": (None if board.followups_overall.timely_rate is None
                        else round(board.followups_overall.timely_rate, 3)),
        "stations": len(board.by_station), "programmes": len(board.by_programme),
        "funnel_s": round(statistics.median(runs), 3), "funnel_max_s": round(max(runs), 3),
        "scan_s": round(statistics.median(scans), 3),
        "ratio_vs_scan": round(statistics.median(runs) / max(statistics.median(scans), 1e-6), 1),
        "goal_s": 1.0,
    })
    return figures
