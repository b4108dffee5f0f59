"""Files the administrator published on the server (server/files.py), brought to this desktop once
per sync cycle: pathway rule files, risk rule files, holiday years and letter templates.

Each changed file is downloaded, its SHA-256 compared with the server's list, and checked again
with the loader that will read it (app/pathway/published.py). Only then is it written, atomically,
into the profile's override directory for its kind (<profile>/rules, rules/holidays, risk,
letters), where the pathway engine, the risk assessment and letter printing already look. A
file that arrives damaged or fails the check is not used: the file before it stays, the problem
is logged and kept for `rules list` (LocalState "files.refused"), and the next sync tries again.
A file withdrawn on the server is removed, so the bundled one is used again.

What came from where is kept in LocalState "files.published" (JSON, keyed "kind/name"): the
server's id, version, sha256, when and by whom it was published. `rules list` shows it.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from app.pathway import published as checks
from app.problems import Problem
from app.problems import ProblemError
from app.sync import errors
from app.sync.errors import SyncError

if TYPE_CHECKING:
    from app.profile import Profile

log = logging.getLogger(__name__)

PUBLISHED_KEY = "files.published"
REFUSED_KEY = "files.refused"


@dataclass
class FilesReport:
    updated: list[str] = field(default_factory=list)  # "kind/name"
    removed: list[str] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)


def published(profile: Profile) -> dict[str, dict]:
    """kind/name -> what the server said of the file this desktop uses (see the module's doc)."""
    return _json(profile.get_local(PUBLISHED_KEY), {})


def refused(profile: Profile) -> list[Problem]:
    """The problems of the last sync's files that were not used (empty when all were)."""
    return [Problem.from_json(p) for p in _json(profile.get_local(REFUSED_KEY), [])]


def refresh(profile: Profile, client) -> FilesReport:
    report = FilesReport()
    answer = client.raw("GET", "/files")
    if answer is None:  # a server from before published files
        return report
    try:
        manifest = {f"{f['kind']}/{f['name']}": f for f in answer.json()["files"]
                    if f.get("kind") in checks.KINDS}
    except (ValueError, KeyError, TypeError) as exc:
        raise SyncError(errors.UNREADABLE, detail=f"the list of published files cannot be read: {exc}") from exc
    have = published(profile)
    root = Path(profile.path)
    incoming: dict[str, tuple[dict, str]] = {}
    for key, entry in manifest.items():
        mine = have.get(key)
        target = _target(root, entry["kind"], entry["name"])
        if mine and mine.get("sha256") == entry["sha256"] and target is not None and target.is_file():
            if mine.get("id") != entry["id"]:  # the same bytes published again: who and when changed
                have[key] = _record(entry)
                report.updated.append(key)
            continue
        if target is None:
            report.refused.append(_problem("files.bad_name", entry, expected=checks.expected_names(entry["kind"])))
            continue
        got = client.raw("GET", f"/files/{entry['id']}")
        if got is None:  # withdrawn since the list was made: the next sync's list says so
            continue
        content = got.content
        if checks.sha256_bytes(content) != entry["sha256"]:
            report.refused.append(_problem("files.sha_mismatch", entry))
            continue
        incoming[key] = (entry, content.decode("utf-8"))
    # Pathway rule files load as one set: those staying on this desktop with the new ones in place.
    staying = {k.split("/", 1)[1]: _read(_target(root, "rules", k.split("/", 1)[1]))
               for k in have if k.startswith("rules/") and k in manifest}
    rule_set = {n: t for n, t in staying.items() if t is not None}
    rule_set.update({e["name"]: text for e, text in incoming.values() if e["kind"] == "rules"})
    for key, (entry, text) in sorted(incoming.items()):
        try:
            checks.validate(entry["kind"], entry["name"], text, rule_set)
        except ProblemError as exc:
            if entry["kind"] == "rules":  # the others are checked with the earlier file, which stays
                earlier = _read(_target(root, "rules", entry["name"])) if key in have else None
                if earlier is None:
                    rule_set.pop(entry["name"], None)
                else:
                    rule_set[entry["name"]] = earlier
            report.refused.append(_problem("files.desktop_refused", entry))
            report.refused.extend(exc.problems[1:] or exc.problems)
            continue
        target = _target(root, entry["kind"], entry["name"])
        assert target is not None  # a bad name was refused above
        _write_atomically(target, text)
        have[key] = _record(entry)
        report.updated.append(key)
    for key in sorted(set(have) - set(manifest)):
        kind, name = key.split("/", 1)
        target = _target(root, kind, name)
        if target is not None and target.is_file():
            target.unlink()
        del have[key]
        report.removed.append(key)
    for problem in report.refused:
        log.warning("published file not used: %s", problem)
    if report.updated or report.removed:
        profile.set_local(PUBLISHED_KEY, json.dumps(have, ensure_ascii=False, sort_keys=True))
    if report.refused or profile.get_local(REFUSED_KEY) not in (None, "[]"):
        profile.set_local(REFUSED_KEY, json.dumps([p.to_json() for p in report.refused], ensure_ascii=False))
    return report


def _record(entry: dict) -> dict:
    return {k: entry.get(k) for k in ("id", "kind", "name", "version", "sha256", "published_at", "published_by")}


def _problem(code: str, entry: dict, **params) -> Problem:
    return Problem(code, None, {"file": entry.get("name"), "kind": entry.get("kind"),
                                "version": entry.get("version"), **params})


def _target(root: Path, kind: str, name: str) -> Path | None:
    """Where the file goes in this profile; None for a name the server should not have sent."""
    try:
        checks.check_name(kind, name)
    except ProblemError:
        return None
    return checks.override_dir(root, kind) / name


def _read(path: Path | None) -> str | None:
    try:
        return path.read_text(encoding="utf-8") if path is not None else None
    except (OSError, UnicodeDecodeError):
        return None


def _write_atomically(path: Path, text: str) -> None:
    """A loader never sees half a file: written beside it, flushed, then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, scratch = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise


def _json(raw: str | None, default):
    try:
        return json.loads(raw) if raw else default
    except ValueError:
        return default
