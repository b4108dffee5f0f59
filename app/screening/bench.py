"""Screening list import: N synthetic rows read, validated and written in one transaction.

The list is generated first (not timed): people of the demo network's streets and
communities with valid GB 11643 numbers (some older residents carry a region code
newer than their birth year), mobiles, addresses and programmes. The import then runs
the path a person's click runs, on a copy of a cached demo profile (2,000 patients on
file to check duplicates against), with a progress callback counted as the UI's would be.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
import tempfile
import time
from pathlib import Path

PATIENTS = 2000
SEED = 1
HEADERS = ("序号", "姓名", "性别", "出生日期", "身份证号", "联系电话", "街道", "社区", "现住址", "筛查项目")
REGIONS = ("330206", "330203", "330212", "330281", "330226")  # 330206: created in 1985; not the demo's 330217


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=100_000, help="rows in the list (default 100000)")
    parser.add_argument("--format", choices=("csv", "xlsx"), default="csv", help="list format (default csv)")
    parser.add_argument("--keep", metavar="FILE", help="keep the generated list here")
    parser.add_argument("--residents", type=int, default=100_000,
                        help="residents assessed against every programme's risk rules (default 100000)")
    parser.add_argument("--assess-only", action="store_true", help="only the risk assessment figure, no import")


def make_rows(n: int, seed: int = SEED, today: dt.date | None = None) -> list[tuple]:
    """N good rows, deterministic for a seed."""
    from app.demo.names import make_name
    from app.demo.network import ROADS
    from app.demo.network import build_network
    from app.demo.network import mobile
    from app.idcard import make_id

    rng = random.Random(seed)
    today = today or dt.date.today()
    net = build_network()
    places = [(s.station.name.removesuffix("工作站"), p.name.removesuffix("防治点")) for s in net.streets for p in s.points]
    used: set[str] = set()
    rows: list[tuple] = []
    programmes_m = ("肺癌", "结直肠癌", "肺癌、结直肠癌", "胃癌", "")
    programmes_f = ("两癌", "结直肠癌", "肺癌", "两癌、结直肠癌", "")
    while len(rows) < n:
        sex = "M" if rng.random() < 0.5 else "F"
        birth = today - dt.timedelta(days=rng.randint(40 * 365, 80 * 365))
        id_number = make_id(rng.choice(REGIONS), birth, rng.randrange(1000), sex)
        if id_number in used:
            continue
        used.add(id_number)
        street, community = places[rng.randrange(len(places))]
        rows.append((len(rows) + 1, make_name(rng, sex), "男" if sex == "M" else "女", birth.isoformat(), id_number,
                     mobile(rng), street, community, f"{street}{rng.choice(ROADS)}{rng.randint(1, 300)}号",
                     rng.choice(programmes_m if sex == "M" else programmes_f)))
    return rows


def write_list(rows: list[tuple], path: Path) -> None:
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(HEADERS)
            w.writerows(rows)
    else:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("筛查名单")
        ws.append(HEADERS)
        for row in rows:
            ws.append(row)
        wb.save(path)


def questionnaire(rules, person: dict, rng: random.Random) -> dict:
    """One resident's answers to one programme's questions, as a case manager's form sends them:
    the record's age and sex, each yes/no answered, smoking as status, cigarettes and years."""
    answers = {k: v for k, v in person.items() if k in rules.questions}
    for qid, q in rules.questions.items():
        if qid in answers or q.compute or q.asked_if is not None:
            continue
        if q.type == "bool":
            answers[qid] = rng.random() < 0.08
        elif q.type == "choice" and qid == "smoking":
            status = rng.choice(q.options)
            answers[qid] = status
            if status != "never":
                answers["cigarettes_per_day"] = rng.randint(1, 40)
                answers["smoking_years"] = rng.randint(1, max(1, min(45, person["age"] - 15)))
            if status == "former":
                answers["quit_years"] = rng.randint(0, max(0, person["age"] - 15 - answers["smoking_years"]))
        elif q.type == "choice":
            answers[qid] = rng.choice(q.options)
        elif q.min is not None and q.max is not None and rng.random() < 0.5:
            answers[qid] = rng.randint(int(q.min), min(int(q.max), 30))
    return answers


