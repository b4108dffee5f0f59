"""Reading a screening list (xlsx, xls, ods or csv) into rows numbered as the person sees them.

Line numbers are the spreadsheet's row numbers (the CSV's record numbers), header row
included, so "line 7" in a report is row 7 when the file is opened in Excel or WPS.
Platform exports often put a title row above the headers: the header row is the one
among the first rows whose cells name the most known fields.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from app.errors import CaseDeskError
from app.screening.fields import recognise
from app.spreadsheet import SpreadsheetUnreadable
from app.spreadsheet import first_sheet
from app.spreadsheet import is_spreadsheet

HEADER_SCAN = 10  # rows searched for the header row
Progress = Callable[[int, int], None]


class Cancelled(CaseDeskError):
    """The person cancelled; nothing was written."""


class ListFileError(CaseDeskError):
    """The file cannot be read as a list at all (wrong format, no header row)."""


@dataclass
class Sheet:
    path: Path
    headers: list[str]
    header_line: int
    rows: list[tuple[int, list]] = field(default_factory=list)  # (line, cells)


def read_list(path: Path | str, progress: Progress | None = None,
              should_stop: Callable[[], bool] | None = None) -> Sheet:
    path = Path(path)
    suffix = path.suffix.lower()
    if not is_spreadsheet(path) and suffix not in (".csv", ".txt"):
        raise ListFileError.coded("screening.file_type", file=path.name)
    try:
        total, lines = _spreadsheet_lines(path) if is_spreadsheet(path) else _csv_lines(path)
        return _sheet(path, total, lines, progress, should_stop)
    except SpreadsheetUnreadable as exc:
        raise ListFileError.coded("screening.file_damaged", file=path.name, detail=str(exc)) from None
    except OSError as exc:
        raise ListFileError.coded("screening.file_unreadable", file=path.name, reason=exc.strerror or str(exc)) from exc


def _sheet(path: Path, total: int, lines, progress, should_stop) -> Sheet:
    head: list[tuple[int, list]] = []
    it = iter(lines)
    for line, cells in it:
        head.append((line, cells))
        if len(head) >= HEADER_SCAN:
            break
    candidates = [(sum(recognise(c) is not None for c in cells), -i) for i, (_, cells) in enumerate(head)]
    filled = [i for i, (_, cells) in enumerate(head) if any(_present(c) for c in cells)]
    if not filled:
        raise ListFileError.coded("screening.file_empty", file=path.name)
    best = max(candidates)
    index = -best[1] if best[0] > 0 else filled[0]
    header_line, header_cells = head[index]
    headers = [_text(c) for c in header_cells]
    while headers and not headers[-1]:
        headers.pop()
    sheet = Sheet(path, headers, header_line)
    width = len(headers)
    for line, cells in _chain(head[index + 1:], it):
        if any(_present(c) for c in cells):
            sheet.rows.append((line, list(cells[:width]) + [None] * (width - len(cells))))
        if line % 2000 == 0:
            if should_stop and should_stop():
                raise Cancelled.coded("screening.cancelled")
            if progress:
                progress(line, max(total, line))
    return sheet


def _chain(first, rest):
    yield from first
    yield from rest


def _present(value) -> bool:
    return value is not None and str(value).strip() != ""


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _spreadsheet_lines(path: Path):
    rows = first_sheet(path)
    return len(rows) or 1, enumerate(rows, start=1)


def _csv_lines(path: Path):
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Excel saves Chinese CSV as GBK by default
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ListFileError.coded("screening.file_encoding", file=path.name)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return text.count("\n") + 1, enumerate(reader, start=1)


def cell_date(value) -> dt.date | None:
    """A date cell as the spreadsheet reader gives it (datetime/date), else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None
