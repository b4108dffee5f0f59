"""`python main.py server org import --db URL FILE [--deactivate-missing]`: the organisation
tree from a spreadsheet (server/org_import.py). Every bad line is printed, exit 2, nothing
written; otherwise a summary, and the units reach the desktops with their next sync."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.problems import refuse


def register(actions) -> None:
    org = actions.add_parser("org", help="the organisation tree (centres, street stations, community points …)")
    verbs = org.add_subparsers(dest="org_action", metavar="VERB", title="verbs", required=True)
    imp = verbs.add_parser("import", help="import or update the tree from a csv or xlsx sheet "
                                          "(columns 编码, 名称, 类型, 上级编码, 地址, 电话, 别名)")
    imp.add_argument("--db", default=argparse.SUPPRESS, metavar="URL", help="the server's database URL")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--deactivate-missing", action="store_true",
                     help="mark units that are not in the file inactive (refused while they have active users)")
    imp.set_defaults(func=_import)


def _import(args) -> int:
    from sqlalchemy.orm import Session

    from app.errors import CaseDeskError
    from app.problems import Problem
    from app.problems import ProblemError
    from db import migrate
    from db.engine import url_engine
    from server import org_import
    from server.config import with_env_password
    from ui.problem_words import words

    if not args.db:
        raise refuse("account.db_required", "--db", action="org import")
    engine = url_engine(with_env_password(args.db))  # CASEDESK_DB_PASSWORD, not on the command line
    try:
        migrate.upgrade(engine)
        with Session(engine) as session:
            try:
                outcome = org_import.import_tree(session, args.file, deactivate_missing=args.deactivate_missing)
            except ProblemError as exc:
                session.rollback()
                for problem in exc.problems:
                    print(words(problem), file=sys.stderr)
                lined = sum(1 for p in exc.problems if "line" in p.params)
                if lined:
                    print(words(Problem("org.bad_lines", None, {"count": len(exc.problems)})), file=sys.stderr)
                return 2
            session.commit()
    except migrate.SchemaTooNew as exc:
        raise CaseDeskError(str(exc)) from exc
    finally:
        engine.dispose()
    print(words(Problem("org.imported", None, {"added": len(outcome.added), "updated": len(outcome.updated),
                                                "unchanged": len(outcome.unchanged)})))
    if outcome.missing:
        print(words(Problem("org.missing_kept", None, {"codes": ", ".join(outcome.missing)})))
    if outcome.deactivated:
        print(words(Problem("org.deactivated", None, {"codes": ", ".join(outcome.deactivated)})))
    if outcome.replaced_root:
        print(words(Problem("org.placeholder_replaced", None, {"code": outcome.replaced_root})))
    return 0
