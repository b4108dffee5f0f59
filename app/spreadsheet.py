"""The first sheet of a spreadsheet (.xlsx, .xlsm, .xls, .ods) as rows of values.

One reader for every import (screening lists, the organisation tree, staff accounts):
python-calamine (Rust) reads 100,000 list rows in a fraction of the time a Python XML
reader needs, and also reads the .xls files older Excel and WPS still save and the .ods
files of LibreOffice. Rows are numbered as the spreadsheet numbers them: rows[0] is
row 1, even when the list starts lower down, so a message's "line 7" is the row the
person sees in Excel or WPS.
"""
from __future__ import annotations

from pathlib import Path

SUFFIXES = frozenset((".xlsx", ".xlsm", ".xls", ".ods"))


class SpreadsheetUnreadable(Exception):
    """Not a spreadsheet, or a damaged or password-protected one; str() is the reason."""


def is_spreadsheet(path: Path | str) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


def first_sheet(path: Path | str, max_rows: int | None = None) -> list[list]:
    """The first sheet's rows from row 1 (at most max_rows of them). Empty cells are None,
    whole numbers int (a phone typed into Excel is 13800000000, not 13800000000.0), date
    cells date or datetime, booleans bool, everything else str or float. A missing or
    unreadable file raises OSError with its strerror; anything calamine cannot follow
    raises SpreadsheetUnreadable."""
    from python_calamine import CalamineError
    from python_calamine import CalamineWorkbook

    path = Path(path)
    with path.open("rb"):  # a missing file or a directory is an OSError the caller words, not calamine's text
        pass
    try:
        book = CalamineWorkbook.from_path(str(path))
        try:
            if not book.sheet_names:
                return []
            rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False, nrows=max_rows)
        finally:
            book.close()
    except CalamineError as exc:
        raise SpreadsheetUnreadable(_reason(exc)) from None
    except BaseException as exc:
        # calamine panics on some damaged files; pyo3 turns that into a BaseException
        if type(exc).__name__ == "PanicException":
            raise SpreadsheetUnreadable(_reason(exc)) from None
        raise
    return [[_value(v) for v in row] for row in rows]


def _value(v):
    if v == "":
        return None
    if type(v) is float and v.is_integer():
        return int(v)
    return v


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:200] + "…") if len(text) > 200 else (text or exc.__class__.__name__)
