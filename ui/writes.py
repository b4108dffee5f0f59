"""A person's writes run off the GUI thread; the window stays alive while they wait.

A write may wait for the database (a sync writing its pages steps aside between slices,
db/lane.py) or for a slow disk. On the GUI thread that wait froze the window. Here the
write runs on the "write" lane (ui/tasks.py) and the caller waits in a local event loop:
the window repaints and the sync's progress moves, while the person's clicks and keys are
held back until the write is done (so nothing is started twice). The caller gets the
result, or the write's exception, exactly as from a direct call: dialogs keep their code.

`BackgroundWrites(service, WRITES_OF[...])` wraps a service so that its writing methods
run this way and its reads stay direct (a read is fast and never waits for a writer).
"""
from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QEventLoop
from PySide6.QtCore import QObject
from PySide6.QtCore import QThread

from ui.tasks import run_in_background

LANE = "write"
_HELD = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Wheel, QEvent.Type.Shortcut,
    QEvent.Type.ShortcutOverride, QEvent.Type.Close,
})  # from the person (spontaneous); the program's own events pass

# The methods of each service that write (the rest read, and stay on the calling thread).
WRITES_OF = {
    "SlotService": ("publish", "publish_series", "change", "withdraw", "attended", "no_show", "cancel", "book",
                    "rebook"),
    "TaskService": ("add", "add_step", "finish", "cancel", "move", "hand_over"),
    "CallService": ("record",),
    "FollowupService": ("create", "schedule", "complete", "reschedule", "close_day"),
    "ReferralService": ("save", "send", "receive", "accept", "reject", "cancel", "schedule", "mark_seen",
                        "close", "record_breach"),
    "MdtService": ("request", "update_checklist", "book", "cancel", "decide"),
    "PathwayService": ("move_stage",),
    "Registration": ("register", "edit"),
    "PatientService": ("add_note",),
    "AttachmentService": ("attach", "remove"),
    "HouseholdService": ("start", "add_member", "set_relation", "remove_member", "set_supervisor", "edit",
                         "plan_visit"),
}


class _HoldInput(QObject):
    def eventFilter(self, _obj, event) -> bool:  # noqa: N802 - Qt's name
        return event.spontaneous() and event.type() in _HELD


def run_off_gui_thread(fn: Callable[[], Any]) -> Any:
    """`fn()` on the write lane; its result (or exception) here. Off the GUI thread (a
    worker, a test without an application) it simply runs."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return fn()
    answer: dict[str, Any] = {}
    loop = QEventLoop()

    def done(result) -> None:
        answer["result"] = result
        loop.quit()

    def failed(exc) -> None:
        answer["error"] = exc
        loop.quit()

    hold = _HoldInput()
    app.installEventFilter(hold)
    try:
        run_in_background(fn, done, failed, lane_name=LANE)
        loop.exec()  # the answer comes as a queued signal: always after exec() has started
    finally:
        app.removeEventFilter(hold)
    if "error" in answer:
        raise answer["error"]
    return answer.get("result")


class BackgroundWrites:
    """`service` with the methods named in `writes` run by run_off_gui_thread."""

    def __init__(self, service: Any, writes: Iterable[str] | None = None):
        self._service = service
        self._writes = frozenset(writes if writes is not None else WRITES_OF[type(service).__name__])

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._service, name)
        if name in self._writes and callable(value):
            return lambda *args, **kwargs: run_off_gui_thread(lambda: value(*args, **kwargs))
        return value

    @property
    def wrapped(self) -> Any:
        return self._service


def off_gui_thread(service: Any) -> Any:
    """The service a window uses: its writes off the GUI thread."""
    return BackgroundWrites(service)
