"""`python main.py server users add|disable|enable|reset-password|list|import --db URL …`: the
people who sign in (server/accounts.py). One-time passwords are shown once (reset-password) or
written only to the --passwords-out sheet (import); each must be changed at first sign-in.
Every action is in the security log. A refusal is worded from its code, exit 2."""
from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

from app.commands.server_actions.init import database
from app.commands.server_actions.init import unreachable

ROLE_HELP = "clinic_cm, ward_cm, community_cm, family_doctor, admin (or 一体化门诊个案管理师 … 管理员)"


def register(actions) -> None:
    users = actions.add_parser("users", help="user accounts: add, disable, enable, reset-password, list, import")
    verbs = users.add_subparsers(dest="users_action", metavar="VERB", title="verbs", required=True)

    def verb(name, help_, func):
        p = verbs.add_parser(name, help=help_)
        p.add_argument("--db", default=argparse.SUPPRESS, metavar="URL", help="the server's database URL")
        p.set_defaults(func=func)
        return p

    add = verb("add", "add a person; prints a one-time password, to be changed at first sign-in", _add)
    add.add_argument("--username", required=True)
    add.add_argument("--name", required=True, help="the person's name as colleagues know it")
    add.add_argument("--role", required=True, help=ROLE_HELP)
    add.add_argument("--org", required=True, metavar="CODE", help="the code of the person's organisation unit")
    add.add_argument("--phone", default=None)
    for name, help_, func in (("disable", "disable a person: every sign-in of theirs ends at once", _disable),
                              ("enable", "enable a disabled person again", _enable),
                              ("reset-password", "a new one-time password (printed once); their sign-ins end",
                               _reset)):
        verb(name, help_, func).add_argument("username")
    verb("list", "every account: role, unit, state", _list)
    imp = verb("import", "add or update staff from a csv or xlsx sheet (columns 用户名, 姓名, 角色, 机构编码, 电话)",
               _import)
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--passwords-out", type=Path, required=True, metavar="SHEET.csv",
                     help="where the new people's one-time passwords go (columns 用户名, 初始密码); the only copy")


def _t(code: str, **params) -> str:
    from app.problems import Problem
    from ui.problem_words import words

    return words(Problem(f"account.cli.{code}", None, params))


def _with_session(args, work):
    """Run work(session) on the server's database; an unusable database is a worded refusal."""
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import Session

    engine = database(args)
    try:
        with Session(engine) as session:
            return work(session)
    except SQLAlchemyError as exc:
        raise unreachable(args.db, exc) from exc
    finally:
        engine.dispose()


def _add(args) -> int:
    from server import accounts

    one_time = _with_session(args, lambda s: accounts.add(s, args.username, args.name, args.role, args.org,
                                                         args.phone))
    print(_t("added", username=args.username))
    print(_t("one_time", username=args.username, password=one_time))
    return 0


def _disable(args) -> int:
    return _set_active(args, False)


def _enable(args) -> int:
    return _set_active(args, True)


def _set_active(args, active: bool) -> int:
    from server import accounts

    changed = _with_session(args, lambda s: accounts.set_active(s, args.username, active))
    what = ("enabled" if active else "disabled") if changed else ("was_enabled" if active else "was_disabled")
    print(_t(what, username=args.username))
    return 0


def _reset(args) -> int:
    from server import accounts

    one_time = _with_session(args, lambda s: accounts.reset_password(s, args.username))
    print(_t("one_time", username=args.username, password=one_time))
    return 0


COLUMNS = ("username", "name", "role", "unit", "phone", "state", "password changed")


def _list(args) -> int:
    from server import accounts

    listed = _with_session(args, accounts.listing)
    rows = [(u.username, u.name, u.role, u.unit, u.phone,
             ("active" if u.active else "disabled") + (", must change password" if u.must_change else ""),
             u.changed_at.strftime("%Y-%m-%d") if u.changed_at else "") for u in listed]
    widths = [max([_width(c)] + [_width(r[i]) for r in rows]) for i, c in enumerate(COLUMNS)]
    for line in [COLUMNS, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(line, widths)).rstrip())
    print(_t("listed", count=len(rows)), file=sys.stderr)
    return 0


def _width(text: str) -> int:
    """Columns as a terminal shows them: a Chinese character takes two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _import(args) -> int:
    from app.problems import ProblemError
    from app.problems import refuse
    from server import accounts
    from ui.problem_words import words

    out: Path = args.passwords_out
    if out.exists():
        raise refuse("account.import.sheet_exists", None, path=str(out))
    if out.suffix.lower() != ".csv":
        raise refuse("account.import.sheet_csv", None, path=str(out))
    headers, lines = accounts.read_table(args.file)

    def work(session):
        try:
            staff = accounts.check_staff(session, headers, lines)
        except ProblemError as exc:
            for problem in exc.problems:
                print(words(problem), file=sys.stderr)
            print(_t("bad_lines", count=len(exc.problems)), file=sys.stderr)
            return None
        outcome = accounts.import_staff(session, staff)
        partial = out.with_name(out.name + ".part")
        try:
            _write_sheet(partial, outcome.added)  # first the only copy of the passwords, then the accounts
            session.commit()
            os.replace(partial, out)
        except BaseException:
            session.rollback()
            partial.unlink(missing_ok=True)
            raise
        return outcome

    outcome = _with_session(args, work)
    if outcome is None:
        return 2
    print(_t("imported", added=len(outcome.added), updated=len(outcome.updated), unchanged=len(outcome.unchanged)))
    if outcome.added:
        print(_t("sheet_written", path=str(out), count=len(outcome.added)))
    return 0


def _write_sheet(path: Path, added) -> None:
    # utf-8-sig: Excel and WPS open it with its Chinese headers intact
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # passwords: the owner only
    with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(("用户名", "初始密码"))
        writer.writerows(added)
