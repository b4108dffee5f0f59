"""`python main.py server init --db URL`: the schema and the first administrator `admin`, with
no demo data (server/accounts.py). The password comes from CASEDESK_PASSWORD or is asked twice;
a weak one is refused with the rule it fails. On a database that already has people nothing
is changed (exit 0)."""
from __future__ import annotations

import argparse
import os
import sys

PASSWORD_ENV = "CASEDESK_PASSWORD"


def register(actions) -> None:
    p = actions.add_parser(
        "init", help="create the schema and the first administrator 'admin' (no demo data)",
        description="Create the schema and the first administrator 'admin' (role admin). When the "
                    "organisation tree is empty a root centre 'county centre' (code ROOT) is made for "
                    "the administrator; `server org import` replaces or extends it with the real tree. "
                    f"The password comes from ${PASSWORD_ENV} or is asked twice. On a database that "
                    "already has people nothing changes.")
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="URL", help="the server's database URL")
    p.set_defaults(func=_init)


def database(args):
    """The engine for --db, or the refusal that says it is needed."""
    from app.problems import refuse
    from db.engine import url_engine
    from server.config import with_env_password

    if not getattr(args, "db", None):
        raise refuse("account.db_required", None, action=args.server_action)
    return url_engine(with_env_password(args.db))  # CASEDESK_DB_PASSWORD, not on the command line


def unreachable(url: str, exc: Exception):
    from app.problems import refuse

    return refuse("account.db_unusable", None, url=url, reason=f"{exc.__class__.__name__}: {exc}")


def _init(args) -> int:
    from sqlalchemy import inspect
    from sqlalchemy.orm import Session

    from app.problems import refuse
    from db import migrate
    from server import accounts
    from server import backup
    from server import demo_mark
    from server import passwords

    engine = database(args)
    try:
        try:
            if inspect(engine).has_table("users"):
                with Session(engine) as session:
                    if accounts.is_initialised(session):
                        print(_t("already_initialised"))
                        return 0
        except Exception as exc:  # noqa: BLE001 - a database that cannot be reached, in words
            raise unreachable(args.db, exc) from exc
        password = _password()
        passwords.check(password, accounts.ADMIN)  # before the schema: a refusal leaves nothing behind
        try:
            migrate.upgrade(engine)
        except migrate.SchemaTooNew as exc:
            raise refuse("account.db_unusable", None, url=args.db, reason=str(exc)) from exc
        except Exception as exc:  # noqa: BLE001
            raise unreachable(args.db, exc) from exc
        with Session(engine) as session:
            user = accounts.init(session, password)
            backup.ensure_history(session)  # the id a restore renews (desktops compare it)
            if user is not None:
                demo_mark.mark(session, demo=False)  # a real network, said once
                session.commit()
    finally:
        engine.dispose()
    print(_t("already_initialised" if user is None else "initialised"))
    return 0


def _t(code: str, **params) -> str:
    from app.problems import Problem
    from ui.problem_words import words

    return words(Problem(f"account.cli.{code}", None, params))


def _password() -> str:
    from app.problems import refuse

    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise refuse("account.password_needed", None, env=PASSWORD_ENV)
    import getpass
    first = getpass.getpass("password for admin: ")
    if getpass.getpass("the same password again: ") != first:
        raise refuse("password.mismatch", "password")
    return first
