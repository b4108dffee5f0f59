"""`python main.py daysheet --kind calls|visits|chase|worklist [--date D] --out FILE.pdf`: a day
sheet for the signed-in person's scope, headless (app/daysheets.py).

The call list, the home-visit sheet and the chase list print phone numbers in full: each
patient printed is audited as a reveal. Exit 0 when the PDF was written, 2 for bad arguments.
"""
from __future__ import annotations

import argparse

from app.cli import add_profile_arg
from app.commands.common import open_profile


def register(sub: argparse._SubParsersAction) -> None:
    from ui.daysheet_words import SHEETS  # not app.daysheets: reportlab is read only when a sheet is printed

    parser = sub.add_parser("daysheet", help="print a day sheet (calls, home visits, chase list, worklist) as PDF")
    add_profile_arg(parser)
    parser.add_argument("--kind", required=True, choices=SHEETS, help="which sheet")
    parser.add_argument("--date", metavar="DATE", help="the day, YYYY-MM-DD (default: today)")
    parser.add_argument("--mine", action="store_true",
                        help="only follow-ups assigned to this desktop's user (default: their station's)")
    parser.add_argument("--search", default="", help="worklist: search text, as in the worklist search box")
    parser.add_argument("--due", choices=("overdue", "today", "week"), help="worklist: the due filter")
    parser.add_argument("--sort", default="due_date", help="worklist: sort column (default due_date)")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    parser.set_defaults(func=_daysheet)


def _daysheet(args) -> int:
    import datetime as dt

    from app.daysheets import check_out
    from app.daysheets import print_day_sheet
    from app.daysheets import scope_of
    from app.problems import Problem
    from app.problems import refuse
    from app.worklist import COLUMNS
    from app.worklist import Filters
    from ui.daysheet_words import daysheet_words
    from ui.problem_words import say

    day = None
    if args.date:
        try:
            day = dt.date.fromisoformat(args.date)
        except ValueError:
            raise refuse("cli.bad_date", "--date", option="--date", value=args.date) from None
    if args.sort not in COLUMNS:
        raise refuse("cli.unknown_sort", "--sort", value=args.sort, valid=", ".join(COLUMNS))
    out = check_out(args.out)  # before the profile is opened: a bad folder costs nothing
    profile = open_profile(args)
    try:
        filters = Filters(text=args.search, due=args.due)
        printed = print_day_sheet(profile, args.kind, out, daysheet_words(), day=day,
                                  scope=scope_of(profile, mine=args.mine), filters=filters, sort=args.sort)
    finally:
        profile.close()
    print(say(Problem("daysheet.written", None, dict(sheet=args.kind, rows=printed.rows,
                                                     pages=printed.pages, path=str(out)))))
    if printed.revealed:
        print(say(Problem("daysheet.revealed", None, dict(count=printed.revealed))))
    return 0
