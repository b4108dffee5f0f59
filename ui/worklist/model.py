"""Table model over the worklist: holds case ids, fetches displayed rows in blocks.

Following Anki's browser table: rowCount is the number of ids, and `data()` asks
app.worklist for the block around a row the first time the view paints it.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor

from app import clock
from app.worklist import COLUMNS
from app.worklist import Filters
from app.worklist import Row
from app.worklist import Worklist
from ui import labels
from ui.block_rows import BlockTableModel
from ui.work_words import work_summary

# Rows fetched per query: a screenful and a little more. Every keystroke fetches the
# first block again, and 200 rows cost ~3x the query for 50 (7 against 2.5 ms).
BLOCK = 50
CACHE_ROWS = 4000
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE = QColor("#c62828")
DUE_TODAY = QColor("#e65100")
SYNC_COLOURS = {"pending": QColor("#1565c0"), "conflict": QColor("#c62828"), "rejected": QColor("#c62828")}
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.ToolTipRole, CASE_ID_ROLE, PATIENT_ID_ROLE})


def column_title(key: str) -> str:
    # One literal translate() per title, so lupdate finds them.
    return {
        "name": QCoreApplication.translate("WorklistModel", "Name"),
        "sex_age": QCoreApplication.translate("WorklistModel", "Sex/Age"),
        "id_number": QCoreApplication.translate("WorklistModel", "ID number"),
        "cancer_type": QCoreApplication.translate("WorklistModel", "Cancer"),
        "stage": QCoreApplication.translate("WorklistModel", "Stage"),
        "next_action": QCoreApplication.translate("WorklistModel", "Next action"),
        "due_date": QCoreApplication.translate("WorklistModel", "Due"),
        "risk_level": QCoreApplication.translate("WorklistModel", "Risk"),
        "station": QCoreApplication.translate("WorklistModel", "Station"),
        "case_manager": QCoreApplication.translate("WorklistModel", "Case manager"),
        "last_contact": QCoreApplication.translate("WorklistModel", "Last contact"),
        "waiting_referral": QCoreApplication.translate("WorklistModel", "Referral"),
        "waiting_mdt": QCoreApplication.translate("WorklistModel", "MDT"),
        "sync_state": QCoreApplication.translate("WorklistModel", "Sync"),
    }[key]


class WorklistModel(BlockTableModel):
    def __init__(self, worklist: Worklist, parent=None):
        super().__init__(worklist.rows, BLOCK, CACHE_ROWS, parent)
        self.worklist = worklist
        self.filters = Filters()
        self.sort_key = "due_date"
        self.descending = False
        self._loaded = False

    # loading -------------------------------------------------------------
    def load(self, filters: Filters | None = None, sort_key: str | None = None,
             descending: bool | None = None) -> None:
        """Re-query the ids; rows are fetched again when painted (data may have changed)."""
        if filters is not None:
            self.filters = filters
        if sort_key is not None:
            self.sort_key = sort_key
        if descending is not None:
            self.descending = descending
        ids = self.worklist.ids(self.filters, self.sort_key, self.descending)
        self.beginResetModel()
        self._loaded = True
        self._rows.reset(ids)
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key, descending = COLUMNS[column], order == Qt.SortOrder.DescendingOrder
        if not self._loaded:  # the view being set up: the first load() will use this order
            self.sort_key, self.descending = key, descending
            return
        if (key, descending) == (self.sort_key, self.descending):
            return  # the view re-asserting the current order: nothing to fetch
        self.load(sort_key=key, descending=descending)

    def case_id(self, row: int) -> str:
        return self._ids[row]

    def tick_clocks(self, first: int, last: int) -> None:
        """Repaint the referral clocks of rows first..last (the visible ones)."""
        if self._ids and first <= last:
            column = COLUMNS.index("waiting_referral")
            self.dataChanged.emit(self.index(first, column), self.index(last, column))

    # Qt model API --------------------------------------------------------
    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return column_title(COLUMNS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._ids):
            return str(section + 1)
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        # A repaint asks each cell for ~8 roles; the ones never answered return first.
        if role not in _ROLES or not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "name":
            return f"{row.name} · {row.masked_phone}"
        if role == Qt.ItemDataRole.ToolTipRole and key == "next_action":
            return work_summary(row.next_work, row.open_tasks) or None  # the column shows it cut short
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == PATIENT_ID_ROLE:
            return row.patient_id
        return None

    def _text(self, row: Row, key: str) -> str:
        if key == "name":
            return row.name
        if key == "sex_age":
            return f"{labels.sex_label(row.sex)} / {row.age}"
        if key == "id_number":
            return row.masked_id
        if key == "cancer_type":
            return labels.cancer_label(row.cancer_type)
        if key == "stage":
            return labels.stage_name(row.stage)
        if key == "due_date":
            return self._due_text(row)
        if key == "next_action":
            return work_summary(row.next_work, row.open_tasks)
        if key == "risk_level":
            return labels.risk_label(row.risk_level)
        if key == "last_contact":
            return row.last_contact.astimezone().strftime("%Y-%m-%d") if row.last_contact else ""
        if key == "waiting_referral":
            if row.referral_deadline is not None:
                return self._clock_text(row.referral_deadline)
            return QCoreApplication.translate("WorklistModel", "Waiting") if row.waiting_referral else ""
        if key == "waiting_mdt":
            return QCoreApplication.translate("WorklistModel", "Waiting") if row.waiting_mdt else ""
        if key == "sync_state":
            return labels.sync_label(row.sync_state)
        return str(getattr(row, key) or "")

    @staticmethod
    def _clock_text(deadline) -> str:
        """The 24-hour referral clock as hours:minutes left, or how long it has been over."""
        seconds = int((deadline - clock.now()).total_seconds())
        hours, minutes = divmod(abs(seconds) // 60, 60)
        if seconds < 0:
            return QCoreApplication.translate("WorklistModel", "Over by %1").replace("%1", f"{hours}:{minutes:02d}")
        return QCoreApplication.translate("WorklistModel", "%1 left").replace("%1", f"{hours}:{minutes:02d}")

    @staticmethod
    def _due_text(row: Row) -> str:
        if row.due_date is None:
            return ""
        today = clock.today()
        days = (row.due_date - today).days
        text = row.due_date.isoformat()
        if days < 0:
            return text + " " + QCoreApplication.translate("WorklistModel", "(overdue %n d)", "", -days)
        if days == 0:
            return text + " " + QCoreApplication.translate("WorklistModel", "(today)")
        return text

    @staticmethod
    def _colour(row: Row, key: str):
        if key in ("due_date", "name"):
            mark = row.due_mark(clock.today())
            if mark == "overdue":
                return QBrush(OVERDUE)
            if mark == "today":
                return QBrush(DUE_TODAY)
        if key == "waiting_referral" and row.referral_deadline is not None:
            left = (row.referral_deadline - clock.now()).total_seconds()
            if left < 4 * 3600:
                return QBrush(OVERDUE if left < 0 else DUE_TODAY)
        if key == "sync_state" and row.sync_state in SYNC_COLOURS:
            return QBrush(SYNC_COLOURS[row.sync_state])
        if key == "risk_level" and row.risk_level == "high":
            return QBrush(OVERDUE)
        return None
