"""`python main.py letters --kind KIND --due-from DATE --due-to DATE --out FILE.pdf`: a batch, headless.

Exit 0 when the PDF was written (skipped letters are listed on stderr and counted on
stdout); 2 for bad arguments or a broken template; 1 when nothing could be printed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys

from app.cli import add_profile_arg
from app.commands.common import open_profile

NOTHING_PRINTED = 1


def register(sub: argparse._SubParsersAction) -> None:
    from app.letters.kinds import KINDS

    kinds = ", ".join(f"{k.cli_name} ({k.label}, by {k.range_on})" for k in KINDS.values())
    parser = sub.add_parser("letters", help="print a batch of patient letters into one PDF",
                            description=f"Print every letter of one kind whose date falls in a range. Kinds: {kinds}.")
    add_profile_arg(parser)
    parser.add_argument("--kind", required=True, help="letter kind, e.g. followup-reminder")
    parser.add_argument("--due-from", metavar="DATE", help="first day, YYYY-MM-DD (default: next Monday)")
    parser.add_argument("--due-to", metavar="DATE", help="last day, YYYY-MM-DD (default: six days after --due-from)")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    parser.add_argument("--paper", choices=("A4", "A5"), help="paper size (default: the profile's setting)")
    parser.add_argument("--station", metavar="CODE", help="only patients of this street station (code or name)")
    parser.add_argument("--mine", action="store_true", help="only the patients of this desktop's user")
    parser.add_argument("--reprint-reason", metavar="TEXT",
                        help="print letters already printed for the same record again, for this reason")
    parser.set_defaults(func=_letters)


def _date(text: str | None, option: str) -> dt.date | None:
    from app.problems import refuse

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise refuse("cli.bad_date", option, option=option, value=text) from None


def _letters(args) -> int:
    from pathlib import Path

    from app import clock
    from app.letters.batch import print_batch
    from app.letters.gather import Scope
    from app.letters.gather import stations
    from app.letters.kinds import parse_kind
    from app.problems import Problem
    from app.problems import refuse
    from ui.problem_words import say

    kind = parse_kind(args.kind)
    start, end = _date(args.due_from, "--due-from"), _date(args.due_to, "--due-to")
    if start is None:
        today = clock.today()
        start = (end - dt.timedelta(days=6)) if end else today + dt.timedelta(days=7 - today.weekday())
    end = end or start + dt.timedelta(days=6)
    if start > end:
        raise refuse("cli.date_range", "--due-from", start=str(start), end=str(end))
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise refuse("cli.out_suffix", "--out", suffix=".pdf", path=str(out))
    profile = open_profile(args)
    try:
        scope = Scope()
        if args.station:
            with profile.sessions() as s:
                found = [r for r in stations(s) if args.station in (r[1], r[2])]
            if not found:
                with profile.sessions() as s:
                    valid = ", ".join(f"{code} {name}" for _, code, name in stations(s))
                raise refuse("letters.no_station", "--station", given=args.station, valid=valid)
            scope = Scope(station_id=found[0][0])
        if args.mine:
            user = profile.settings.get("user.id")
            if not user:
                raise refuse("letters.mine_needs_user", "--mine")
            scope = Scope(scope.station_id, user)
        result = print_batch(profile, kind, out, start, end, scope, paper=args.paper,
                             reprint_reason=args.reprint_reason)
    finally:
        profile.close()
    # What the batch was, skips and the outcome, worded like errors (cli.letters_* in ui/problem_templates).
    what = dict(letter_kind=kind.code, letter_range=kind.code, start=str(start), end=str(end))
    for moved in result.moved:  # clinic visits printed on the next working day (app/letters/working_days.py)
        print(f"  {say(moved.problem)}", file=sys.stderr)
    if result.skipped:
        print(say(Problem("cli.letters_skipped", None, {"count": len(result.skipped)})), file=sys.stderr)
        for skip in result.skipped:
            print(f"  {say(skip.problem)}", file=sys.stderr)
    if result.out is None:
        code = "cli.letters_all_skipped" if result.skipped else "cli.letters_none_match"
        print(say(Problem(code, None, what)), file=sys.stderr)
        return NOTHING_PRINTED
    code = "cli.letters_written_skipped" if result.skipped else "cli.letters_written"
    print(say(Problem(code, None, dict(what, count=len(result.printed), pages=result.pages, path=str(out),
                                       paper=result.paper, skipped=len(result.skipped)))))
    return 0
