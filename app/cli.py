"""Command line: `python main.py [--profile DIR | --station [DIR]]` opens the workstation;
subcommands work headless.

Each subcommand lives in its own module exposing `register(subparsers)`, which adds its
parser and sets `func(args) -> int`. Adding one is adding a module name to COMMANDS.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from app.errors import CaseDeskError

# Modules under app/commands/, in the order `--help` lists them.
COMMANDS = ("demo", "server", "sync", "import_list", "export", "letters", "rules", "audit", "bench")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="CaseDesk 个案管理工作站 — with no subcommand, opens the workstation.",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--profile", metavar="DIR", help="profile directory (default: the user data dir)")
    where.add_argument("--station", metavar="DIR", nargs="?", const="",
                       help="a shared desktop: one profile per person under DIR/users, chosen at start "
                            "(default DIR: the user data dir's station)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="subcommands")
    for name in COMMANDS:
        importlib.import_module(f"app.commands.{name}").register(sub)
    return parser


def run(argv: list[str]) -> int:
    """Run a subcommand; returns the exit code. Errors for people go to stderr, exit 2."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return -1  # no subcommand: the caller opens the GUI
    try:
        return args.func(args)
    except CaseDeskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def add_profile_arg(parser: argparse.ArgumentParser) -> None:
    """Subcommands take --profile after their name too (`demo --profile DIR`)."""
    parser.add_argument("--profile", metavar="DIR", default=argparse.SUPPRESS,
                        help="profile directory (default: the user data dir)")
