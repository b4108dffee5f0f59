"""The window opens as the person left it (size, columns, sort order), always inside the screen."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ui.window_state import GROUP
from ui.workspace import Workspace


def open_window(make_window, profile):
    window = make_window(profile)
    window.workspace = Workspace(window)
    return window


def test_size_column_widths_and_sort_order_are_kept(qtbot, make_window, profile):
    first = open_window(make_window, profile)
    first.resize(1000, 600)
    header = first.workspace.worklist_page.table.horizontalHeader()
    qtbot.waitUntil(lambda: first.workspace.worklist_page.table.isVisible())
    first.window_state.restore_views()
    header.resizeSection(0, 222)
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    first.close()

    second = open_window(make_window, profile)
    qtbot.waitUntil(lambda: second.workspace.worklist_page.table.isVisible())
    second.window_state.restore_views()
    header = second.workspace.worklist_page.table.horizontalHeader()
    assert (second.width(), second.height()) == (1000, 600)
    assert header.sectionSize(0) == 222
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.DescendingOrder)


def test_a_window_left_on_a_screen_that_is_gone_opens_inside_this_one(qtbot, make_window, profile):
    first = open_window(make_window, profile)
    first.move(4000, 3000)  # a second monitor, since unplugged
    first.resize(3000, 2000)
    first.close()
    assert QSettings().value(f"{GROUP}/geometry") is not None

    second = open_window(make_window, profile)
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert area.contains(second.frameGeometry()), (area, second.frameGeometry())


def test_columns_kept_at_one_text_size_are_scaled_to_another(qtbot, make_window, profile, qapp):
    from ui.fonts import apply_font_size

    first = open_window(make_window, profile)
    qtbot.waitUntil(lambda: first.workspace.worklist_page.table.isVisible())
    first.window_state.restore_views()
    first.workspace.worklist_page.table.horizontalHeader().resizeSection(1, 100)
    first.close()
    apply_font_size(qapp, "large")  # the next person at this desk reads larger text
    try:
        second = open_window(make_window, profile)
        qtbot.waitUntil(lambda: second.workspace.worklist_page.table.isVisible())
        second.window_state.restore_views()
        assert second.workspace.worklist_page.table.horizontalHeader().sectionSize(1) == 120
    finally:
        apply_font_size(qapp, "standard")
