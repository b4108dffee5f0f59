"""The inline quick-add editor for a note or a phone-call record.

It opens in place above the timeline (no dialog), so a case manager on the phone can
type while talking: Ctrl+N / Ctrl+L open it, Ctrl+Return saves, Esc cancels. A refused
save leaves the text in place and says why next to it, in red.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QToolButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import ValidationError
from ui.icons import event_icon
from ui.labels import kind_label
from ui.problem_words import say

NOTE_KINDS = ("note",)  # a call is recorded with its outcome (ui/patient/call_dialog.py)

STYLE = """
#noteEditor { background: #fffdf5; border: 1px solid #e6d9a8; border-radius: 6px; }
#noteError { color: #b3261e; font-weight: 600; }
#noteHint { color: #66727f; }
QToolButton:checked { background: #e3ecf7; border: 1px solid #9cb8db; border-radius: 4px; }
"""

# (text, kind) → the new event's id; raises ValidationError when it refuses.
Submit = Callable[[str, str], str]


class NoteEditor(QFrame):
    saved = Signal(str, str)  # event id, kind
    closed = Signal()  # saved or cancelled: the view puts focus back

    def __init__(self, submit: Submit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.setStyleSheet(STYLE)
        self._submit = submit
        self.kind_buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        kinds = QHBoxLayout()
        kinds.setSpacing(4)
        for kind in NOTE_KINDS:
            button = QToolButton()
            button.setCheckable(True)
            button.setIcon(event_icon(kind))
            button.setIconSize(QSize(18, 18))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            self._group.addButton(button)
            self.kind_buttons[kind] = button
            kinds.addWidget(button)
        self.kind_buttons["note"].setChecked(True)
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        kinds.insertWidget(0, self.heading)
        kinds.insertSpacing(1, 8)
        kinds.addStretch(1)
        self.hint = QLabel()
        self.hint.setObjectName("noteHint")
        kinds.addWidget(self.hint)

        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(84)
        self.error = QLabel()
        self.error.setObjectName("noteError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(kinds)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save, context)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel, context)
        self.retranslate()
        self.hide()

    def kind(self) -> str:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def start(self, kind: str) -> None:
        """Open for `kind`; text already typed stays, so switching note ↔ call loses nothing."""
        self.kind_buttons[kind].setChecked(True)
        self.show()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save(self) -> None:
        try:
            event_id = self._submit(self.text.toPlainText(), self.kind())
        except ValidationError as exc:
            self.show_error(say(exc))
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        kind = self.kind()
        self._reset()
        self.saved.emit(event_id, kind)
        self.closed.emit()

    def cancel(self) -> None:
        self._reset()
        self.closed.emit()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _reset(self) -> None:
        self.text.clear()
        self.error.clear()
        self.error.hide()
        self.hide()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Quick add"))
        for kind, button in self.kind_buttons.items():
            button.setText(kind_label(kind))
        self.kind_buttons["note"].setToolTip(self.tr("A note (Ctrl+N)"))
        self.text.setPlaceholderText(self.tr("What happened? The first line becomes the title."))
        self.hint.setText(self.tr("Ctrl+Enter saves · Esc cancels"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
