"""小 / 标准 / 大 / 特大: the whole interface's text size changes at once, and is kept."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialogButtonBox

from app.settings import Settings
from ui.fonts import apply_font_size
from ui.workspace import Workspace


@pytest.fixture(autouse=True)
def _standard_size_after(qapp):
    yield
    apply_font_size(qapp, "standard")  # the next test starts at the platform's size


def choose(qtbot, window, size: str) -> None:
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    general = dialog.pages["general"]
    general.font_size.setCurrentIndex(general.font_size.findData(size))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_extra_large_scales_text_titles_and_table_rows_at_once_and_back(qtbot, window, profile, qapp):
    window.workspace = Workspace(window)
    table = window.workspace.worklist_page.table
    text, nav = qapp.font().pointSizeF(), window.nav.font().pointSizeF()
    row = table.verticalHeader().defaultSectionSize()
    name_width = table.horizontalHeader().sectionSize(0)
    general = window.open_settings().pages["general"]
    assert [general.font_size.itemText(i) for i in range(4)] == ["小", "标准", "大", "特大"]
    window.settings_dialog.reject()

    choose(qtbot, window, "xlarge")
    assert qapp.font().pointSizeF() == pytest.approx(text * 1.4)
    assert window.nav.font().pointSizeF() == pytest.approx(nav * 1.4)  # the nav's own 1.15× kept
    assert table.verticalHeader().defaultSectionSize() > row  # taller rows: the bigger text is not clipped
    assert table.verticalHeader().defaultSectionSize() >= table.fontMetrics().height() + 10
    assert Settings(profile.path / "settings.json").get("ui.font_size") == "xlarge"
    assert table.horizontalHeader().sectionSize(0) == round(name_width * 1.4)  # columns widen with the text

    choose(qtbot, window, "standard")
    assert qapp.font().pointSizeF() == pytest.approx(text)
    assert window.nav.font().pointSizeF() == pytest.approx(nav)


def test_the_chosen_size_applies_when_the_workstation_opens(qtbot, profile, translations, qapp):
    from ui.app import build_workstation

    text = qapp.font().pointSizeF()
    profile.settings.set("ui.font_size", "large")
    window = build_workstation(profile, translations, demo=False)
    qtbot.addWidget(window)
    assert QApplication.font().pointSizeF() == pytest.approx(text * 1.2)
    assert window.nav.font().pointSizeF() == pytest.approx(text * 1.2 * 1.15)
