"""`python main.py diagnostics [--profile DIR] [--out FILE]`: the zip Help ▸ Export
diagnostics writes, for a county's IT person working at a terminal (app/diagnostics.py)."""
from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import add_profile_arg


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("diagnostics", help="write a zip of logs, versions and settings (no patient data, no secrets)")
    add_profile_arg(parser)
    parser.add_argument("--out", metavar="FILE", type=Path, help="where to write it (default: the current folder)")
    parser.set_defaults(func=_write)


def _write(args) -> int:
    from app import diagnostics
    from app.problems import Problem
    from app.problems import refuse
    from ui.problem_words import say

    target = args.out or Path.cwd() / diagnostics.default_name()
    if not target.parent.is_dir():
        raise refuse("diag.folder_missing", "--out", folder=str(target.parent))
    profile = None
    if getattr(args, "profile", None):
        from app.commands.common import open_profile

        profile = open_profile(args)
    try:
        diagnostics.write(target, profile)
    except OSError as exc:
        raise refuse("diag.unwritable", "--out", file=str(target), reason=exc.strerror or str(exc)) from None
    finally:
        if profile is not None:
            profile.close()
    print(say(Problem("diag.written", None, {"file": str(target)})))
    return 0
