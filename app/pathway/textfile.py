"""A rule file as text and as data, so every error can name the file and the line.

tomllib reports lines for syntax errors only; a semantic error (an unknown stage, a
malformed interval) is found again in the raw text by a small scanner that tracks the
table headers and keys line by line. That is enough for the flat files we write; when
the scanner cannot pin a value down it falls back to the line of the enclosing key.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from app.errors import CaseDeskError
from app.problems import Problem

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-.]+)\s*=""")
_SYNTAX_LINE = re.compile(r"\(at line (\d+), column \d+\)")


class RuleFileError(CaseDeskError):
    """A rule file that cannot be used: the problem rules.<what>, whose `where` parameter is
    `file:line` (or the file), so the words start with where to fix it."""

    def __init__(self, path: Path, line: int | None, what: str, **params):
        self.path = Path(path)
        self.line = line
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(problems=[Problem(f"rules.{what}", None, {"where": where, **params})])


def _unquote(key: str) -> str:
    return key[1:-1] if key[:1] in "\"'" else key


class RuleText:
    """The parsed data plus a map from (table path, key) to the line it sits on."""

    def __init__(self, path: Path, text: str):
        self.path = Path(path)
        self.text = text
        self.lines = text.splitlines()
        try:
            self.data: dict[str, Any] = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            m = _SYNTAX_LINE.search(str(exc))
            raise RuleFileError(self.path, int(m.group(1)) if m else None, "not_toml", detail=str(exc)) from None
        self._keys: dict[tuple, int] = {}
        self._tables: dict[tuple, int] = {}
        self._index()

    @classmethod
    def read(cls, path: Path) -> "RuleText":
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleFileError(path, None, "unreadable", reason=str(exc)) from None
        return cls(path, text)

    def _index(self) -> None:
        table: tuple = ()
        counters: dict[tuple, int] = {}
        for number, line in enumerate(self.lines, start=1):
            header = _HEADER.match(line)
            if header and not _KEY.match(line):
                parts = tuple(_unquote(p.strip()) for p in header.group(2).split("."))
                if header.group(1) == "[[":
                    counters[parts] = counters.get(parts, -1) + 1
                    table = parts + (counters[parts],)
                else:
                    table = parts
                self._tables.setdefault(table, number)
                continue
            key = _KEY.match(line)
            if key:
                parts = tuple(_unquote(p.strip()) for p in key.group(1).split("."))
                self._keys.setdefault(table + parts, number)

    def line_of(self, *path: Any, value: Any = None) -> int | None:
        """The line of the key at `path` (table parts, array indexes, key); with `value`,
        the first line at or after it whose text holds that value (inside an array)."""
        path = tuple(path)
        line = None
        while path and line is None:
            line = self._keys.get(path) or self._tables.get(path)
            if line is None:
                path = path[:-1]
        if value is not None:
            needle = _needle(value)
            for number in range(line or 1, len(self.lines) + 1):
                if needle in self.lines[number - 1]:
                    return number
        return line

    def error(self, what: str, *path: Any, value: Any = None, **params) -> RuleFileError:
        """rules.<what> at the line of `path` (and `value`, inside an array)."""
        return RuleFileError(self.path, self.line_of(*path, value=value), what, **params)


def _needle(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
