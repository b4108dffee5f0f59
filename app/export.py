"""Export of the visible worklist to CSV and xlsx. Every export is an audited access."""
from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from app.sheets import export_format
from app.sheets import write_table
from app.store import Store
from app.worklist import Filters
from app.worklist import Row
from app.worklist import Worklist

CHUNK = 1000
# Cells that are vocabulary codes, and the kind of words SheetWords gives them.
VOCABULARY = {"cancer_type": "cancer", "stage": "stage", "risk_level": "risk", "sync_state": "sync"}


class SheetWords(Protocol):
    """The words of a sheet in its reader's language (ui/sheet_words.py makes them): app/ holds
    codes only, so one export reads in English for one person and in Chinese for another."""

    def term(self, kind: str, value: str) -> str: ...

    def say(self, code: str, **params) -> str: ...


def cell(row: Row, key: str, words: SheetWords) -> str:
    """A plain-text cell; IDs and phones stay masked in exports as in lists."""
    if key == "sex_age":
        return words.say("sheets.sex_age", sex=row.sex, age=row.age)
    if key == "id_number":
        return row.masked_id
    if key in VOCABULARY:
        value = getattr(row, key)
        return words.term(VOCABULARY[key], value) if value else ""
    if key == "due_date":
        return row.due_date.isoformat() if row.due_date else ""
    if key == "next_action":
        return work_text(row.next_work, row.open_tasks, words)
    if key == "last_contact":
        return row.last_contact.astimezone().strftime("%Y-%m-%d %H:%M") if row.last_contact else ""
    if key in ("waiting_referral", "waiting_mdt"):
        return words.term("flag", "yes") if getattr(row, key) else ""
    return str(getattr(row, key) or "")


def work_text(item, open_count: int, words: SheetWords) -> str:
    """The work due first in words, and how many more are open ("… (+2)")."""
    if item is None:
        return ""
    text = words.say(item.code, **item.params)
    return words.say("work.more", text=text, more=open_count - 1) if open_count > 1 else text


def _rows(worklist: Worklist, ids: list[str], columns, words: SheetWords, progress):
    for start in range(0, len(ids), CHUNK):
        block = ids[start:start + CHUNK]
        rows = worklist.rows(block)
        for case_id in block:
            if case_id in rows:
                yield [cell(rows[case_id], key, words) for key in columns]
        if progress:
            progress(min(start + CHUNK, len(ids)), len(ids))


def export_worklist(store: Store, worklist: Worklist, path: Path, *, words: SheetWords,
                    filters: Filters = Filters(), sort: str = "due_date", descending: bool = False,
                    columns=None, progress: Callable[[int, int], None] | None = None) -> int:
    """Write the list as CSV or xlsx by suffix, never with a formula (app/sheets.py: names and
    next actions are typed on any desktop of the network); headers and vocabulary cells in
    the language of `words` (the window's, or the CLI's --lang)."""
    from app.worklist import COLUMNS

    columns = tuple(columns or COLUMNS)
    path = Path(path)
    fmt = export_format(path)
    ids = worklist.ids(filters, sort, descending)
    header = [words.term("column", k) for k in columns]
    write_table(path, words.term("sheet", "worklist"),
                itertools.chain([header], _rows(worklist, ids, columns, words, progress)))
    store.record_access("export", detail={"format": fmt[1:], "rows": len(ids), "file": path.name,
                                          "filters": {k: v for k, v in vars(filters).items() if v}})
    return len(ids)
