"""Table model of the referral board: ids with their clocks; rows fetched when painted.

A tick costs almost nothing on the GUI thread: it stores the time and announces a
change of the clock column for the rows on screen only. `data()` computes each visible
countdown from the cached deadline (epoch seconds) with one subtraction; no query runs.
Crossing a deadline is found by bisecting the sorted deadlines, so the page can move
that referral to "breached" with one background reload.
"""
from __future__ import annotations

import bisect
import math

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor

from app.referrals.board import BoardQueries
from app.referrals.board import BoardRow
from app.referrals.board import ClockRow
from app.referrals.deadline import LIMIT_S
from app.referrals.deadline import status_of
from app.referrals.states import CLOCK_RUNNING
from ui.block_rows import BlockTableModel
from ui.referrals import labels

COLUMNS = ("code", "patient", "direction", "from_org", "to_org", "state", "sent", "clock", "appointment", "reason")
CLOCK = COLUMNS.index("clock")
BLOCK = 100
CACHE_ROWS = 2000
REFERRAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3
COLOURS = {"warning": QColor("#e65100"), "overdue": QColor("#c62828"), "late": QColor("#c62828"),
           "met": QColor("#2e7d32")}


def column_title(key: str) -> str:
    return {
        "code": QCoreApplication.translate("ReferralBoard", "Code"),
        "patient": QCoreApplication.translate("ReferralBoard", "Patient"),
        "direction": QCoreApplication.translate("ReferralBoard", "Direction"),
        "from_org": QCoreApplication.translate("ReferralBoard", "From"),
        "to_org": QCoreApplication.translate("ReferralBoard", "To"),
        "state": QCoreApplication.translate("ReferralBoard", "State"),
        "sent": QCoreApplication.translate("ReferralBoard", "Sent"),
        "clock": QCoreApplication.translate("ReferralBoard", "24-hour clock"),
        "appointment": QCoreApplication.translate("ReferralBoard", "Appointment"),
        "reason": QCoreApplication.translate("ReferralBoard", "Reason"),
    }[key]


class BoardModel(BlockTableModel):
    deadline_crossed = Signal()

    def __init__(self, queries: BoardQueries, parent=None):
        super().__init__(queries.rows, BLOCK, CACHE_ROWS, parent)
        self.queries = queries
        self.now = 0.0  # epoch seconds of the last tick
        self._state: list[str] = []
        self._deadline: list[float] = []  # NaN: not sent
        self._reason: list[str | None] = []
        self._watch: list[float] = []  # sorted deadlines of running clocks
        self._states = labels.states()
        self._dirs = labels.short_directions()

    def set_clocks(self, clocks: list[ClockRow], now: float) -> None:
        self.beginResetModel()
        self._rows.reset([c.id for c in clocks])
        self._state = [c.state for c in clocks]
        self._deadline = [c.sent + LIMIT_S if c.sent is not None else math.nan for c in clocks]
        self._reason = [c.breach_reason for c in clocks]
        self._watch = sorted(d for c, d in zip(clocks, self._deadline)
                             if c.state in CLOCK_RUNNING and c.sent is not None)
        self.now = now
        self._states, self._dirs = labels.states(), labels.short_directions()
        self.endResetModel()

    def tick(self, now: float, first: int, last: int) -> None:
        """The clock column of rows first..last changed; everything else stays as painted."""
        before, self.now = self.now, now
        if bisect.bisect_right(self._watch, now) > bisect.bisect_right(self._watch, before):
            self.deadline_crossed.emit()
        if self._ids and first >= 0 and last >= first:
            self.dataChanged.emit(self.index(first, CLOCK), self.index(min(last, len(self._ids) - 1), CLOCK),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])

    def clock(self, row: int) -> tuple[str, float]:
        deadline = self._deadline[row]
        left = None if math.isnan(deadline) else deadline - self.now
        return status_of(self._state[row], left, self._reason[row]), left or 0.0

    def referral_id(self, row: int) -> str:
        return self._ids[row]

    # Qt model API --------------------------------------------------------
    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return column_title(COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        r, key = index.row(), COLUMNS[index.column()]
        if key == "clock" and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole):
            status, left = self.clock(r)
            if role == Qt.ItemDataRole.DisplayRole:
                return labels.countdown_text(status, left)
            return QBrush(COLOURS[status]) if status in COLOURS else None
        if role == REFERRAL_ID_ROLE:
            return self._ids[r]
        if role == STATE_ROLE:
            return self._state[r]
        row = self.row_data(r)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == PATIENT_ID_ROLE:
            return row.patient_id
        if role == Qt.ItemDataRole.ToolTipRole and key in ("reason", "to_org", "from_org"):
            return self._text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "direction" and row.green_channel:
            return QBrush(QColor("#2e7d32"))
        return None

    def _text(self, row: BoardRow, key: str) -> str:
        if key == "code":
            return row.short_code
        if key == "patient":
            return row.patient_name
        if key == "direction":
            text = labels.label(self._dirs, row.direction)
            return text + " · " + QCoreApplication.translate("ReferralBoard", "Green") if row.green_channel else text
        if key == "state":
            return labels.label(self._states, row.state)
        if key == "sent":
            return row.sent_at.astimezone().strftime("%Y-%m-%d %H:%M") if row.sent_at else ""
        if key == "appointment":
            if row.scheduled_at is None:
                return ""
            return row.scheduled_at.astimezone().strftime("%Y-%m-%d %H:%M") + " " + row.scheduled_place
        return getattr(row, key) or ""
