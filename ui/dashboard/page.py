"""The 统计 page: the programmes' screening funnel (app/dashboard/funnel.py) and the outcome
figures for a period, a station and a programme, per station, per programme and per case
manager, with 随访率 / 随访及时率, as tiles, charts and tables.

Every number is clickable and lists the patients behind it (DrillDialog); a double-click
there opens the patient (`patient_requested`, which the workspace connects). Figures are
computed in the background; a data change marks them stale and they are computed again
the next time the page is shown.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.dashboard import KEYS
from app.dashboard import build
from app.dashboard import period_for
from app.dashboard import station_choices
from app.dashboard.export import export_dashboard
from app.dashboard.funnel import STEPS
from app.dashboard.funnel import FunnelQuery
from app.dashboard.funnel import build_funnel
from app.dashboard.funnel import step_patients
from app.dashboard.funnel_export import export_funnel
from app.dashboard.metrics import Figure
from app.errors import ValidationError
from ui import problem_words
from ui.dashboard.charts import StationChart
from ui.dashboard.drill import DrillDialog
from ui.dashboard.funnel_view import ProgrammeFunnel
from ui.dashboard.funnel_view import fill_followups
from ui.dashboard.funnel_view import fill_funnels
from ui.dashboard.funnel_view import new_table
from ui.dashboard.funnel_words import general_help
from ui.dashboard.funnel_words import step_help
from ui.dashboard.funnel_words import step_names
from ui.dashboard.words import figure_names
from ui.dashboard.words import periods
from ui.dashboard.words import short_names
from ui.dashboard.words import tile_text
from ui.dashboard.words import value_text
from ui.file_dialogs import save_path
from ui.labels import cancer_label
from ui.problem_words import say
from ui.sheet_words import sheet_words
from ui.tasks import run_in_background

TILES = ("referral_24h", "followup_completion", "chase_rate", "treated_locally", "days_to_diagnosis",
         "days_to_treatment")


class Tile(QPushButton):
    """A number and what it is; clicking lists its patients."""

    def __init__(self, key: str, parent=None):
        super().__init__(parent)
        self.key = key
        self.setMinimumHeight(74)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value, self.detail, self.caption = QLabel(), QLabel(), QLabel(wordWrap=True)
        font = self.value.font()
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.detail.setStyleSheet("color: #666;")
        top = QHBoxLayout()
        top.addWidget(self.value)
        top.addStretch(1)
        top.addWidget(self.detail, 0, Qt.AlignmentFlag.AlignBottom)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 10, 6)
        column.setSpacing(2)
        column.addLayout(top)
        column.addWidget(self.caption)
        for label in (self.value, self.detail, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_figure(self, value: str, detail: str, caption: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.caption.setText(caption)
        self.setToolTip(f"{caption}: {value} {detail}")


class DashboardPage(QWidget):
    patient_requested = Signal(str)
    computed = Signal(object)  # app.dashboard.Dashboard, once drawn
    drilled = Signal(object)  # the DrillDialog opened by a click

    def __init__(self, profile, parent=None, events=None):
        """`events`: the window's bridge (ui/events.py); the dashboard follows who signs in."""
        super().__init__(parent)
        self.profile = profile
        self.board = None
        self.funnel_board = None
        self._stale = True
        self.period_box, self.station_box, self.programme_box = QComboBox(), QComboBox(), QComboBox()
        for box in (self.period_box, self.station_box, self.programme_box):  # the words change with the language
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        today = clock.today()
        self.since_edit, self.until_edit = QDateEdit(QDate(today.year, 1, 1)), QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.hide()
            edit.dateChanged.connect(self.refresh)
        self.to_label = QLabel("–")
        self.to_label.hide()
        self.refresh_button, self.export_button = QPushButton(), QPushButton()
        self.funnel_export_button, self.help_button = QPushButton(), QPushButton()
        self.status = QLabel()
        self.status.setStyleSheet("color: palette(mid);")
        self.tiles = {key: Tile(key) for key in TILES}
        self.funnel, self.stations_chart = ProgrammeFunnel(), StationChart()
        self.tabs = QTabWidget()
        self.station_table, self.cm_table = self._table(), self._table()
        self.funnel_station_table, self.funnel_programme_table = new_table(len(KEYS)), new_table(len(KEYS))
        self.followup_station_table, self.followup_cm_table = new_table(6), new_table(6)
        for table in (self.funnel_station_table, self.funnel_programme_table, self.followup_station_table,
                      self.followup_cm_table, self.station_table, self.cm_table):
            self.tabs.addTab(table, "")
        self._labels = [QLabel(), QLabel(), QLabel()]
        self._build()
        self._stations = station_choices(profile.sessions)
        self.retranslate()
        self.period_box.currentIndexChanged.connect(self.refresh)
        self.station_box.currentIndexChanged.connect(self.refresh)
        self.programme_box.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(lambda: self.export())
        self.funnel_export_button.clicked.connect(lambda: self.export_funnel())
        self.help_button.clicked.connect(self.show_help)
        for tile in self.tiles.values():
            tile.clicked.connect(lambda _c=False, k=tile.key: self.drill(k))
        self.funnel.step_clicked.connect(self.drill_step)
        self.stations_chart.bar_clicked.connect(lambda sid, key: self.drill(key, "station", sid))
        self.station_table.cellClicked.connect(lambda r, c: self._cell(self.station_table, "station", r, c))
        self.cm_table.cellClicked.connect(lambda r, c: self._cell(self.cm_table, "cm", r, c))
        self.funnel_station_table.cellClicked.connect(lambda r, c: self._funnel_cell("station", r, c))
        self.funnel_programme_table.cellClicked.connect(lambda r, c: self._funnel_cell("programme", r, c))
        if events is not None:
            events.identity_changed.connect(self._identity_changed)

    def _identity_changed(self, _me) -> None:
        """A sign-in on a fresh station profile: its stations arrive with the first pull."""
        self._stations = station_choices(self.profile.sessions)
        self.retranslate()
        self.mark_stale()

    @staticmethod
    def _table() -> QTableWidget:
        table = QTableWidget(0, len(KEYS) + 1)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        return table

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self._labels[0])
        bar.addWidget(self.period_box)
        bar.addWidget(self.since_edit)
        bar.addWidget(self.to_label)
        bar.addWidget(self.until_edit)
        bar.addWidget(self._labels[1])
        bar.addWidget(self.station_box)
        bar.addWidget(self._labels[2])
        bar.addWidget(self.programme_box)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.funnel_export_button)
        bar.addWidget(self.help_button)
        bar.addStretch(1)
        bar.addWidget(self.status)
        grid = QGridLayout()
        for i, key in enumerate(TILES):
            grid.addWidget(self.tiles[key], 0, i)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.funnel)
        charts.addWidget(self.stations_chart)
        charts.setSizes([620, 460])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(charts)
        split.addWidget(self.tabs)
        split.setSizes([340, 240])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(bar)
        layout.addLayout(grid)
        layout.addWidget(split, 1)

    def retranslate(self) -> None:
        self._labels[0].setText(self.tr("Period"))
        self._labels[1].setText(self.tr("Station"))
        self._labels[2].setText(self.tr("Programme"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export…"))
        self.funnel_export_button.setText(self.tr("Export funnel…"))
        self.help_button.setText(self.tr("How the funnel counts…"))
        for i, text in enumerate((self.tr("Funnel by station"), self.tr("Funnel by programme"),
                                  self.tr("Follow-up rates by station"), self.tr("Follow-up rates by case manager"),
                                  self.tr("By station"), self.tr("By case manager"))):
            self.tabs.setTabText(i, text)
        period, station = self.period_box.currentData(), self.station_box.currentData()
        programme = self.programme_box.currentData()
        for box in (self.period_box, self.station_box, self.programme_box):
            box.blockSignals(True)
            box.clear()
        for key, label in periods():
            self.period_box.addItem(label, key)
        self.station_box.addItem(self.tr("All stations"), "")
        for sid, name in self._stations:
            self.station_box.addItem(name, sid)
        self.period_box.setCurrentIndex(max(0, self.period_box.findData(period or "all")))
        self.station_box.setCurrentIndex(max(0, self.station_box.findData(station or "")))
        self._fill_programmes(programme or "")
        for box in (self.period_box, self.station_box, self.programme_box):
            box.blockSignals(False)
        if self.funnel_board is not None:
            self._draw_funnel(self.funnel_board)
        if self.board is not None:
            self._draw(self.board)

    def _fill_programmes(self, chosen: str) -> None:
        """Every programme with an invited case (as last computed), and the one chosen."""
        self.programme_box.clear()
        self.programme_box.addItem(self.tr("All programmes"), "")
        known = list(self.funnel_board.programmes) if self.funnel_board else []
        for code in known + ([chosen] if chosen and chosen not in known else []):
            self.programme_box.addItem(cancer_label(code), code)
        self.programme_box.setCurrentIndex(max(0, self.programme_box.findData(chosen)))

    # -- computing -------------------------------------------------------------------
    def mark_stale(self) -> None:
        """Data changed: compute again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self, *_args) -> None:
        self._stale = False
        key = self.period_box.currentData() or "all"
        custom = key == "custom"
        for widget in (self.since_edit, self.to_label, self.until_edit):
            widget.setVisible(custom)
        try:
            period = period_for(key, clock.today(), self.since_edit.date().toPython(), self.until_edit.date().toPython())
        except ValidationError as exc:
            self.status.setText(problem_words.say(exc))
            return
        station = self.station_box.currentData() or None
        query = FunnelQuery(period, self.programme_box.currentData() or None, station)
        self.status.setText(self.tr("Computing…"))
        self.refresh_button.setEnabled(False)
        sessions = self.profile.sessions
        # The funnel first: one db lane runs them in turn, so it is drawn while the case-by-case
        # figures are still computing, and is there by the time `computed` says all are.
        run_in_background(lambda: build_funnel(sessions, query), self._draw_funnel, self._failed)
        run_in_background(lambda: build(sessions, period, station), self._draw, self._failed)

    def _failed(self, exc) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(say(exc))

    def _draw(self, board) -> None:
        self.board = board
        self.refresh_button.setEnabled(True)
        names = figure_names()
        for key, tile in self.tiles.items():
            tile.set_figure(*tile_text(board.overall[key]), names[key])
        self.stations_chart.show_groups(board.by_station)
        self._fill(self.station_table, board.by_station, self.tr("Station"))
        self._fill(self.cm_table, board.by_cm, self.tr("Case manager"))
        self.status.setText(self.tr("Computed at {time} in {seconds} s").format(
            time=board.computed_at.astimezone().strftime("%H:%M"), seconds=f"{board.seconds:.1f}"))
        self.computed.emit(board)

    def _fill(self, table: QTableWidget, groups, first: str) -> None:
        names = short_names()
        table.setHorizontalHeaderLabels([first] + [names[k] for k in KEYS])
        table.setRowCount(len(groups))
        for r, g in enumerate(groups):
            table.setItem(r, 0, QTableWidgetItem(g.label))
            for c, key in enumerate(KEYS, start=1):
                item = QTableWidgetItem(value_text(g[key]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def _draw_funnel(self, fb) -> None:
        self.funnel_board = fb
        self.funnel.show_funnel(fb.overall)
        programme = self.programme_box.currentData() or ""
        self.programme_box.blockSignals(True)
        self._fill_programmes(programme)
        self.programme_box.blockSignals(False)
        loop = self.tr("90-day loop closure")
        fill_funnels(self.funnel_station_table, fb.by_station, self.tr("Station"), lambda f: f.label, loop)
        fill_funnels(self.funnel_programme_table, fb.by_programme, self.tr("Programme"),
                     lambda f: cancer_label(f.programme), loop)
        heads = [self.tr("Follow-ups due"), self.tr("Followed up"), self.tr("Follow-up rate"),
                 self.tr("Followed up on time"), self.tr("Timely follow-up rate")]
        fill_followups(self.followup_station_table, fb.followups_by_station, [self.tr("Station")] + heads)
        fill_followups(self.followup_cm_table, fb.followups_by_cm, [self.tr("Case manager")] + heads)

    def show_help(self) -> QMessageBox:
        names, helps = step_names(), step_help()
        steps = "".join(f"<li><b>{names[k]}</b>: {helps[k]}</li>" for k in names)
        text = f"<ol>{steps}</ol>" + "".join(f"<p>{p}</p>" for p in general_help())
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("How the funnel counts"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        return box

    # -- drilling down ---------------------------------------------------------------
    def drill_step(self, step: str, funnel=None) -> None:
        """A funnel step's (or the loop's) patients, found in the background, then listed: of the
        page's funnel, or of one row of the funnel tables (`funnel`: that station or programme)."""
        if self.funnel_board is None:
            return
        funnel = funnel or self.funnel_board.overall
        query = self.funnel_board.query
        if funnel is not self.funnel_board.overall:
            query = replace(query, station_id=funnel.station_id or query.station_id,
                            programme=funnel.programme or query.programme)
        if step in step_names():
            count, title = funnel[step].count, step_names()[step]
        else:
            count, title = None, self.tr("90-day loop closure")
        where = cancer_label(funnel.programme) if funnel.programme and not query.programme else funnel.label
        title += f" — {where}" if where and funnel is not self.funnel_board.overall else ""
        run_in_background(lambda: step_patients(self.profile.sessions, query, step),
                          lambda ids: self._drill_list(Figure(step, count if count is not None else len(ids),
                                                              tuple(ids)), title))

    def _funnel_cell(self, rows: str, row: int, column: int) -> None:
        """A click in a funnel table: the step's (or the loop's) patients of that row."""
        if self.funnel_board is None or column == 0:
            return
        funnels = self.funnel_board.by_station if rows == "station" else self.funnel_board.by_programme
        step = STEPS[column - 1] if column <= len(STEPS) else "loop_met"
        self.drill_step(step, funnels[row])

    def _drill_list(self, figure: Figure, title: str) -> None:
        dialog = DrillDialog(self.profile, title, figure, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.patient_requested.connect(self.patient_requested)
        dialog.show()
        self.drilled.emit(dialog)

    def figure(self, key: str, scope: str = "all", group_id: str | None = None):
        if scope == "all":
            return self.board.overall[key], ""
        groups = self.board.by_station if scope == "station" else self.board.by_cm
        group = next(g for g in groups if g.group_id == group_id)
        return group[key], group.label

    def drill(self, key: str, scope: str = "all", group_id: str | None = None) -> DrillDialog | None:
        if self.board is None:
            return None
        figure, where = self.figure(key, scope, group_id)
        title = figure_names()[key] + (f" — {where}" if where else "")
        dialog = DrillDialog(self.profile, title, figure, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.patient_requested.connect(self.patient_requested)
        dialog.show()
        self.drilled.emit(dialog)
        return dialog

    def _cell(self, table, scope: str, row: int, column: int) -> None:
        if column == 0 or self.board is None:
            return
        groups = self.board.by_station if scope == "station" else self.board.by_cm
        self.drill(KEYS[column - 1], scope, groups[row].group_id)

    # -- export ----------------------------------------------------------------------
    def export(self, path: str | None = None) -> None:
        if self.board is None:
            return
        if path is None:
            path = save_path(self, self.tr("Export statistics"),
                             self.tr("statistics-{date}.xlsx").format(date=clock.today().isoformat()),
                             self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
            if not path:
                return
        board, words = self.board, sheet_words()  # in the window's language at the click
        run_in_background(lambda: export_dashboard(self.profile.store, board, path, words=words),
                          lambda n: self.status.setText(self.tr("{n} rows exported to {path}").format(n=n, path=path)),
                          lambda exc: QMessageBox.warning(self, self.tr("Export statistics"), say(exc)))

    def export_funnel(self, path: str | None = None) -> None:
        if self.funnel_board is None:
            return
        if path is None:
            path = save_path(self, self.tr("Export the screening funnel"),
                             self.tr("funnel-{date}.xlsx").format(date=clock.today().isoformat()),
                             self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
            if not path:
                return
        board, words = self.funnel_board, sheet_words()
        run_in_background(lambda: export_funnel(self.profile.store, board, path, words=words),
                          lambda n: self.status.setText(self.tr("{n} rows exported to {path}").format(n=n, path=path)),
                          lambda exc: QMessageBox.warning(self, self.tr("Export the screening funnel"), say(exc)))

    # -- Qt --------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
