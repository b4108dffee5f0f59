"""The desktop's own log: a rotating file in the platform's log directory, and the hooks that
send every unexpected error there (and, through the window, to the person).

A windowed program on Windows has no stderr: a traceback printed there is lost, and the
person sees nothing. So every process of CaseDesk (the workstation and each command) writes
`casedesk.log` (rotated by size: a busy station writes little, and size keeps the folder
bounded without a scheduler), Python's fatal-error dump (`crash.log`, faulthandler: a crash
inside Qt or SQLCipher leaves no Python traceback otherwise), and installs sys.excepthook
and threading.excepthook.

No patient data: the code logs record ids, never names, ID numbers or phone numbers. As a
safety net the formatter masks long digit runs (ID numbers, phones, MRNs) and the DETAIL line
a database error may quote a row in, in messages and tracebacks alike.
"""
from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any
from typing import TextIO
from typing import TypedDict

import platformdirs

LOG_NAME = "casedesk.log"
CRASH_NAME = "crash.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5  # 12 MB at most
FORMAT = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s %(message)s"
DETAIL_LINE = re.compile(r"^(\s*)DETAIL:.*$", re.MULTILINE)
NUMBER_RUN = re.compile(r"(?<![\w-])\d{6,}[Xx]?(?![\w-])")  # ID numbers (18), phones (11), MRNs

log = logging.getLogger("casedesk")
Unexpected = Callable[[BaseException], None]
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]
ThreadHook = Callable[[threading.ExceptHookArgs], Any]


class _State(TypedDict, total=False):
    handler: logging.Handler  # the rotating log, once configured
    crash: TextIO  # faulthandler's file
    previous_hooks: tuple[ExceptHook, ThreadHook]  # put back by uninstall_hooks


_state: _State = {}


def scrub(text: str) -> str:
    """A log line with quoted rows and long numbers masked."""
    return NUMBER_RUN.sub("<n>", DETAIL_LINE.sub(r"\1DETAIL: (withheld: may quote a row)", text))


class Scrubbing(logging.Formatter):
    """Every line as formatted, traceback included, scrubbed (see scrub)."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def log_dir() -> Path:
    """CASEDESK_LOG_DIR, or the platform's: ~/.local/state/CaseDesk/log, %LOCALAPPDATA%\\CaseDesk\\Logs."""
    override = os.environ.get("CASEDESK_LOG_DIR")
    return Path(override) if override else Path(platformdirs.user_log_dir("CaseDesk", appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_NAME


def configure(kind: str) -> Path | None:
    """Once per process: the rotating log and the fault handler. `kind` (workstation, cli)
    goes into the first line. Returns the log file, or None if the directory cannot be
    written (then the process goes on with stderr only, and says so there)."""
    if "handler" in _state:
        return log_file()
    directory = log_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(directory / LOG_NAME, maxBytes=MAX_BYTES,
                                                       backupCount=BACKUPS, encoding="utf-8", delay=True)
        crash = open(directory / CRASH_NAME, "a", encoding="utf-8")  # kept open: faulthandler writes raw
    except OSError as exc:
        print(f"CaseDesk: cannot write the log in {directory}: {exc}", file=sys.stderr)
        return None
    handler.setFormatter(Scrubbing(FORMAT))
    handler.setLevel(logging.INFO)
    for name in ("casedesk", "app", "ui", "db", "server"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        if logger.level == logging.NOTSET or logger.level > logging.INFO:
            logger.setLevel(logging.INFO)
    faulthandler.enable(crash)
    _state["handler"], _state["crash"] = handler, crash
    from app import __version__

    log.info("%s %s started (Python %s, %s)", kind, __version__, sys.version.split()[0], sys.platform)
    return directory / LOG_NAME


def install_hooks(on_unexpected: Unexpected | None = None) -> None:
    """Unhandled errors, on any thread, go to the log and then to `on_unexpected` (the window
    shows them; a command prints them). Keyboard interrupts keep Python's own handling."""
    def excepthook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        _tell(on_unexpected, exc)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        log.critical("unexpected error in thread %s", getattr(args.thread, "name", "?"),
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))  # type: ignore[arg-type]  # typeshed wants a value; logging formats a None one too
        if args.exc_value is not None:
            _tell(on_unexpected, args.exc_value)

    _state.setdefault("previous_hooks", (sys.excepthook, threading.excepthook))
    sys.excepthook = excepthook
    threading.excepthook = thread_hook


def uninstall_hooks() -> None:
    """The hooks that were there before install_hooks (the window has closed)."""
    previous = _state.pop("previous_hooks", None)
    if previous is not None:
        sys.excepthook, threading.excepthook = previous


def _tell(on_unexpected: Unexpected | None, exc: BaseException) -> None:
    if on_unexpected is None:
        print(f"CaseDesk: unexpected error ({type(exc).__name__}); details in {log_file()}", file=sys.stderr)
        return
    try:
        on_unexpected(exc)
    except Exception:  # noqa: BLE001 - the reporter itself failed: the log still has both
        log.exception("could not show an unexpected error")


def reset_for_tests() -> None:
    """Detach the handlers (tests configure logging in a temporary directory)."""
    handler = _state.pop("handler", None)
    crash = _state.pop("crash", None)
    if handler is not None:
        for name in ("casedesk", "app", "ui", "db", "server"):
            logging.getLogger(name).removeHandler(handler)
        handler.close()
    if crash is not None:
        faulthandler.disable()
        crash.close()
    uninstall_hooks()
