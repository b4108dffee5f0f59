"""`python main.py audit verify --profile DIR`: check the hash chain of the audit trail.

`--db URL` checks the server's copy instead: every desktop's chain as it arrived."""
from __future__ import annotations

import argparse

from app.cli import add_profile_arg


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("audit", help="check the audit trail")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="report the first broken link of the hash chain")
    add_profile_arg(verify)
    verify.add_argument("--db", metavar="URL", help="check the server database at URL instead of a profile")
    verify.set_defaults(func=_verify)


def _verify(args) -> int:
    import sys

    from sqlalchemy import func
    from sqlalchemy import select

    from app import audit
    from app.commands.common import open_profile
    from db.models import AuditEntry

    if args.db:
        from sqlalchemy.orm import Session

        from db.engine import url_engine
        from server.config import with_env_password
        engine, profile = url_engine(with_env_password(args.db)), None
        sessions = lambda: Session(engine)  # noqa: E731
    else:
        profile = open_profile(args)
        sessions = profile.sessions
    try:
        with sessions() as s:
            broken = audit.verify(s)
            entries = s.scalar(select(func.count()).select_from(AuditEntry))
            devices = s.scalar(select(func.count(AuditEntry.device_id.distinct())))
    finally:
        profile.close() if profile is not None else engine.dispose()
    if broken is None:
        print(_say("cli.audit_intact", entries=entries, devices=devices))
        return 0
    from ui.problem_words import words

    print(_say("cli.audit_broken", device=broken.device_id, seq=broken.seq, entry=broken.entry_id,
               reason=words(broken.problem)), file=sys.stderr)
    return 1


def _say(code: str, **params) -> str:
    """This command's report, worded like errors are (ui/problem_templates/cli.py)."""
    from app.problems import Problem
    from ui.problem_words import say

    return say(Problem(code, None, params))
