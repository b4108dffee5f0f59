"""`python main.py server backup --db URL --out FILE` and `server restore --db URL FILE`:
the whole database in PostgreSQL's own dump format, and back (server/backup.py). After a
restore the server's history has a new id: desktops notice at their next sync and send again
what the restored database lacks (app/sync/rewind.py)."""
from __future__ import annotations

import argparse


def register(actions) -> None:
    dump = actions.add_parser(
        "backup", help="write the whole database to FILE (pg_dump custom format; run it nightly)",
        description="Write the whole server database to FILE in PostgreSQL's own dump format "
                    "(pg_dump -Fc). The database password is taken from the URL or CASEDESK_DB_PASSWORD "
                    "and handed to pg_dump through its environment, never its command line.")
    dump.add_argument("--db", default=argparse.SUPPRESS, metavar="URL", help="the server's database URL")
    dump.add_argument("--out", required=True, metavar="FILE", help="the backup file to write")
    dump.set_defaults(func=_backup)
    back = actions.add_parser(
        "restore", help="replace the database with a backup made by `server backup` (stop the server first)",
        description="Replace the server database with FILE, made by `server backup` (pg_restore --clean, "
                    "in one transaction: a failure changes nothing). The restored history gets a new id, "
                    "so desktops send again at their next sync what the backup does not hold. "
                    "Stop the server first and start it again afterwards.")
    back.add_argument("--db", default=argparse.SUPPRESS, metavar="URL", help="the server's database URL")
    back.add_argument("file", metavar="FILE", help="a backup file made by `server backup`")
    back.set_defaults(func=_restore)


def _url(args) -> str | None:
    from server import config

    url = getattr(args, "db", None)
    return config.with_env_password(url) if url else None


def _backup(args) -> int:
    from server import backup

    written = backup.backup(_url(args), args.out)
    _say("restore.backup_written", file=written.path, size=_size(written.size), seconds=round(written.seconds, 1))
    return 0


def _restore(args) -> int:
    from server import backup

    done = backup.restore(_url(args), args.file)
    _say("restore.restored", file=args.file, seconds=round(done.seconds, 1), watermark=done.watermark,
         history=done.history[:8])
    return 0


def _size(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def _say(code: str, **params) -> None:
    from app.problems import Problem
    from ui.problem_words import words

    print(words(Problem(code, None, params)))
