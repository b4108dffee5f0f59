"""`python main.py server devices list --db URL` and `server devices revoke --db URL --device ID`:
the desktops that signed in (server/devices.py). Revoking one ends its tokens at once; the
desktop erases its profile at its next contact."""
from __future__ import annotations

import argparse
import datetime as dt
import sys

from app.problems import refuse

COLUMNS = ("device", "code", "user", "name", "version", "registered (UTC)", "last sync (UTC)", "last address",
           "withdrawn (UTC)")


def register(actions) -> None:
    devices = actions.add_parser("devices", help="desktops that signed in: list them, withdraw a lost one")
    verbs = devices.add_subparsers(dest="devices_action", metavar="VERB", title="verbs", required=True)
    show = verbs.add_parser("list", help="each desktop: user, name, CaseDesk version, last sync, last address")
    show.add_argument("--db", default=argparse.SUPPRESS, metavar="URL", help="the server's database URL")
    show.set_defaults(func=_list)
    revoke = verbs.add_parser("revoke", help="withdraw a desktop: its tokens end now, its profile is erased "
                                             "at its next contact")
    revoke.add_argument("--db", default=argparse.SUPPRESS, metavar="URL", help="the server's database URL")
    revoke.add_argument("--device", required=True, metavar="ID", help="the desktop's id (first column of list)")
    revoke.set_defaults(func=_revoke)


def _when(moment: dt.datetime | None) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M") if moment else ""


def _session(args):
    from sqlalchemy.orm import Session

    from db.engine import url_engine
    from server.config import with_env_password

    if not args.db:
        raise refuse("account.db_required", "--db", action="devices")
    engine = url_engine(with_env_password(args.db))  # CASEDESK_DB_PASSWORD, not on the command line
    return engine, Session(engine)


def _list(args) -> int:
    from app.commands.server import _printable
    from app.problems import Problem
    from server import devices
    from ui.problem_words import words

    engine, session = _session(args)
    try:
        found = devices.list_devices(session)
    finally:
        session.close()
        engine.dispose()
    if not found:
        print(words(Problem("devices.none")), file=sys.stderr)
        return 0
    rows = [tuple(map(_printable, (d.id, d.code or "", d.username, d.name or "", d.app_version or "",
                                   _when(d.registered_at), _when(d.last_seen_at), d.last_addr or "",
                                   _when(d.revoked_at)))) for d in found]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(COLUMNS)]
    for line in [COLUMNS, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip())
    return 0


def _revoke(args) -> int:
    from app.problems import Problem
    from server import devices
    from ui.problem_words import words

    engine, session = _session(args)
    try:
        view, ended = devices.revoke(session, args.device)
        session.commit()
    finally:
        session.close()
        engine.dispose()
    print(words(Problem("devices.revoked", None, {"device": view.id, "user": view.username, "tokens": ended})))
    return 0
