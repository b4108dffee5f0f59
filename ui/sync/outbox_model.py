"""The outbox as a table: what is waiting to go to the server, in words.

A thin adapter over app.sync.service.outbox_items; the outbox is short (it empties on
every successful cycle), so the items are held whole and reloaded on each data change.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.sync import conflicts
from app.sync import service
from app.sync.service import OutboxItem
from ui.labels import sync_label
from ui.sync.words import field_name
from ui.sync.words import moment_text
from ui.sync.words import op_name
from ui.sync.words import rejection_text
from ui.sync.words import table_name

COLUMNS = ("status", "record", "table", "op", "fields", "created_at", "reason")
STATUS_COLOURS = {"pending": QColor("#1565c0"), "conflict": QColor("#c62828"), "rejected": QColor("#c62828")}
MAX_FIELDS_SHOWN = 4


def conflict_text(kind: str) -> str:
    texts = {
        conflicts.FIELDS: QCoreApplication.translate("OutboxModel", "Changed here and on the server"),
        conflicts.DELETED_HERE: QCoreApplication.translate("OutboxModel", "Deleted here, changed on the server"),
        conflicts.DELETED_THERE: QCoreApplication.translate("OutboxModel", "Deleted on the server, changed here"),
    }
    return texts.get(kind, texts[conflicts.FIELDS])


def column_title(key: str) -> str:
    titles = {
        "status": QCoreApplication.translate("OutboxModel", "Status"),
        "record": QCoreApplication.translate("OutboxModel", "Patient"),
        "table": QCoreApplication.translate("OutboxModel", "Record type"),
        "op": QCoreApplication.translate("OutboxModel", "Change"),
        "fields": QCoreApplication.translate("OutboxModel", "Fields"),
        "created_at": QCoreApplication.translate("OutboxModel", "When"),
        "reason": QCoreApplication.translate("OutboxModel", "Server's reason"),
    }
    return titles[key]


STATUS_ORDER = {"conflict": 0, "rejected": 1, "pending": 2}


class OutboxModel(QAbstractTableModel):
    def __init__(self, profile, parent=None):
        super().__init__(parent)
        self.profile = profile
        self.items: list[OutboxItem] = []

    def reload(self) -> None:
        self.beginResetModel()
        # Conflicts first (a decision only a person can take), then refused changes, then what
        # is simply waiting; oldest first within each.
        items = service.outbox_items(self.profile)
        self.items = sorted(items, key=lambda i: (STATUS_ORDER.get(i.status, len(STATUS_ORDER)), i.seq))
        self.endResetModel()

    def item(self, row: int) -> OutboxItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return column_title(COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.items)) \
                or not (0 <= index.column() < len(COLUMNS)):
            return None
        item, key = self.items[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("fields", "reason"):
            return self._text(item, key, full=True) or None
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return STATUS_COLOURS.get(item.status)
        return None

    @staticmethod
    def _text(item: OutboxItem, key: str, full: bool = False) -> str:
        if key == "status":
            return sync_label(item.status)
        if key == "record":
            return item.patient_name
        if key == "table":
            return table_name(item.table)
        if key == "op":
            return op_name(item.op)
        if key == "fields":
            if item.op != "update":
                return ""
            names = [field_name(f) for f in item.fields]
            separator = QCoreApplication.translate("OutboxModel", ", ")  # "、" in Chinese
            if full or len(names) <= MAX_FIELDS_SHOWN:
                return separator.join(names)
            more = QCoreApplication.translate("OutboxModel", "+{count} more").format(
                count=len(names) - MAX_FIELDS_SHOWN)
            return separator.join(names[:MAX_FIELDS_SHOWN]) + " " + more
        if key == "created_at":
            return moment_text(item.created_at)
        if key == "reason":
            if item.status == "rejected":
                return rejection_text(item, "\n" if full else " ")
            if item.status == "conflict":
                return conflict_text(conflicts.conflict_kind(item.op, item.detail))
            return ""
        return ""
