"""The referral board, the form and the MDT dialog under pytest-qt, in Chinese."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app.mdt import MdtService
from app.referrals import ReferralService
from db.models import Referral
from tests.app.test_referrals import seed
from tests.app.test_referrals import up_form
from tests.support import run_main
from ui import problem_words
from ui.patient.mdt_dialog import MdtDialog
from ui.patient.referral_dialog import ReferralDialog
from ui.referrals.board import ReferralBoard
from ui.referrals.model import CLOCK


@pytest.fixture
def world(profile, translations):
    ids = seed(profile)  # clock pinned: Wednesday 2026-11-18, noon in China
    profile.settings.set("user.id", ids["me"])  # a community case manager at station 0
    service = ReferralService(profile)
    sent = service.save(up_form(service, ids, green_channel=True), send=True)
    yield profile, ids, service, sent
    clock.pin(None)


@pytest.fixture
def board(qtbot, world):
    profile = world[0]
    b = ReferralBoard(profile)
    qtbot.addWidget(b)
    b.resize(1300, 600)
    b.show()
    qtbot.waitExposed(b)
    b.tabs.setCurrentIndex(1)  # outgoing
    qtbot.waitUntil(lambda: b.model.rowCount() == 2)  # ours and the caseload's undated one
    return b


def clock_text(b, row=0) -> str:
    return b.model.data(b.model.index(row, CLOCK))


def test_countdown_ticks_only_the_clock_cells_on_screen(qtbot, board, qtmodeltester):
    qtmodeltester.check(board.model)
    assert clock_text(board) == "剩余 24:00:00"
    changed = []
    board.model.dataChanged.connect(lambda a, b, roles: changed.append((a.row(), b.row(), a.column(), b.column())))
    clock.pin(clock.now() + dt.timedelta(seconds=61))
    board.tick()
    assert clock_text(board) == "剩余 23:58:59"
    first, last = board.visible_rows()
    assert changed == [(first, last, CLOCK, CLOCK)]
    assert "23:58:59" in board.detail.countdown.text() or board.selected_id() is None


def test_crossing_the_deadline_moves_the_referral_to_breached(qtbot, board, world):
    clock.pin(clock.now() + dt.timedelta(hours=24, seconds=1))
    with qtbot.waitSignal(board.loaded, timeout=5000):
        board.tick()
    assert board.counts["breached"] == 1 and clock_text(board).startswith("超时 00:00:01")
    assert board.tabs.tabText(2) == "已超时 (1)"
    board.table.selectRow(0)
    assert board.buttons["breach"].isEnabled() and not board.buttons["receive"].isVisible()


def test_code_lookup_selects_the_referral(qtbot, board, world):
    profile, ids, service, sent = world
    code = service.get(sent).short_code
    board.lookup.setText(code.lower())
    qtbot.keyClick(board.lookup, Qt.Key.Key_Return)
    assert board.selected_id() == sent and code in board.message.text()
    board.lookup.setText("ZZZZZZ")
    board.find_button.click()
    assert "没有编号为 ZZZZZZ" in board.message.text()


def test_form_shows_messages_next_to_fields_and_saves_nothing(qtbot, world):
    profile, ids, service, sent = world
    dialog = ReferralDialog(profile, ids["王五"][0])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.clinical_summary.toPlainText().startswith("76岁男，胃癌路径")
    dialog.send_button.click()
    assert dialog.errors["reason"].isVisible() and "请填写转诊原因" in dialog.errors["reason"].text()
    dialog.reason.setPlainText("胃镜示胃窦溃疡，病理待排")
    dialog.to_org.setCurrentIndex(-1)
    dialog.send_button.click()
    assert not dialog.errors["reason"].isVisible() and "请选择接诊机构" in dialog.errors["to_org_id"].text()
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 3  # nothing half-saved
    dialog.to_org.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.send_button.click()
    assert service.get(saved.args[0]).state == "sent"


def test_mdt_dialog_requests_books_and_decides(qtbot, world):
    profile, ids, service, sent = world
    dialog = MdtDialog(profile, ids["张三"][0])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.question.setPlainText("右上肺结节，是否手术？")
    dialog.save_button.click()
    assert "至少需要 2 个专科" in dialog.errors["specialties"].text()
    for check in dialog.specialties[:2]:
        check.setChecked(True)
    for check in dialog.checks.values():
        check.setChecked(True)
    dialog.save_button.click()
    assert dialog.view.state == "ready" and dialog.book_button.isEnabled()
    dialog.slots.setCurrentRow(0)
    dialog.book_button.click()
    assert dialog.view.state == "booked"
    session = MdtService(profile).slots()[0]
    assert session.starts_at == dialog.view.slot_at and session.free == session.capacity - 1
    dialog.decide_button.click()  # no plan chosen: nothing is preselected
    assert dialog.view.state == "booked" and dialog.errors["plan"].text()
    dialog.plan.setCurrentIndex(dialog.plan.findData("neoadjuvant_then_surgery"))
    dialog.decide_button.click()  # the session is still ahead
    assert dialog.view.state == "booked" and "会诊定于" in dialog.general.text() + dialog.errors["plan"].text()
    clock.pin(dialog.view.slot_at + dt.timedelta(hours=1))
    before = problem_words.language()
    problem_words.set_language("en")  # the plan's steps are worded in the reader's language, not the plan's Chinese
    try:
        dialog.decide_button.click()
    finally:
        problem_words.set_language(before)
    assert dialog.view.state == "decided" and "1. first cycle of neoadjuvant chemo-immunotherapy" in dialog.outcome.text()
    assert "新辅助化疗" not in dialog.outcome.text()


def test_the_referrals_bench_ends_with_its_json_line(tmp_path):
    done = run_main("bench", "referrals", "--referrals", "60", "--ticks", "3", "--data", str(tmp_path / "bench"),
                    env={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["open_referrals"] == 60 and figures["ticks"] == 3 and figures["tick_ms"] > 0


def test_print_slip_opens_the_preview_with_the_qr_code(qtbot, board, world):
    from ui.letters.single import LetterPreviewDialog
    board.table.selectRow(board.model.row_of(world[3]))
    assert board.buttons["slip"].isEnabled()
    board.buttons["slip"].click()
    dialog = board.findChild(LetterPreviewDialog)
    assert dialog is not None and dialog.prepared.ready[0].filled.qr == world[2].get(world[3]).short_code
    dialog.close()


def test_a_code_found_outside_the_list_shown_is_the_one_the_buttons_act_on(qtbot, board, world):
    profile, ids, service, sent = world
    board.tabs.setCurrentIndex(2)  # breached: empty, the referral is not in it
    qtbot.waitUntil(lambda: board.model.rowCount() == 0)
    board.lookup.setText(service.get(sent).short_code)
    board.find_button.click()
    assert board.selected_id() == sent and not board.table.selectionModel().hasSelection()
    assert board.buttons["slip"].isEnabled()  # the found one's buttons, not a stale row's
    board.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: board.model.rowCount() == 2)
    board.table.selectRow(board.model.row_of(sent) ^ 1)  # picking another row shows that one
    assert board.selected_id() not in (None, sent)


def test_an_irreversible_step_is_asked_for_and_can_be_undone_before_it_is_written(qtbot, board, world, monkeypatch):
    from tests.app.test_referrals import acting_as
    from ui.referrals import board as board_module

    profile, ids, service, sent = world
    monkeypatch.setattr(board_module, "UNDO_S", 1)
    with acting_as(profile, ids["ward"]):
        service.receive(sent)
        board._step("accept", sent, confirmed=False)  # "no" to the question: nothing held, nothing written
        assert board._pending is None and service.get(sent).state == "received"
        board._step("accept", sent, confirmed=True)
        assert board.undo_button.isVisible() and service.get(sent).state == "received"  # held, not written
        board.undo()
        assert service.get(sent).state == "received" and not board.undo_button.isVisible()
        board._step("accept", sent, confirmed=True)
        qtbot.waitUntil(lambda: service.get(sent).state == "accepted", timeout=5000)  # written when time is up
        assert not board.undo_button.isVisible()


def test_dates_on_the_board_show_the_year(board, world):
    from ui.referrals.model import COLUMNS

    profile, ids, service, sent = world
    row = board.model.row_of(sent)
    assert board.model.data(board.model.index(row, COLUMNS.index("sent"))).startswith("2026-11-18")


def test_a_second_open_referral_to_the_same_place_is_asked_about(qtbot, world):
    profile, ids, service, sent = world  # 张三 already has `sent`, open, to the same hospital
    dialog = ReferralDialog(profile, ids["张三"][0])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setPlainText("复查结节")
    code = service.get(sent).short_code
    with profile.sessions() as s:
        before = s.scalar(select(func.count()).select_from(Referral))
    assert dialog.submit(send=True, confirm_duplicate=False) is None  # "no": nothing saved, and said why
    assert code in dialog.general.text() and "已有一张" in dialog.general.text()
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == before
    rid = dialog.submit(send=True, confirm_duplicate=True)  # "yes, another one"
    assert rid is not None and service.get(rid).state == "sent"


def test_closed_and_cancelled_referrals_stay_visible_in_history(qtbot, board, world):
    profile, ids, service, sent = world
    service.cancel(sent, "患者改去市级医院")
    board.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: board.model.rowCount() == 1)  # gone from the open ones …
    assert board.model.row_of(sent) < 0
    board.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: board.model.row_of(sent) >= 0)  # … kept in the history
    assert board.tabs.tabText(3).startswith("历史")
    board.table.selectRow(board.model.row_of(sent))
    assert board.detail.isEnabled() and not board.buttons["cancel"].isVisible()  # nothing left to do on it
