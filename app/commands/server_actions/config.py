"""`python main.py server check-config --config FILE.toml`: every problem of the file with its
key, and whether the database answers with those settings; exit 2 on any problem, 0 when OK."""
from __future__ import annotations

import argparse
import sys


def register(actions) -> None:
    p = actions.add_parser("check-config", help="check a server settings file (--config FILE.toml) and say what is wrong")
    p.add_argument("--config", default=argparse.SUPPRESS, metavar="FILE.toml", help="the settings file to check")
    p.add_argument("--no-connect", action="store_true", help="do not try the database")
    p.set_defaults(func=_check)


def _check(args) -> int:
    from app.problems import Problem
    from server import config
    from ui import problem_words

    path = getattr(args, "config", None)
    if not path:
        print("check-config needs --config FILE.toml", file=sys.stderr)
        return 2
    settings, problems = config.check(path)
    if settings is not None and not args.no_connect:
        reason = _database_answers(settings.db_url)
        if reason:
            problems.append(Problem("config.database_unreachable", "database.url",
                                    {"url": config.printable(settings.db_url), "reason": reason}))
    for p in problems:
        print(f"{p.field or path}: {problem_words.words(p)}")
    if problems:
        print(f"{path}: {len(problems)} problem(s)", file=sys.stderr)
        return 2
    assert settings is not None  # check() gives settings whenever it finds no problem
    tls = "HTTPS" if settings.certfile else "HTTP (no certificate: put it behind a TLS proxy)"
    print(f"{path}: OK — {tls} on {settings.host}:{settings.port}, {settings.workers} worker(s), "
          f"logs {settings.log_dir or 'not written to files'}")
    return 0


def _database_answers(url: str) -> str | None:
    from sqlalchemy import text

    from db.engine import url_engine

    engine = url_engine(url, hide_parameters=True)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure is the answer, in the driver's words
        return f"{exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    finally:
        engine.dispose()
    return None
