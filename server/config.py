"""The server's settings from a TOML file (`server --config FILE.toml`), checked as a whole.

Nothing secret on the command line, where every user of the machine can read it (ps): the
database URL carries no password; the password comes from CASEDESK_DB_PASSWORD or from a file
that only the service user may read. Every problem is a Problem whose field is the file's key
("server.port"), so `server check-config` names each one; ui/problem_templates/server_config.py
words them.

    [database]
    url = "postgresql+psycopg://casedesk@127.0.0.1:5432/casedesk"
    password_file = "/etc/casedesk/db-password"    # optional; else CASEDESK_DB_PASSWORD
    [server]
    host = "0.0.0.0"
    port = 8765
    workers = 2
    certfile = "/etc/casedesk/tls/fullchain.pem"   # both or neither: HTTPS
    keyfile = "/etc/casedesk/tls/privkey.pem"
    [logs]
    directory = "/var/log/casedesk"
    retention_days = 180
"""
from __future__ import annotations

import os
import ssl
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.problems import Problem
from server.logs import RETENTION_DAYS

PASSWORD_ENV = "CASEDESK_DB_PASSWORD"
KEYS: dict[str, dict[str, type]] = {
    "database": {"url": str, "password_file": str, "read_url": str},
    "server": {"host": str, "port": int, "workers": int, "certfile": str, "keyfile": str},
    "logs": {"directory": str, "retention_days": int},
}


@dataclass(frozen=True)
class ServerConfig:
    db_url: str  # with the password filled in: never printed
    host: str = "127.0.0.1"
    port: int = 8765
    workers: int = 1
    certfile: str | None = None
    keyfile: str | None = None
    log_dir: str | None = None
    retention_days: int = RETENTION_DAYS
    read_db_url: str | None = None  # a streaming replica for pulls (server/app.py); same password


class ConfigError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def load(path: str | os.PathLike, environ=os.environ) -> ServerConfig:
    """The settings of `path`, or ConfigError with every problem found (not just the first)."""
    config, problems = check(path, environ)
    if problems:
        raise ConfigError(problems)
    assert config is not None  # check() gives a config whenever it finds no problem
    return config


def check(path: str | os.PathLike, environ=os.environ) -> tuple[ServerConfig | None, list[Problem]]:
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return None, [Problem("config.unreadable", None, {"path": str(path), "reason": exc.strerror or str(exc)})]
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return None, [Problem("config.not_toml", None, {"path": str(path), "reason": str(exc)})]
    problems: list[Problem] = []
    values: dict[str, Any] = {}  # of the type KEYS names for each
    for section, body in raw.items():
        if section not in KEYS or not isinstance(body, dict):
            problems.append(Problem("config.unknown_key", section, {"known": sorted(KEYS)}))
            continue
        for key, value in body.items():
            name = f"{section}.{key}"
            kind = KEYS[section].get(key)
            if kind is None:
                problems.append(Problem("config.unknown_key", name, {"known": sorted(KEYS[section])}))
            elif not isinstance(value, kind) or isinstance(value, bool):
                problems.append(Problem("config.wrong_type", name, {"expected": kind.__name__}))
            else:
                values[name] = value
    base = path.parent
    url = _database(values, base, environ, problems)
    read_url = _database(values, base, environ, problems, key="database.read_url") \
        if "database.read_url" in values else None
    host = values.get("server.host", "127.0.0.1")
    port = values.get("server.port", 8765)
    if not 1 <= port <= 65535:
        problems.append(Problem("config.out_of_range", "server.port", {"low": 1, "high": 65535}))
    workers = values.get("server.workers", 1)
    if not 1 <= workers <= 64:
        problems.append(Problem("config.out_of_range", "server.workers", {"low": 1, "high": 64}))
    certfile, keyfile = _tls(values, base, problems)
    log_dir = _log_dir(values, base, problems)
    retention = values.get("logs.retention_days", RETENTION_DAYS)
    if not 1 <= retention <= 3650:
        problems.append(Problem("config.out_of_range", "logs.retention_days", {"low": 1, "high": 3650}))
    if problems:
        return None, problems
    assert url is not None  # _database reported a problem when it had none
    return ServerConfig(url, host, port, workers, certfile, keyfile, log_dir, retention, read_url), []


