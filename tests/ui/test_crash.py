"""Every unexpected error reaches the person (a dialog in their language) and the log."""
from __future__ import annotations

import errno
import threading
import zipfile

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox

from app import diagnostics
from app import logsetup
from ui import crash
from ui.tasks import run_in_background

pytestmark = pytest.mark.qt_no_exception_capture  # the hooks under test catch them, not pytest-qt


@pytest.fixture
def reporter(qapp, translations, tmp_path, monkeypatch):
    monkeypatch.setenv("CASEDESK_LOG_DIR", str(tmp_path / "logs"))
    logsetup.reset_for_tests()
    reporter = crash.install(qapp)
    yield reporter
    if reporter.box is not None:
        reporter.box.close()
    crash.uninstall()
    logsetup.reset_for_tests()


def crash_dialog(qtbot) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown():
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.objectName() == "crashDialog" and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5000)
    return found[0]


def log_text() -> str:
    for handler in logsetup._state["handler"], :
        handler.flush()
    return logsetup.log_file().read_text(encoding="utf-8")


def test_an_error_in_a_slot_is_a_chinese_dialog_and_a_scrubbed_log_entry(qtbot, reporter):
    def broken_slot():
        raise ValueError("patient 330206199001011234 phone 13812345678 not found")

    QTimer.singleShot(0, broken_slot)
    box = crash_dialog(qtbot)
    assert box.windowTitle() == "CaseDesk：出现错误"
    assert "CaseDesk 遇到意外错误（ValueError）" in box.text()
    assert "导出诊断信息" in box.text() and str(logsetup.log_file()) in box.text()
    text = log_text()
    assert "Traceback" in text and "broken_slot" in text and "ValueError" in text
    assert "330206199001011234" not in text and "13812345678" not in text  # masked: <n>


def test_a_worker_threads_error_is_shown_on_the_gui_thread(qtbot, reporter):
    def worker():
        raise OSError(errno.ENOSPC, "No space left on device")

    thread = threading.Thread(target=worker, name="station-export")
    thread.start()
    thread.join()
    box = crash_dialog(qtbot)
    assert "磁盘已满" in box.text()
    assert "unexpected error in thread station-export" in log_text()


def test_background_work_nobody_waits_for_is_reported_not_printed(qtbot, reporter):
    def job():
        raise RuntimeError("the lane failed")

    run_in_background(job, on_done=lambda _r: None)  # no on_error: nobody is waiting
    box = crash_dialog(qtbot)
    assert "RuntimeError" in box.text()
    assert "background work failed" in log_text()


def test_a_second_error_while_the_dialog_is_open_is_logged_not_stacked(qtbot, reporter):
    reporter.report(ValueError("first"))
    box = crash_dialog(qtbot)
    reporter.report(ValueError("second"))
    qtbot.wait(50)
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "crashDialog" and w.isVisible()]
    assert boxes == [box] and reporter.suppressed == 1
    box.close()
    qtbot.waitUntil(lambda: reporter.box is None)
    assert "1 further unexpected errors" in log_text()


def test_an_english_window_says_it_in_english(qtbot, reporter, translations):
    translations.set_language("en")
    QTimer.singleShot(0, lambda: (_ for _ in ()).throw(KeyError("x")))
    box = crash_dialog(qtbot)
    assert box.windowTitle() == "CaseDesk: something went wrong"
    assert "unexpected error (KeyError)" in box.text() and "Export diagnostics" in box.text()


def test_diagnostics_zip_holds_logs_and_counts_but_no_patient_data(tmp_path, reporter, profile):
    from sqlalchemy import select

    from app.demo import fill_demo_profile
    from db.models import Patient

    fill_demo_profile(profile, patients=30, seed=3)
    logsetup.log.info("a line of the log")
    target = diagnostics.write(tmp_path / "diag.zip", profile, {"qt": "6.x"})
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        assert "about.json" in names and "settings.json" in names and "logs/casedesk.log" in names
        everything = "".join(zf.read(n).decode("utf-8", "replace") for n in names)
    assert '"patients": 30' in everything and '"casedesk":' in everything
    with profile.sessions() as s:
        people = s.execute(select(Patient.name, Patient.id_number, Patient.phone)).all()
    for name, id_number, phone in people:
        assert name not in everything
        assert not id_number or id_number not in everything
        assert not phone or phone not in everything
    assert not list(tmp_path.glob("*.part"))


def test_a_busy_database_is_told_by_sqlites_code_as_busy(qtbot, reporter, tmp_path):
    import sqlite3

    path = tmp_path / "busy.db"
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    try:
        other.execute("SELECT * FROM t")
    except sqlite3.OperationalError as exc:
        busy = exc
    holder.rollback()
    reporter.report(busy)
    assert "本地数据库正忙" in crash_dialog(qtbot).text()
