"""The patient's timeline (时间线): every event from every institution, newest first,
grouped under one header row per day, with a filter by event type and a detail pane.

Filtering asks app/ again (`PatientService.timeline(kinds=...)`) instead of hiding rows,
so the view shows exactly what the query returns. Times show in the local time zone,
the same days as `app.clock.today()` counts.
"""
from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import QLocale
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QStackedWidget
from PySide6.QtWidgets import QTextBrowser
from PySide6.QtWidgets import QToolBar
from PySide6.QtWidgets import QToolButton
from PySide6.QtWidgets import QTreeView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.patients import EVENT_KINDS
from app.patients import PatientService
from ui.icons import event_icon
from ui.labels import kind_label
from ui.patient.timeline_model import AUTHOR
from ui.patient.timeline_model import ID_ROLE
from ui.patient.timeline_model import PLACE
from ui.patient.timeline_model import TIME
from ui.patient.timeline_model import TITLE
from ui.patient.timeline_model import TYPE
from ui.patient.timeline_model import TimelineModel
from ui.timeline_words import event_body
from ui.timeline_words import event_title

STYLE = """
#timelineFilters QToolButton { padding: 2px 6px; border: 1px solid transparent; border-radius: 4px; }
#timelineFilters QToolButton:checked { background: #e3ecf7; border-color: #b7cbe6; }
#timelineFilters QToolButton:!checked { color: #8a949e; }
#timelineFilters QToolButton#qt_toolbar_ext_button { padding: 0; border: none; }
#timelineEmpty { color: #66727f; padding: 24px; background: #ffffff; border: 1px solid #c8ced6; }
#timelineTree::item { padding-left: 6px; padding-right: 6px; }
#timelineTree QHeaderView::section { padding: 4px 6px; background: #f6f8fa; color: #3b4652;
    border: none; border-bottom: 1px solid #d9dee4; border-right: 1px solid #e6e9ed; }
"""


