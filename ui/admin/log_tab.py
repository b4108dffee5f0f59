"""安全日志 / Security log: the server's security events, newest first, of one person and
between two days (both included)."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QWidget

from app import admin
from app.problems import Problem
from ui import problem_words
from ui.admin import words
from ui.admin.base import AdminTab
from ui.admin.base import fill
from ui.admin.base import table
from ui.problem_templates import ENGLISH

DEFAULT_DAYS = 30
LIMIT = 2000


class LogTab(AdminTab):
    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.events: list[admin.Event] = []
        self.person_label, self.since_label, self.until_label = QLabel(), QLabel(), QLabel()
        self.person = QLineEdit()
        self.person.setMinimumWidth(220)
        self.person.returnPressed.connect(self.load)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-DEFAULT_DAYS))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        for label, field in ((self.person_label, self.person), (self.since_label, self.since),
                             (self.until_label, self.until)):
            label.setBuddy(field)
            self.buttons_row.addWidget(label)
            self.buttons_row.addWidget(field)
        self.show_button = self.button(self.load)
        self.buttons_row.addStretch(1)
        self.table = table(7)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.body.addWidget(self.table, 1)
        self.finish_layout()
        self.retranslate()

    def load(self) -> None:
        person = self.person.text().strip()
        since, until = self.since.date().toPython(), self.until.date().toPython()
        if until < since:
            self.say(lambda: self.tr("The last day is before the first."), error=True)
            return
        self.request(lambda client: admin.security_log(client, person, since, until, LIMIT), self._loaded)

    def _loaded(self, events: list[admin.Event]) -> None:
        self.events = events
        self.show_rows()
        if len(events) >= LIMIT:
            self.say(lambda: self.tr("The newest {count} events are shown: narrow the days or the "
                                     "person.").format(count=LIMIT))
        elif not events:
            self.say(lambda: self.tr("No events for this person and these days."))
        else:
            self.say("")

    def show_rows(self) -> None:
        kinds = words.event_kinds()
        rows = [(e.at.strftime("%Y-%m-%d %H:%M:%S") if e.at else "",
                 words.label(kinds, e.kind), e.user, e.device_id, e.client_addr, self.code_text(e.code),
                 words.detail_text(e.detail)) for e in self.events]
        fill(self.table, rows, [str(i) for i in range(len(rows))], cap=220)

    @staticmethod
    def code_text(code: str | None) -> str:
        """A code as words when it has them (a refusal's reason); else the code as it is."""
        if not code:
            return ""
        return problem_words.words(Problem(code, None, {})) if code in ENGLISH and "{" not in ENGLISH[code] \
            else code

    def retranslate(self) -> None:
        self.person_label.setText(self.tr("&Person:"))
        self.person.setPlaceholderText(self.tr("login name (all if empty)"))
        self.since_label.setText(self.tr("&From:"))
        self.until_label.setText(self.tr("&To:"))
        self.show_button.setText(self.tr("&Show"))
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Event"), self.tr("Person"),
                                              self.tr("Desktop"), self.tr("Address"), self.tr("Reason"),
                                              self.tr("Details")])
        if self.events:
            self.show_rows()
