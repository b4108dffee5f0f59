"""A 下转's handover in the form and a report attached, opened and removed from the board,
under pytest-qt, in Chinese and in English."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app.referrals import ReferralService
from app.rulebook.attachments import MAX_BYTES
from db.models import Referral
from db.models import ReferralAttachment
from tests.app.test_referrals import seed
from tests.app.test_referrals import up_form
from tests.conftest import need_component
from tests.e2e.test_referral_reports import pathology_pdf
from ui.patient.referral_dialog import ReferralDialog
from ui.referrals.board import ReferralBoard


@pytest.fixture
def world(profile, translations):
    ids = seed(profile)  # clock pinned: Wednesday 2026-11-18, noon in China
    profile.settings.set("user.id", ids["me"])
    service = ReferralService(profile)
    sent = service.save(up_form(service, ids), send=True)
    yield profile, ids, service, sent
    clock.pin(None)


def test_a_down_referral_asks_for_its_handover_beside_each_field(qtbot, world):
    profile, ids, service, _sent = world
    profile.store.user_id = ids["ward"]  # the county centre sends 李四 home
    dialog = ReferralDialog(profile, ids["李四"][0], direction="down")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.handover.isVisible() and dialog.handover.title() == "下转交接（社区）"
    dialog.reason.setPlainText("术后康复期，转社区随访")
    dialog.send_button.click()
    assert "出院小结" in dialog.errors["discharge_summary"].text()
    assert "康复指导" in dialog.errors["rehab_instructions"].text()
    assert not dialog.errors["treatment_plan"].text()  # optional
    assert dialog.discharge_summary.hasFocus() and not dialog.discharge_summary.visibleRegion().isEmpty()
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 3  # nothing saved
    dialog.discharge_summary.setPlainText("右肺上叶切除术后第7天出院")
    dialog.rehab_instructions.setPlainText("呼吸功能锻炼；两周后门诊复查")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.send_button.click()
    view = service.get(saved.args[0])
    assert (view.state, view.discharge_summary, view.rehab_instructions) == (
        "sent", "右肺上叶切除术后第7天出院", "呼吸功能锻炼；两周后门诊复查")
    # The dialog fits a 768-pixel-high screen: its fields scroll instead of growing it.
    assert dialog.height() <= 720


def test_an_up_referral_shows_no_handover_and_sends_none(qtbot, world):
    profile, ids, _service, _sent = world
    dialog = ReferralDialog(profile, ids["王五"][0])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.handover.isVisible()
    dialog.rehab_instructions.setPlainText("typed before switching")
    assert dialog.form().rehab_instructions == ""


@pytest.fixture
def board(qtbot, world):
    b = ReferralBoard(world[0])
    qtbot.addWidget(b)
    b.resize(1300, 700)
    b.show()
    qtbot.waitExposed(b)
    b.tabs.setCurrentIndex(1)  # outgoing
    qtbot.waitUntil(lambda: b.model.rowCount() == 2)
    return b


def select_sent(board, sent) -> None:
    for row in range(board.model.rowCount()):
        board.table.selectRow(row)
        if board.selected_id() == sent:
            return
    raise AssertionError("the sent referral is not on the board")


def test_a_report_is_attached_opened_and_removed_from_the_board(qtbot, board, world, tmp_path):
    if shutil.which("pdftotext") is None:
        need_component("pdftotext", "the opened report is read as a real PDF")
    profile, ids, service, sent = world
    select_sent(board, sent)
    reports = board.detail.reports
    assert reports.list.item(0).text() == "暂无附件报告" and not reports.open_button.isEnabled()
    report = tmp_path / "病理报告.pdf"
    report.write_bytes(pathology_pdf())
    assert reports.attach(str(report))
    assert reports.list.count() == 1 and reports.list.item(0).text().startswith("病理报告.pdf · ")
    opened = []
    reports.opener = lambda url: opened.append(url.toLocalFile()) or True
    reports.list.setCurrentRow(0)
    path = reports.open_selected()
    assert opened == [str(path)] and path.name == "病理报告.pdf"
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "病理诊断报告" in text
    assert reports.remove_selected(confirmed=True)
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(ReferralAttachment).where(
            ReferralAttachment.deleted_at.is_(None))) == 0


def test_an_oversized_report_is_refused_with_the_limit_in_the_persons_language(qtbot, board, world, tmp_path,
                                                                                translations):
    _profile, _ids, _service, sent = world
    select_sent(board, sent)
    big = tmp_path / "CT.pdf"
    with big.open("wb") as f:
        f.write(b"%PDF-1.4")
        f.truncate(MAX_BYTES + 1)
    reports = board.detail.reports
    assert not reports.attach(str(big))
    assert "CT.pdf" in reports.message.text() and "最大 10 MB" in reports.message.text()
    translations.set_language("en")
    board.retranslate()
    assert reports.attach_button.text() == "Attach report…"
    assert not reports.attach(str(big))
    assert "at most 10 MB" in reports.message.text()
