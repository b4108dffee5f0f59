"""发布文件 / Published files: the rule, risk, holiday and letter files every desktop receives
with its next sync (server/files.py); publish one (checked on the server first: a bad file is
refused with its line) or withdraw one."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app import admin
from ui.admin import words
from ui.admin.base import AdminTab
from ui.admin.base import fill
from ui.admin.base import moment_text
from ui.admin.base import selected_key
from ui.admin.base import table
from ui.file_dialogs import open_path


class FilesTab(AdminTab):
    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.files: dict[str, admin.Published] = {}
        self.refresh_button = self.button(self.load)
        self.publish_button = self.button(self.choose_file)
        self.withdraw_button = self.button(self.withdraw)
        self.buttons_row.addStretch(1)
        self.table = table(7)
        self.table.itemSelectionChanged.connect(self.selection_changed)
        self.body.addWidget(self.table, 1)
        self.finish_layout()
        self.retranslate()
        self.selection_changed()

    def load(self) -> None:
        self.request(admin.published_files, self._loaded)

    def _loaded(self, files: list[admin.Published]) -> None:
        self.files = {f.id: f for f in files}
        self.show_rows()
        if not files and not self.message.isVisible():  # an action's own message stays
            self.say(lambda: self.tr("No file is published: every desktop uses the files CaseDesk comes with."))

    def show_rows(self) -> None:
        kinds = words.file_kinds()
        rows = [(words.label(kinds, f.kind), f.name, f.version, moment_text(f.published_at), f.published_by,
                 self.tr("{size} bytes").format(size=f.size), f.sha256[:12]) for f in self.files.values()]
        fill(self.table, rows, list(self.files))
        self.selection_changed()

    def selected(self) -> admin.Published | None:
        return self.files.get(selected_key(self.table) or "")

    def selection_changed(self) -> None:
        self.withdraw_button.setEnabled(self.pending == 0 and self.selected() is not None)

    def choose_file(self) -> None:
        path = open_path(self, self.tr("Publish a file"), self.tr("Rule, holiday and letter files (*.toml *.txt)"))
        if path:
            self.publish(path)

    def publish(self, path: str) -> None:
        name = Path(path).name

        def done(entry: admin.Published):
            self.say(lambda: self.tr("{file} published as version {version}: every desktop receives it with its "
                                     "next sync.").format(file=name, version=entry.version))
            self.load()

        self.request(lambda client: admin.publish_file(client, path), done,
                     busy_text=lambda: self.tr("Publishing {file}: the server checks it…").format(file=name))

    def withdraw(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        file_id, name = entry.id, entry.name

        def run():
            def done(_answer):
                self.say(lambda: self.tr("{file} was withdrawn.").format(file=name))
                self.load()
            self.request(lambda client: admin.withdraw_file(client, file_id), done)

        self.ask(self.tr("Withdraw file"),
                 self.tr("Withdraw {file}? Desktops go back to the file CaseDesk comes with (or an earlier "
                         "published one) at their next sync.").format(file=name), self.tr("Withdraw"), run)

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("&Refresh"))
        self.publish_button.setText(self.tr("&Publish file…"))
        self.withdraw_button.setText(self.tr("&Withdraw…"))
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Name"), self.tr("Version"),
                                              self.tr("Published"), self.tr("By"), self.tr("Size"),
                                              self.tr("SHA-256")])
        if self.files:
            self.show_rows()
