"""Every unexpected error reaches the person: a dialog in their language that says what
happened and what to do, the details in the log (app/logsetup.py).

Errors raised in a slot, in a worker thread, or in background work nobody waits for all
arrive here. A worker thread's error is carried to the GUI thread by a queued signal; a
second error while the dialog is open is logged and counted, not stacked as another dialog.
"""
from __future__ import annotations

import errno
import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox

from app import logsetup
from app.edge import explain
from app.errors import CaseDeskError
from app.problems import ProblemError

log = logging.getLogger("ui.crash")
_reporter: CrashReporter | None = None


def describe(exc: BaseException) -> str:
    """What happened, in the window's language; CaseDesk's own errors say it in their words."""
    from ui.problem_words import say

    if isinstance(exc, (CaseDeskError, ProblemError)):
        return say(exc)
    edge = explain(exc)  # a full disk or a damaged database, told by its code (app/edge.py)
    if edge is not None:
        return say(edge)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return QCoreApplication.translate("Crash", "The disk is full: CaseDesk could not save. Free some space (or ask IT to), then try again.")
    if _busy(exc):
        return QCoreApplication.translate("Crash", "The local database was busy (another task was writing to it). Try again in a moment.")
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate("Crash", "The computer ran out of memory. Close other programs, then try again.")
    return QCoreApplication.translate("Crash", "CaseDesk ran into an unexpected error ({name}).").format(name=type(exc).__name__)


def _busy(exc: BaseException) -> bool:
    """SQLite's own result code, not the message's words (SQLAlchemy wraps it as .orig)."""
    for cause in (exc, getattr(exc, "orig", None), exc.__cause__, exc.__context__):
        if str(getattr(cause, "sqlite_errorname", "")).startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return True
    return False


def message(exc: BaseException) -> str:
    what = describe(exc)
    then = QCoreApplication.translate("Crash", "What was saved before is kept. If it happens again, choose Help ▸ Export diagnostics… "
              "and send the file to your IT contact. The details are in the log:\n{path}")
    return f"{what}\n\n{then.format(path=logsetup.log_file())}"


class CrashReporter(QObject):
    unexpected = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.box: QMessageBox | None = None
        self.suppressed = 0
        # Queued: an error from a worker thread is shown by the GUI thread.
        self.unexpected.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, exc: BaseException) -> None:
        """From any thread."""
        self.unexpected.emit(exc)

    @Slot(object)
    def _show(self, exc: BaseException) -> None:
        if self.box is not None and self.box.isVisible():
            self.suppressed += 1
            return
        parent = QApplication.activeWindow()
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Crash", "CaseDesk: something went wrong"), message(exc),
                          QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("crashDialog")
        box.finished.connect(self._closed)
        self.box = box
        box.open()  # window-modal, and the event loop goes on: sync and timers are not stopped

    @Slot()
    def _closed(self) -> None:
        self.box = None
        if self.suppressed:
            log.warning("%d further unexpected errors while the dialog was open (see above)", self.suppressed)
            self.suppressed = 0


def install(app: QApplication) -> CrashReporter:
    """The log, and the hooks that send unexpected errors to the log and to a dialog."""
    global _reporter
    logsetup.configure("workstation")
    if _reporter is None:
        _reporter = CrashReporter(app)
    logsetup.install_hooks(_reporter.report)
    return _reporter


def uninstall() -> None:
    global _reporter
    logsetup.uninstall_hooks()
    _reporter = None


def report(exc: BaseException) -> None:
    """Background work that failed with nobody waiting for its answer (ui/tasks.py)."""
    log.error("background work failed", exc_info=(type(exc), exc, exc.__traceback__))
    if _reporter is not None:
        _reporter.report(exc)
