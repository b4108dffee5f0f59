"""The facts a case manager checks before calling a patient, above the timeline.

Numbers arrive masked (PatientHeader carries no full ID or phone); a full one shows only
after the person clicks "Show", which the view turns into an audited app/ reveal.
Patient-entered text goes into rich-text labels, so every value is HTML-escaped.
"""
from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.patients import CaseSummary
from app.patients import PatientHeader
from ui.labels import STAGE_ORDER
from ui.labels import cancer_label
from ui.labels import risk_label
from ui.labels import sex_label
from ui.labels import stage_label
from ui.labels import stage_name
from ui.work_words import work_summary

CAPTION = "#66727f"
_FLAG_SPLIT = re.compile(r"[;；,，、\n]+")
_RISK_STYLE = {"high": ("#fdecea", "#b3261e"), "medium": ("#fff4e0", "#8a5300"),
               "low": ("#e7f4ea", "#1e6b34")}

STYLE = """
#patientHeader { background: #ffffff; border: 1px solid #d9dee4; border-radius: 6px; }
#patientName { font-weight: 600; color: #1b2733; }
#caseCard { background: #f6f8fa; border: 1px solid #e1e5ea; border-radius: 5px; }
#flagBadge { background: #fdecea; color: #b3261e; border: 1px solid #f2b8b5;
             border-radius: 4px; padding: 2px 8px; font-weight: 600; }
#stageStep { color: #8a949e; background: #eceff2; border-radius: 3px; padding: 1px 7px; }
#stageDone { color: #2f5f8f; background: #dce8f4; border-radius: 3px; padding: 1px 7px; }
#stageNow { color: #ffffff; background: #2f6fb3; border-radius: 3px; padding: 1px 7px;
            font-weight: 600; }
"""


def pair(caption: str, value: str) -> str:
    """'caption value' as rich text: a grey caption, the escaped value, a dash if empty."""
    shown = html.escape(value) if value else "—"
    return f'<span style="color:{CAPTION}">{html.escape(caption)}</span>&nbsp;{shown}'


def chip_style(background: str, colour: str) -> str:
    return f"background:{background}; color:{colour}; border-radius:3px; padding:1px 7px; font-weight:600;"


