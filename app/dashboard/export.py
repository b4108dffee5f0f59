"""The dashboard as a table (CSV with BOM for Excel, or xlsx): one row for the area, one
per station, one per case manager; rates with their numerator and denominator so the
figures can be checked. An export is an audited access."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any

from app.dashboard import Dashboard
from app.dashboard.metrics import KEYS
from app.dashboard.metrics import RATES
from app.sheets import export_format
from app.sheets import write_table

if TYPE_CHECKING:  # only for the annotation: the worklist export is not needed here
    from app.export import SheetWords


def table(board: Dashboard, words: SheetWords) -> list[list]:
    header = [words.term("figure", "scope"), words.term("figure", "name")]
    for key in KEYS:
        name = words.term("figure", key)
        header.append(name)
        if key in RATES:
            header += [words.say("sheets.numerator", figure=name), words.say("sheets.denominator", figure=name)]
    rows: list[list[Any]] = [header]
    scopes = [("all", board.overall)] + [("station", f) for f in board.by_station] + [("cm", f) for f in board.by_cm]
    for scope, figures in scopes:
        row: list[Any] = [words.term("scope", scope), figures.label or words.term("scope", "all")]
        for key in KEYS:
            f = figures[key]
            if key in RATES:
                row += ["" if f.value is None else round(f.value * 100, 1), f.numerator, f.denominator]
            else:
                row.append("" if f.value is None else f.value)
        rows.append(row)
    return rows


def export_dashboard(store, board: Dashboard, path: Path, *, words: SheetWords) -> int:
    """Headers and scope names in the language of `words` (ui/sheet_words.py)."""
    path = Path(path)
    fmt = export_format(path)
    rows = table(board, words)
    write_table(path, words.term("sheet", "dashboard"), rows)  # names are text: never a formula
    p = board.period
    store.record_access("export", detail={"format": fmt[1:], "what": "dashboard", "rows": len(rows) - 1,
                                          "file": path.name, "since": str(p.since or ""), "until": str(p.until or "")})
    return len(rows) - 1