def _path(values: dict, key: str, base: Path) -> Path | None:
    value = values.get(key)
    return None if value is None else (base / Path(value).expanduser())  # relative to the file


def _database(values: dict, base: Path, environ, problems: list[Problem], key: str = "database.url") -> str | None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    url = values.get(key)
    if url is None:
        problems.append(Problem("config.missing", key))
        return None
    try:
        parsed = make_url(url)
    except ArgumentError:
        problems.append(Problem("config.bad_url", key))
        return None
    if parsed.password is not None:
        problems.append(Problem("config.password_in_url", key, {"env": PASSWORD_ENV}))
        return None
    password = environ.get(PASSWORD_ENV) or None
    password_file = _path(values, "database.password_file", base)
    if password_file is not None and password is None:
        password = _read_secret(password_file, "database.password_file", problems)
    return parsed.set(password=password).render_as_string(hide_password=False) if password else url


def _read_secret(path: Path, key: str, problems: list[Problem]) -> str | None:
    try:
        mode = path.stat().st_mode
        if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
            problems.append(Problem("config.secret_readable_by_others", key,
                                    {"path": str(path), "mode": oct(stat.S_IMODE(mode))}))
            return None
        secret = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        problems.append(Problem("config.file_unreadable", key, {"path": str(path), "reason": exc.strerror or str(exc)}))
        return None
    if not secret:
        problems.append(Problem("config.secret_empty", key, {"path": str(path)}))
        return None
    return secret


def _tls(values: dict, base: Path, problems: list[Problem]) -> tuple[str | None, str | None]:
    certfile, keyfile = _path(values, "server.certfile", base), _path(values, "server.keyfile", base)
    if (certfile is None) != (keyfile is None):
        missing = "server.keyfile" if keyfile is None else "server.certfile"
        problems.append(Problem("config.tls_pair", missing))
        return None, None
    if certfile is None:
        return None, None
    found = tls_problems(str(certfile), str(keyfile))
    problems.extend(found)
    return (None, None) if found else (str(certfile), str(keyfile))


def tls_problems(certfile: str, keyfile: str, prefix: str = "server.") -> list[Problem]:
    """A certificate and key that load together: found now, not at the first connection."""
    out = []
    for key, path in (("certfile", certfile), ("keyfile", keyfile)):
        if not os.access(path, os.R_OK):
            out.append(Problem("config.file_unreadable", prefix + key, {"path": path, "reason": "cannot be read"}))
    if out:
        return out
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(certfile, keyfile)
    except (ssl.SSLError, ValueError) as exc:
        out.append(Problem("config.tls_unusable", prefix + "certfile", {"reason": str(exc)}))
    return out


def _log_dir(values: dict, base: Path, problems: list[Problem]) -> str | None:
    directory = _path(values, "logs.directory", base)
    if directory is None:
        return None
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        problems.append(Problem("config.file_unreadable", "logs.directory",
                                {"path": str(directory), "reason": exc.strerror or str(exc)}))
        return None
    if not os.access(directory, os.W_OK | os.X_OK):
        problems.append(Problem("config.not_writable", "logs.directory", {"path": str(directory)}))
        return None
    return str(directory)


def with_env_password(url: str) -> str:
    """`--db URL` without a password takes CASEDESK_DB_PASSWORD: the secret stays off `ps`."""
    from sqlalchemy.engine import make_url

    password = os.environ.get(PASSWORD_ENV)
    if not password or url.startswith("sqlite"):
        return url
    parsed = make_url(url)
    return url if parsed.password is not None else parsed.set(password=password).render_as_string(hide_password=False)


def printable(url: str) -> str:
    """The URL for messages and logs, its password (if any) shown as ***."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(a database URL that cannot be read)"
