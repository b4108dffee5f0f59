"""The statistics page's station chart (QtCharts): per station the share of referrals done within
24 hours, follow-ups completed and patients treated in the county, against the 80% national goal.
A click on a bar asks for its patients. (The funnel is painted: ui/dashboard/funnel_view.py.)"""
from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCharts import QBarSeries
from PySide6.QtCharts import QBarSet
from PySide6.QtCharts import QChart
from PySide6.QtCharts import QChartView
from PySide6.QtCharts import QLineSeries
from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import QMargins
from PySide6.QtCore import QPointF
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPen

from app.dashboard import LOCAL_GOAL
from ui.dashboard.words import short_names

RATE_COLOURS = {"referral_24h": "#c0672b", "followup_completion": "#2e8b57", "treated_locally": "#2f6fb3"}
STATION_RATES = tuple(RATE_COLOURS)


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


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