def assess_residents(n: int, seed: int = SEED) -> dict:
    """N residents (35–84, both sexes) against every programme's risk rules, as loaded rules: the
    answers are drawn per chunk untimed, only the assessments are timed."""
    from app.screening.risk import evaluate
    from app.screening.riskrules import load_all

    rules = list(load_all().values())
    rng = random.Random(seed)
    today = dt.date.today()
    elapsed, done, high, screened = 0.0, 0, 0, 0
    chunk = 10_000
    for start in range(0, n, chunk):
        people = [{"age": rng.randint(35, 84), "sex": rng.choice("MF")} for _ in range(min(chunk, n - start))]
        forms = [(r, questionnaire(r, p, rng)) for p in people for r in rules]
        t0 = time.perf_counter()
        for r, a in forms:  # each result read and let go, as a list import's assessment would
            result = evaluate(r, a, today)
            high += result.level == "high"
            screened += result.screen
        elapsed += time.perf_counter() - t0
        done += len(forms)
    return {"assess_residents": n, "assess_programmes": len(rules), "assessments": done,
            "assess_s": round(elapsed, 3), "assessments_per_s": round(done / elapsed) if elapsed else 0,
            "assess_high_risk": high, "assess_in_screening_ages": screened}


def run(args) -> dict:
    assessed = assess_residents(args.residents)
    if args.assess_only:
        return assessed
    return {**_import(args), **assessed}


def _import(args) -> dict:
    from app.benchdata import bench_profile
    from app.profile import Profile
    from app.screening.importer import ListImport
    from app.screening.validate import Decisions

    n = args.rows
    cached = bench_profile("screening", PATIENTS if n > 1000 else 200, SEED, (5, 20), log=lambda m: None)
    cached.close()
    calls = {"read": 0, "validate": 0, "write": 0}

    def counter(phase):
        def progress(done, total):
            calls[phase] += 1
        return progress

    with tempfile.TemporaryDirectory(prefix="casedesk-bench-screening-") as tmp:
        work = Path(tmp) / "profile"
        shutil.copytree(cached.path, work)
        path = Path(args.keep) if args.keep else Path(tmp) / f"list.{args.format}"
        write_list(make_rows(n), path)
        profile = Profile.open(work)
        try:
            t0 = time.perf_counter()
            job = ListImport(profile, path)
            job.read(counter("read"))
            t1 = time.perf_counter()
            report = job.validate(progress=counter("validate"))
            # A row may meet a demo patient: the same ID number (a person confirms the merge) or
            # the same name and birth date without one (a person says "a new person").
            asked = [p.line for p in report.problems if p.code == "merge_needed"]
            merge = {line: "" for line in asked if any(c.same_id for c in report.candidates[line])}
            namesakes = frozenset(line for line in asked if line not in merge)
            if asked:
                report = job.validate(Decisions(merge=merge, new_person=namesakes), counter("validate"))
            t2 = time.perf_counter()
            if not report.ok:
                raise RuntimeError(f"generated list has bad rows: {[str(p) for p in report.problems[:5]]}")
            result = job.commit(report, counter("write"))
            t3 = time.perf_counter()
        finally:
            profile.close()
    return {
        "import_rows": len(report.people),
        "import_s": round(t3 - t0, 3),
        "read_s": round(t1 - t0, 3),
        "validate_s": round(t2 - t1, 3),
        "write_s": round(t3 - t2, 3),
        "rows_per_s": round(len(report.people) / (t3 - t0)),
        "patients": result.patients,
        "cases": result.cases,
        "events": result.events,
        "merges_confirmed": len(asked),
        "format": args.format,
        "progress_calls": sum(calls.values()),
    }
