"""The day list, the overdue list and the chase list: ids held, rows fetched as shown."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from ui import labels as common
from ui.calendar import labels

COLUMNS = ("due_date", "name", "phone", "method", "attempts", "last_attempt", "status", "cancer_type", "assignee",
           "rule_id")
WIDTHS = {"due_date": 92, "name": 72, "phone": 104, "method": 64, "attempts": 64, "last_attempt": 112, "status": 72,
          "cancer_type": 96, "assignee": 72}
PAGE = 100
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def column_title(key: str) -> str:
    return {
        "due_date": QCoreApplication.translate("FollowupList", "Due"),
        "name": QCoreApplication.translate("FollowupList", "Patient"),
        "cancer_type": QCoreApplication.translate("FollowupList", "Cancer"),
        "method": QCoreApplication.translate("FollowupList", "Method"),
        "status": QCoreApplication.translate("FollowupList", "Status"),
        "attempts": QCoreApplication.translate("FollowupList", "Attempts"),
        # Context CallDialog: these came with the calls and live in casedesk_calls_zh_CN.ts.
        "phone": QCoreApplication.translate("CallDialog", "Phone"),
        "last_attempt": QCoreApplication.translate("CallDialog", "Last call"),
        "rule_id": QCoreApplication.translate("FollowupList", "Rule"),
        "assignee": QCoreApplication.translate("FollowupList", "Assigned to"),
    }[key]


def attempts(row) -> int:
    """Unanswered tries: the calls since the patient was last reached, or the follow-up's own
    count when its misses were recorded without a call (the calendar's Complete dialog)."""
    return max(row.attempts or 0, getattr(row, "call_attempts", 0) or 0)


class FollowupListModel(QAbstractTableModel):
    def __init__(self, queries, parent=None):
        super().__init__(parent)
        self.queries = queries
        self.ids: list[str] = []
        self._rows: dict = {}
        self.today = dt.date.today()

    def load(self, ids: list[str], today: dt.date) -> None:
        self.beginResetModel()
        self.ids, self._rows, self.today = list(ids), {}, today
        self.endResetModel()

    def row_data(self, row: int):
        fid = self.ids[row]
        if fid not in self._rows:
            start = row - row % PAGE
            self._rows.update(self.queries.rows(self.ids[start:start + PAGE]))
        return self._rows.get(fid)

    def row_of(self, fid: str) -> int:
        try:
            return self.ids.index(fid)
        except ValueError:
            return -1

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return column_title(COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        row = self.row_data(index.row())
        if row is None:  # deleted since the ids were read; the next refresh drops it
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "planned" and row.due_date < self.today \
                and key == "due_date":
            return QBrush(labels.OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole and row.notes:
            return row.notes
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "attempts":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _display(row, key: str) -> str:
        if key == "due_date":
            return row.due_date.isoformat()  # unambiguous in every language
        if key == "cancer_type":
            return common.cancer_label(row.cancer_type) if row.cancer_type else ""
        if key == "method":
            return labels.method(row.method)
        if key == "status":
            return labels.status(row.status)
        if key == "attempts":
            tries = attempts(row)
            return str(tries) if tries else ""
        if key == "last_attempt":
            at = row.last_attempt_at
            return f"{at.astimezone():%Y-%m-%d %H:%M}" if at is not None else ""
        return str(getattr(row, key) or "")
