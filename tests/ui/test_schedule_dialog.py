"""安排随访 from the patient window: the rule's date or one's own; a Sunday for a clinic visit
is asked about before it goes to Monday; a home visit keeps its Saturday; both languages."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app import clock
from db.models import Followup
from tests.app.test_followups import seed
from ui.patient.schedule_dialog import ScheduleDialog

SATURDAY, SUNDAY, MONDAY = dt.date(2026, 11, 21), dt.date(2026, 11, 22), dt.date(2026, 11, 23)
SHOTS = Path("/tmp/shots")
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def world(profile, translations):
    ids = seed(profile)
    translations.set_language("en")
    yield profile, ids
    clock.pin(None)


def make(qtbot, profile, ids, name="李四"):
    dialog = ScheduleDialog(profile, ids[name][0])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def followups(profile, patient_id):
    with profile.sessions() as s:
        return [(f.due_date, f.method, f.rule_id) for f in s.scalars(
            select(Followup).where(Followup.patient_id == patient_id))]


def answer(qtbot, dialog, move: bool) -> list[str]:
    """Click one of the day-off question's buttons as soon as it shows; returns its text."""
    seen = []

    def click():
        box = dialog.confirmation
        if box is None:
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        SHOTS.mkdir(exist_ok=True)
        box.grab().save(str(SHOTS / "schedule_confirm.png"))
        buttons = box.buttons()
        accept = [b for b in buttons if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
        reject = [b for b in buttons if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole]
        (accept if move else reject)[0].click()

    QTimer.singleShot(0, click)
    return seen


def test_the_rule_date_is_offered_with_its_story_and_saved_with_its_rule(qtbot, world):
    profile, ids = world
    dialog = make(qtbot, profile, ids)
    suggestion = dialog.suggestion
    assert dialog.use_rule.isChecked() and suggestion.date.isoformat() in dialog.use_rule.text()
    assert suggestion.rule_id and suggestion.rule_id in dialog.rule_story.toPlainText()
    assert dialog.save() and dialog.confirmation is None
    assert followups(profile, ids["李四"][0]) == [(suggestion.date, "phone", suggestion.rule_id)]


def test_a_sunday_for_a_clinic_visit_asks_first_and_then_goes_to_monday(qtbot, world):
    profile, ids = world
    pid = ids["李四"][0]
    dialog = make(qtbot, profile, ids)
    dialog.choose("clinic", SUNDAY)
    assert dialog.day_note.isVisible() and "2026-11-23 (Mon)" in dialog.day_note.text()
    asked = answer(qtbot, dialog, move=False)
    assert dialog.save() is False  # "Choose another day": nothing written, the dialog stays
    assert asked and "2026-11-22 (Sun) is not a working day" in asked[0] and "2026-11-23 (Mon)" in asked[0]
    assert followups(profile, pid) == [] and not dialog.result()
    answer(qtbot, dialog, move=True)
    assert dialog.save() is True
    assert followups(profile, pid) == [(MONDAY, "clinic", None)]
    assert dialog.scheduled.placement.moved and dialog.scheduled.placement.asked == SUNDAY


def test_a_home_visit_may_stay_on_a_saturday(qtbot, world):
    profile, ids = world
    dialog = make(qtbot, profile, ids)
    dialog.choose("home", SATURDAY)
    assert "may be on it" in dialog.day_note.text()
    assert dialog.save() and dialog.confirmation is None
    assert followups(profile, ids["李四"][0]) == [(SATURDAY, "home", None)]


def _texts(dialog) -> list[str]:
    out = [dialog.windowTitle()]
    for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
        out.append(w.text())
    for combo in dialog.findChildren(QComboBox):
        out += [combo.itemText(i) for i in range(combo.count())]
    out += [e.placeholderText() for e in dialog.findChildren(QLineEdit)]
    return [t for t in out if t]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_dialog_reads_in_one_language(qtbot, world, translations, language):
    profile, ids = world
    translations.set_language(language)
    dialog = make(qtbot, profile, ids)
    dialog.choose("clinic", SUNDAY)
    answer(qtbot, dialog, move=False)
    dialog.save()
    Path(SHOTS / "schedule_confirm.png").rename(SHOTS / f"schedule_confirm_{language}.png")
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / f"schedule_{language}.png"))
    texts = _texts(dialog)
    if language == "en":
        assert [t for t in texts if CJK.search(t) and "李四" not in t] == []
    else:
        # The rule's story (ui/due_words, tested there) names rule ids and data files as they are.
        story = dialog.rule_story.toPlainText()
        leftovers = [t for t in texts if LATIN_WORD.search(t.replace("CT", ""))]
        assert leftovers == [] and CJK.search(story), leftovers
        assert "门诊只在工作日" in dialog.day_note.text()


def test_the_patient_window_action_opens_the_dialog(qtbot, make_window, profile):
    from ui.workspace import Workspace

    ids = seed(profile)
    try:
        ws = Workspace(make_window(profile))
        w = ws.open_patient(ids["李四"][0])
        action = w.view.action_schedule_followup
        assert action.isEnabled() and action.text() == "安排随访"
        dialog = ws._schedule_followup(w, ids["李四"][0])
        assert isinstance(dialog, ScheduleDialog) and dialog.windowTitle() == "为李四安排随访"
        dialog.close()
        w.close()
    finally:
        clock.pin(None)


def test_the_letters_page_says_a_clinic_visit_prints_on_the_next_working_day(qtbot, profile, translations):
    from app.letters.kinds import KINDS
    from app.letters.prepare import prepare
    from tests.app.test_schedule import sunday_letters
    from ui.letters.page import LettersPage

    clock.pin(dt.datetime(2026, 11, 18, 2, 0, tzinfo=dt.timezone.utc))
    try:
        sunday_letters(profile)
        page = LettersPage(profile)
        qtbot.addWidget(page)
        page._list(prepare(profile, KINDS["followup_reminder"], dt.date(2026, 11, 16), SUNDAY))
        rows = {page.tree.topLevelItem(i).text(0): page.tree.topLevelItem(i)
                for i in range(page.tree.topLevelItemCount())}
        assert rows["王秀英"].text(1) == "2026-11-23"
        assert rows["王秀英"].text(2).endswith("2026-11-22（周日）→ 2026-11-23（周一）（门诊只在工作日）")
        assert rows["李建国"].text(1) == "2026-11-21" and "工作日" not in rows["李建国"].text(2)
    finally:
        clock.pin(None)


def test_rescheduling_a_clinic_visit_to_a_sunday_in_the_calendar_asks_first(qtbot, world):
    from app.followups import FollowupService
    from ui.calendar.reschedule_dialog import RescheduleDialog

    profile, ids = world
    service = FollowupService(profile)
    pid, cid = ids["李四"]
    fid = service.create(pid, cid, dt.date(2026, 11, 19), "clinic")
    dialog = RescheduleDialog(service, service.rows([fid])[fid])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setDate(dialog.date.date().addDays(3))  # Thursday → Sunday 22 November
    answer(qtbot, dialog, move=False)
    assert dialog.save() is False
    assert "working days only" in dialog.error.text() and dialog.error.isVisible()
    assert followups(profile, pid) == [(dt.date(2026, 11, 19), "clinic", None)]
    answer(qtbot, dialog, move=True)
    assert dialog.save() is True
    assert followups(profile, pid) == [(MONDAY, "clinic", None)]
