"""Start-up: a profile that cannot open shows the error and exits 2; a first run fills demo data."""
from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QProgressDialog

from app.errors import CaseDeskError
from app.profile import Profile
from ui.app import close_workstation
from ui.app import open_workstation
from ui.app import parse_args
from ui.app import run_gui
from ui.app import show_error


def damaged_profile(tmp_path):
    path = tmp_path / "broken"
    path.mkdir()
    (path / "casedesk.db").write_bytes(b"this is not a database" * 100)
    return path


def test_profile_error_reports_and_returns_2(tmp_path, qapp, translations):
    path = damaged_profile(tmp_path)
    before = (path / "casedesk.db").read_bytes()
    messages = []
    code = run_gui(["--profile", str(path)], report_error=messages.append)
    assert code == 2
    assert len(messages) == 1 and "已损坏" in messages[0] and "restore it" not in messages[0]
    assert (path / "casedesk.db").read_bytes() == before
    assert sorted(p.name for p in path.iterdir()) == ["casedesk.db"]


def test_a_second_workstation_on_an_open_profile_says_so_and_returns_2(profile_dir, qapp, translations):
    first = Profile.open(profile_dir, exclusive=True)  # the workstation already running
    try:
        messages = []
        assert run_gui(["--profile", str(profile_dir)], report_error=messages.append) == 2
        assert len(messages) == 1 and "已在另一个 CaseDesk 窗口" in messages[0]
    finally:
        first.close()


def test_show_error_is_a_critical_message_box(qtbot, translations, capsys):
    seen = {}

    def close_box():
        box = QApplication.activeModalWidget()
        seen["box"] = isinstance(box, QMessageBox)
        seen["icon"] = box.icon()
        seen["title"] = box.windowTitle()
        seen["text"] = box.text()
        box.close()

    QTimer.singleShot(0, close_box)
    show_error("数据库文件已损坏 / The database is damaged")
    assert seen == {"box": True, "icon": QMessageBox.Icon.Critical, "title": "CaseDesk 无法启动",
                    "text": "数据库文件已损坏 / The database is damaged"}
    assert "The database is damaged" in capsys.readouterr().err


def test_first_run_fills_demo_data(profile_dir, qtbot, translations):
    calls = []

    def fake_fill(profile, patients, seed, progress):
        calls.append((patients, seed))
        progress(patients, patients)
        profile.set_local("demo", "1")

    window = open_workstation(profile_dir, translations, report_error=AssertionError, fill_demo=fake_fill)
    qtbot.addWidget(window)
    assert calls == [(2000, 1)]
    assert window.windowTitle().endswith("演示数据 (DEMO)")
    close_workstation(window)


def test_fill_progress_is_reported(profile_dir, qtbot, translations):
    seen = []

    def fake_fill(profile, patients, seed, progress):
        for done in range(0, patients + 1, 500):
            progress(done, patients)
        seen.append(patients)

    window = open_workstation(profile_dir, translations, report_error=AssertionError, fill_demo=fake_fill)
    qtbot.addWidget(window)
    assert seen == [2000]
    close_workstation(window)


def test_no_demo_when_a_server_is_configured(profile_dir, qtbot, translations):
    p = Profile.open(profile_dir)
    p.settings.set("sync.server_url", "https://casedesk.example.org")
    p.settings.save()
    p.close()

    def must_not_fill(*_args, **_kwargs):
        raise AssertionError("a profile with a server must not get demo data")

    window = open_workstation(profile_dir, translations, report_error=AssertionError, fill_demo=must_not_fill)
    qtbot.addWidget(window)
    assert "DEMO" not in window.windowTitle()
    close_workstation(window)


def test_profile_language_is_applied(profile_dir, qtbot, translations):
    p = Profile.open(profile_dir)
    p.set_local("demo", "1")  # not empty-and-demo-less: skip the fill by marking it
    p.settings.set("ui.language", "en")
    p.settings.set("sync.server_url", "https://casedesk.example.org")
    p.settings.save()
    p.close()
    window = open_workstation(profile_dir, translations, report_error=AssertionError)
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == "Worklist"
    close_workstation(window)


def test_parse_args_tolerates_qt_options(tmp_path):
    args = parse_args(["-platform", "offscreen", "--profile", str(tmp_path)])
    assert args.profile == tmp_path


def test_slow_fill_shows_a_progress_dialog(profile_dir, qtbot, translations):
    seen = []

    def look():
        seen.extend(w.labelText() for w in QApplication.topLevelWidgets()
                    if isinstance(w, QProgressDialog) and w.isVisible())

    def slow_fill(profile, patients, seed, progress):
        time.sleep(1.0)
        profile.set_local("demo", "1")

    QTimer.singleShot(800, look)
    window = open_workstation(profile_dir, translations, report_error=AssertionError, fill_demo=slow_fill)
    qtbot.addWidget(window)
    assert seen == ["正在准备演示数据…"]
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    close_workstation(window)


def test_failed_fill_is_reported_and_the_window_still_opens(profile_dir, qtbot, translations):
    messages = []

    def failing_fill(profile, patients, seed, progress):
        raise CaseDeskError("演示数据生成失败 / The demo data could not be made")

    window = open_workstation(profile_dir, translations, report_error=messages.append, fill_demo=failing_fill)
    qtbot.addWidget(window)
    assert messages == ["演示数据生成失败 / The demo data could not be made"]
    assert "DEMO" not in window.windowTitle()
    close_workstation(window)


def test_first_run_with_the_real_demo_generator(profile_dir, qtbot, translations):
    window = open_workstation(profile_dir, translations, report_error=AssertionError)
    qtbot.addWidget(window)
    assert window.profile.is_demo and not window.profile.is_empty()
    assert window.windowTitle() == "CaseDesk 个案管理工作站 — 演示数据 (DEMO)"
    close_workstation(window)
