"""The programmes' funnel on the statistics page: a painted funnel (each step's cases, conversion
from the step before and median days since it; a click asks for the step's patients; each row's
tooltip says what it counts), the 90-day loop closure under it, and the tables per station and
per programme, and 随访率 / 随访及时率 per station and per case manager.

Painted rather than a QtCharts bar series: 160,000 invited beside 62 treated needs the numbers
in columns that never clip, in either language, more than it needs axes."""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QToolTip
from PySide6.QtWidgets import QWidget

from app.dashboard.funnel import STEPS
from ui.dashboard.funnel_words import days_text
from ui.dashboard.funnel_words import percent
from ui.dashboard.funnel_words import step_help
from ui.dashboard.funnel_words import step_names

BAR = QColor("#3f7f8c")


class ProgrammeFunnel(QWidget):
    """Rows top to bottom: step, bar, cases, conversion, median days; the loop closure below."""

    step_clicked = Signal(str)  # a STEPS key, or "loop_met" / "loop_failed" / "loop_pending"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.funnel = None
        self.setMouseTracking(True)
        self.setMinimumHeight(260)
        self._rows: list[tuple[str, QRectF]] = []

    # -- what it shows (tests read these) ---------------------------------------------
    def show_funnel(self, funnel) -> None:
        self.funnel = funnel
        self.updateGeometry()
        self.update()

    def bar_values(self) -> list[int]:
        return [self.funnel[k].count for k in STEPS] if self.funnel else []

    def row_texts(self) -> list[tuple[str, str, str, str]]:
        """(step, cases, conversion, median days) as drawn."""
        if self.funnel is None:
            return []
        names = step_names()
        return [(names[s.key], f"{s.count:,}", "" if s.key == STEPS[0] else percent(s.conversion),
                 "" if s.key == STEPS[0] else days_text(s.median_days)) for s in self.funnel.steps]

    def loop_text(self) -> str:
        f = self.funnel
        if f is None:
            return ""
        if not f.loop_due:
            text = self.tr("90-day loop closure: no positive screen to judge yet")
        else:
            text = self.tr("90-day loop closure: {rate} ({met} of {due} positive screens examined within 90 days)").format(
                rate=percent(f.loop_rate), met=f"{f.loop_met:,}", due=f"{f.loop_due:,}")
        if f.loop_pending:
            text += self.tr("; {n} still within their 90 days").format(n=f"{f.loop_pending:,}")
        return text

    def headers(self) -> tuple[str, str, str, str]:
        return self.tr("Step"), self.tr("Cases"), self.tr("Conversion"), self.tr("Median days")

    # -- painting ---------------------------------------------------------------------
    def _columns(self):
        fm = self.fontMetrics()
        rows = self.row_texts()
        heads = self.headers()
        widths = [max([fm.horizontalAdvance(heads[i])] + [fm.horizontalAdvance(r[i]) for r in rows]) + 14
                  for i in range(4)]
        return fm, rows, heads, widths

    def sizeHint(self) -> QSize:
        fm, _rows, _heads, widths = self._columns()
        loop = fm.horizontalAdvance(self.loop_text()) + 20
        return QSize(max(sum(widths) + 160, loop), int(fm.height() * 1.9) * (len(STEPS) + 2) + 16)

    def minimumSizeHint(self) -> QSize:
        fm, _rows, _heads, widths = self._columns()
        return QSize(sum(widths) + 80, int(fm.height() * 1.9) * (len(STEPS) + 2) + 16)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm, rows, heads, widths = self._columns()
        line = int(fm.height() * 1.9)
        left, right = 8, self.width() - 8
        name_w, count_w, conv_w, days_w = widths
        bar_x, bar_w = left + name_w, max(20, right - left - sum(widths))
        cols = [bar_x + bar_w, bar_x + bar_w + count_w, bar_x + bar_w + count_w + conv_w]
        grey = self.palette().color(self.palette().ColorRole.PlaceholderText)
        y = 4
        p.setPen(grey)
        p.drawText(QRectF(left, y, name_w, line), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, heads[0])
        for x, w, text in zip(cols, widths[1:], heads[1:]):
            p.drawText(QRectF(x, y, w - 4, line), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
        y += line
        self._rows = []
        top = max((self.funnel.steps[0].count if self.funnel else 0), 1)
        text_pen = self.palette().color(self.palette().ColorRole.WindowText)
        for (name, count, conv, days), key in zip(rows, STEPS):
            value = self.funnel[key].count
            width = 0 if not value else max(2.0, bar_w * value / top)
            p.fillRect(QRectF(bar_x, y + line * 0.2, width, line * 0.6), BAR)
            p.setPen(text_pen)
            p.drawText(QRectF(left, y, name_w, line), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
            for x, w, text in zip(cols, widths[1:], (count, conv, days)):
                p.drawText(QRectF(x, y, w - 4, line), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
            self._rows.append((key, QRectF(0, y, self.width(), line)))
            y += line
        p.setPen(text_pen)
        p.drawText(QRectF(left, y + 4, right - left, line), Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                   self.loop_text())
        self._rows.append(("loop_met", QRectF(0, y, self.width(), line)))
        p.end()

    def _row_at(self, pos) -> str | None:
        return next((key for key, rect in self._rows if rect.contains(pos)), None)

    def mouseMoveEvent(self, event) -> None:
        key = self._row_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if key else Qt.CursorShape.ArrowCursor)
        help_ = step_help().get(key or "", "")
        if help_:
            QToolTip.showText(event.globalPosition().toPoint(), help_, self)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        key = self._row_at(event.position())
        if key and self.funnel is not None and event.button() == Qt.MouseButton.LeftButton:
            self.step_clicked.emit(key)
        super().mouseReleaseEvent(event)


def new_table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    return table


def _cell(text: str, tip: str = "", right: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tip:
        item.setToolTip(tip)
    return item


def fill_funnels(table: QTableWidget, funnels, first: str, label_of, loop_header: str) -> None:
    """One row per station or programme: each step's cases (conversion), the loop closure."""
    names, helps = step_names(), step_help()
    table.setColumnCount(len(STEPS) + 2)
    table.setHorizontalHeaderLabels([first] + [names[k] for k in STEPS] + [loop_header])
    for c, key in enumerate(STEPS, start=1):
        table.horizontalHeaderItem(c).setToolTip(helps[key])
    table.setRowCount(len(funnels))
    for r, f in enumerate(funnels):
        table.setItem(r, 0, _cell(label_of(f), right=False))
        for c, step in enumerate(f.steps, start=1):
            text = f"{step.count:,}" if step.conversion is None else f"{step.count:,} ({percent(step.conversion)})"
            table.setItem(r, c, _cell(text, days_text(step.median_days) if step.median_days is not None else ""))
        loop = "–" if not f.loop_due else f"{percent(f.loop_rate)} ({f.loop_met:,}/{f.loop_due:,})"
        table.setItem(r, len(STEPS) + 1, _cell(loop))
    table.resizeColumnsToContents()


def fill_followups(table: QTableWidget, rates, headers: list[str]) -> None:
    """One row per station or case manager: due, done, 随访率, on time, 随访及时率."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rates))
    for r, x in enumerate(rates):
        for c, text in enumerate((x.label, f"{x.due:,}", f"{x.done:,}", percent(x.rate), f"{x.timely:,}",
                                  percent(x.timely_rate))):
            table.setItem(r, c, _cell(text, right=c > 0))
    table.resizeColumnsToContents()