def plain_label(text: str = "") -> QLabel:
    """For stored text: never read as HTML, whatever a name or flag contains."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def chip(text: str, background: str, colour: str) -> QLabel:
    label = plain_label(text)
    label.setStyleSheet(chip_style(background, colour))
    return label


def rich_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PatientHeaderPanel(QFrame):
    reveal_requested = Signal(str)  # "id_number" / "phone": the view asks app/, which audits it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.revealed: dict[str, str] = {}
        self.setObjectName("patientHeader")
        self.setStyleSheet(STYLE)
        self.header: PatientHeader | None = None
        self.name = plain_label()
        self.name.setObjectName("patientName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.75)
        self.name.setFont(font)
        self.facts = rich_label()
        self.id_number = rich_label()
        self.phone = rich_label()
        for label in (self.id_number, self.phone):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            label.linkActivated.connect(lambda link: self.reveal_requested.emit(link.removeprefix("reveal:")))
        self.flags = QHBoxLayout()
        self.flags.setSpacing(6)
        self.place = rich_label()
        self.place.setWordWrap(True)  # addresses run long; wrap rather than widen the view
        self.doctor = rich_label()
        self.contract = plain_label()
        self.risks = rich_label()
        self.risks.setWordWrap(True)
        self.cases = QVBoxLayout()
        self.cases.setSpacing(6)

        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(self.name, 0, Qt.AlignmentFlag.AlignBaseline)
        for w in (self.facts, self.id_number, self.phone):
            top.addWidget(w, 0, Qt.AlignmentFlag.AlignBaseline)
        top.addStretch(1)
        top.addLayout(self.flags)
        second = QHBoxLayout()
        second.setSpacing(18)
        second.addWidget(self.doctor, 0, Qt.AlignmentFlag.AlignVCenter)
        second.addWidget(self.contract, 0, Qt.AlignmentFlag.AlignVCenter)
        second.addSpacing(6)
        second.addWidget(self.place, 1)  # last, taking the spare width before it wraps
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.risks)
        layout.addSpacing(4)
        layout.addLayout(self.cases)

    def set_header(self, header: PatientHeader) -> None:
        self.header = header
        self.retranslate()

    def retranslate(self) -> None:
        h = self.header
        if h is None:
            return
        self.name.setText(h.name)
        self.facts.setText(html.escape(self.tr("{sex} · {age} years").format(
            sex=sex_label(h.sex), age=h.age)))
        self.id_number.setText(self._number(self.tr("ID"), "id_number", h.masked_id))
        self.phone.setText(self._number(self.tr("Phone"), "phone", h.masked_phone))
        self.place.setText(pair(self.tr("Address"), " · ".join(x for x in (h.address, h.community) if x)))
        self.doctor.setText(pair(self.tr("Family doctor"), h.family_doctor))
        if h.contract_signed:
            self._restyle(self.contract, self.tr("Contract signed"), "#e7f4ea", "#1e6b34")
        else:
            self._restyle(self.contract, self.tr("No contract"), "#eceff2", "#5f6b76")
        smoking = (self.tr("not recorded") if h.smoking_pack_years is None
                   else self.tr("{value} pack-years").format(value=f"{h.smoking_pack_years:g}"))
        self.risks.setText("&nbsp;&nbsp;&nbsp;".join([
            pair(self.tr("Smoking"), smoking),
            pair(self.tr("Family history"), h.family_history),
            pair(self.tr("Occupational exposure"), h.occupational_exposure),
        ]))
        self._fill_flags(h.warning_flags)
        self._fill_cases(h.cases)

    def show_revealed(self, field: str, value: str) -> None:
        self.revealed[field] = value
        self.retranslate()

    def _number(self, caption: str, field: str, masked: str) -> str:
        if field in self.revealed:
            return pair(caption, self.revealed[field])
        if not masked:
            return pair(caption, "")
        show = html.escape(self.tr("Show"))  # outside the f-string: lupdate cannot see into one
        link = f' <a href="reveal:{field}">{show}</a>'
        return pair(caption, masked) + link

    @staticmethod
    def _restyle(label: QLabel, text: str, background: str, colour: str) -> None:
        label.setText(text)
        label.setStyleSheet(chip_style(background, colour))

    @staticmethod
    def _clear(layout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def _fill_flags(self, flags: str) -> None:
        self._clear(self.flags)
        for flag in (f.strip() for f in _FLAG_SPLIT.split(flags or "")):
            if flag:
                badge = plain_label(flag)
                badge.setObjectName("flagBadge")
                badge.setToolTip(self.tr("Warning flag"))
                self.flags.addWidget(badge)

    def _fill_cases(self, cases: tuple[CaseSummary, ...]) -> None:
        self._clear(self.cases)
        if not cases:
            self.cases.addWidget(rich_label(pair(self.tr("Cases"), "")))
        for case in cases:
            self.cases.addWidget(self._case_card(case))

    def _case_card(self, case: CaseSummary) -> QFrame:
        card = QFrame()
        card.setObjectName("caseCard")
        title = plain_label(cancer_label(case.cancer_type))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        title.setFont(font)
        centre = Qt.AlignmentFlag.AlignVCenter  # chips keep their height when a neighbour wraps
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(title, 0, centre)
        row.addSpacing(10)
        order = list(STAGE_ORDER)
        current = order.index(case.stage) if case.stage in order else -1
        for i, code in enumerate(order):
            step = plain_label(stage_label(code))
            step.setObjectName("stageNow" if i == current else "stageDone" if i < current else "stageStep")
            step.setToolTip(stage_name(code))
            row.addWidget(step, 0, centre)
        if current < 0:
            row.addWidget(chip(case.stage, "#eceff2", "#5f6b76"), 0, centre)
        row.addSpacing(10)
        bg, fg = _RISK_STYLE.get(case.risk_level, ("#eceff2", "#5f6b76"))
        row.addWidget(chip(risk_label(case.risk_level), bg, fg), 0, centre)
        row.addStretch(1)
        people = rich_label("&nbsp;&nbsp;&nbsp;".join([
            pair(self.tr("Clinic case manager"), case.clinic_cm),
            pair(self.tr("Ward case manager"), case.ward_cm),
            pair(self.tr("Community case manager"), case.community_cm),
        ]))
        people.setWordWrap(True)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addLayout(row)
        left.addWidget(people)
        next_action = rich_label(self._next_action(case))
        next_action.setWordWrap(True)
        next_action.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(card)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(16)
        layout.addLayout(left, 3)
        layout.addWidget(next_action, 2)
        return card

    def _next_action(self, case: CaseSummary) -> str:
        if case.closed:
            return pair(self.tr("Next"), self.tr("case closed"))
        text = pair(self.tr("Next"), work_summary(case.next_work, case.open_tasks))
        if case.due_date is None:
            return text
        late = (clock.today() - case.due_date).days
        if late > 0:
            due = self.tr("due {date}, {days} d overdue").format(date=case.due_date.isoformat(), days=late)
            return f'{text}<br><b style="color:#b3261e">{html.escape(due)}</b>'
        if late == 0:
            due = self.tr("due today")
            return f'{text}<br><b style="color:#8a5300">{html.escape(due)}</b>'
        due = self.tr("due {date}").format(date=case.due_date.isoformat())
        return f'{text}<br><span style="color:{CAPTION}">{html.escape(due)}</span>'

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
