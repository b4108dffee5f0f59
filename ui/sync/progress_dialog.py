"""The first sync of a new desktop: how far the download is, and that it resumes.

Each pulled page commits with its cursor, so an interrupted first sync keeps what
arrived and the next attempt continues after it; this dialog says so, with the change
number it resumes from. It never blocks: "Hide" leaves the download running.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from ui.sync.words import failure_text


class FirstSyncDialog(QDialog):
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.resume_from = 0
        self.cursor = 0
        self.watermark = 0
        self.outcome: tuple[str, str] | None = None  # ("done", "") / ("failed", kind) / None while running
        self._error: BaseException | None = None
        self.hidden_by_person = False
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.resume = QLabel()
        self.resume.setWordWrap(True)
        self.resume.setStyleSheet("color: #2e6b3f;")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first page says how much there is
        self.counter = QLabel()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 6)  # room for a failure
        self.retry = QPushButton()
        self.retry.clicked.connect(self._retry)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.resume)
        layout.addWidget(self.bar)
        layout.addWidget(self.counter)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self.begin(0)

    def begin(self, resume_from: int) -> None:
        """A (new) attempt starts after change `resume_from` (0: from the beginning)."""
        self.resume_from = self.cursor = resume_from
        self.outcome = None
        self.bar.setRange(0, 0)
        self.retranslate()

    def on_progress(self, cursor: int, watermark: int) -> None:
        self.cursor, self.watermark = cursor, max(watermark, cursor)
        self.bar.setRange(0, max(1, self.watermark))
        self.bar.setValue(cursor)
        self.retranslate()

    def on_finished(self, _report=None) -> None:
        self.outcome = ("done", "")
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.retranslate()

    def on_failed(self, kind: str, error: BaseException) -> None:
        self.outcome = ("failed", kind)
        self._error = error
        if self.watermark:
            self.bar.setValue(self.cursor)
        else:
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
        self.retranslate()

    def closeEvent(self, event) -> None:
        self.hidden_by_person = self.outcome is None or self.outcome[0] == "failed"
        super().closeEvent(event)

    def _retry(self) -> None:
        self.retry_requested.emit()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("First sync"))
        self.heading.setText(self.tr("Downloading this desktop's patients and cases from the server for the "
                                     "first time. You can keep working meanwhile."))
        self.resume.setText(self.tr("Resuming: changes up to {number} arrived in an earlier attempt and are "
                                    "kept; the download continues after them.").format(number=self.resume_from))
        self.resume.setVisible(self.resume_from > 0)
        self.counter.setText(self.tr("Change {cursor} of {watermark}").format(
            cursor=self.cursor, watermark=self.watermark) if self.watermark else self.tr("Asking the server…"))
        failed = self.outcome is not None and self.outcome[0] == "failed"
        if self.outcome is None:
            self.result.setText("")
        elif failed:
            self.result.setText(self.tr("The download stopped: {problem} What arrived is kept; the next "
                                        "attempt continues after change {cursor}.").format(
                problem=failure_text(self._error, short=True), cursor=self.cursor))
        else:
            self.result.setText(self.tr("Done: this desktop is up to date."))
        self.result.setStyleSheet("color: #c0392b;" if failed else "color: #2e6b3f;")
        self.retry.setText(self.tr("Try again"))
        self.retry.setVisible(failed)
        self.close_button.setText(self.tr("Hide") if self.outcome is None else self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
