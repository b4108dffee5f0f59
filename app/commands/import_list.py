"""`python main.py import --profile DIR FILE [--exclude-lines 3,7]`: a screening list, headless.

Exit 0 when every row was imported; 1 when the file has bad rows (each named with its
line and reason) or rows that may be patients on file (confirm with --merge-lines, or
--new-lines for namesakes, or leave them out with --exclude-lines); nothing is written
then. 2 for errors such as an unreadable file or missing columns.
"""
from __future__ import annotations

import argparse
import sys

from app.cli import add_profile_arg


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "import", help="import a screening list (xlsx or csv): all rows or none",
        description="Import a screening list. Every row is checked first; if any row is bad "
                    "nothing is imported and every bad line is listed.")
    add_profile_arg(parser)
    parser.add_argument("file", metavar="FILE", help="the list, .xlsx or .csv (UTF-8 or GBK)")
    parser.add_argument("--exclude-lines", default="", metavar="N,N",
                        help="line numbers (as in the spreadsheet) to leave out")
    parser.add_argument("--merge-lines", default="", metavar="N[=ID],N",
                        help="confirm that these lines are the patient on file (its id when there are several)")
    parser.add_argument("--new-lines", default="", metavar="N,N",
                        help="these lines are new people although a patient on file has the same name and birth date")
    parser.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                        help="map a column (header text or 1-based number) to a field: name, sex, birth_date, "
                             "id_number, phone, street, community, address, programme; remembered for this source")
    parser.set_defaults(func=_run)


def lines(text: str, flag: str) -> list[str]:
    from app.problems import refuse

    items = [t.strip() for t in text.replace("，", ",").split(",") if t.strip()]
    for item in items:
        if not item.split("=", 1)[0].isdigit():
            raise refuse("cli.not_line_number", flag, option=flag, value=item)
    return items


def _mapping(job, specs: list[str]) -> dict[int, str]:
    from app.problems import refuse
    from app.screening.fields import FIELD_KEYS
    from app.screening.fields import normalise

    mapping = dict(job.mapping)
    headers = [normalise(h) for h in job.sheet.headers]
    for spec in specs:
        column, _, key = spec.rpartition("=")
        if key not in FIELD_KEYS or not column:
            raise refuse("cli.map_syntax", "--map", spec=spec, fields=", ".join(FIELD_KEYS))
        if column.isdigit() and 1 <= int(column) <= len(headers):
            index = int(column) - 1
        elif normalise(column) in headers:
            index = headers.index(normalise(column))
        else:
            raise refuse("cli.map_no_column", "--map", spec=spec, column=column)
        mapping = {i: k for i, k in mapping.items() if k != key and i != index}
        mapping[index] = key
    return mapping


def _run(args) -> int:
    from app.commands.common import open_profile
    from app.screening.importer import ListImport
    from app.screening.validate import Decisions

    merge = {}
    for item in lines(args.merge_lines, "--merge-lines"):
        line, _, pid = item.partition("=")
        merge[int(line)] = pid
    decisions = Decisions(exclude=frozenset(int(x) for x in lines(args.exclude_lines, "--exclude-lines")),
                          merge=merge, new_person=frozenset(int(x) for x in lines(args.new_lines, "--new-lines")))
    profile = open_profile(args)
    try:
        job = ListImport(profile, args.file)
        sheet = job.read()
        if args.map:
            job.set_mapping(_mapping(job, args.map))
        print(_say("cli.import_read", file=job.path.name, rows=len(sheet.rows), header_line=sheet.header_line,
                   mapping=", ".join(f"{sheet.headers[i]}→{k}" for i, k in sorted(job.mapping.items()))))
        report = job.validate(decisions)
        if not report.ok:
            return _refused(report)
        result = job.commit(report)
        if args.map:
            job.remember_mapping()
    finally:
        profile.close()
    print(_say("cli.import_done", rows=len(report.people), patients=result.patients, merged=result.merged,
               cases=result.cases, excluded=result.excluded, seconds=f"{result.seconds:.1f}"))
    return 0


def _say(code: str, **params) -> str:
    """A report of this command, worded like errors are (ui/problem_templates/cli.py)."""
    from app.problems import Problem
    from ui.problem_words import say

    return say(Problem(code, None, params))


def _refused(report) -> int:
    out = sys.stderr
    from ui.problem_words import say

    for problem in report.problems:
        print(say(problem.coded), file=out)
        for c in report.candidates.get(problem.line, ()) if problem.code == "merge_needed" else ():
            code = "cli.import_candidate_same_id" if c.same_id else "cli.import_candidate"
            print("    " + _say(code, id=c.patient_id, name=c.name, birth_date=str(c.birth_date), masked_id=c.masked_id,
                                community=c.community), file=out)
    bad = report.bad_lines
    shown = ", ".join(map(str, bad[:50])) + (" …" if len(bad) > 50 else "")
    print(_say("cli.import_refused", count=len(bad), lines=shown), file=out)
    return 1
