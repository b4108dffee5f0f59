"""The words of an exported sheet in one language — without Qt, so the window (in its
language) and the CLI (in --lang or the locale) export the same sheet the same way.

app/export.py and app/dashboard/export.py hold no words: they take a `SheetWords` and ask it
for a header, a vocabulary cell or a sheet name by code (templates and terms in
ui/problem_templates/sheets.py, Chinese in resources/i18n/casedesk_problems_sheets_zh_CN.ts).
"""
from __future__ import annotations

from dataclasses import dataclass

from app.problems import Problem
from ui import problem_words

# Vocabulary kinds the exports ask for → the term kind that words them.
KINDS = {"cancer": "tl_cancer", "stage": "ex_stage", "risk": "ex_risk", "sync": "ex_sync", "sex": "ex_sex",
         "flag": "ex_flag", "column": "ex_col", "sheet": "ex_sheet", "figure": "ex_dash", "scope": "ex_scope"}


@dataclass(frozen=True)
class SheetWords:
    language: str

    def term(self, kind: str, value: str) -> str:
        """A code in words ("stage", "screen" → "Screening" / "筛"); an unknown code as it is."""
        return problem_words.term(KINDS.get(kind, kind), value, self.language)

    def say(self, code: str, **params) -> str:
        """A composed cell or header ("sheets.numerator", figure=…)."""
        return problem_words.words(Problem(code, None, params), self.language)


def sheet_words(language: str | None = None) -> SheetWords:
    """Words in `language`, or in the one the window or the CLI set (ui.problem_words)."""
    return SheetWords(language or problem_words.language())
