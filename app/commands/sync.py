"""`python main.py sync --profile DIR [--server URL] [--login USER]`: one sync cycle, headless.

Exit codes: 0 the cycle completed; 3 the server could not be reached or asked to wait
(every local change is kept and goes next time); 2 anything else (the reason on stderr).
The password for --login comes from CASEDESK_PASSWORD (scripts) or is asked for; it is
never stored: the sign-in keeps only a refresh token, in the OS keyring.

What went wrong, and why the server refused a change, is printed in the same words as the
workstation shows (ui/sync/say.py), in the CLI's language (app/cli.py: Chinese by default,
English with `main.py --lang en sync …` or an English locale).
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from app.cli import add_profile_arg
from app.commands.common import open_profile

if TYPE_CHECKING:
    from app.profile import Profile
    from app.sync.client import SyncClient

OFFLINE_EXIT = 3
PASSWORD_ENV = "CASEDESK_PASSWORD"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sync", help="run one sync cycle with the server (send, receive, check)")
    add_profile_arg(parser)
    parser.add_argument("--server", metavar="URL", help="the server's address (saved in the profile)")
    parser.add_argument("--login", metavar="USER",
                        help=f"sign in as USER first (password from ${PASSWORD_ENV}, or asked)")
    parser.set_defaults(func=_sync)


def _sync(args) -> int:
    from app.errors import CaseDeskError
    from app.secrets import KeyringUnavailable
    from app.sync import service
    from app.sync.client import SyncError
    from ui import problem_words
    from ui.sync import say

    lang = problem_words.language()  # set by app/cli.py from --lang / the locale
    if args.server is not None:
        _check_url(args.server)
    # A new desktop's first sync makes its profile; otherwise a missing profile is a typo.
    profile: Profile | None  # None once erased (withdrawn)
    profile = open_profile(args, must_exist=not args.login, exclusive=True)
    client: SyncClient | None = None
    try:
        if args.server is not None and not profile.is_demo:  # a demo profile's sign-in keeps it once allowed
            profile.settings.set("sync.server_url", args.server.strip())
            profile.settings.save()
        try:
            client = service.make_client(profile, args.server)
            if args.login:
                user = service.sign_in(profile, client, args.login, _password(args.login))
                print(_t("signed_in", name=user.get("display_name") or args.login, role=user.get("role")))
                if client.password_expires_in_days is not None:
                    _warn_expiry(client.password_expires_in_days, lang)
            first, start = service.is_first_sync(profile), service.pull_cursor(profile)
            if first and start:
                print(_t("resuming", start=start))
            report = client.cycle(_progress(first))
        except (SyncError, KeyringUnavailable) as exc:
            if service.withdrawn(exc):
                assert client is not None  # only a server's answer says the desktop was withdrawn
                profile.settings.set("sync.server_url", client.base_url)  # told of the erasure (unsaved: it goes)
                client.close()
                client = None
                erased, profile = service.erase_withdrawn(profile), None  # closed and gone
                raise CaseDeskError(problem_words.words(erased, lang)) from exc
            if isinstance(exc, SyncError) and (exc.offline or exc.kind == service.SLOWED_DOWN):
                print(f"{say.failure(exc, lang)} [{exc.kind}]", file=sys.stderr)  # the kind, for scripts
                return OFFLINE_EXIT
            raise CaseDeskError(say.failure(exc, lang)) from exc
        _print_report(report, service.counts(profile))
        _print_refused(profile, lang)
        return 0
    finally:
        if client is not None:
            client.close()
        if profile is not None:
            profile.close()


def _warn_expiry(days: int, lang: str) -> None:
    """The server's warning that the password expires soon (ui/problem_templates/password.py)."""
    from app.problems import Problem
    from ui import problem_words

    print(problem_words.words(Problem("password.expires_soon", None, {"days": days}), lang), file=sys.stderr)


def _check_url(url: str) -> None:
    from app.errors import CaseDeskError

    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CaseDeskError(f"--server must be an http:// or https:// address, not {url!r}")


def _password(username: str) -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    import getpass
    return getpass.getpass(f"password for {username}: ")


def _progress(first: bool):
    """Each pulled page on stderr during a first sync, so a long download shows it moves."""
    if not first:
        return None

    def show(_stage: str, cursor: int, watermark: int) -> None:
        print(_t("received", cursor=cursor, watermark=watermark), file=sys.stderr, flush=True)
    return show


def _t(what: str, **values) -> str:
    """The command's own report, in the CLI's language (ui/problem_templates/sync.py "sync.cli.*")."""
    from app.problems import Problem
    from ui import problem_words

    return problem_words.words(Problem(f"sync.cli.{what}", None, values))


def _print_report(report, counts) -> None:
    if getattr(report, "resent", None) is not None:  # the server was restored from a backup (app/sync/rewind.py)
        from app.problems import Problem
        from ui import problem_words

        print(problem_words.words(Problem("restore.history_rewound", None, {"resent": report.resent})))
    sent = [_t("sent", count=n, push_status=status) for status, n in sorted(report.pushed.items())]
    print(_t("pushed", sent=", ".join(sent)) if sent else _t("pushed_nothing"))
    print(_t("pulled", rows=report.pulled))
    if report.repaired:
        from ui import problem_words

        tables = ", ".join(problem_words.term("table", t) for t in report.repaired)
        print(_t("repaired", tables=tables, purged=report.purged))
    print(_t("waiting", count=counts.pending))
    if counts.problems:
        print(_t("attention", conflict=counts.conflict, rejected=counts.rejected))
    print(_t("took", seconds=f"{report.seconds:.1f}"))


def _print_refused(profile: Profile, lang: str) -> None:
    """Each change the server refused, with its reason in words: it stays on this desktop,
    to be corrected and sent again in the workstation."""
    from app.sync import service
    from ui import problem_words
    from ui.sync import say

    for item in service.outbox_items(profile, ("rejected",)):
        record = " ".join(filter(None, [problem_words.term("table", item.table, lang), item.patient_name]))
        print(_t("refused_change", record=record, reason=say.rejection(item, lang, sep="; ")))
