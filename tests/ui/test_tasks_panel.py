"""The patient window's tasks (issue 16 item 1): every open task of the patient's cases,
added, finished, cancelled with a reason and moved from the window; finishing one leaves the
others; the worklist row follows."""
from __future__ import annotations

import datetime as dt

import pytest

from app import clock
from app.patients import PatientService
from app.worklist import Worklist
from tests.app import worklist_data as data
from ui import problem_words

NOON = dt.datetime(2026, 11, 18, 4, tzinfo=dt.timezone.utc)


@pytest.fixture
def window(qtbot, profile):
    from ui.patient.view import PatientView

    clock.pin(NOON)
    ids = data.load(profile)
    pid, cid = ids["张三"]
    w = PatientView(PatientService(profile.store), pid)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w, profile, cid
    clock.pin(None)


def shown(panel) -> list[tuple[str, str, str]]:
    return [(panel.tree.topLevelItem(i).text(0), panel.tree.topLevelItem(i).text(1),
             panel.tree.topLevelItem(i).text(3)) for i in range(panel.tree.topLevelItemCount())]


def add(panel, qtbot, text=None, step=None, due=None):
    dialog = panel.add_task()
    qtbot.waitExposed(dialog)
    if step is not None:
        dialog.what.setCurrentIndex(dialog.what.findData(step))
    else:
        dialog.what.setCurrentIndex(dialog.what.count() - 1)
        assert dialog.text.isEnabled()
        dialog.text.setText(text)
    if due is not None:
        dialog.due.setDate(due)
    assert dialog.save(), dialog.error.text()
    return dialog.task_id


def select(panel, words):
    for i in range(panel.tree.topLevelItemCount()):
        if panel.tree.topLevelItem(i).text(0) == words:
            panel.tree.setCurrentItem(panel.tree.topLevelItem(i))
            return
    raise AssertionError(f"{words!r} not in {shown(panel)}")


def test_three_tasks_added_finished_and_cancelled_from_the_window(window, qtbot, monkeypatch):
    w, profile, cid = window
    panel = w.tasks
    assert [s for _, _, s in shown(panel)] == ["open"] and panel.title.text() == "Tasks: 1 open"
    add(panel, qtbot, text="复印CT片", due=dt.date(2026, 11, 20))
    add(panel, qtbot, step="nutrition_assessment", due=dt.date(2026, 11, 25))
    add(panel, qtbot, text="联系家属", due=dt.date(2026, 12, 1))
    assert panel.title.text() == "Tasks: 4 open"
    select(panel, "Nutrition assessment")
    assert panel.done_button.isEnabled()
    assert panel.finish_selected()
    select(panel, "复印CT片")
    assert panel.cancel_selected("家属已带来")
    select(panel, "联系家属")
    assert panel.move_selected(dt.date(2026, 12, 3))
    rows = shown(panel)
    assert ("联系家属", "2026-12-03", "open") in rows
    assert ("Nutrition assessment", "2026-11-25", "done") in rows and ("复印CT片", "2026-11-20", "cancelled") in rows
    assert panel.title.text() == "Tasks: 2 open"
    row = Worklist(profile.sessions).rows([cid])[cid]
    assert row.open_tasks == 2


def test_an_empty_task_is_refused_in_words_and_nothing_is_saved(window, qtbot):
    w, profile, cid = window
    dialog = w.tasks.add_task()
    dialog.what.setCurrentIndex(dialog.what.count() - 1)
    dialog.text.setText("   ")
    assert not dialog.save()
    assert dialog.error.text() and dialog.isVisible()
    assert w.tasks.title.text() == "Tasks: 1 open"


def test_the_panel_words_work_in_the_readers_language(window):
    w, profile, cid = window
    problem_words.set_language("zh_CN")
    try:
        w.tasks.refresh()
        assert shown(w.tasks)[0][0] == "电话随访"
    finally:
        problem_words.set_language("en")
    w.tasks.refresh()
    assert shown(w.tasks)[0][0] == "Phone follow-up"
