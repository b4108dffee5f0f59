"""`python main.py sync --profile DIR [--server URL] [--login USER]`: one sync cycle, headless.

Exit codes: 0 the cycle completed; 3 the server could not be reached (offline: every
local change is kept and goes next time); 2 anything else (the reason on stderr).
The password for --login comes from CASEDESK_PASSWORD (scripts) or is asked for; it is
never stored: the sign-in keeps only a refresh token, in the OS keyring.
"""
from __future__ import annotations

import argparse
import os
import sys
from urllib.parse import urlsplit

from app.cli import add_profile_arg
from app.commands.common import open_profile

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
    from app.sync import service
    from app.sync.client import SyncError

    if args.server is not None:
        _check_url(args.server)
    # A new desktop's first sync makes its profile; otherwise a missing profile is a typo.
    profile = open_profile(args, must_exist=not args.login, exclusive=True)
    client = None
    try:
        if args.server is not None:
            profile.settings.set("sync.server_url", args.server.strip())
            profile.settings.save()
        client = service.make_client(profile)
        if args.login:
            try:
                user = service.sign_in(profile, client, args.login, _password(args.login))
            except service.SyncProblem as exc:
                if exc.kind in (service.OFFLINE, service.TIMEOUT):
                    return _offline(exc)
                raise CaseDeskError(_sign_in_words(exc)) from exc
            print(f"signed in as {user.get('display_name') or args.login} ({user.get('role')})")
        first, start = service.is_first_sync(profile), service.pull_cursor(profile)
        if first and start:
            print(f"resuming the first sync from change {start} (what came before is kept)")
        try:
            report = client.cycle(_progress(first))
        except SyncError as exc:
            if exc.offline:
                return _offline(exc)
            raise
        _print_report(report, service.counts(profile))
        return 0
    finally:
        if client is not None:
            client.close()
        profile.close()


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


def _sign_in_words(exc) -> str:
    from app.sync import service

    words = {
        service.WRONG_PASSWORD: "登录失败：用户名或密码错误 / Sign-in failed: wrong user name or password.",
        service.LOCKED: f"账号已暂时锁定 / The account is locked for now: {service.server_words(exc)}",
        service.DISABLED: "账号已停用 / This account is disabled; ask an administrator.",
    }
    return words.get(exc.kind, str(exc))


def _offline(exc) -> int:
    print(f"offline, changes kept: {exc}", file=sys.stderr)
    return OFFLINE_EXIT


def _progress(first: bool):
    """Each pulled page on stderr during a first sync, so a long download shows it moves."""
    if not first:
        return None

    def show(_stage: str, cursor: int, watermark: int) -> None:
        print(f"received changes up to {cursor} of {watermark}", file=sys.stderr, flush=True)
    return show


def _print_report(report, counts) -> None:
    sent = ", ".join(f"{n} {status}" for status, n in sorted(report.pushed.items())) or "nothing"
    print(f"pushed: {sent}")
    print(f"pulled: {report.pulled} rows")
    if report.repaired:
        print(f"repaired: {', '.join(report.repaired)} ({report.purged} rows left this desktop's scope)")
    print(f"waiting: {counts.pending} changes not yet sent")
    if counts.problems:
        print(f"attention: {counts.conflict} conflicts and {counts.rejected} rejected changes need a person "
              "(open the workstation: Sync → Changes waiting)")
    print(f"took {report.seconds:.1f} s")
