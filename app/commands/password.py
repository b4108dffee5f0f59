"""`python main.py password --profile DIR --login USER [--server URL]`: change the password on
the server. The current password comes from CASEDESK_PASSWORD, the new one from
CASEDESK_NEW_PASSWORD (scripts), else both are asked (the new one twice). A first or reset
password, or an expired one, is changed here before `sync --login` can sign in.

Exit codes as `sync`: 0 changed (and signed in); 3 the server could not be reached; 2 refused
(wrong password, a new one the policy refuses — the rule is named — or anything else).
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from app.cli import add_profile_arg
from app.commands.common import open_profile

if TYPE_CHECKING:
    from app.profile import Profile
    from app.sync.client import SyncClient

OFFLINE_EXIT = 3
PASSWORD_ENV = "CASEDESK_PASSWORD"
NEW_PASSWORD_ENV = "CASEDESK_NEW_PASSWORD"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("password", help="change your password on the server")
    add_profile_arg(parser)
    parser.add_argument("--login", metavar="USER", required=True, help="your login name")
    parser.add_argument("--server", metavar="URL", help="the server's address (saved in the profile)")
    parser.set_defaults(func=_change)


def _change(args) -> int:
    from app.errors import CaseDeskError
    from app.secrets import KeyringUnavailable
    from app.sync import demo_guard
    from app.sync import service
    from app.sync.client import SyncError
    from app.unlock import UnlockGuard
    from ui import problem_words
    from ui.sync import say

    lang = problem_words.language()
    if args.server is not None:
        from app.commands.sync import _check_url
        _check_url(args.server)
    old = _secret(PASSWORD_ENV, "old_password_prompt", args.login)
    new = _new_password(args.login)
    profile: Profile | None  # None once erased (withdrawn)
    profile = open_profile(args, must_exist=False, exclusive=True)  # as `sync --login`: a new desktop too
    client: SyncClient | None = None
    try:
        if args.server is not None and not profile.is_demo:  # a demo profile keeps it only once allowed
            profile.settings.set("sync.server_url", args.server.strip())
            profile.settings.save()
        try:
            client = service.make_client(profile, args.server)
            demo_guard.check_before_sign_in(profile, client)  # a demo profile's password stays here
            client.change_password(args.login, old, new)
            profile.settings.set("sync.server_url", client.base_url)
            profile.settings.save()
            # The offline unlock checks the server's password: from now on the new one.
            UnlockGuard(profile).set_password(new)
        except (SyncError, KeyringUnavailable) as exc:
            if service.withdrawn(exc):  # as `sync` does: the withdrawn desktop's profile goes
                assert client is not None  # only a server's answer says the desktop was withdrawn
                profile.settings.set("sync.server_url", client.base_url)  # told of the erasure (unsaved: it goes)
                client.close()
                client = None
                erased, profile = service.erase_withdrawn(profile), None  # closed and gone
                raise CaseDeskError(problem_words.words(erased, lang)) from exc
            if isinstance(exc, SyncError) and (exc.offline or exc.kind == service.SLOWED_DOWN):
                print(f"{say.failure(exc, lang)} [{exc.kind}]", file=sys.stderr)
                return OFFLINE_EXIT
            raise CaseDeskError(say.failure(exc, lang)) from exc
        print(_t("password.changed", username=args.login))
        return 0
    finally:
        if client is not None:
            client.close()
        if profile is not None:
            profile.close()


def _t(code: str, **params) -> str:
    from app.problems import Problem
    from ui import problem_words

    return problem_words.words(Problem(code, None, params))


def _secret(env: str, prompt: str, username: str) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    import getpass
    return getpass.getpass(_t(f"account.cli.{prompt}", username=username))


def _new_password(username: str) -> str:
    from app.problems import refuse

    new = _secret(NEW_PASSWORD_ENV, "new_password_prompt", username)
    if os.environ.get(NEW_PASSWORD_ENV) is None:
        import getpass
        if getpass.getpass(_t("account.cli.again_prompt")) != new:
            raise refuse("password.mismatch", "password")
    return new
