"""People-facing names for follow-up codes, and the colours the calendar gives them."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QIcon
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPixmap

from ui import due_words

METHODS = ("phone", "clinic", "home")
METHOD_COLOURS = {"phone": QColor("#2f6fb3"), "clinic": QColor("#2e8b57"), "home": QColor("#c0672b")}
OVERDUE = QColor("#c0392b")
MAKEUP = QColor("#2f6fb3")


_DOTS: dict[str, QIcon] = {}


def method_dot(code: str) -> QIcon:
    """A small round icon in the method's colour (the month view's dots, as a legend)."""
    if code not in _DOTS:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(METHOD_COLOURS.get(code, QColor("#888")))
        p.drawEllipse(2, 2, 8, 8)
        p.end()
        _DOTS[code] = QIcon(pixmap)
    return _DOTS[code]


def method(code: str) -> str:
    return {
        "phone": QCoreApplication.translate("CalendarLabels", "Phone"),
        "clinic": QCoreApplication.translate("CalendarLabels", "Clinic"),
        "home": QCoreApplication.translate("CalendarLabels", "Home visit"),
    }.get(code, code)


def status(code: str) -> str:
    return {
        "planned": QCoreApplication.translate("CalendarLabels", "Planned"),
        "done": QCoreApplication.translate("CalendarLabels", "Done"),
        "missed": QCoreApplication.translate("CalendarLabels", "Not reached"),
        "cancelled": QCoreApplication.translate("CalendarLabels", "Cancelled"),
    }.get(code, code)


def outcome(code: str, fallback: str = "") -> str:
    """A known outcome's label; an outcome only a rule file knows shows the file's label."""
    return {
        "stable": QCoreApplication.translate("CalendarLabels", "Stable"),
        "symptoms": QCoreApplication.translate("CalendarLabels", "Symptoms, advised to see a doctor"),
        "needs_visit": QCoreApplication.translate("CalendarLabels", "Needs a clinic re-check"),
        "hospitalised": QCoreApplication.translate("CalendarLabels", "In hospital"),
        "recurrence_suspected": QCoreApplication.translate("CalendarLabels", "Recurrence suspected"),
        "declined": QCoreApplication.translate("CalendarLabels", "Declined follow-up"),
        "moved_away": QCoreApplication.translate("CalendarLabels", "Moved away"),
        "deceased": QCoreApplication.translate("CalendarLabels", "Deceased"),
    }.get(code, fallback or code)


def day_kind(kind: str) -> str:
    """The one-character tag on a calendar day: 休 (day off) or 班 (make-up working day)."""
    return {
        "holiday": QCoreApplication.translate("CalendarLabels", "Off"),
        "makeup": QCoreApplication.translate("CalendarLabels", "Work"),
    }.get(kind, "")


def holiday(name: str) -> str:
    """A holiday's code from the calendar data ("national_day") in the window's language; a name
    only an administrator's holiday file knows, as the file writes it (ui/due_words)."""
    return due_words.holiday(name)


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())
