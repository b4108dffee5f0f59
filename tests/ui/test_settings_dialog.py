"""Settings: validation keeps the dialog open; a language switch shows at once."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QLineEdit

from app.settings import Settings


def click(qtbot, dialog, which):
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def test_switch_to_english_applies_at_once(window, qtbot, profile):
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    general = dialog.pages["general"]
    general.language.setCurrentIndex(general.language.findData("en"))
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Apply)

    assert window.nav.item(0).text() == "Worklist"
    assert window.windowTitle() == "CaseDesk Case Management Workstation"
    assert window.page("worklist").title.text() == "Worklist — coming soon"
    assert window.file_menu.title() == "&File"
    assert window.sync_status.state_label.text() == "Offline · local profile"
    assert dialog.windowTitle() == "Settings"
    assert dialog.nav.item(1).text() == "Sync"
    assert Settings(profile.path / "settings.json").get("ui.language") == "en"

    general.language.setCurrentIndex(general.language.findData("zh_CN"))
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()
    assert window.nav.item(0).text() == "工作清单"


def test_bad_url_is_refused_with_a_message(window, qtbot, profile):
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    sync = dialog.pages["sync"]
    sync.url.setText("ftp://casedesk.example.org")
    sync.username.setText("li.na")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    assert dialog.isVisible()
    assert dialog.stack.currentWidget() is sync
    error = sync.errors["url"]
    assert error.isVisible()
    assert "http://" in error.text() and "https://" in error.text()
    assert not (profile.path / "settings.json").exists()

    sync.url.setText("https://casedesk.example.org")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()
    assert Settings(profile.path / "settings.json").get("sync.server_url") == "https://casedesk.example.org"
    assert window.sync_action.isEnabled()
    assert window.sync_action.text() == "立即同步(&N)"


def test_server_needs_a_user_name(window, qtbot):
    dialog = window.open_settings()
    sync = dialog.pages["sync"]
    sync.url.setText("https://10.1.2.3:8000")
    assert not dialog.apply()
    assert sync.errors["username"].text() == "请输入您在该服务器上的用户名。"
    assert not sync.errors["url"].isVisible()


def test_http_to_another_machine_is_refused_with_what_to_do(window, qtbot, profile):
    """A password would cross the network in clear: the page says to use https:// (or ask)."""
    dialog = window.open_settings()
    sync = dialog.pages["sync"]
    sync.url.setText("http://10.1.2.3:8000")
    sync.username.setText("li.na")
    assert not dialog.apply()
    assert dialog.stack.currentWidget() is sync
    error = sync.errors["url"]
    assert error.isVisible() and "https://10.1.2.3:8000" in error.text() and "管理员" in error.text()
    assert not (profile.path / "settings.json").exists()
    sync.url.setText("http://127.0.0.1:8765")  # this machine's own server: nothing crosses a network
    assert dialog.apply()
    assert Settings(profile.path / "settings.json").get("sync.server_url") == "http://127.0.0.1:8765"


def test_empty_letterhead_is_refused(window, qtbot, profile):
    dialog = window.open_settings()
    letters = dialog.pages["letters"]
    letters.letterhead.setPlainText("   ")
    assert not dialog.apply()
    assert dialog.stack.currentWidget() is letters
    assert letters.errors["letterhead"].isVisible()


def test_pages_load_and_save_every_setting(window, qtbot, profile):
    dialog = window.open_settings()
    pages = dialog.pages
    assert pages["letters"].letterhead.toPlainText() == profile.settings.get("letters.letterhead")
    assert pages["security"].idle_minutes.value() == profile.settings.get("security.idle_lock_minutes")
    pages["security"].idle_minutes.setValue(25)
    pages["letters"].letterhead.setPlainText("某某县肿瘤防治中心\n电话 0571-0000000")
    pages["letters"].paper.setCurrentIndex(pages["letters"].paper.findData("A5"))
    assert dialog.apply()
    saved = Settings(profile.path / "settings.json")
    assert saved.get("security.idle_lock_minutes") == 25
    assert saved.get("letters.paper") == "A5"
    assert saved.get("letters.letterhead").startswith("某某县")


def test_no_password_field(window):
    dialog = window.open_settings()
    assert all(e.echoMode() == QLineEdit.EchoMode.Normal for e in dialog.findChildren(QLineEdit))