class TimelinePanel(QWidget):
    def __init__(self, service: PatientService, patient_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.service = service
        self.patient_id = patient_id
        self.caption = QLabel()
        font = self.caption.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.caption.setFont(font)
        # A toolbar, not a row of buttons: on a narrow window the types that do not fit
        # move into its » menu instead of forcing the whole view wider.
        self.filters = QToolBar()
        self.filters.setObjectName("timelineFilters")
        self.filters.setIconSize(QSize(16, 16))
        self.filters.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filter_actions: dict[str, QAction] = {}
        for kind in EVENT_KINDS:
            action = QAction(event_icon(kind), "", self)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self.refresh)
            self.filter_actions[kind] = action
            self.filters.addAction(action)
        self.show_all = QToolButton()
        self.show_all.setAutoRaise(True)
        self.show_all.clicked.connect(self.reset_filter)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.caption)
        row.addWidget(self.filters, 1)
        row.addWidget(self.show_all)

        self.model = TimelineModel(self.group_text, self)
        self.tree = QTreeView()
        self.tree.setObjectName("timelineTree")
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setIndentation(0)
        self.tree.setUniformRowHeights(False)  # date rows are taller than event rows
        self.tree.setIconSize(QSize(18, 18))
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # Sized from the widest texts (`_fit_columns`), not ResizeToContents: that asks
        # the model for the size of every row, ~20,000 Python calls for 500 events.
        for col in (TIME, TYPE, PLACE, AUTHOR):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.tree.selectionModel().currentChanged.connect(self._show_detail)
        self.empty = QLabel()
        self.empty.setObjectName("timelineEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.document().setDocumentMargin(10)
        # A stack keeps the list's size whether it shows events or the empty message.
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.tree)
        self.list_stack.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.splitter, 1)
        self.retranslate()
        self.refresh()

    # -- data ----------------------------------------------------------------------

    def visible_kinds(self) -> set[str]:
        return {k for k, a in self.filter_actions.items() if a.isChecked()}

    def show_kind(self, kind: str) -> None:
        action = self.filter_actions.get(kind)
        if action is not None:
            action.setChecked(True)

    def reset_filter(self) -> None:
        for action in self.filter_actions.values():
            action.blockSignals(True)  # one refresh at the end, not one per type
            action.setChecked(True)
            action.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Ask app/ again and rebuild; keeps the selected event selected if it is still shown."""
        kinds = self.visible_kinds()
        selected = self.current_event_id()
        if not kinds:
            events = []  # the service reads "no kinds" as "all kinds"; nothing checked means none
        else:
            events = self.service.timeline(self.patient_id, None if len(kinds) == len(EVENT_KINDS) else kinds)
        self.model.set_events(events)
        # Spanned before expanding, while the view lists only the day rows.
        root = QModelIndex()
        for row in range(self.model.day_count()):
            self.tree.setFirstColumnSpanned(row, root, True)
        self.tree.expandAll()
        self._fit_columns()
        self._update_empty()
        self.select(selected)

    def _fit_columns(self) -> None:
        """Each narrow column as wide as its widest text: measured once per distinct text
        (a few kinds, places, authors), then one size hint from the view for that row."""
        header = self.tree.header()
        metrics = self.tree.fontMetrics()
        widest: dict[int, tuple[int, object]] = {}
        seen: set[tuple[int, str]] = set()
        for event in self.model.all_events():
            for col, text in ((TYPE, event.kind), (PLACE, event.place), (AUTHOR, event.author)):
                if (col, text) in seen:
                    continue
                seen.add((col, text))
                width = metrics.horizontalAdvance(kind_label(text) if col == TYPE else text)
                if col not in widest or width > widest[col][0]:
                    widest[col] = (width, event)
            widest.setdefault(TIME, (0, event))  # "HH:MM": every row is as wide
        for col in (TIME, TYPE, PLACE, AUTHOR):
            width = header.sectionSizeHint(col)
            if col in widest:
                index = self.model.index_of(widest[col][1].event_id)
                width = max(width, self.tree.sizeHintForIndex(index.siblingAtColumn(col)).width())
            header.resizeSection(col, width)

    def group_text(self, day: dt.date, count: int) -> str:
        """A day row: the ISO date like every other date in CaseDesk, the weekday in the
        UI language, and how many events that day has."""
        today = clock.today()
        text = QLocale().toString(QDate(day.year, day.month, day.day), "yyyy-MM-dd  dddd")
        if day == today:
            text = self.tr("Today · {date}").format(date=text)
        elif day == today - dt.timedelta(days=1):
            text = self.tr("Yesterday · {date}").format(date=text)
        events = self.tr("%n event(s)", "", count)  # outside the f-string: lupdate cannot see into one
        return f"{text}    {events}"

    def select(self, event_id: str | None) -> None:
        index = self.model.index_of(event_id)
        self.tree.setCurrentIndex(index)
        if index.isValid():
            self.tree.scrollTo(index)
        self._show_detail(index)

    def current_event_id(self) -> str | None:
        return self.tree.currentIndex().data(ID_ROLE)

    def _update_empty(self) -> None:
        self.list_stack.setCurrentWidget(self.tree if self.model.day_count() else self.empty)
        if len(self.visible_kinds()) == len(EVENT_KINDS):
            self.empty.setText(self.tr("No events yet. Press Ctrl+N to add a note."))
        else:
            self.empty.setText(self.tr("No events of the types shown. Use Show all to see every event."))

    def _show_detail(self, index: QModelIndex | None = None, _previous=None) -> None:
        event = self.model.event_at(index) if index is not None else None
        if event is None:
            hint = html.escape(self.tr("Select an event to read it in full."))
            self.detail.setHtml(f"<p style='color:#66727f'>{hint}</p>")
            return
        local = event.occurred_at.astimezone()
        facts = [html.escape(f"{kind_label(event.kind)} · {local:%Y-%m-%d %H:%M}")]
        if event.place:
            facts.append(html.escape(self.tr("Place: {place}").format(place=event.place)))
        if event.author:
            facts.append(html.escape(self.tr("Recorded by: {author}").format(author=event.author)))
        text = event_body(event)
        body = html.escape(text).replace("\n", "<br>") if text else ""
        self.detail.setHtml(
            f"<h3 style='margin:0 0 4px 0'>{html.escape(event_title(event))}</h3>"
            f"<p style='color:#66727f; margin:0 0 10px 0'>{'<br>'.join(facts)}</p><p>{body}</p>")

    # -- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Timeline"))
        self.model.set_headers([self.tr("Time"), self.tr("Type"), self.tr("Title"),
                                self.tr("Place"), self.tr("Recorded by")])
        for kind, action in self.filter_actions.items():
            action.setText(kind_label(kind))
            action.setToolTip(self.tr("Show or hide {kind} events").format(kind=kind_label(kind)))
        self.show_all.setText(self.tr("Show all"))
        if self.model.day_count():
            self.model.relabel()  # day rows and type names, in the new language
            self._fit_columns()
        self._update_empty()
        self._show_detail(self.tree.currentIndex())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
