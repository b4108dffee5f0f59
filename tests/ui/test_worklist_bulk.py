"""The worklist's rows selected together and handed to a case manager, or given a task, in
one go (#17 item 1): one dialog, progress, the list refreshed; Chinese words."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel

from app import clock
from app.worklist import Worklist
from db.models import Case
from tests.app import worklist_data as data
from ui.worklist.view import WorklistPage


@pytest.fixture
def page(qtbot, translations, profile):
    clock.pin(dt.datetime.combine(data.TODAY, dt.time(4), tzinfo=dt.timezone.utc))
    ids = data.load(profile)
    p = WorklistPage(profile, Worklist(profile.sessions))
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitUntil(lambda: p.model.rowCount() == 5)
    yield p, ids
    clock.pin(None)


def select_rows(page, rows):
    sel = page.table.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(page.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_selected_rows_go_to_one_case_manager_in_one_go(qtbot, page):
    from ui.worklist.bulk import BulkDialog
    from ui.worklist.bulk import bulk_menu

    p, ids = page
    select_rows(p, [0, 2, 3])
    chosen = p.selected_case_ids()
    assert len(chosen) == 3
    menu = bulk_menu(p, chosen)
    assert [a.text() for a in menu.actions()][:2] == ["为 3 个个案分派个案管理师…", "为 3 个个案添加任务…"]
    dialog = BulkDialog(p, chosen, "assign")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choice.setCurrentIndex(dialog.choice.findData(ids["me"]))
    with qtbot.waitSignal(dialog.finished_work, timeout=10000) as done:
        dialog.start()
    assert 1 <= done.args[0] <= 3  # a case already theirs is left as it is
    with p.profile.sessions() as s:
        owners = {s.get(Case, cid).community_cm_id for cid in chosen}
    assert owners == {ids["me"]}


def test_a_task_for_each_selected_row(qtbot, page):
    from ui.worklist.bulk import BulkDialog

    p, ids = page
    select_rows(p, [1, 4])
    chosen = p.selected_case_ids()
    before = {cid: p.model.row_data(p.model.row_of(cid)).open_tasks for cid in chosen}
    dialog = BulkDialog(p, chosen, "task")
    qtbot.addWidget(dialog)
    dialog.choice.setCurrentIndex(dialog.choice.findData("home_visit"))
    with qtbot.waitSignal(dialog.finished_work, timeout=10000) as done:
        dialog.start()
    assert done.args[0] == 2
    with p.profile.sessions() as s:
        assert {cid: s.get(Case, cid).open_tasks for cid in chosen} == {c: n + 1 for c, n in before.items()}
