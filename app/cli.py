"""Command line: `python main.py [--profile DIR | --station [DIR]]` opens the workstation;
subcommands work headless.

Each subcommand lives in its own module exposing `register(subparsers)`, which adds its
parser and sets `func(args) -> int`. Adding one is adding a module name to COMMANDS.

Errors are printed in one language, worded from their problem codes by ui/problem_words (Qt-free:
the CLI is a user interface too, so it shares the window's catalogues): Chinese unless `--lang en`
or an English locale (LC_ALL, else LANG) asks for English.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from app import logsetup
from app.errors import CaseDeskError
from ui import problem_words

# Modules under app/commands/, in the order `--help` lists them.
COMMANDS = ("demo", "server", "sync", "password", "import_list", "export", "letters", "rules", "audit",
            "diagnostics", "bench", "daysheet")


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
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None,
                        help="language of messages: zh_CN (default) or en; without it an English "
                             "locale (LC_ALL/LANG en_*) means en")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="subcommands")
    for name in COMMANDS:
        importlib.import_module(f"app.commands.{name}").register(sub)
    return parser


def run(argv: list[str]) -> int:
    """Run a subcommand; returns the exit code. Errors for people go to stderr, exit 2."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from app import secrets

        secrets.allow_unlock_prompt()  # the window: a person is there to answer the system's unlock prompt
        return -1  # no subcommand: the caller opens the GUI
    problem_words.set_language(cli_language(args.lang, os.environ))
    if args.command not in OWN_LOGS:
        logsetup.configure(f"command {args.command}")
        logsetup.install_hooks()
    try:
        return args.func(args)
    except CaseDeskError as exc:
        print(_error(problem_words.say(exc)), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(_say("cli.interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:
        from app.edge import explain  # a damaged database or a full disk: words, exit 2

        known = explain(exc, writing=getattr(args, "out", None))
        if known is None:
            raise
        # the code and the error's type only: a driver's message may quote a row's values
        logsetup.log.warning("command %s stopped: %s (%s)", args.command, known.problem.code, type(exc).__name__)
        print(_error(problem_words.say(known)), file=sys.stderr)
        return known.exit_code


OWN_LOGS = ("server", "bench")  # the server writes its own (server/logs.py); benchmarks measure


def _error(message: str) -> str:
    """The CLI's frame around a worded problem ("error: …"), from the same catalogue."""
    return _say("cli.error", message=message)


def _say(code: str, **params) -> str:
    from app.problems import Problem

    return problem_words.say(Problem(code, None, params))


def cli_language(flag: str | None, environ) -> str:
    """--lang wins; then CASEDESK_LANG; then the locale (LC_ALL over LANG, as POSIX reads
    them): English for en_*, Chinese otherwise — the people CaseDesk is for read Chinese."""
    if flag:
        return flag
    if environ.get("CASEDESK_LANG"):
        return environ["CASEDESK_LANG"]
    locale = environ.get("LC_ALL") or environ.get("LANG") or ""
    return "en" if locale.startswith("en") else "zh_CN"


def add_profile_arg(parser: argparse.ArgumentParser) -> None:
    """Subcommands take --profile after their name too (`demo --profile DIR`)."""
    parser.add_argument("--profile", metavar="DIR", default=argparse.SUPPRESS,
                        help="profile directory (default: the user data dir)")
