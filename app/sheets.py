"""Tables written for people to open in Excel/WPS/LibreOffice: CSV and xlsx that never carry
a formula.

Cells hold what people typed on any desktop of the network (a case's next action, a name),
and a spreadsheet runs a cell that looks like a formula: `=HYPERLINK("http://…","click")`
typed on one desktop became a live link, or worse (DDE), in another person's export.

- xlsx: every text cell is written as a string cell (`t="inlineStr"`), never `<f>`;
  a text that starts like a formula also gets Excel's own quote-prefix style, the one a
  person gets by typing a leading ', so editing the cell later does not turn it into one.
- CSV has no cell types, so OWASP's advice (CSV Injection) applies: a text cell that starts
  with = + - @, a tab or a carriage return is prefixed with a single quote ' and otherwise
  kept intact, and every text cell is quoted, so a ; or , inside it cannot split off a new
  cell that starts with = in a spreadsheet whose list separator differs.
  Numbers (int/float, the dashboard's figures) are written as numbers: a number is never a
  formula, so a negative figure stays -3 and sorts and sums as a number.
  A phone number typed as "+86 138…" in a text field becomes "'+86 138…": without the quote
  Excel would evaluate it (space is its intersection operator: #NULL!), or read
  "+8613800001234" as 8.6E+12.
"""
from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from collections.abc import Sequence
from pathlib import Path

from app.problems import refuse

FORMATS = (".csv", ".xlsx")
# OWASP's list of characters a spreadsheet may read as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Leading spaces (ASCII and ideographic) are looked through: some importers trim them.
_LEAD = " \u3000"


def looks_like_formula(text: str) -> bool:
    return text.lstrip(_LEAD).startswith(FORMULA_START)


def csv_cell(value):
    """The value as a CSV cell: numbers as they are, text neutralised (see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    return "'" + text if looks_like_formula(text) else text


def export_format(path: Path) -> str:
    """".csv" or ".xlsx" by the file's suffix; anything else is refused before any work."""
    fmt = Path(path).suffix.lower()
    if fmt not in FORMATS:
        raise refuse("export.format", "file", suffix=Path(path).suffix or Path(path).name)
    return fmt


def write_table(path: Path, sheet: str, rows: Iterable[Sequence]) -> None:
    """Write rows (the first is the header) as CSV (UTF-8 with BOM, so Excel shows Chinese)
    or xlsx by suffix. Written to a temporary file and renamed, so a failed export never
    leaves half a file."""
    path = Path(path)
    fmt = export_format(path)
    tmp = path.with_name(path.name + ".part")
    try:
        if fmt == ".csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                # QUOTE_NONNUMERIC: every text cell in quotes, numbers bare (read as numbers).
                writer = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC)
                for row in rows:
                    writer.writerow([csv_cell(v) for v in row])
        else:
            _write_xlsx(tmp, sheet, rows)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise refuse("export.cannot_write", "file", file=str(path), reason=exc.strerror or str(exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write_xlsx(path: Path, sheet: str, rows: Iterable[Sequence]) -> None:
    # local: openpyxl is loaded only when someone writes an xlsx (the CLI and window start faster)
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)

    def cell(value):
        if value is None or isinstance(value, (bool, int, float)):
            return value
        # XML cannot hold most control characters; openpyxl would refuse the whole export.
        text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
        if not looks_like_formula(text):
            return text  # openpyxl writes other text as an inline string cell
        c = WriteOnlyCell(ws, value=text)
        c.data_type = "s"  # openpyxl infers a formula from a leading "=": say it is text
        c.quotePrefix = True
        return c

    for row in rows:
        ws.append([cell(v) for v in row])
    wb.save(path)
