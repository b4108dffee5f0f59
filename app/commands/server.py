"""`python main.py server --db URL [--init-demo] [--host H --port P --workers N]
[--certfile F --keyfile F]` or `server --config FILE.toml` (server/config.py), and
`python main.py server security-log --db URL [--since DATE] [--user NAME]` for the
administrator (the server's security event log, server/security_log.py)."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys

from app.problems import refuse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("server", help="run the central server (or --init-demo to create one)")
    p.add_argument("--db", default=None, metavar="URL",
                   help="database URL, e.g. postgresql+psycopg://user@127.0.0.1:5432/casedesk "
                        "(default: an embedded SQLite file in the user data dir)")
    p.add_argument("--read-db", default=None, metavar="URL",
                   help="a streaming replica of --db: pulls are read there while it has caught up with "
                        "the desktop asking (README: Scaling); pushes, checks and sign-ins stay on --db")
    p.add_argument("--init-demo", action="store_true", help="create the schema, network, demo users and patients")
    p.add_argument("--patients", type=int, default=2000, help="demo patients for --init-demo")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--config", default=None, metavar="FILE.toml",
                   help="settings from a file (server/config.py): database, host, port, workers, "
                        "certificate, log directory; the options below override it")
    p.add_argument("--host", default=None, help="default 127.0.0.1")
    p.add_argument("--port", type=int, default=None, help="default 8765")
    p.add_argument("--workers", type=int, default=None, help="default 1")
    p.add_argument("--certfile", default=None, metavar="FILE", help="serve HTTPS with this certificate (PEM, chain)")
    p.add_argument("--keyfile", default=None, metavar="FILE", help="the certificate's private key (PEM)")
    p.set_defaults(func=_run)
    # Optional, so `server --db URL` keeps running the server as scripts and tests call it.
    actions = p.add_subparsers(dest="server_action", metavar="ACTION", title="actions")
    log = actions.add_parser("security-log", help="print the server's security event log, newest last")
    log.add_argument("--db", default=argparse.SUPPRESS, metavar="URL", help="the server's database URL")
    log.add_argument("--since", type=_since, default=None, metavar="DATE",
                     help="only events from this date or time on (ISO 8601, e.g. 2026-12-01 or 2026-12-01T08:00)")
    log.add_argument("--user", default=None, metavar="NAME", help="only this username's events")
    log.set_defaults(func=_security_log)
    from app.commands.server_actions import register_all  # local: the action modules import this one's helpers
    register_all(actions)


def _since(value: str) -> dt.datetime:
    """Read as UTC unless it names its zone; a bad one is argparse's clear error and exit 2."""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _default_url() -> str:
    from pathlib import Path

    import platformdirs

    path = Path(platformdirs.user_data_dir("CaseDesk", appauthor=False)) / "server.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _settings(args):
    """The file's settings (if any) with the command line's options over them. A bad file or
    TLS pair stops here with each problem named, as `server check-config` names them."""
    from dataclasses import replace

    from app.errors import CaseDeskError
    from server import config
    from ui import problem_words

    def named(problems) -> CaseDeskError:
        return CaseDeskError("\n".join(f"{p.field or args.config}: {problem_words.words(p)}" for p in problems))

    if args.config:
        try:
            settings = config.load(args.config)
        except config.ConfigError as exc:
            raise named(exc.problems) from None
    else:
        settings = config.ServerConfig(db_url=config.with_env_password(args.db or _default_url()))
    given = {k: v for k, v in (("host", args.host), ("port", args.port), ("workers", args.workers),
                               ("certfile", args.certfile), ("keyfile", args.keyfile)) if v is not None}
    if args.db:
        given["db_url"] = config.with_env_password(args.db)
    if args.read_db:
        given["read_db_url"] = config.with_env_password(args.read_db)
    settings = replace(settings, **given)
    if (settings.certfile is None) != (settings.keyfile is None):
        raise refuse("config.cert_pair", "--certfile")
    if settings.certfile and settings.keyfile is not None and (  # both or neither, as just checked
            found := config.tls_problems(settings.certfile, settings.keyfile, prefix="--")):
        raise named(found)
    return settings


def _run(args) -> int:
    from app.errors import CaseDeskError
    from db import migrate
    from db.engine import url_engine
    from server import config

    settings = _settings(args)
    url = settings.db_url
    shown = config.printable(url)
    engine = url_engine(url)
    try:
        if args.init_demo:
            from server.demo import init_demo
            if not migrate.is_empty(engine):
                raise refuse("config.db_not_empty", "--db", url=shown)
            figures = init_demo(engine, args.patients, args.seed)
            print(f"demo server ready: {figures['patients']} patients, {figures['rows']} rows; "
                  "logins are listed in the README (password: USERNAME-demo)")
            return 0
        migrate.upgrade(engine)
    except migrate.SchemaTooNew as exc:
        raise CaseDeskError(str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - a database that cannot be reached, in words
        if isinstance(exc, CaseDeskError):
            raise
        raise refuse("account.db_unusable", "--db", url=shown, reason=f"{exc.__class__.__name__}: {exc}") from exc
    finally:
        engine.dispose()
    import uvicorn

    from server import main as server_main

    # The workers read these (server/main.py): uvicorn starts each from an import string.
    os.environ["CASEDESK_SERVER_DB"] = url
    if settings.read_db_url:
        os.environ[server_main.READ_DB_ENV] = settings.read_db_url
    if settings.log_dir:
        os.environ[server_main.LOG_DIR_ENV] = settings.log_dir
        os.environ[server_main.RETENTION_ENV] = str(settings.retention_days)
    scheme = "https" if settings.certfile else "http"
    print(f"CaseDesk server on {scheme}://{settings.host}:{settings.port} ({settings.workers} worker(s))"
          + (f", pulls from {config.printable(settings.read_db_url)}" if settings.read_db_url else "")
          + (f", logs in {settings.log_dir}" if settings.log_dir else ""), file=sys.stderr)
    uvicorn.run("server.main:create", factory=True, host=settings.host, port=settings.port,
                workers=settings.workers, log_level="warning", access_log=False,
                ssl_certfile=settings.certfile, ssl_keyfile=settings.keyfile)
    return 0


COLUMNS = ("time (UTC)", "kind", "code", "user", "device", "address", "detail")


def _security_log(args) -> int:
    from sqlalchemy.orm import Session

    from app.errors import CaseDeskError
    from db.engine import url_engine
    from server import security_log
    from server.config import with_env_password

    if not args.db:
        raise refuse("account.db_required", "--db", action="security-log")
    engine = url_engine(with_env_password(args.db))  # CASEDESK_DB_PASSWORD, not on the command line
    try:
        with Session(engine) as session:
            events = security_log.events(session, since=args.since, username=args.user)
    except Exception as exc:  # noqa: BLE001 - a database that cannot be reached, in words
        raise CaseDeskError(f"cannot read the security log in {args.db}: {exc.__class__.__name__}: {exc}") from exc
    finally:
        engine.dispose()
    rows = [tuple(map(_printable, (
        e.at.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S"), e.kind, e.code or "", e.user or "",
        e.device_id or "", e.client_addr or "",
        json.dumps(e.detail, ensure_ascii=False, sort_keys=True) if e.detail else ""))) for e in events]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(COLUMNS)]
    for line in [COLUMNS, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip())
    print(f"{len(rows)} event(s)", file=sys.stderr)
    return 0


def _printable(text: str) -> str:
    """Typed usernames are the attacker's words: control characters (terminal escapes) are
    shown escaped, never sent to the administrator's terminal."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
