"""The timeline as a two-level model: one row per local day (newest first), its events
under it.

A model instead of QTreeWidget items because a heavy patient has ~500 events over ~450
days: building ~1,000 items with texts, icons, tooltips and fonts cost more than the
rest of opening the patient. Here the events are held as they came from app/ and every
text, icon and tooltip is made when a row is painted. Index ids: 0 for a day row,
day row + 1 for an event (its parent's row), so no Python object hides behind a pointer.
"""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor
from PySide6.QtGui import QFont

from app.patients import TimelineItem
from ui.icons import event_icon
from ui.labels import kind_label
from ui.timeline_words import event_body
from ui.timeline_words import event_title

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
DATE_ROLE = Qt.ItemDataRole.UserRole + 2
TIME, TYPE, TITLE, PLACE, AUTHOR = range(5)
COLUMNS = 5
GROUP_BACKGROUND = QBrush(QColor("#eef2f6"))
GROUP_HEIGHT = QSize(0, 30)  # date rows are taller than event rows
EVENT_HEIGHT = QSize(0, 26)  # on TITLE, not TIME: a width there would widen the column
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_SIZE = Qt.ItemDataRole.SizeHintRole
_EVENT_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

# (day, number of events that day) → the day row's text, in the UI language.
GroupText = Callable[[dt.date, int], str]


def tooltip(item: TimelineItem) -> str:
    """Rich text, so long bodies wrap instead of running off the screen."""
    title = event_title(item)
    body = html.escape(event_body(item) or title).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'><b>{html.escape(title)}</b><br>{body}</p>"


def local_day(event: TimelineItem) -> dt.date:
    return event.occurred_at.astimezone().date()


class TimelineModel(QAbstractItemModel):
    def __init__(self, group_text: GroupText, parent=None):
        super().__init__(parent)
        self._group_text = group_text
        self._days: list[dt.date] = []
        self._events: list[list[TimelineItem]] = []
        self._where: dict[str, tuple[int, int]] = {}  # event id → (day row, row)
        self._labels: dict[int, str] = {}  # day row → its text, made when first painted
        self._headers: list[str] = [""] * COLUMNS
        self._bold = QFont()
        self._bold.setBold(True)  # only the weight: the view's own font fills in the rest

    # -- contents --------------------------------------------------------------------

    def set_events(self, events: list[TimelineItem]) -> None:
        """Events newest first, as `PatientService.timeline` returns them."""
        self.beginResetModel()
        self._days, self._events, self._where, self._labels = [], [], {}, {}
        for event in events:
            day = local_day(event)
            if not self._days or self._days[-1] != day:
                self._days.append(day)
                self._events.append([])
            self._where[event.event_id] = (len(self._days) - 1, len(self._events[-1]))
            self._events[-1].append(event)
        self.endResetModel()

    def set_headers(self, titles: list[str]) -> None:
        self._headers = list(titles)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def relabel(self) -> None:
        """The language or the date changed: day rows and type names say it again."""
        self._labels.clear()
        if self._days:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._days) - 1, COLUMNS - 1))
            for row, events in enumerate(self._events):
                parent = self.index(row, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(events) - 1, COLUMNS - 1, parent))

    def day_count(self) -> int:
        return len(self._days)

    def day(self, row: int) -> dt.date:
        return self._days[row]

    def events_on(self, row: int) -> list[TimelineItem]:
        return self._events[row]

    def event_at(self, index: QModelIndex) -> TimelineItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._events[index.internalId() - 1][index.row()]

    def index_of(self, event_id: str | None) -> QModelIndex:
        where = self._where.get(event_id) if event_id else None
        if where is None:
            return QModelIndex()
        return self.createIndex(where[1], 0, where[0] + 1)

    def all_events(self):
        for events in self._events:
            yield from events

    # -- Qt model API ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._days) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0 or row >= len(self._events[parent.row()]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: A003 (Qt's name)
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._days)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._events[parent.row()])

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return COLUMNS

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._days)
        return parent.internalId() == 0 and parent.column() == 0

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled  # a date row is a heading: not selectable
        # Never has children: the view then neither asks nor remembers it as expanded.
        return _EVENT_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < COLUMNS:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        group = index.internalId()
        if group == 0:
            return self._day_data(index.row(), index.column(), role)
        event = self._events[group - 1][index.row()]
        column = index.column()
        if role == _DISPLAY:
            if column == TIME:
                return event.occurred_at.astimezone().strftime("%H:%M")
            if column == TYPE:
                return kind_label(event.kind)
            if column == TITLE:
                return event_title(event)  # worded now: a language switch only repaints
            return (event.place, event.author)[column - PLACE]
        if role == _DECORATION:
            return event_icon(event.kind) if column == TYPE else None
        if role == _SIZE:
            return EVENT_HEIGHT if column == TITLE else None
        if role == _TOOLTIP:
            return tooltip(event)
        if role == ID_ROLE:
            return event.event_id
        if role == KIND_ROLE:
            return event.kind
        return None

    def _day_data(self, row: int, column: int, role: int):
        if role == _DISPLAY:
            if column != TIME:
                return None
            label = self._labels.get(row)
            if label is None:
                label = self._labels[row] = self._group_text(self._days[row], len(self._events[row]))
            return label
        if role == Qt.ItemDataRole.BackgroundRole:
            return GROUP_BACKGROUND
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if column == TIME else None
        if role == _SIZE:
            return GROUP_HEIGHT if column == TIME else None
        if role == DATE_ROLE:
            return self._days[row]
        return None
