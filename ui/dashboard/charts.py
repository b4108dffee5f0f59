"""The two charts of the statistics page (QtCharts): the screening funnel, and per station
the share of referrals done within 24 hours, follow-ups completed and patients treated in
the county, against the 80% national goal. A click on a bar asks for its patients."""
from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCharts import QBarSeries
from PySide6.QtCharts import QBarSet
from PySide6.QtCharts import QChart
from PySide6.QtCharts import QChartView
from PySide6.QtCharts import QHorizontalBarSeries
from PySide6.QtCharts import QLineSeries
from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import QMargins
from PySide6.QtCore import QPointF
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPen

from app.dashboard import FUNNEL
from app.dashboard import LOCAL_GOAL
from ui.dashboard.words import figure_names
from ui.dashboard.words import short_names

FUNNEL_COLOUR = "#3f7f8c"
RATE_COLOURS = {"referral_24h": "#c0672b", "followup_completion": "#2e8b57", "treated_locally": "#2f6fb3"}
STATION_RATES = tuple(RATE_COLOURS)


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


class FunnelChart(QChartView):
    """Horizontal bars, pushed at the top; each bar labelled with its count."""

    step_clicked = Signal(str)  # a FUNNEL key

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self.figures = None

    def show_figures(self, figures) -> None:
        self.figures = figures
        names = figure_names()
        steps = list(reversed(FUNNEL))  # Qt draws the first category at the bottom
        bars = QBarSet(self.tr("Cases"))
        bars.setColor(QColor(FUNNEL_COLOUR))
        bars.append([float(figures[k].value or 0) for k in steps])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        series.clicked.connect(lambda index, _set: self.step_clicked.emit(steps[index]))
        chart = _chart(self.tr("Screening funnel"))
        chart.addSeries(series)
        chart.legend().setVisible(False)
        categories = QBarCategoryAxis()
        categories.append([names[k] for k in steps])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setRange(0, max(1.0, float(figures["pushed"].value or 0)) * 1.05)
        values.setLabelFormat("%d")
        values.applyNiceNumbers()
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def bar_values(self) -> list[float]:
        """What the bars show, top (pushed) first: for tests and the export check."""
        series = self.chart().series()[0]
        values = [series.barSets()[0].at(i) for i in range(series.barSets()[0].count())]
        return list(reversed(values))


class StationChart(QChartView):
    """Grouped bars per station: three rates in percent, and the 80% goal as a line."""

    bar_clicked = Signal(str, str)  # station id, figure key

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)

    def show_groups(self, groups) -> None:
        names = short_names()
        stations = groups[:12]
        series = QBarSeries()
        for key in STATION_RATES:
            bars = QBarSet(names[key])
            bars.setColor(QColor(RATE_COLOURS[key]))
            bars.append([round((g[key].value or 0) * 100, 1) for g in stations])
            series.append(bars)
        series.clicked.connect(lambda index, bars: self.bar_clicked.emit(
            stations[index].group_id, STATION_RATES[series.barSets().index(bars)]))
        chart = _chart(self.tr("Stations against the 80% goal"))
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([g.label.removesuffix("工作站").removesuffix("街道") or "–" for g in stations])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setRange(0, 100)
        values.setLabelFormat("%d%%")
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        goal = QLineSeries()
        goal.setName(self.tr("Goal: 80% treated in the county"))
        goal.setPen(QPen(QColor("#b03030"), 1.5, Qt.PenStyle.DashLine))
        goal.append([QPointF(-0.5, LOCAL_GOAL * 100), QPointF(len(stations) - 0.5, LOCAL_GOAL * 100)])
        chart.addSeries(goal)
        across = QValueAxis()
        across.setRange(-0.5, max(len(stations), 1) - 0.5)
        across.setVisible(False)
        chart.addAxis(across, Qt.AlignmentFlag.AlignTop)
        goal.attachAxis(across)
        goal.attachAxis(values)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
