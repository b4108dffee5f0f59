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
    from app.errors import ValidationError

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"日期格式有误 / {option} {text!r} is not a date; write YYYY-MM-DD, "
                              "e.g. 2026-11-30", option) from None


def _letters(args) -> int:
    from pathlib import Path

    from app import clock
    from app.errors import ValidationError
    from app.letters.batch import print_batch
    from app.letters.gather import Scope
    from app.letters.gather import stations
    from app.letters.kinds import parse_kind

    kind = parse_kind(args.kind)
    start, end = _date(args.due_from, "--due-from"), _date(args.due_to, "--due-to")
    if start is None:
        today = clock.today()
        start = (end - dt.timedelta(days=6)) if end else today + dt.timedelta(days=7 - today.weekday())
    end = end or start + dt.timedelta(days=6)
    if start > end:
        raise ValidationError(f"日期范围有误 / --due-from {start} is after --due-to {end}", "--due-from")
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise ValidationError(f"--out must end in .pdf: {out}", "--out")
    profile = open_profile(args)
    try:
        scope = Scope()
        if args.station:
            with profile.sessions() as s:
                found = [r for r in stations(s) if args.station in (r[1], r[2])]
            if not found:
                with profile.sessions() as s:
                    valid = ", ".join(f"{code} {name}" for _, code, name in stations(s))
                raise ValidationError(f"没有这个工作站 / No station {args.station!r}; stations: {valid}", "--station")
            scope = Scope(station_id=found[0][0])
        if args.mine:
            user = profile.settings.get("user.id")
            if not user:
                raise ValidationError("--mine needs a signed-in user (user.id is not set in this profile)", "--mine")
            scope = Scope(scope.station_id, user)
        result = print_batch(profile, kind, out, start, end, scope, paper=args.paper,
                             reprint_reason=args.reprint_reason)
    finally:
        profile.close()
    what = f"{kind.cli_name} ({kind.label}), {kind.range_on} {start} – {end}"
    if result.skipped:
        print(f"skipped {len(result.skipped)} letter(s):", file=sys.stderr)
        for skip in result.skipped:
            print(f"  {skip.describe()}", file=sys.stderr)
    if result.out is None:
        why = "every letter was skipped (see above)" if result.skipped else "no letters match"
        print(f"error: nothing printed for {what}: {why}; no PDF was written", file=sys.stderr)
        return NOTHING_PRINTED
    skipped = f"; {len(result.skipped)} skipped, listed on stderr" if result.skipped else ""
    print(f"{len(result.printed)} letter(s), {result.pages} page(s) written to {out} "
          f"[{what}, {result.paper}]{skipped}")
    return 0
