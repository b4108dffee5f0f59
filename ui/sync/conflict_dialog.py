"""Settle a conflict choice by choice: this desktop's values or the server's, per row.

One row per clashing field — or, for fields that belong together (a case's stage with its
closing and next step, a referral's step with its times and reason …: app.sync.conflicts.GROUPS),
one row for the whole group, so a mix of the two sides cannot be chosen. Shows who changed the
record on the server, when and from which desktop. Nothing is pre-chosen: "Resolve" waits until every row has a choice ("Keep all mine" / "Take all
from the server" choose them all at once). The resolution itself (fetch the server's row,
write the choice as a fresh edit) runs on the network lane; a failure is said here.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.problems import Problem
from app.sync import conflicts
from app.sync import service
from app.sync.service import OutboxItem
from ui import problem_words
from ui.sync.words import failure_text
from ui.sync.words import field_name
from ui.sync.words import moment_text
from ui.sync.words import record_text
from ui.sync.words import value_text

Runner = Callable[[Callable, Callable, Callable], None]  # controller.run_network
# Coded values worded by their vocabulary (ui/problem_templates), so a state reads as words
# in the person's language, not as the code stored.
VOCABULARY = {("referrals", "state"): "referral_state", ("referrals", "direction"): "referral_direction",
              ("mdt_requests", "state"): "mdt_state", ("followups", "status"): "followup_status",
              ("followups", "method"): "followup_method", ("tasks", "state"): "task_state"}


class ConflictDialog(QDialog):
    def __init__(self, profile, item: OutboxItem, run: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.profile, self.item, self.run = profile, item, run
        self.kind = conflicts.conflict_kind(item.op, item.detail)
        detail = item.detail or {}
        self.clashing = detail.get("fields", {})
        self.rows = conflicts.choice_keys(item.table, self.kind, self.clashing)
        self.groups: dict[str, QButtonGroup] = {}
        self.mine_buttons: dict[str, QRadioButton] = {}
        self.server_buttons: dict[str, QRadioButton] = {}
        self.value_labels: dict[str, tuple[QLabel, QLabel]] = {}
        self.row_labels: dict[str, QLabel] = {}  # a row's field or group, by its choice key
        self.summary, self.who, self.also, self.message = QLabel(), QLabel(), QLabel(), QLabel()
        for label in (self.summary, self.who, self.also, self.message):
            label.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.who.setStyleSheet("color: #555;")
        self.message.hide()
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setColumnStretch(2, 1)
        self.grid.setColumnStretch(4, 1)
        self.headers = [QLabel() for _ in range(3)]
        for col, header in zip((0, 1, 3), self.headers):
            header.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(header, 0, col, 1, 1 if col == 0 else 2)
        for row, field in enumerate(self.rows, start=1):
            self._add_row(row, field)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(self.grid)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.all_mine, self.all_server = QPushButton(), QPushButton()
        self.all_mine.clicked.connect(lambda: self.choose_all(conflicts.MINE))
        self.all_server.clicked.connect(lambda: self.choose_all(conflicts.SERVER))
        shortcuts = QHBoxLayout()
        shortcuts.addWidget(self.all_mine)
        shortcuts.addWidget(self.all_server)
        shortcuts.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.who)
        layout.addWidget(scroll, 1)
        layout.addLayout(shortcuts)
        layout.addWidget(self.also)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if self.kind == conflicts.DELETED_THERE:
            self.choose_all(conflicts.SERVER)  # the only outcome the server can take
            for button in (*self.mine_buttons.values(), self.all_mine):
                button.setEnabled(False)
        shown = set(self.clashing) | set(item.changes or {})
        lines = sum(max(1, len(shown & set(conflicts.members(item.table, key))) + (key == "pathway"))
                    for key in self.rows)
        self.resize(760, min(600, 230 + 30 * lines + 14 * len(self.rows)))
        self.retranslate()
        self._update_ok()

    def _add_row(self, row: int, field: str) -> None:
        label = QLabel()
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        group = QButtonGroup(self)
        mine, server = QRadioButton(), QRadioButton()
        mine_value, server_value = QLabel(), QLabel()
        for col, (button, value) in enumerate(((mine, mine_value), (server, server_value))):
            group.addButton(button)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.installEventFilter(self)  # a click on the value picks it too
            self.grid.addWidget(button, row, 1 + 2 * col, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(value, row, 2 + 2 * col, Qt.AlignmentFlag.AlignTop)
        group.buttonToggled.connect(lambda *_: self._update_ok())
        self.grid.addWidget(label, row, 0)
        self.groups[field] = group
        self.mine_buttons[field], self.server_buttons[field] = mine, server
        self.value_labels[field] = (mine_value, server_value)
        label.setObjectName(f"field_{field}")
        self.row_labels[field] = label

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            for field, (mine_value, server_value) in self.value_labels.items():
                if watched is mine_value and self.mine_buttons[field].isEnabled():
                    self.mine_buttons[field].setChecked(True)
                elif watched is server_value:
                    self.server_buttons[field].setChecked(True)
        return super().eventFilter(watched, event)

    # -- choosing ---------------------------------------------------------------------------

    def choose_all(self, side: str) -> None:
        buttons = self.mine_buttons if side == conflicts.MINE else self.server_buttons
        for button in buttons.values():
            button.setChecked(True)

    def choices(self) -> dict[str, str] | None:
        """{field: MINE/SERVER}, or None while a row has no choice yet."""
        out = {}
        for field in self.rows:
            if self.mine_buttons[field].isChecked():
                out[field] = conflicts.MINE
            elif self.server_buttons[field].isChecked():
                out[field] = conflicts.SERVER
            else:
                return None
        return out

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.choices() is not None)

    def submit(self) -> None:
        choices = self.choices()
        if choices is None:
            return
        self.buttons.setEnabled(False)
        self._say(self.tr("Resolving…"), error=False)
        profile, seq = self.profile, self.item.seq
        self.run(lambda client: conflicts.resolve(profile, client, seq, choices), self._done, self._failed)

    def _done(self, _seq) -> None:
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self._say(failure_text(exc), error=True)

    def _say(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c0392b;" if error else "color: #555;")
        self.message.show()

    # -- words ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        item = self.item
        self.setWindowTitle(self.tr("Settle a conflict"))
        summaries = {
            conflicts.FIELDS: self.tr("{record} was changed here and on the server. Choose which value "
                                      "to keep for each field; fields that belong together are kept "
                                      "together."),
            conflicts.DELETED_HERE: self.tr("{record} was deleted here but changed on the server. "
                                            "Delete it, or keep it with the server's changes?"),
            conflicts.DELETED_THERE: self.tr("{record} was deleted on the server, so this desktop's "
                                             "change cannot be kept. Copy anything you still need, then "
                                             "take the server's version."),
        }
        self.summary.setText(summaries[self.kind].format(record=record_text(item.table, item.patient_name)))
        self.who.setText(self._who())
        self.headers[0].setText(self.tr("Field"))
        self.headers[1].setText(self.tr("This desktop"))
        self.headers[2].setText(self.tr("Server"))
        for field in self.rows:
            mine_value, server_value = self.value_labels[field]
            label = self.row_labels[field]
            if field == conflicts.RECORD:
                label.setText(self.tr("Record"))
                mine_value.setText(self.tr("Delete it"))
                changed = ", ".join(field_name(f) for f in sorted(self.clashing))
                server_value.setText(self.tr("Keep it (changed there: {fields})").format(fields=changed))
            elif field in self.clashing:  # a field on its own
                label.setText(field_name(field))
                mine_value.setText(self._value(field, self.clashing[field].get("client")))
                server_value.setText(self._value(field, self.clashing[field].get("server")))
            else:
                label.setText(self._group_label(field))
                mine_value.setText(self._group_values(field, "client"))
                server_value.setText(self._group_values(field, "server"))
        governed = {f for key in self.rows for f in conflicts.members(item.table, key)}
        others = [f for f in item.fields if f not in self.clashing and f not in governed]
        self.also.setText(self.tr("Also in this change, sent again as they are: {fields}").format(
            fields=", ".join(field_name(f) for f in others)) if others and self.kind == conflicts.FIELDS else "")
        self.also.setVisible(bool(self.also.text()))
        self.all_mine.setText(self.tr("Keep all mine"))
        self.all_server.setText(self.tr("Take all from the server"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Resolve"))

    def group_names(self) -> dict[str, str]:
        return {
            "pathway": self.tr("Pathway stage, next step and closing"),
            "referral_step": self.tr("Referral step (state, times, appointment, reasons)"),
            "route": self.tr("Referral route (direction, from, to, department, green channel)"),
            "handover": self.tr("Down-referral handover (discharge summary, treatment plan, rehabilitation)"),
            "followup_result": self.tr("Follow-up result (status, date, method, attempts, outcome)"),
            "task_closing": self.tr("Task closing (state, time, note)"),
            "mdt_progress": self.tr("MDT progress (state, checklist, session, decision)"),
            "identity": self.tr("ID number, date of birth and sex"),
            "written_name": self.tr("Name and its pinyin"),
            "home": self.tr("Address, community and family doctor"),
            "screening_result": self.tr("Screening result (day, result, details)"),
            "booking_state": self.tr("Examination booking (slot, state, attendance, reason)"),
            "slot_time": self.tr("Examination slot (time, length, places, place)"),
            "supervisor": self.tr("Household health supervisor (who and phone)"),
        }

    def _group_label(self, key: str) -> str:
        title = self.group_names().get(key, key.replace("_", " "))
        return self.tr("{group}\n(kept together)").format(group=title)

    def _group_values(self, key: str, side: str) -> str:
        """The group's clashing fields as one side has them, one per line (this desktop's side
        also shows what else of the group it changed: it goes, or stays, with the choice); with
        a stage, the next step that comes with it (db/summary.py derives it from the stage's step)."""
        lines = []
        changes = self.item.changes or {}
        for f in conflicts.members(self.item.table, key):
            if f in self.clashing:
                value = self.clashing[f].get(side)
            elif side == "client" and f in changes:  # goes with this desktop's side only
                value = changes[f][1]
            else:
                continue
            lines.append(self.tr("{field}: {value}").format(field=field_name(f), value=self._value(f, value)))
            if f == "stage" and isinstance(value, str):
                step = problem_words.words(Problem(f"work.stage.{value}", None, {}))
                lines.append(self.tr("Next step: {step}").format(step=step))
        return "\n".join(lines)

    def _value(self, field: str, value) -> str:
        kind = VOCABULARY.get((self.item.table, field))
        if kind and isinstance(value, str) and value:
            return problem_words.term(kind, value)
        return value_text(field, value)

    def _who(self) -> str:
        change = (self.item.detail or {}).get("server_change") or {}
        if not change:
            return self.tr("Who changed it on the server is not known.")
        name = service.user_name(self.profile, change.get("user_id")) or self.tr("a colleague")
        device = change.get("device_id") or ""
        desk = self.tr("this desktop") if device == self.profile.device_id else \
            self.tr("desktop {code}").format(code=device[-8:] or "?")
        return self.tr("On the server: changed by {name} on {time}, from {desktop}.").format(
            name=name, time=moment_text(change.get("at")), desktop=desk)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # The button box words its standard buttons again on its own LanguageChange, which
            # may come after this one ("Resolve" became "OK"): word ours once that has passed.
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)
