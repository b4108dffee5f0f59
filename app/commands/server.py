"""`python main.py server --db URL [--init-demo] [--host H --port P --workers N]`."""
from __future__ import annotations

import argparse
import os
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("server", help="run the central server (or --init-demo to create one)")
    p.add_argument("--db", default=None, metavar="URL",
                   help="database URL, e.g. postgresql+psycopg://user@127.0.0.1:5432/casedesk "
                        "(default: an embedded SQLite file in the user data dir)")
    p.add_argument("--init-demo", action="store_true", help="create the schema, network, demo users and patients")
    p.add_argument("--patients", type=int, default=2000, help="demo patients for --init-demo")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--workers", type=int, default=1)
    p.set_defaults(func=_run)


def _default_url() -> str:
    import platformdirs
    from pathlib import Path

    path = Path(platformdirs.user_data_dir("CaseDesk", appauthor=False)) / "server.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _run(args) -> int:
    from app.errors import CaseDeskError
    from db import migrate
    from db.engine import url_engine

    url = args.db or _default_url()
    engine = url_engine(url)
    try:
        if args.init_demo:
            from server.demo import init_demo
            if not migrate.is_empty(engine):
                raise CaseDeskError(f"{url} already holds tables; --init-demo needs an empty database")
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
        raise CaseDeskError(f"cannot use the database {url}: {exc.__class__.__name__}: {exc}") from exc
    finally:
        engine.dispose()
    import uvicorn

    os.environ["CASEDESK_SERVER_DB"] = url
    print(f"CaseDesk server on http://{args.host}:{args.port} ({args.workers} worker(s))", file=sys.stderr)
    uvicorn.run("server.main:create", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level="warning")
    return 0
