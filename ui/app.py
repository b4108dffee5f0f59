"""Start the workstation: QApplication, bundled font, translators, profile, main window.

A profile that cannot be opened is reported in a window (and on stderr) and the
process exits with code 2; Profile.open has already left the files untouched.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEventLoop
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QProgressDialog

from app import __version__
from app.errors import CaseDeskError
from app.errors import ProfileError
from app.profile import Profile
from app.profile import default_profile_dir
from app.users import default_station_root
from ui import collector
from ui import crash
from ui.fonts import apply_font_size
from ui.fonts import install_bundled_font
from ui.i18n import DEFAULT_LANGUAGE
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.problem_words import say
from ui.tasks import run_in_background
from ui.tasks import wait_for_lanes
from ui.workspace import Workspace

DEMO_PATIENTS = 2000
DEMO_SEED = 1

ErrorReporter = Callable[[str], None]


def parse_args(argv: list[str]) -> argparse.Namespace:
    # parse_known_args: Qt's own options (-platform, -style ...) pass through untouched.
    parser = argparse.ArgumentParser(add_help=False)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--profile", type=Path, default=None)
    where.add_argument("--station", nargs="?", const="", default=None)  # no type: "" must stay ""
    args, _rest = parser.parse_known_args(argv)
    if args.station is not None:  # `--station` alone: the shared desktop's default root
        args.station = Path(args.station) if args.station else default_station_root()
    if args.profile is None and args.station is None:
        args.profile = default_profile_dir()
    return args


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName("CaseDesk")
    app.setOrganizationName("CaseDesk")
    app.setApplicationVersion(__version__)
    install_bundled_font(app)
    collector.install(app)  # garbage collected on this thread only (ui/collector.py)
    return app


def show_error(message: str) -> None:
    """The message box for an error at start; blocks until dismissed."""
    print(f"error: {message}", file=sys.stderr)
    # The message already says what happened and what to do, in the window's language (say()).
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("Startup", "CaseDesk cannot start"), message)
    box.exec()


def needs_demo(profile: Profile) -> bool:
    """A first run: nothing in the profile and no server to pull real data from."""
    return profile.is_empty() and not profile.settings.get("sync.server_url")


class _Progress(QObject):
    """Carries the fill's progress from the worker thread to the dialog (queued signal)."""

    changed = Signal(int, int)


def fill_demo_with_progress(profile: Profile, fill: Callable | None = None) -> None:
    """Fill the profile with demo data on the database lane while a progress dialog shows.

    The dialog only appears if the fill takes longer than half a second. An error from
    the fill is re-raised here, on the GUI thread.
    """
    if fill is None:
        from app.demo import fill_demo_profile as fill  # local: the generator loads only on a first run

    dialog = QProgressDialog(QCoreApplication.translate("Startup", "Preparing demo data…"), "", 0, 0)
    dialog.setWindowTitle(QCoreApplication.translate("Startup", "CaseDesk first start"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(500)
    dialog.setValue(0)  # starts the show-after-500-ms timer (the constructor's uses 4 s)
    progress = _Progress()
    progress.changed.connect(lambda done, total: (dialog.setMaximum(total), dialog.setValue(done)))
    # progress(done, total) runs on the worker thread; emitting queues it to the dialog.
    kwargs = {"patients": DEMO_PATIENTS, "seed": DEMO_SEED, "progress": progress.changed.emit}
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def finish(key: str) -> Callable[[object], None]:
        return lambda value: (outcome.__setitem__(key, value), loop.quit())

    run_in_background(lambda: fill(profile, **kwargs), on_done=finish("done"), on_error=finish("error"))
    loop.exec()  # results arrive as queued signals, so they cannot come before this runs
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]


def open_workstation(profile_dir: Path, translations: Translations, *,
                     report_error: ErrorReporter = show_error,
                     fill_demo: Callable | None = None) -> MainWindow | None:
    """Open the profile and build the main window; None (error reported) if it cannot open."""
    try:
        profile = Profile.open(profile_dir, exclusive=True)
    except CaseDeskError as exc:  # a damaged profile, a missing key, no keyring ...
        report_error(say(exc))
        return None
    return build_workstation(profile, translations, report_error=report_error, fill_demo=fill_demo)


def build_workstation(profile: Profile, translations: Translations, *,
                      report_error: ErrorReporter = show_error, fill_demo: Callable | None = None,
                      demo: bool = True) -> MainWindow:
    """The main window on an open profile, in its language; `demo`: fill a first run."""
    translations.set_language(profile.settings.get("ui.language"))
    apply_font_size(QApplication.instance(), profile.settings.get("ui.font_size"))
    if demo and needs_demo(profile):
        try:
            fill_demo_with_progress(profile, fill_demo)
        except CaseDeskError as exc:
            report_error(say(exc))  # the workstation still opens, on an empty profile
    window = MainWindow(profile, translations)
    window.workspace = Workspace(window)
    return window


def _report_ready(app: QApplication, window: MainWindow) -> None:
    """For `bench worklist`: say READY once the worklist shows rows (the bench times it)."""
    page = window.workspace.worklist_page
    for row in range(min(40, page.model.rowCount())):
        page.model.row_data(row)
    app.processEvents()
    print("READY", flush=True)
    app.quit()


def close_workstation(window: MainWindow) -> None:
    """Let background database work finish before the profile's connections close."""
    wait_for_lanes(30_000)
    workspace = getattr(window, "workspace", None)
    if workspace is not None:
        workspace.lock.idle.stop()
    window.profile.close()


def run_gui(argv: list[str], *, report_error: ErrorReporter = show_error,
            fill_demo: Callable | None = None) -> int:
    args = parse_args(argv)
    app = create_application(argv)
    crash.install(app)  # the log, and every unexpected error shown in words
    translations = Translations(app)
    translations.set_language(DEFAULT_LANGUAGE)  # the error box at start speaks Chinese too
    try:
        if args.station is not None:
            return _run_station(app, args.station, translations, report_error)
        window = open_workstation(args.profile, translations, report_error=report_error, fill_demo=fill_demo)
        if window is None:
            return ProfileError.exit_code
        window.show()
        if os.environ.get("CASEDESK_READY_PROBE"):
            QTimer.singleShot(0, lambda: _report_ready(app, window))
        try:
            return app.exec()
        finally:
            close_workstation(window)
    finally:
        translations.clear()
        crash.uninstall()


def _run_station(app: QApplication, root: Path, translations: Translations, report_error: ErrorReporter) -> int:
    """A shared desktop: whoever sits down chooses themselves, and may hand over later."""
    from ui.users.session import DeskSession  # local: breaks the cycle (it builds windows with this module)

    session = DeskSession(root, translations, report_error)
    try:
        if session.start() is None:
            return 0  # nobody chose: nothing was opened
    except CaseDeskError as exc:  # the list of users cannot be read, no keyring ...
        report_error(say(exc))
        return exc.exit_code
    try:
        return app.exec()
    finally:
        session.close()
