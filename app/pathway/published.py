"""Files an administrator publishes once for every desktop (server/files.py): pathway rule files,
risk rule files, holiday years and letter templates.

One check for both sides: the server runs it before a file is stored, the desktop again after
download, with the very loaders that later read the file (app/pathway/rules.py,
app/pathway/holidays.py, app/screening/riskrules.py, app/letters/templates.py). The file is
written under its own name into a scratch directory laid out as a profile's override
directories and loaded from there; a pathway rule file is loaded together with the bundled
set and the other published rule files, so a rule id used twice across files shows too.

A refusal is a ProblemError of two problems per file: `files.refused` (file, kind, line) and
the loader's own problem, its place rewritten to the file's published name ("pathway.toml:12").
"""
from __future__ import annotations

import hashlib
import re
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from app.errors import CaseDeskError
from app.pathway.rules import CANCERS
from app.pathway.rules import RULE_FILES
from app.problems import Problem
from app.problems import ProblemError

KINDS = ("rules", "risk", "holidays", "letters")
# Where each kind lives inside a profile: the override directories the loaders read.
SUBDIRS = {"rules": ("rules",), "holidays": ("rules", "holidays"), "risk": ("risk",), "letters": ("letters",)}
MAX_BYTES = 512 * 1024  # the largest bundled file is under 20 KiB
MAX_VERSION = 40  # published_files.version
_HOLIDAY_NAME = re.compile(r"^\d{4}\.toml$")


@dataclass(frozen=True)
class Checked:
    kind: str
    name: str
    version: str
    sha256: str


def sha256(content: str) -> str:
    return sha256_bytes(content.encode("utf-8"))


def sha256_bytes(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def override_dir(profile_path: Path, kind: str) -> Path:
    return Path(profile_path).joinpath(*SUBDIRS[kind])


def infer_kind(name: str, content: str) -> str:
    """The kind a file is by its name and content: YEAR.toml is a holiday year, a .txt a letter
    template, a .toml that names a cancer and a programme a risk rule file; otherwise rules."""
    if _HOLIDAY_NAME.match(name):
        return "holidays"
    if name.lower().endswith(".txt"):
        return "letters"
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError:
        return "risk" if Path(name).stem in CANCERS and name not in RULE_FILES else "rules"
    return "risk" if "cancer" in data and "programme" in data else "rules"


def expected_names(kind: str) -> str:
    from app.letters.kinds import KINDS as LETTER_KINDS

    return {"rules": ", ".join(RULE_FILES), "holidays": "YYYY.toml (e.g. 2027.toml)",
            "risk": ", ".join(f"{c}.toml" for c in CANCERS),
            "letters": ", ".join(f"{k}.txt" for k in LETTER_KINDS)}[kind]


def check_name(kind: str, name: str) -> None:
    from app.letters.kinds import KINDS as LETTER_KINDS

    if kind not in KINDS:
        raise ProblemError(Problem("files.unknown_kind", "kind", {"given": str(kind), "valid": ", ".join(KINDS)}))
    stem, suffix = Path(name).stem, Path(name).suffix
    fits = {"rules": name in RULE_FILES, "holidays": bool(_HOLIDAY_NAME.match(name)),
            "risk": suffix == ".toml" and stem in CANCERS,
            "letters": suffix == ".txt" and stem in LETTER_KINDS}[kind]
    if not fits or "/" in name or "\\" in name:
        raise ProblemError(Problem("files.bad_name", "name", {"file": name, "kind": kind,
                                                              "expected": expected_names(kind)}))


def validate(kind: str, name: str, content: str, rule_files: dict[str, str] | None = None) -> Checked:
    """The file checked as the desktop will load it; ProblemError naming the file and line if not.
    `rule_files`: the other published pathway rule files (name -> content) it must load with."""
    check_name(kind, name)
    if len(content.encode("utf-8")) > MAX_BYTES:
        raise ProblemError(Problem("files.too_large", None, {"file": name, "max_kib": MAX_BYTES // 1024}))
    if "\x00" in content:
        raise ProblemError(Problem("files.not_text", None, {"file": name}))
    with tempfile.TemporaryDirectory(prefix="casedesk-published-") as scratch:
        root = Path(scratch)
        if kind == "rules":
            for other, text in (rule_files or {}).items():
                if other != name and other in RULE_FILES:
                    _write(override_dir(root, "rules") / other, text)
        path = override_dir(root, kind) / name
        _write(path, content)
        try:
            version = _load(kind, root, path)
        except CaseDeskError as exc:
            raise _refused(kind, name, root, exc) from None
    if len(version) > MAX_VERSION:
        raise ProblemError(Problem("files.version_too_long", None, {"file": name, "max": MAX_VERSION}))
    return Checked(kind, name, version, sha256(content))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))  # byte for byte as published: the hash is of these bytes


def _load(kind: str, root: Path, path: Path) -> str:
    """The loader the desktop uses; returns the file's own version."""
    if kind == "rules":
        from app.pathway.rules import load_rules

        load_rules(override_dir(root, "rules"))
        return str(tomllib.loads(path.read_text(encoding="utf-8"))["version"])
    if kind == "holidays":
        from app.pathway.holidays import load_holiday_file

        return load_holiday_file(path).version
    if kind == "risk":
        from app.pathway.textfile import RuleFileError
        from app.screening.riskrules import load

        rules = load(path)
        if rules.cancer != path.stem:
            raise RuleFileError(path, None, "risk_file_name", expected=f"{rules.cancer}.toml")
        return rules.version
    from app.letters.kinds import KINDS as LETTER_KINDS
    from app.letters.templates import load_template

    return load_template(LETTER_KINDS[path.stem], path.parent).version


def _refused(kind: str, name: str, root: Path, exc: CaseDeskError) -> ProblemError:
    """The loader's problem, its place told by the published name instead of the scratch path."""
    problems = list(getattr(exc, "problems", None) or [])
    line = getattr(exc, "line", None) or None
    where_file = Path(getattr(exc, "path", None) or name)
    shown = where_file.name if str(where_file).startswith(str(root)) or not where_file.is_absolute() else name
    reasons = []
    for problem in problems:
        params = dict(problem.params)
        if "where" in params:
            params["where"] = f"{shown}:{line}" if line else shown
        if "path" in params:
            params["path"] = shown
        reasons.append(Problem(problem.code, problem.field, params))
    if not reasons:
        reasons = [Problem("files.unreadable", None, {"file": name})]
    head = Problem("files.refused", None, {"file": name, "kind": kind, "line": line or 0,
                                           "culprit": shown})
    return ProblemError([head, *reasons])
