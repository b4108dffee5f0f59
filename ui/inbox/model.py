"""The inbox as a table: kind, when, patient, what; unseen rows in bold.

An inbox is short (what arrived and is not settled yet), so the items are held whole and
replaced on each reload, like the outbox (ui/sync/outbox_model.py).
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QFont

from app import inbox
from app.inbox import InboxItem
from app.problems import Problem
from app.sync import conflicts
from ui import problem_words
from ui.sync.outbox_model import conflict_text
from ui.sync.words import moment_text
from ui.sync.words import rejection_text

COLUMNS = ("kind", "when", "patient", "what")
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_COLOURS = {inbox.CONFLICT: QColor("#c62828"), inbox.REFUSED: QColor("#c62828"),
                inbox.REFERRAL_IN: QColor("#c0672b"), inbox.MDT_DECISION: QColor("#2f6fb3"),
                inbox.SETTLED: QColor("#6a4fb3")}


def kind_name(kind: str) -> str:
    return {
        inbox.CONFLICT: QCoreApplication.translate("InboxModel", "Conflict"),
        inbox.REFUSED: QCoreApplication.translate("InboxModel", "Refused change"),
        inbox.REFERRAL_IN: QCoreApplication.translate("InboxModel", "Incoming referral"),
        inbox.MDT_DECISION: QCoreApplication.translate("InboxModel", "MDT decision"),
        inbox.SETTLED: QCoreApplication.translate("InboxModel", "Clash settled"),
    }.get(kind, kind)


def column_title(key: str) -> str:
    return {
        "kind": QCoreApplication.translate("InboxModel", "Kind"),
        "when": QCoreApplication.translate("InboxModel", "When"),
        "patient": QCoreApplication.translate("InboxModel", "Patient"),
        "what": QCoreApplication.translate("InboxModel", "What"),
    }[key]


def what_text(item: InboxItem, full: bool = False) -> str:
    """The item's own words; for an outbox entry, the sync words for what clashed or why the
    server refused it follow (the same the Changes waiting list shows)."""
    text = problem_words.words(Problem(item.code, None, item.params))
    if item.kind == inbox.CONFLICT:
        detail = conflict_text(item.params.get("conflict", conflicts.FIELDS))
    elif item.kind == inbox.REFUSED and item.outbox is not None:
        detail = rejection_text(item.outbox, "\n" if full else " ")
    else:
        return text
    if full:
        return f"{text}\n{detail}"
    return QCoreApplication.translate("InboxModel", "{text} ({detail})").format(text=text, detail=detail)


class InboxModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[InboxItem] = []
        self._bold: QFont | None = None  # one for every unread cell

    def set_items(self, items: list[InboxItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item(self, row: int) -> InboxItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return column_title(COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.items)) \
                or not (0 <= index.column() < len(COLUMNS)):
            return None
        item, key = self.items[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "what":
            return what_text(item, full=True)
        if role == Qt.ItemDataRole.ForegroundRole and key == "kind":
            return KIND_COLOURS.get(item.kind)
        if role == Qt.ItemDataRole.FontRole and not item.seen:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == ITEM_ID_ROLE:
            return item.id
        return None

    @staticmethod
    def _text(item: InboxItem, key: str) -> str:
        if key == "kind":
            return kind_name(item.kind)
        if key == "when":
            return moment_text(item.when)
        if key == "patient":
            return item.patient_name
        return what_text(item)
