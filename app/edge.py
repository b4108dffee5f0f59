"""Failures of the machine under CaseDesk, told as problems rather than tracebacks: a damaged
database file and a full disk can meet any command at any write, so they are recognised
once, where a command's error reaches the person (app/cli.py), by the error's code (the
OS errno, SQLite's result name, PostgreSQL's SQLSTATE), never by reading its message.
"""
from __future__ import annotations

import errno

from app.errors import CaseDeskError

_NO_ROOM = frozenset((errno.ENOSPC, errno.EDQUOT, errno.EFBIG))
_SQLITE_DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")  # and their extended names (SQLITE_CORRUPT_INDEX…)
_PG_DAMAGED = frozenset(("XX001", "XX002"))  # data_corrupted, index_corrupted
_PG_FULL = "53100"  # disk_full


class EdgeError(CaseDeskError):
    """The disk or the database file failed under a command; nothing more was changed."""


def explain(exc: BaseException, writing: str | None = None) -> EdgeError | None:
    """The problem a damaged database or a full disk caused exc, or None for any other error.
    `writing`: the file the command was writing, for an OS error that does not name one (a
    library writing through a file object)."""
    for cause in _causes(exc):
        if isinstance(cause, OSError) and cause.errno in _NO_ROOM:
            path, reason = cause.filename or writing, cause.strerror or str(cause)
            if path:
                return EdgeError.coded("edge.disk_full", path=str(path), reason=reason)
            return EdgeError.coded("edge.disk_full_unnamed", reason=reason)
        name = getattr(cause, "sqlite_errorname", None)
        if isinstance(name, str):
            if name.startswith(_SQLITE_DAMAGED):
                return EdgeError.coded("edge.database_damaged", reason=str(cause))
            if name == "SQLITE_FULL":
                return EdgeError.coded("edge.database_full")
            if name.startswith("SQLITE_IOERR"):
                return EdgeError.coded("edge.disk_error", reason=str(cause))
        state = getattr(cause, "sqlstate", None)
        if state in _PG_DAMAGED:
            return EdgeError.coded("edge.database_damaged", reason=str(cause).strip())
        if state == _PG_FULL:
            return EdgeError.coded("edge.database_full")
    return None


def _causes(exc: BaseException):
    """exc, the driver error SQLAlchemy wraps (.orig), and what it was raised from."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        e = todo.pop(0)
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo += [c for c in (getattr(e, "orig", None), e.__cause__, e.__context__) if isinstance(c, BaseException)]
