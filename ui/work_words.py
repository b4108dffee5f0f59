"""A case's work (app/tasks.py WorkItem) in the reader's language, for lists and headers."""
from __future__ import annotations

from app.problems import Problem
from app.tasks import WorkItem
from ui.problem_words import words


def work_words(item: WorkItem | None) -> str:
    if item is None:
        return ""
    return words(Problem(item.code, None, item.params))


def work_summary(item: WorkItem | None, open_count: int) -> str:
    """The work due first, and how many more are open: "电话随访（另2项）"."""
    text = work_words(item)
    if item is None or open_count <= 1:
        return text
    return words(Problem("work.more", None, {"text": text, "more": open_count - 1}))
