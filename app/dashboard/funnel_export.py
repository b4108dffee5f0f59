"""The funnel as a table (xlsx or CSV with BOM): one row for the chosen scope, one per programme and
one per station, each step's count, conversion (%) and median days, the 90-day loop closure;
then 随访率 and 随访及时率 for the scope, per station and per case manager. Numbers are numbers,
words are text (never a formula: app/sheets.py). An export is an audited access."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any

from app.dashboard.funnel import STEPS
from app.dashboard.funnel import FollowupRate
from app.dashboard.funnel import Funnel
from app.dashboard.funnel import FunnelBoard
from app.sheets import export_format
from app.sheets import write_table

if TYPE_CHECKING:  # only for the annotation
    from app.export import SheetWords


def _pct(value: float | None) -> Any:
    return "" if value is None else round(value * 100, 1)


def _funnel_rows(board: FunnelBoard, words: SheetWords) -> list[list[Any]]:
    header = [words.term("figure", "scope"), words.term("figure", "name"), words.term("ex_funnel", "programme")]
    for key in STEPS:
        name = words.term("ex_funnel", key)
        header.append(name)
        if key != STEPS[0]:
            header += [words.say("dashboard.funnel_conversion", step=name), words.say("dashboard.funnel_median", step=name)]
    header += [words.term("ex_funnel", k) for k in ("loop_met", "loop_due", "loop_rate", "loop_pending")]
    everything = words.term("scope", "all")

    def row(scope: str, name: str, f: Funnel) -> list[Any]:
        out: list[Any] = [scope, name or everything, words.term("cancer", f.programme) if f.programme else everything]
        for step in f.steps:
            out.append(step.count)
            if step.key != STEPS[0]:
                out += [_pct(step.conversion), "" if step.median_days is None else step.median_days]
        return out + [f.loop_met, f.loop_due, _pct(f.loop_rate), f.loop_pending]

    rows = [header, row(words.term("scope", "all"), board.overall.label, board.overall)]
    rows += [row(words.term("ex_funnel", "programme"), "", f) for f in board.by_programme]
    rows += [row(words.term("scope", "station"), f.label, f) for f in board.by_station]
    return rows


def _followup_rows(board: FunnelBoard, words: SheetWords) -> list[list[Any]]:
    header = [words.term("figure", "scope"), words.term("figure", "name")]
    header += [words.term("ex_funnel", k) for k in ("fu_due", "fu_done", "fu_rate", "fu_timely", "fu_timely_rate")]

    def row(scope: str, r: FollowupRate) -> list[Any]:
        return [scope, r.label or words.term("scope", "all"), r.due, r.done, _pct(r.rate), r.timely,
                _pct(r.timely_rate)]

    rows = [header, row(words.term("scope", "all"), board.followups_overall)]
    rows += [row(words.term("scope", "station"), r) for r in board.followups_by_station]
    rows += [row(words.term("scope", "cm"), r) for r in board.followups_by_cm]
    return rows


def table(board: FunnelBoard, words: SheetWords) -> list[list[Any]]:
    """The funnel section, an empty row, the follow-up section (each with its own header)."""
    return _funnel_rows(board, words) + [[]] + _followup_rows(board, words)


def export_funnel(store, board: FunnelBoard, path: Path, *, words: SheetWords) -> int:
    """Write the table; the number of data rows (headers and the empty row not counted)."""
    path = Path(path)
    fmt = export_format(path)
    rows = table(board, words)
    write_table(path, words.term("ex_funnel", "sheet"), rows)
    q = board.query
    n = len(rows) - 3
    store.record_access("export", detail={"format": fmt[1:], "what": "funnel", "rows": n, "file": path.name,
                                          "programme": q.programme or "", "station": q.station_id or "",
                                          "since": str(q.period.since or ""), "until": str(q.period.until or "")})
    return n
