"""Merging a pushed change into the server's row, by base version (never by clocks).

Pure functions: the server calls them, tests exercise every branch without a database.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

APPLIED, MERGED, CONFLICT, REJECTED = "applied", "merged", "conflict", "rejected"
# What kind of conflict: the desktop decides what to offer from this, never from `reason`.
BOTH_CHANGED, DELETED_THERE, DELETED_HERE = "both_changed", "deleted_there", "deleted_here"


@dataclass(frozen=True)
class Decision:
    status: str
    apply: dict[str, Any]  # the fields to write (empty for conflict/rejected)
    conflicts: dict[str, dict[str, Any]]  # field -> {"server": v, "client": v}
    reason: str = ""  # for logs
    kind: str = ""  # a conflict's kind (above)


def decide_update(base_version: int, server_version: int, server_deleted: bool,
                  changed_since_base: set[str], server_values: dict[str, Any],
                  client_new: dict[str, Any]) -> Decision:
    """An edit: fields only the desktop changed merge; a field both sides changed to
    different values is a conflict holding both; an edit of a deleted row is a conflict.

    `changed_since_base` holds the fields OTHER desktops changed after the base version:
    a desktop's own earlier edits (an insert then an edit before the first sync) are its
    history, not a rival's, and never conflict with it."""
    if server_deleted:
        return Decision(CONFLICT, {}, {f: {"server": None, "client": v} for f, v in client_new.items()},
                        "the record was deleted on the server", DELETED_THERE)
    if base_version == server_version or not changed_since_base:
        return Decision(APPLIED, dict(client_new), {})
    clashes = {
        f: {"server": server_values.get(f), "client": v}
        for f, v in client_new.items()
        if f in changed_since_base and server_values.get(f) != v
    }
    if clashes:
        return Decision(CONFLICT, {}, clashes, "changed on both sides", BOTH_CHANGED)
    return Decision(MERGED, dict(client_new), {})


def decide_delete(base_version: int, server_version: int, server_deleted: bool,
                  changed_since_base: set[str]) -> Decision:
    """A delete of a row someone else edited meanwhile is a conflict (delete vs edit)."""
    if server_deleted:
        return Decision(APPLIED, {}, {})  # already gone: the same outcome
    if base_version == server_version or not (changed_since_base - {"deleted_at"}):
        return Decision(APPLIED, {}, {})
    return Decision(CONFLICT, {}, {f: {"server": "changed", "client": "deleted"} for f in sorted(changed_since_base)},
                    "deleted here but edited on the server", DELETED_HERE)
