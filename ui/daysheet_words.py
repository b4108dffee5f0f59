"""The words of a day sheet in one language, without Qt: the window (in its language) and
`main.py daysheet` (in --lang or the locale) print the same sheet the same way.

app/daysheets.py holds no words; it asks these for titles, column titles and vocabulary by
code. The templates and terms are in ui/problem_templates/daysheet.py (Chinese in
resources/i18n/casedesk_problems_daysheet_zh_CN.ts); cancer types, stages and the worklist's
column titles are the exports' words (ui/sheet_words.py).
"""
from __future__ import annotations

from ui.sheet_words import SheetWords
from ui.sheet_words import sheet_words

SHEETS = ("calls", "visits", "chase", "worklist")


def daysheet_words(language: str | None = None) -> SheetWords:
    """Words in `language`, or in the one the window or the CLI set (ui.problem_words).
    Kinds not in the exports' table (ds_outcome, ds_method) are term kinds themselves."""
    return sheet_words(language)


def sheet_name(kind: str, language: str | None = None) -> str:
    """"Call list" / "电话随访清单": the sheet's name in a menu or a report."""
    return daysheet_words(language).term("ds_sheet", kind)
