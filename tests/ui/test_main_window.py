"""The main window on a fresh profile: Chinese by default, DEMO mark, navigation, pages."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app import __version__

NAV_ZH = ["工作清单", "随访日历", "转诊", "信函", "统计", "收件箱", "号源池"]


def visible_texts(window):
    return [label.text() for label in window.findChildren(QLabel) if label.isVisible()]


def test_opens_in_chinese_with_nav_and_placeholder(window):
    assert window.windowTitle() == "CaseDesk 个案管理工作站"
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == NAV_ZH
    assert window.current_page_key() == "worklist"
    assert "工作清单 — 即将推出" in visible_texts(window)
    assert [m.title() for m in (window.file_menu, window.view_menu, window.sync_menu, window.help_menu)] == [
        "文件(&F)", "视图(&V)", "同步(&S)", "帮助(&H)"]
    assert window.sync_status.state_label.text() == "离线 · 本地配置"
    assert window.sync_status.waiting_label.text() == "待同步 0"


def test_demo_mark_only_on_demo_profiles(make_window, profile):
    plain = make_window(profile)
    assert "DEMO" not in plain.windowTitle()
    profile.set_local("demo", "1")
    demo = make_window(profile)
    assert demo.windowTitle() == "CaseDesk 个案管理工作站 — 演示数据 (DEMO)"
    assert demo.sync_status.state_label.text() == "离线 · 本地演示配置"


def test_ctrl_number_switches_area(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "calendar"
    assert window.nav.currentRow() == 1
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "dashboard"
    assert window.view_actions[4].isChecked()


def test_nav_click_switches_area(window, qtbot):
    item = window.nav.item(3)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.nav.visualItemRect(item).center())
    assert window.current_page_key() == "letters"
    assert window.view_actions[3].isChecked()


def test_set_page_replaces_placeholder(window, qtbot):
    real = QLabel("real referrals view")
    window.show_page("calendar")
    window.set_page("referrals", real)
    assert window.page("referrals") is real
    assert window.current_page_key() == "calendar"
    window.show_page("referrals")
    assert window.stack.currentWidget() is real


def test_sync_now_disabled_without_server(window):
    assert not window.sync_action.isEnabled()
    assert window.sync_action.text() == "立即同步（未配置服务器）"
    assert window.sync_action.shortcut().toString() == "F5"


def test_status_bar_states(window):
    status = window.sync_status
    status.set_state(online=True, waiting=3, last_sync=datetime.now().replace(hour=9, minute=5))
    assert status.state_label.text() == "在线 · 上次同步 09:05"
    assert status.waiting_label.text() == "待同步 3"
    status.set_state(online=False, waiting=3, last_sync=None, error="服务器拒绝连接")
    assert status.state_label.text() == "同步失败 · 服务器拒绝连接"
    assert status.state_label.toolTip() == "服务器拒绝连接"


def test_about_dialog(window, qtbot):
    dialog = window.show_about()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "关于 CaseDesk"
    assert __version__ in dialog.version.text()
    assert "Case management workstation" in dialog.description.text()
    assert "个案管理工作站" in dialog.description.text()
    assert "WenQuanYi Micro Hei" in dialog.licence.text()
    assert "Apache-2.0" in dialog.licence.text()
    dialog.close()


def test_bundled_font_is_the_cjk_fallback(translations, qapp):
    assert "WenQuanYi Micro Hei" in qapp.font().families()
