"""`python main.py export csv|xlsx|ics|fhir --profile DIR --out FILE`: the worklist, the
follow-ups as iCalendar (`ics [--user U | --station S]`), or patients' records as a FHIR
R4 Bundle (`fhir [--patient ID]`), headless."""
from __future__ import annotations

import argparse

from app.cli import add_profile_arg
from app.commands.common import open_profile


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="export data (worklist as csv or xlsx, follow-ups as ics)")
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind in ("csv", "xlsx"):
        p = kinds.add_parser(kind, help=f"the worklist as {kind}")
        add_profile_arg(p)
        p.add_argument("--out", required=True, metavar="FILE", help=f"the .{kind} file to write")
        p.add_argument("--search", default="", help="search text, as in the worklist search box")
        p.add_argument("--sort", default="due_date", help="sort column (default due_date)")
        p.set_defaults(func=_export_worklist)
    p = kinds.add_parser("ics", help="follow-ups as an iCalendar file for calendar apps")
    add_profile_arg(p)
    p.add_argument("--out", required=True, metavar="FILE", help="the .ics file to write")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--user", metavar="U", help="one person's follow-ups (username or id)")
    scope.add_argument("--station", metavar="S", help="a station's follow-ups (code or id)")
    p.set_defaults(func=_export_ics)
    p = kinds.add_parser("fhir", help="patients, cases, referrals, appointments and follow-ups as a FHIR R4 Bundle")
    add_profile_arg(p)
    p.add_argument("--out", required=True, metavar="FILE", help="the .json file to write")
    p.add_argument("--patient", metavar="ID", help="one patient (default: every patient)")
    p.set_defaults(func=_export_fhir)


def _export_worklist(args) -> int:
    from app.export import export_worklist
    from app.problems import refuse
    from app.worklist import COLUMNS
    from app.worklist import Filters
    from app.worklist import Worklist
    from ui.sheet_words import sheet_words

    out = _out_path(args, f".{args.kind}")
    if args.sort not in COLUMNS:
        raise refuse("cli.unknown_sort", "--sort", value=args.sort, valid=", ".join(COLUMNS))
    profile = open_profile(args)
    try:
        worklist = Worklist(profile.sessions)
        # Headers and vocabulary in the language of the messages (--lang, else the locale).
        n = export_worklist(profile.store, worklist, out, words=sheet_words(), filters=Filters(text=args.search),
                            sort=args.sort)
    finally:
        profile.close()
    print(_say("cli.export_cases", count=n, path=str(out)))
    return 0


def _export_ics(args) -> int:
    from app.ics import export_followups

    out = _out_path(args, ".ics")
    profile = open_profile(args)
    try:
        n = export_followups(profile, out, user=args.user, station=args.station)
    finally:
        profile.close()
    print(_say("cli.export_followups", count=n, path=str(out)))
    return 0


def _work_words():
    """Tasks in the export's words: Chinese, as the rest of the bundle (a record for the network)."""
    from app.problems import Problem
    from ui.problem_words import words

    return lambda code, params: words(Problem(code, None, params), "zh_CN")


def _export_fhir(args) -> int:
    from app.fhir import export_fhir

    out = _out_path(args, ".json")
    profile = open_profile(args)
    try:
        counts = export_fhir(profile, out, args.patient, _work_words())
    finally:
        profile.close()
    print(_say("cli.export_fhir", path=str(out), counts=", ".join(f"{n} {t}" for t, n in counts.items())))
    return 0


def _out_path(args, suffix: str):
    """--out, refused before any profile is opened when its suffix is not the format's."""
    from pathlib import Path

    from app.problems import refuse

    out = Path(args.out)
    if out.suffix.lower() != suffix:
        raise refuse("cli.out_suffix", "--out", suffix=suffix, path=str(out))
    return out


def _say(code: str, **params) -> str:
    """A report of this command, worded like errors are (ui/problem_templates/cli.py)."""
    from app.problems import Problem
    from ui.problem_words import say

    return say(Problem(code, None, params))
