"""帮助 → 导出诊断信息 / `python main.py diagnostics`: one zip for the county's IT person.

It holds the logs (already scrubbed of long numbers, app/logsetup.py), the versions of
CaseDesk and what it runs on, the profile's settings and counts — and nothing else: no
database, no key, no password, no token, no patient's name, ID number or phone. Counts are
numbers per table; the server address loses any user:password it might carry.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sqlite3
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.parse import urlunsplit

from app import __version__
from app import logsetup

if TYPE_CHECKING:
    from app.profile import Profile

SECRET_WORDS = ("password", "token", "secret", "key", "credential")


def default_name(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    return f"casedesk-diagnostics-{now:%Y%m%d-%H%M}.zip"


def write(target: Path, profile=None, extra: dict | None = None) -> Path:
    """Write the zip to `target` (written beside it, then renamed: never half a file)."""
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("about.json", _json(about(profile, extra)))
            if profile is not None:
                zf.writestr("settings.json", _json(settings_of(profile)))
            for path in sorted(logsetup.log_dir().glob("*.log*")):
                if path.is_file():
                    zf.write(path, f"logs/{path.name}")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def about(profile: Profile | None = None, extra: dict | None = None) -> dict:
    import sqlalchemy

    from db import migrate

    facts = {
        "casedesk": __version__,
        "written_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "sqlalchemy": sqlalchemy.__version__,
        "sqlite": sqlite3.sqlite_version,
        "schema_head": migrate.head(),
        "log_dir": str(logsetup.log_dir()),
        **(extra or {}),
    }
    if profile is not None:
        facts["profile"] = _profile_facts(profile)
    return facts


def settings_of(profile: Profile) -> dict:
    values = {}
    for key in sorted(_setting_keys(profile)):
        if any(word in key.lower() for word in SECRET_WORDS):
            continue
        value = profile.settings.get(key)
        values[key] = _without_userinfo(value) if key == "sync.server_url" else value
    return values


def _setting_keys(profile: Profile) -> list[str]:
    from app.settings import SETTINGS

    return list(SETTINGS)


def _profile_facts(profile: Profile) -> dict:
    from sqlalchemy import func
    from sqlalchemy import select

    from app.sync.local import CURSOR_KEY
    from db.models import MODEL_BY_TABLE
    from db.models import OutboxEntry

    facts: dict = {"demo": bool(profile.is_demo)}
    try:
        with profile.sessions() as s:
            facts["rows"] = {table: s.scalar(select(func.count()).select_from(model))
                             for table, model in MODEL_BY_TABLE.items()}
            facts["outbox"] = dict(s.execute(select(OutboxEntry.status, func.count())
                                             .group_by(OutboxEntry.status)).all())
        for key in ("sync.last_success", "sync.device_code", CURSOR_KEY, "device_id"):
            facts[key] = profile.get_local(key)
    except Exception as exc:  # noqa: BLE001 - a damaged profile is exactly when this zip is wanted
        facts["unreadable"] = f"{type(exc).__name__}"
    return facts


def _without_userinfo(url: str) -> str:
    if not url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)
