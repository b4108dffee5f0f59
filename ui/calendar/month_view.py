"""The month grid: six weeks, Monday first, each day with its follow-up counts by method,
holidays (休) and make-up working days (班) marked. Painted, not built from widgets, so
a month of 20,000 follow-ups costs one GROUP BY and 42 cells of drawing."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent
from PySide6.QtCore import QLocale
from PySide6.QtCore import QPointF
from PySide6.QtCore import QRectF
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtGui import QFont
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QToolTip
from PySide6.QtWidgets import QWidget

from ui.calendar import labels

HEADER_H = 30
GRID = QColor("#dde3ea")
MUTED = QColor("#9aa3ad")
TEXT = QColor("#1f2933")
SELECTED = QColor("#e6f0fb")
ACCENT = QColor("#2f6fb3")
HOLIDAY_BG = QColor("#fdf1ef")
WEEKEND_BG = QColor("#f7f8fa")
DONE = QColor("#5f7d6b")


def grid_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The 42 days the grid shows: from the Monday on or before the 1st."""
    first = dt.date(year, month, 1)
    start = first - dt.timedelta(days=first.weekday())
    return start, start + dt.timedelta(days=41)


class MonthView(QWidget):
    day_selected = Signal(object)  # datetime.date
    day_activated = Signal(object)  # double click / Enter: open the week

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(560, 420)
        self.year = self.month = 0
        self.start = dt.date.today()
        self.counts: dict = {}
        self.infos: dict = {}
        self.today = dt.date.today()
        self.selected = self.today

    def set_data(self, year: int, month: int, counts: dict, infos: dict, today: dt.date,
                 selected: dt.date) -> None:
        self.year, self.month = year, month
        self.start, _ = grid_range(year, month)
        self.counts, self.infos, self.today, self.selected = counts, infos, today, selected
        self.update()

    # geometry -------------------------------------------------------------------
    def _cell_size(self) -> tuple[float, float]:
        return self.width() / 7, (self.height() - HEADER_H) / 6

    def cell_rect(self, day: dt.date) -> QRectF:
        n = (day - self.start).days
        w, h = self._cell_size()
        return QRectF((n % 7) * w, HEADER_H + (n // 7) * h, w, h)

    def day_at(self, pos: QPointF) -> dt.date | None:
        w, h = self._cell_size()
        if pos.y() < HEADER_H or w <= 0 or h <= 0:
            return None
        col, row = int(pos.x() // w), int((pos.y() - HEADER_H) // h)
        if not (0 <= col < 7 and 0 <= row < 6):
            return None
        return self.start + dt.timedelta(days=row * 7 + col)

    # painting -------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        w, _h = self._cell_size()
        p.fillRect(QRectF(0, 0, self.width(), HEADER_H), QColor("#f3f6f9"))
        p.setPen(MUTED)
        locale = QLocale()
        for col in range(7):
            p.drawText(QRectF(col * w, 0, w, HEADER_H), Qt.AlignmentFlag.AlignCenter,
                       locale.dayName(col + 1, QLocale.FormatType.ShortFormat))
        for n in range(42):
            self._paint_day(p, self.start + dt.timedelta(days=n))
        p.setPen(QPen(GRID, 1))
        for col in range(1, 7):
            p.drawLine(QPointF(col * w, HEADER_H), QPointF(col * w, self.height()))
        _, h = self._cell_size()
        for row in range(7):
            p.drawLine(QPointF(0, HEADER_H + row * h), QPointF(self.width(), HEADER_H + row * h))
        if self.hasFocus() and self.start <= self.selected <= self.start + dt.timedelta(days=41):
            p.setPen(QPen(ACCENT, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)  # an outline: a brush left over from a dot filled the cell
            p.drawRect(self.cell_rect(self.selected).adjusted(1, 1, -1, -1))
        p.end()

    def _paint_day(self, p: QPainter, day: dt.date) -> None:
        r = self.cell_rect(day)
        info = self.infos.get(day)
        in_month = day.month == self.month
        if day == self.selected:
            p.fillRect(r, SELECTED)
        elif info is not None and info.kind == "holiday":
            p.fillRect(r, HOLIDAY_BG)
        elif info is not None and not info.working:
            p.fillRect(r, WEEKEND_BG)
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        small = self.small_font()
        num = QRectF(r.left() + 6, r.top() + 4, 26, 22)
        if day == self.today:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(ACCENT)
            p.drawEllipse(num.center(), 11, 11)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QColor("white"))
        else:
            p.setPen(TEXT if in_month else MUTED)
        p.setFont(bold)
        p.drawText(num, Qt.AlignmentFlag.AlignCenter, str(day.day))
        p.setFont(small)
        top = r.top() + 30  # where the counts begin
        if info is not None and info.kind in ("holiday", "makeup"):
            # The 休/班 tag as wide as its word ("Work" in English); the holiday's name on a line
            # of its own under the date, the cell's full width (beside the number it was cut).
            tag_colour = labels.OVERDUE if info.kind == "holiday" else labels.MAKEUP
            word = labels.day_kind(info.kind)
            tag_w = max(18.0, p.fontMetrics().horizontalAdvance(word) + 8.0)
            tag = QRectF(r.right() - tag_w - 6, r.top() + 6, tag_w, 18)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(tag_colour)
            p.drawRoundedRect(tag, 3, 3)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QColor("white"))
            p.drawText(tag, Qt.AlignmentFlag.AlignCenter, word)
            name = labels.holiday(info.name)
            if name:
                p.setPen(tag_colour if in_month else MUTED)
                name_rect, text, flags = self.holiday_layout(r, name, p.fontMetrics(), top)
                p.drawText(name_rect, flags, text)
                top += name_rect.height()
        c = self.counts.get(day)
        if c is None:
            return
        line_h = p.fontMetrics().height() + 2
        y = top
        overdue = day < self.today
        for code in labels.METHODS:
            n = c.planned.get(code, 0)
            if not n or y + line_h > r.bottom() - line_h:
                continue
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(labels.METHOD_COLOURS[code])
            p.drawEllipse(QPointF(r.left() + 11, y + line_h / 2), 3.5, 3.5)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(labels.OVERDUE if overdue else TEXT)
            p.drawText(QRectF(r.left() + 19, y, r.width() - 23, line_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       f"{labels.method(code)} {n:,}")
            y += line_h
        tail = []
        if c.done:
            tail.append((DONE, f"✓{c.done:,}"))
        if c.missed:
            tail.append((labels.OVERDUE, f"✗{c.missed:,}"))
        x = r.left() + 8
        for colour, text in tail:
            p.setPen(colour)
            p.drawText(QRectF(x, r.bottom() - line_h - 2, r.width(), line_h), Qt.AlignmentFlag.AlignVCenter, text)
            x += p.fontMetrics().horizontalAdvance(text) + 10

    @staticmethod
    def holiday_layout(r: QRectF, name: str, fm, top: float) -> tuple[QRectF, str, int]:
        """Where a holiday's name goes under the date and the text drawn: the cell's full width,
        wrapped onto a second line if it must ("Mid-Autumn Festival"), elided only past that."""
        width = r.width() - 14
        lines = 1 if fm.horizontalAdvance(name) <= width else 2
        rect = QRectF(r.left() + 8, top - 2, width, fm.height() * lines + 2)
        if lines == 1:
            return rect, name, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        if fm.boundingRect(rect.toRect(), wrap, name).height() <= rect.height():
            return rect, name, wrap
        return rect, fm.elidedText(name, Qt.TextElideMode.ElideRight, int(width)), \
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)

    def small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() * 0.85, 7))
        return small

    # interaction ----------------------------------------------------------------
    def select(self, day: dt.date) -> None:
        if day != self.selected:
            self.selected = day
            self.update()
            self.day_selected.emit(day)

    def mousePressEvent(self, event) -> None:
        day = self.day_at(event.position())
        if day is not None:
            self.select(day)

    def mouseDoubleClickEvent(self, event) -> None:
        day = self.day_at(event.position())
        if day is not None:
            self.day_activated.emit(day)

    def keyPressEvent(self, event) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}.get(event.key())
        if step is not None:
            self.select(self.selected + dt.timedelta(days=step))
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_activated.emit(self.selected)
        else:
            super().keyPressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            day = self.day_at(QPointF(event.pos()))
            text = self.tooltip_for(day) if day else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_for(self, day: dt.date) -> str:
        c = self.counts.get(day)
        lines = [QLocale().toString(labels.qdate(day), QLocale.FormatType.LongFormat)]
        info = self.infos.get(day)
        if info is not None and info.name:
            lines.append(labels.holiday(info.name))
        if c is not None:
            lines += [f"{labels.method(m)}: {c.planned[m]:,}" for m in labels.METHODS if c.planned.get(m)]
            if c.done:
                lines.append(self.tr("Done: %n", "", c.done))
            if c.missed:
                lines.append(self.tr("Not reached: %n", "", c.missed))
        return "\n".join(lines)
