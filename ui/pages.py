"""The work areas of the main window: keys, translated titles, one-line blurbs and icons.

Later issues replace an area's placeholder with `MainWindow.set_page(key, widget)`.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QPointF
from PySide6.QtCore import QRectF
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QIcon
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPen
from PySide6.QtGui import QPixmap

PAGES = ("worklist", "calendar", "referrals", "letters", "dashboard", "inbox", "slots")

_COLOURS = {
    "worklist": "#2f6fb3",
    "calendar": "#2e8b57",
    "referrals": "#c0672b",
    "letters": "#7a4fa3",
    "dashboard": "#3f7f8c",
    "inbox": "#b23a48",
    "slots": "#0f8a8a",
}


def page_title(key: str) -> str:
    # Spelled out call by call so lupdate sees every string.
    titles = {
        "worklist": QCoreApplication.translate("Pages", "Worklist"),
        "calendar": QCoreApplication.translate("Pages", "Follow-up calendar"),
        "referrals": QCoreApplication.translate("Pages", "Referrals"),
        "letters": QCoreApplication.translate("Pages", "Letters"),
        "dashboard": QCoreApplication.translate("Pages", "Statistics"),
        "inbox": QCoreApplication.translate("Pages", "Inbox"),
        "slots": QCoreApplication.translate("Pages", "Exam slots"),
    }
    return titles[key]


def page_blurb(key: str) -> str:
    """What the area will hold, shown on its placeholder until it is built."""
    blurbs = {
        "worklist": QCoreApplication.translate(
            "Pages", "Today's work for your patients: overdue follow-ups, results to review "
            "and referrals waiting for a reply, most urgent first."),
        "calendar": QCoreApplication.translate(
            "Pages", "Follow-up appointments by day and by week, with public holidays "
            "and make-up working days marked."),
        "referrals": QCoreApplication.translate(
            "Pages", "Referrals between township health centres, the county hospital "
            "and the cancer centre, and where each one stands."),
        "letters": QCoreApplication.translate(
            "Pages", "Appointment and follow-up letters on your letterhead, "
            "one at a time or in batches."),
        "dashboard": QCoreApplication.translate(
            "Pages", "Figures for your area: patients on each pathway, follow-ups done "
            "on time and referrals completed."),
        "inbox": QCoreApplication.translate(
            "Pages", "What arrived for you: conflicts and refused changes first, then incoming "
            "referrals and MDT decisions."),
        "slots": QCoreApplication.translate(
            "Pages", "The examination slot pool: hospitals publish CT and endoscopy slots, "
            "stations book their high-risk residents into them."),
    }
    return blurbs[key]


def page_icon(key: str, size: int = 32) -> QIcon:
    """A small drawn icon: a coloured tile with a white pictogram, crisp at any scale."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(_COLOURS[key]))
    p.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), size * 0.2, size * 0.2)
    p.scale(size / 32, size / 32)
    pen = QPen(QColor("white"), 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    _PICTOGRAMS[key](p)
    p.end()
    return QIcon(pixmap)


def _worklist(p: QPainter) -> None:
    for y in (10, 16, 22):
        p.drawPoint(QPointF(9, y))
        p.drawLine(QPointF(13, y), QPointF(24, y))


def _calendar(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(7, 9, 18, 16), 2, 2)
    p.drawLine(QPointF(7, 13.5), QPointF(25, 13.5))
    p.drawLine(QPointF(11, 6.5), QPointF(11, 10))
    p.drawLine(QPointF(21, 6.5), QPointF(21, 10))
    for x in (11.5, 16, 20.5):
        p.drawPoint(QPointF(x, 19.5))


def _referrals(p: QPainter) -> None:
    p.drawLine(QPointF(7, 12), QPointF(24, 12))
    p.drawPolyline([QPointF(20, 8), QPointF(24, 12), QPointF(20, 16)])
    p.drawLine(QPointF(8, 21), QPointF(25, 21))
    p.drawPolyline([QPointF(12, 17), QPointF(8, 21), QPointF(12, 25)])


def _letters(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(6.5, 9, 19, 14), 1.5, 1.5)
    p.drawPolyline([QPointF(7, 10), QPointF(16, 17), QPointF(25, 10)])


def _dashboard(p: QPainter) -> None:
    p.drawLine(QPointF(7, 25), QPointF(25, 25))
    for x, top in ((11, 17), (16, 9), (21, 13)):
        p.drawLine(QPointF(x, 22), QPointF(x, top))


def _inbox(p: QPainter) -> None:
    p.drawPolyline([QPointF(7, 17), QPointF(7, 24), QPointF(25, 24), QPointF(25, 17)])
    p.drawPolyline([QPointF(7, 17), QPointF(12, 17), QPointF(13.5, 20), QPointF(18.5, 20),
                    QPointF(20, 17), QPointF(25, 17)])
    p.drawLine(QPointF(16, 6), QPointF(16, 14))
    p.drawPolyline([QPointF(12.5, 10.5), QPointF(16, 14), QPointF(19.5, 10.5)])


def _slots(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(7, 8, 18, 17), 2, 2)
    for x in (11.5, 16, 20.5):
        for y in (13.5, 18, 22):
            p.drawPoint(QPointF(x, y - 0.5))
    p.drawLine(QPointF(11, 5.5), QPointF(11, 9))
    p.drawLine(QPointF(21, 5.5), QPointF(21, 9))


_PICTOGRAMS = {
    "worklist": _worklist,
    "calendar": _calendar,
    "referrals": _referrals,
    "letters": _letters,
    "dashboard": _dashboard,
    "inbox": _inbox,
    "slots": _slots,
}
