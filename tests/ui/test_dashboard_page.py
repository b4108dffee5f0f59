"""The statistics page on the hand-built caseload: tiles, funnel chart and tables in
Chinese, a click listing the patients behind a number, a double-click opening one, the
export, and the workspace showing the page and opening patients from it."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app import clock
from tests.app.test_dashboard import caseload  # noqa: F401 - the hand-built caseload fixture
from ui.dashboard.page import DashboardPage


@pytest.fixture
def page(qtbot, translations, profile, caseload):  # noqa: F811
    clock.pin(dt.datetime(2026, 6, 1, 4, tzinfo=dt.timezone.utc))
    p = DashboardPage(profile)
    qtbot.addWidget(p)
    with qtbot.waitSignal(p.computed, timeout=10000):
        p.show()
    yield p
    clock.pin(None)


def test_tiles_chart_and_tables_show_the_figures(page, caseload):  # noqa: F811
    tile = page.tiles["referral_24h"]
    assert (tile.value.text(), tile.detail.text(), tile.caption.text()) == ("50%", "1 / 2", "24小时内完成转诊")
    assert page.tiles["days_to_diagnosis"].value.text() == "22 天"
    assert page.funnel.bar_values() == [5, 4, 3, 0, 0, 0, 0, 0]  # no exam booked in this caseload
    table = page.station_table
    assert table.horizontalHeaderItem(1).text() == "推送" and table.rowCount() == 2
    assert (table.item(0, 0).text(), table.item(0, 1).text()) == ("澄江街道工作站", "3")
    assert page.cm_table.rowCount() == len(page.board.by_cm)


def test_a_click_lists_the_patients_and_a_double_click_opens_one(qtbot, page, caseload):  # noqa: F811
    p = caseload.p
    with qtbot.waitSignal(page.drilled) as drilled:
        page.tiles["referral_24h"].click()
    dialog = drilled.args[0]
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 0).text() == "患者b" and dialog.which.currentText() == "达标（1）"
    with qtbot.waitSignal(dialog.listed, timeout=5000) as listed:
        dialog.which.setCurrentIndex(1)
    assert listed.args[0] == [p.c]
    with qtbot.waitSignal(page.patient_requested) as opened:
        dialog.table.cellDoubleClicked.emit(0, 0)
    assert opened.args[0] == p.c
    dialog.close()
    with qtbot.waitSignal(page.drilled) as drilled:
        page.funnel.step_clicked.emit("high_risk")
    with qtbot.waitSignal(drilled.args[0].listed, timeout=5000) as listed:
        pass
    assert set(listed.args[0]) == {p.b, p.c, p.f}
    with qtbot.waitSignal(page.drilled) as drilled:
        page.station_table.cellClicked.emit(0, 1)  # 澄江, pushed
    assert "澄江街道工作站" in drilled.args[0].windowTitle()


@pytest.mark.parametrize("lang, first", [("zh_CN", '"范围","名称","推送人数"'), ("en", '"Scope","Station / person","Pushed for screening"')])
def test_the_period_and_the_export(qtbot, translations, page, tmp_path, lang, first):
    """The export speaks the window's language: its headers and the overall row's scope."""
    translations.set_language(lang)
    with qtbot.waitSignal(page.computed, timeout=10000):
        page.period_box.setCurrentIndex(page.period_box.findData("year"))
    assert page.funnel.bar_values()[:3] == [4, 3, 2]
    out = tmp_path / "s.csv"
    page.export(str(out))
    qtbot.waitUntil(out.exists, timeout=5000)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    overall = '"全部","全部",4,' if lang == "zh_CN" else '"All","All",4,'
    assert lines[0].startswith(first) and lines[1].startswith(overall)  # text quoted, numbers bare


def test_the_workspace_shows_the_page_and_opens_patients(qtbot, window, caseload):  # noqa: F811
    from ui.workspace import Workspace

    ws = Workspace(window)
    window.show_page("dashboard")
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: page.board is not None, timeout=10000)
    page.patient_requested.emit(caseload.p.b)
    assert caseload.p.b in ws.open_patients
    for w in list(ws.open_patients.values()):
        w.close()
    assert page.tiles["treated_locally"].caption.text() == "县域内治疗占比"
    assert window.nav.currentItem().data(Qt.ItemDataRole.UserRole) == "dashboard"


def test_month_quarter_and_a_custom_range(qtbot, page, caseload):  # noqa: F811
    from app.dashboard import period_for

    today = dt.date(2026, 6, 1)
    assert period_for("month", today).since == dt.date(2026, 6, 1)
    assert period_for("quarter", today).since == dt.date(2026, 4, 1) and period_for("quarter", today).until == today
    page.since_edit.setDate(dt.date(2026, 1, 1))
    page.until_edit.setDate(dt.date(2026, 12, 31))
    with qtbot.waitSignal(page.computed, timeout=10000):
        page.period_box.setCurrentIndex(page.period_box.findData("custom"))
    assert page.since_edit.isVisible() and page.until_edit.isVisible()
    year = page.funnel.bar_values()
    page.until_edit.setDate(dt.date(2025, 1, 1))  # the wrong way round: said, nothing computed
    assert "开始日期不能晚于结束日期" in page.status.text() and page.funnel.bar_values() == year
    with qtbot.waitSignal(page.computed, timeout=10000):
        page.period_box.setCurrentIndex(page.period_box.findData("month"))
    assert not page.since_edit.isVisible()
