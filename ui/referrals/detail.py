"""The selected referral: its 24-hour countdown in large type and everything the form holds."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.referrals.view import ReferralView
from ui.referrals import labels
from ui.timeline_words import event_title

CLOCK_COLOURS = {"running": "#2f6fb3", "warning": "#e65100", "overdue": "#c62828", "late": "#c62828",
                 "met": "#2e7d32"}


class CountdownLabel(QLabel):
    """A referral's clock, recomputed from its sent time whenever `tick()` is called."""

    def __init__(self, parent=None, idle_text: str = ""):
        super().__init__(parent)
        self.view: ReferralView | None = None
        self.idle_text = idle_text  # shown while there is no referral (a new form)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.setFont(font)

    def set_view(self, view: ReferralView | None) -> None:
        self.view = view
        self.tick()

    def tick(self) -> None:
        if self.view is None:
            self.setText(self.idle_text)
            self.setStyleSheet("color: #777;")
            return
        c = self.view.clock()
        if c.status == "none":
            self.setText(self.tr("Clock starts when sent"))
            self.setStyleSheet("color: #777;")
            return
        text = labels.countdown_text(c.status, c.seconds)
        if c.needs_reason:
            text += " · " + self.tr("reason needed")
        self.setText(text)
        self.setStyleSheet(f"color: {CLOCK_COLOURS.get(c.status, '#333')};")


class DetailPane(QWidget):
    def __init__(self, parent=None, reports: QWidget | None = None):
        super().__init__(parent)
        self.reports = reports  # ui/referrals/reports.py: the referral's attached reports
        self.view: ReferralView | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.countdown = CountdownLabel(self)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.countdown)
        layout.addWidget(scroll, 1)
        if reports is not None:
            layout.addWidget(reports)

    def retranslate(self) -> None:
        self.show_referral(self.view)
        if self.reports is not None:
            self.reports.retranslate()

    def tick(self) -> None:
        self.countdown.tick()

    def show_referral(self, view: ReferralView | None) -> None:
        self.view = view
        self.countdown.set_view(view)
        if self.reports is not None:
            self.reports.show_for(view.id if view is not None else None)
        if view is None:
            self.heading.setText(self.tr("Select a referral to see it here."))
            self.body.clear()
            return
        state = labels.label(labels.states(), view.state)
        self.heading.setText(f"{view.short_code} · {view.patient_name} · {state}")
        rows = [
            (self.tr("Direction"), labels.label(labels.directions(), view.direction)
             + (" · " + self.tr("Green channel") if view.green_channel else "")),
            (self.tr("Urgency"), labels.label(labels.urgencies(), view.urgency)),
            (self.tr("From"), view.from_org),
            (self.tr("To"), " · ".join(x for x in (view.to_org, view.to_department) if x)),
            (self.tr("Reason"), view.reason),
            (self.tr("Question"), view.question),
            (self.tr("Clinical summary"), view.clinical_summary),
            (self.tr("Findings"), "\n".join(event_title(f) for f in view.findings)),
            (self.tr("Requested exams"), view.requested_exams),
            (self.tr("Contact"), view.contact_person),
            (self.tr("Discharge summary"), view.discharge_summary),
            (self.tr("Treatment plan"), view.treatment_plan),
            (self.tr("Rehabilitation instructions"), view.rehab_instructions),
            (self.tr("Appointment"), (view.scheduled_at.astimezone().strftime("%Y-%m-%d %H:%M ")
                                      + view.scheduled_place) if view.scheduled_at else ""),
            (self.tr("State reason"), view.state_reason),
            (self.tr("Delay reason"), labels.label(labels.breach_reasons(), view.breach_reason)),
        ]
        parts = [f"<p style='margin:0 0 6px 0'><span style='color:#666'>{html.escape(k)}</span><br>"
                 f"{html.escape(v).replace(chr(10), '<br>')}</p>" for k, v in rows if v]
        self.body.setText("".join(parts))
