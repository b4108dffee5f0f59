"""The worklist's selected cases given a new follow-up day, or a letter each, in one go (#17 item
1): one question, one transaction, progress, the result said in the person's language; a case
without anything to move refuses the whole move; a letter that cannot print is listed with why."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel
from sqlalchemy import select

from app import clock
from app.followups import FollowupService
from app.letters.batch import print_batch
from app.letters.kinds import KINDS
from app.worklist import Worklist
from db.models import Case
from db.models import Followup
from db.models import Letter
from db.models import Patient
from db.models import User
from tests.app import worklist_data as data
from ui.calendar import labels
from ui.worklist.bulk import bulk_menu
from ui.worklist.bulk import reschedule_dialog
from ui.worklist.bulk_letters import BulkLettersDialog
from ui.worklist.view import WorklistPage

SAT, MON = dt.date(2026, 11, 28), dt.date(2026, 11, 30)


@pytest.fixture(params=["zh_CN", "en"])
def page(request, qtbot, translations, profile):
    translations.set_language(request.param)
    clock.pin(dt.datetime.combine(data.TODAY, dt.time(4), tzinfo=dt.timezone.utc))
    ids = data.load(profile)
    profile.store.user_id = ids["me"]
    p = WorklistPage(profile, Worklist(profile.sessions))
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitUntil(lambda: p.model.rowCount() == 5)
    yield p, ids, request.param
    clock.pin(None)


def select_rows(page, rows):
    sel = page.table.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(page.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def plan_for(profile, case_ids, method_of):
    service = FollowupService(profile)
    out = {}
    with profile.sessions() as s:
        cases = {cid: s.get(Case, cid).patient_id for cid in case_ids}
    for n, (cid, pid) in enumerate(cases.items()):
        out[cid] = service.create(pid, cid, data.TODAY + dt.timedelta(days=2), method_of(n))
    return out


def test_the_menu_offers_every_bulk_action(page):
    p, _ids, lang = page
    select_rows(p, [0, 1])
    texts = [a.text() for a in bulk_menu(p, p.selected_case_ids()).actions()]
    if lang == "zh_CN":
        assert texts[2:] == ["为 2 个个案改期下一次随访…", "为 2 个个案打印信函…"]
    else:
        assert texts[2:] == ["Reschedule the next follow-up of 2 case(s)…", "Print letters for 2 case(s)…"]


def test_the_selected_cases_next_follow_ups_move_to_one_day(qtbot, page):
    p, _ids, lang = page
    select_rows(p, [0, 2, 3])
    chosen = p.selected_case_ids()
    fids = plan_for(p.profile, chosen, lambda n: "clinic" if n == 0 else "phone")
    dialog = reschedule_dialog(p, chosen)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setDate(labels.qdate(SAT))
    assert "2026-11-30" in dialog.note.text()  # before anyone presses Move: where clinic visits go
    with qtbot.waitSignal(dialog.finished_work, timeout=10000) as done:
        dialog.start()
    assert isinstance(done.args[0], list) and dialog.isVisible()  # it stays to say what moved
    with p.profile.sessions() as s:
        due = {cid: s.get(Followup, fid).due_date for cid, fid in fids.items()}
    assert due == {chosen[0]: MON, chosen[1]: SAT, chosen[2]: SAT}
    assert dialog.message.text() == (
        "3 条随访已改到 2026-11-28；其中 1 个门诊改在 2026-11-30（2026-11-28 门诊不开）。" if lang == "zh_CN" else
        "3 follow-up(s) moved to 2026-11-28; 1 clinic visit(s) of them to 2026-11-30 instead (the clinic is closed on 2026-11-28).")


def test_a_case_with_nothing_to_move_refuses_the_whole_move(qtbot, page):
    p, _ids, lang = page
    select_rows(p, [0, 1, 4])
    chosen = p.selected_case_ids()
    fids = plan_for(p.profile, chosen[:2], lambda n: "phone")  # the third has no follow-up
    dialog = reschedule_dialog(p, chosen)
    qtbot.addWidget(dialog)
    dialog.date.setDate(labels.qdate(SAT))
    with qtbot.waitSignal(dialog.finished_work, timeout=10000) as done:
        dialog.start()
    assert isinstance(done.args[0], Exception)
    words = dialog.message.text()
    assert ("所选个案中有 1 个没有可改期的随访" in words) if lang == "zh_CN" else \
        ("1 of the selected cases have no open follow-up to move" in words)
    with p.profile.sessions() as s:
        assert {s.get(Followup, f).due_date for f in fids.values()} == {data.TODAY + dt.timedelta(days=2)}


def test_one_pdf_of_the_selected_cases_letters(qtbot, page, tmp_path):
    p, ids, lang = page
    select_rows(p, [0, 1, 2])
    chosen = p.selected_case_ids()
    plan_for(p.profile, chosen, lambda n: "phone")
    with p.profile.sessions.begin() as s:  # two of the three have a postal address
        for cid in chosen[:2]:
            patient = s.get(Patient, s.get(Case, cid).patient_id)
            patient.address, patient.community_id = "新城街道幸福路 8 号", ids["stations"][0]
        s.get(User, ids["me"]).phone = "0571-88880001"
        missing = s.get(Patient, s.get(Case, chosen[2]).patient_id).name
    dialog = BulkLettersDialog(p, chosen)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.kind.currentData() == "followup_reminder"
    out = tmp_path / "reminders.pdf"
    with qtbot.waitSignal(dialog.finished_work, timeout=20000) as done:
        dialog.save_pdf(out)
    result = done.args[0]
    assert len(result.printed) == 2 and len(result.skipped) == 1
    assert out.read_bytes().startswith(b"%PDF")
    with p.profile.sessions() as s:
        assert len(list(s.scalars(select(Letter.id).where(Letter.id.in_(result.letter_ids))))) == 2
    text = dialog.message.text()
    assert missing in text
    assert ("已将 2 封信函" in text and "跳过 1 封" in text) if lang == "zh_CN" else ("Saved 2 letters" in text)


def test_cancelling_a_letters_batch_leaves_no_file_and_no_record(qtbot, page, tmp_path):
    p, ids, lang = page
    select_rows(p, [0, 1])
    chosen = p.selected_case_ids()
    plan_for(p.profile, chosen, lambda n: "phone")
    with p.profile.sessions.begin() as s:
        for cid in chosen:
            patient = s.get(Patient, s.get(Case, cid).patient_id)
            patient.address, patient.community_id = "新城街道幸福路 8 号", ids["stations"][0]
        s.get(User, ids["me"]).phone = "0571-88880001"
    dialog = BulkLettersDialog(p, chosen)
    qtbot.addWidget(dialog)
    out = tmp_path / "cancelled.pdf"
    prepare = dialog._prepare_fn()

    def job():  # Cancel pressed while the letters are laid out: the worker sees it at the next letter
        prepared = prepare()
        dialog._stop.set()
        return print_batch(p.profile, KINDS["followup_reminder"], out, prepared=prepared,
                           progress=dialog._relay.moved.emit, cancelled=dialog._stop.is_set)
    with qtbot.waitSignal(dialog.finished_work, timeout=20000) as done:
        dialog._start(job)
    assert done.args[0].cancelled and not out.exists()
    with p.profile.sessions() as s:
        assert s.scalar(select(Letter.id)) is None
    assert dialog.message.text() == ("已取消：未打印，也未留下打印记录。" if lang == "zh_CN" else
                                     "Cancelled: nothing was printed or recorded.")
