"""The funnel on the statistics page, on the hand-built cohort of tests/app/test_funnel.py, in
Chinese and English: the painted funnel's rows (cases, conversion, median days) and loop closure,
the tables per station and programme, 随访率 / 随访及时率 per case manager, a click listing a
step's patients, the programme choice, the help, the export read back, and a look at the page."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from app import clock
from tests.app.test_funnel import cohort  # noqa: F401 - the hand-built cohort fixture
from ui.dashboard.page import DashboardPage

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def page(qtbot, translations, profile, cohort):  # noqa: F811
    clock.pin(dt.datetime(2026, 6, 1, 4, tzinfo=dt.timezone.utc))
    p = DashboardPage(profile)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    with qtbot.waitSignal(p.computed, timeout=10000):
        p.show()
    yield p
    clock.pin(None)


def test_the_funnel_in_chinese(page):
    assert page.funnel.bar_values() == [9, 8, 7, 4, 4, 1, 1, 1]
    rows = page.funnel.row_texts()
    assert rows[0] == ("邀请/推送", "9", "", "")
    assert rows[4] == ("已检查", "4", "100%", "49 天")
    assert rows[3] == ("已预约检查", "4", "57%", "1 天")
    # all time: b, c (day 90) and i closed; d (day 91), f and last year's h did not; e pending
    assert page.funnel.loop_text() == "90天闭环率：50%（6 例阳性筛查中 3 例在90天内完成检查）；另有 1 例尚在90天内"
    t = page.funnel_station_table
    assert [t.horizontalHeaderItem(c).text() for c in (0, 1, 4, 9)] == ["站点", "邀请/推送", "已预约检查", "90天闭环率"]
    assert (t.item(0, 0).text(), t.item(0, 1).text(), t.item(0, 4).text()) == ("澄江街道工作站", "7", "3 (60%)")
    cms = page.followup_cm_table
    row = next(r for r in range(cms.rowCount()) if cms.item(r, 0).text() == "陈一")
    assert [cms.item(row, c).text() for c in range(6)] == ["陈一", "4", "3", "75%", "2", "50%"]
    assert cms.horizontalHeaderItem(3).text() == "随访率" and cms.horizontalHeaderItem(5).text() == "随访及时率"
    assert [page.tabs.tabText(i) for i in range(4)] == ["漏斗（按站点）", "漏斗（按筛查项目）", "随访率（按站点）",
                                                        "随访率（按个案管理师）"]
    programmes = [page.programme_box.itemText(i) for i in range(page.programme_box.count())]
    assert programmes[0] == "全部筛查项目" and len(programmes) == 3


def test_the_funnel_in_english(qtbot, translations, page):
    translations.set_language("en")
    assert page.funnel.row_texts()[2] == ("High risk", "7", "88%", "0 d")
    assert page.funnel.loop_text() == ("90-day loop closure: 50% (3 of 6 positive screens examined within 90 days)"
                                       "; 1 still within their 90 days")
    assert page.funnel.headers() == ("Step", "Cases", "Conversion", "Median days")
    assert page.tabs.tabText(3) == "Follow-up rates by case manager"
    assert page.followup_cm_table.horizontalHeaderItem(5).text() == "Timely follow-up rate"
    assert page.programme_box.itemText(0) == "All programmes"
    box = page.show_help()
    assert "Exam booked" in box.text() and "day 91 does not" in box.text() and not CJK.search(box.text())
    box.close()
    for widget in (page.funnel_export_button, page.help_button, page._labels[2]):
        assert not CJK.search(widget.text())


def test_a_step_lists_its_patients_and_a_programme_narrows_the_funnel(qtbot, page, cohort):  # noqa: F811
    p = cohort.p
    with qtbot.waitSignal(page.drilled, timeout=5000) as drilled:
        page.funnel.step_clicked.emit("booked")
    dialog = drilled.args[0]
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=5000)
    assert dialog.windowTitle() == "已预约检查"
    dialog.close()
    with qtbot.waitSignal(page.drilled, timeout=5000) as drilled:
        page.funnel.step_clicked.emit("loop_met")
    with qtbot.waitSignal(drilled.args[0].listed, timeout=5000) as listed:
        pass
    assert set(listed.args[0]) == {p.b, p.c, p.i}
    drilled.args[0].close()
    with qtbot.waitSignal(page.computed, timeout=10000):
        page.programme_box.setCurrentIndex(page.programme_box.findData("colorectal"))
    assert page.funnel.bar_values() == [1, 1, 1, 1, 1, 0, 0, 0]
    assert page.programme_box.currentData() == "colorectal"


@pytest.mark.parametrize("lang, header", [("zh_CN", "邀请/推送"), ("en", "Invited / pushed")])
def test_the_export_from_the_page(qtbot, translations, page, tmp_path, lang, header):
    from openpyxl import load_workbook

    translations.set_language(lang)
    out = tmp_path / "funnel.xlsx"
    page.export_funnel(str(out))
    qtbot.waitUntil(out.exists, timeout=5000)
    sheet = load_workbook(out).active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][3] == header and rows[1][3] == 9 and isinstance(rows[1][3], int)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_look_at_the_page(qtbot, translations, page, tmp_path, lang):
    """The page as a person sees it, saved for a look (CASEDESK_SHOTS=dir keeps the PNGs)."""
    import os

    translations.set_language(lang)
    qtbot.wait(50)
    hint, size = page.funnel.minimumSizeHint(), page.funnel.size()
    assert hint.width() <= size.width() and hint.height() <= size.height(), (hint, size)
    shots = os.environ.get("CASEDESK_SHOTS")
    image = page.grab()
    assert not image.isNull()
    if shots:
        image.save(os.path.join(shots, f"funnel-{lang}.png"))
        page.tabs.setCurrentIndex(3)
        page.grab().save(os.path.join(shots, f"funnel-{lang}-followups.png"))


def test_a_click_in_a_funnel_table_lists_that_row_s_patients(qtbot, page, cohort):  # noqa: F811
    p = cohort.p
    with qtbot.waitSignal(page.drilled, timeout=5000) as drilled:
        page.funnel_station_table.cellClicked.emit(0, 4)  # 澄江, exam booked
    with qtbot.waitSignal(drilled.args[0].listed, timeout=5000) as listed:
        pass
    assert set(listed.args[0]) == {p.b, p.c, p.d} and drilled.args[0].windowTitle() == "已预约检查 — 澄江街道工作站"
    drilled.args[0].close()
    row = next(r for r in range(page.funnel_programme_table.rowCount())
               if page.funnel_programme_table.item(r, 0).text() == "结直肠癌")
    with qtbot.waitSignal(page.drilled, timeout=5000) as drilled:
        page.funnel_programme_table.cellClicked.emit(row, 5)  # colorectal, exam done
    with qtbot.waitSignal(drilled.args[0].listed, timeout=5000) as listed:
        pass
    assert listed.args[0] == [p.i]
    drilled.args[0].close()
