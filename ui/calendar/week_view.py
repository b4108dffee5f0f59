"""The week: seven columns of planned follow-ups; drag one to another day to reschedule.

A drop goes to `on_drop(ids, day)` (the page, which asks the app service); the column
models only carry ids in the drag's MIME data and never change rows themselves, so the
view shows what the database holds after the move.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel
from PySide6.QtCore import QLocale
from PySide6.QtCore import QMimeData
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QListView
from PySide6.QtWidgets import QSizePolicy
from PySide6.QtWidgets import QWidget

from ui.calendar import labels

MIME = "application/x-casedesk-followup-ids"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
DropHandler = Callable[[list, dt.date], bool]


class DayModel(QAbstractListModel):
    """One day's planned follow-ups (rows from app.followups.FollowupRow)."""

    def __init__(self, day: dt.date, on_drop: DropHandler | None = None, parent=None):
        super().__init__(parent)
        self.day = day
        self.on_drop = on_drop
        self.items: list = []
        self.today = day

    def set_rows(self, day: dt.date, rows: list, today: dt.date) -> None:
        self.beginResetModel()
        self.day, self.items, self.today = day, list(rows), today
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        row = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (row.name, row.phone, labels.method(row.method), row.rule_id, row.notes) if x)
        if role == Qt.ItemDataRole.ForegroundRole and self.day < self.today:
            return QBrush(labels.OVERDUE)
        if role == Qt.ItemDataRole.DecorationRole:
            return labels.method_dot(row.method)
        if role == ID_ROLE:
            return row.id
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        return base if index.isValid() else Qt.ItemFlag.ItemIsDropEnabled

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        ids = [self.items[i.row()].id for i in indexes if i.isValid()]
        mime = QMimeData()
        mime.setData(MIME, "\n".join(ids).encode("ascii"))
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data.hasFormat(MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent) or self.on_drop is None:
            return False
        ids = [i for i in bytes(data.data(MIME)).decode("ascii").split("\n") if i]
        if not ids or set(ids) <= {item.id for item in self.items}:
            return False  # dropped back on its own day
        self.on_drop(ids, self.day)
        return False  # the page reloads from the database; Qt must not delete the source rows


class WeekView(QWidget):
    followup_clicked = Signal(str, object)  # follow-up id, its day: the page shows it in the day's list

    def __init__(self, on_drop: DropHandler, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        self.headers: list[QLabel] = []
        self.lists: list[QListView] = []
        self.models: list[DayModel] = []
        for col in range(7):
            header = QLabel(self)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setTextFormat(Qt.TextFormat.RichText)
            header.setFrameShape(QFrame.Shape.StyledPanel)
            header.setMinimumHeight(60)
            header.setWordWrap(True)
            # Equal columns whatever a header says: a holiday's name wraps instead of widening its day.
            header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            model = DayModel(dt.date.today(), on_drop, self)
            view = QListView(self)
            view.setModel(model)
            view.setUniformItemSizes(True)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.setDragEnabled(True)
            view.setAcceptDrops(True)
            view.setDropIndicatorShown(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            view.setDefaultDropAction(Qt.DropAction.MoveAction)
            view.clicked.connect(lambda index, c=col: self._clicked(c, index))
            grid.addWidget(header, 0, col)
            grid.addWidget(view, 1, col)
            grid.setColumnStretch(col, 1)
            self.headers.append(header)
            self.lists.append(view)
            self.models.append(model)

    def set_week(self, days: dict, infos: dict, today: dt.date) -> None:
        """`days`: date -> rows, Monday first; `infos`: date -> DayInfo."""
        locale = QLocale()
        for col, (day, rows) in enumerate(sorted(days.items())):
            self.models[col].set_rows(day, rows, today)
            info = infos.get(day)
            tag = ""
            if info is not None and info.kind in ("holiday", "makeup"):
                colour = labels.OVERDUE.name() if info.kind == "holiday" else labels.MAKEUP.name()
                tag = f"<br><span style='color:{colour}'>{labels.day_kind(info.kind)} {labels.holiday(info.name)}</span>"
            weight = "bold" if day == today else "normal"
            planned = self.tr("%n planned", "", len(rows))
            self.headers[col].setText(
                f"<span style='font-weight:{weight}'>{locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)}"
                f" {day.month}/{day.day}</span>{tag}<br><span style='color:#6b7785'>{planned}</span>")

    def _clicked(self, col: int, index) -> None:
        """One selection across the week: a plain click in one day clears the others'."""
        if not QApplication.keyboardModifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            for other, view in enumerate(self.lists):
                if other != col:
                    view.clearSelection()
        fid = index.data(ID_ROLE)
        if fid:
            self.followup_clicked.emit(fid, self.models[col].day)

    def selected_ids(self) -> list[str]:
        out = []
        for view in self.lists:
            out += [i.data(ID_ROLE) for i in view.selectionModel().selectedIndexes()]
        return out
