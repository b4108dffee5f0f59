"""`python main.py server files publish|list|withdraw --db URL …`: rule, risk, holiday and letter
files published once for every desktop (server/files.py). Publishing is all or none: every
bad file is named with its line, exit 2, nothing stored. Desktops take the files with their
next sync."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.problems import refuse

if TYPE_CHECKING:
    from app.problems import Problem

COLUMNS = ("id", "kind", "name", "version", "published (UTC)", "by", "sha256")


def register(actions) -> None:
    files = actions.add_parser("files", help="rule, risk, holiday and letter files for every desktop")
    verbs = files.add_subparsers(dest="files_action", metavar="VERB", title="verbs", required=True)
    pub = verbs.add_parser("publish", help="check and publish files (all or none); desktops take them "
                                           "with their next sync")
    pub.add_argument("--db", default=argparse.SUPPRESS, metavar="URL", help="the server's database URL")
    pub.add_argument("--kind", choices=("rules", "risk", "holidays", "letters"),
                     help="the files' kind (default: from each file's name and content)")
    pub.add_argument("--by", default="admin", metavar="USERNAME", help="the administrator publishing (default admin)")
    pub.add_argument("files", nargs="+", type=Path, metavar="FILE")
    pub.set_defaults(func=_publish)
    show = verbs.add_parser("list", help="the files desktops receive now")
    show.add_argument("--db", default=argparse.SUPPRESS, metavar="URL", help="the server's database URL")
    show.set_defaults(func=_list)
    back = verbs.add_parser("withdraw", help="withdraw a published file: desktops go back to the earlier "
                                             "or the bundled one")
    back.add_argument("--db", default=argparse.SUPPRESS, metavar="URL", help="the server's database URL")
    back.add_argument("--by", default="admin", metavar="USERNAME", help="the administrator withdrawing (default admin)")
    back.add_argument("id", metavar="ID", help="the file's id (first column of list)")
    back.set_defaults(func=_withdraw)


def _engine(args):
    from app.errors import CaseDeskError
    from db import migrate
    from db.engine import url_engine
    from server.config import with_env_password

    if not getattr(args, "db", None):
        raise refuse("account.db_required", "--db", action="files")
    engine = url_engine(with_env_password(args.db))  # CASEDESK_DB_PASSWORD, not on the command line
    try:
        migrate.upgrade(engine)
    except migrate.SchemaTooNew as exc:
        engine.dispose()
        raise CaseDeskError(str(exc)) from exc
    return engine


def _admin(session, username: str):
    from sqlalchemy import select

    from app.problems import refuse
    from db.models import User
    from db.models.enums import Role

    user = session.scalar(select(User).where(User.username == username))
    if user is None or user.role != Role.ADMIN.value or not user.active:
        raise refuse("files.not_admin", "--by", username=username)
    return user


def _read(path: Path) -> tuple[str | None, Problem | None]:
    """(text, None) or (None, the problem): a file that is not UTF-8 is named with its line."""
    from app.problems import Problem

    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, Problem("files.unreadable_local", None, {"file": str(path), "reason": exc.strerror or str(exc)})
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        return None, Problem("files.not_utf8", None, {"file": path.name, "line": line})


def _publish(args) -> int:
    from sqlalchemy.orm import Session

    from app.problems import Problem
    from app.problems import ProblemError
    from server import files
    from ui.problem_words import words

    texts: list[tuple[str, str]] = []
    unread: list[Problem] = []
    for path in args.files:
        text, problem = _read(path)
        if problem is not None:
            unread.append(problem)
        elif text is not None:  # always, without a problem
            texts.append((path.name, text))
    engine = _engine(args)
    try:
        with Session(engine) as session:
            by = _admin(session, args.by)
            problems, outcomes = list(unread), []
            try:
                outcomes = files.publish_many(session, texts, by, args.kind) if texts else []
            except ProblemError as exc:
                problems += exc.problems
            if problems:
                session.rollback()
                for problem in problems:
                    print(words(problem), file=sys.stderr)
                bad = len({p.params["file"] for p in problems if p.code.startswith("files.") and "file" in p.params})
                print(words(Problem("files.none_published", None, {"bad": max(bad, 1), "count": len(args.files)})),
                      file=sys.stderr)
                return 2
            session.commit()
            for outcome in outcomes:
                e = outcome.entry
                code = "files.published" if outcome.changed else "files.unchanged"
                print(words(Problem(code, None, {"file": e.name, "kind": e.kind, "version": e.version, "id": e.id})))
    finally:
        engine.dispose()
    return 0


def _list(args) -> int:
    from sqlalchemy.orm import Session

    from app.problems import Problem
    from server import files
    from ui.problem_words import words

    engine = _engine(args)
    try:
        with Session(engine) as session:
            entries = files.current(session)
            names = files.usernames(session, entries)
    finally:
        engine.dispose()
    if not entries:
        print(words(Problem("files.none")), file=sys.stderr)
        return 0
    rows = [(e.id, e.kind, e.name, e.version, e.published_at.strftime("%Y-%m-%d %H:%M"),
             names.get(e.published_by, ""), e.sha256[:12]) for e in entries]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(COLUMNS)]
    for line in [COLUMNS, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip())
    return 0


def _withdraw(args) -> int:
    from sqlalchemy.orm import Session

    from app.problems import Problem
    from server import files
    from ui.problem_words import words

    engine = _engine(args)
    try:
        with Session(engine) as session:
            by = _admin(session, args.by)
            entry = files.withdraw(session, args.id, by)
            session.commit()
            print(words(Problem("files.withdrawn", None, {"file": entry.name, "kind": entry.kind,
                                                          "version": entry.version, "id": entry.id})))
    finally:
        engine.dispose()
    return 0
