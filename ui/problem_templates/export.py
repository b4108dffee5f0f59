"""Export problems (app/sheets.py: the worklist and dashboard as CSV or xlsx)."""
from __future__ import annotations

ENGLISH = {
    "export.format": "Export to a .csv or .xlsx file, not \"{suffix}\".",
    "export.cannot_write": "Cannot write {file}: {reason}. Choose another folder or close the file in "
                           "the spreadsheet program.",
}
