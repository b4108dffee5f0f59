"""机构 / Organisation: the server's tree of units, and importing it from a csv or xlsx file
with the checks of `server org import` (all lines or none; every bad line named)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QTreeWidget
from PySide6.QtWidgets import QTreeWidgetItem
from PySide6.QtWidgets import QWidget

from app import admin
from ui.admin import words
from ui.admin.base import AdminTab
from ui.file_dialogs import open_path


class OrgTab(AdminTab):
    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.units: list[admin.Unit] = []
        self.refresh_button = self.button(self.load)
        self.import_button = self.button(self.choose_file)
        self.deactivate = QCheckBox()
        self.buttons_row.addWidget(self.deactivate)
        self.buttons_row.addStretch(1)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(7)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.body.addWidget(self.tree, 1)
        self.finish_layout()
        self.retranslate()

    def load(self) -> None:
        self.request(admin.org_tree, self._loaded)

    def _loaded(self, units: list[admin.Unit]) -> None:
        self.units = units
        self.show_tree()

    def show_tree(self) -> None:
        kinds = words.org_kinds()
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for u in self.units:
            state = self.tr("Active") if u.active else self.tr("Inactive")
            items[u.code] = QTreeWidgetItem([u.code, u.name, words.label(kinds, u.kind), u.address, u.phone,
                                             "；".join(u.aliases), state])
        for u in self.units:
            parent = items.get(u.parent) if u.parent else None
            if parent is not None and parent is not items[u.code]:
                parent.addChild(items[u.code])
            else:
                self.tree.addTopLevelItem(items[u.code])
        self.tree.setSortingEnabled(True)
        self.tree.expandAll()
        for column in range(self.tree.columnCount() - 1):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column) + 12, 320))

    def choose_file(self) -> None:
        path = open_path(self, self.tr("Import the organisation tree"), self.tr("Spreadsheets (*.csv *.xlsx)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        name, deactivate = Path(path).name, self.deactivate.isChecked()

        def done(outcome: admin.OrgImported):
            def text():
                parts = [self.tr("{file} imported: {added} added, {updated} updated, {unchanged} unchanged.").format(
                    file=name, added=len(outcome.added), updated=len(outcome.updated),
                    unchanged=len(outcome.unchanged))]
                if outcome.missing:
                    parts.append(self.tr("Not in the file, kept: {codes}.").format(codes=", ".join(outcome.missing)))
                if outcome.deactivated:
                    parts.append(self.tr("Marked inactive: {codes}.").format(codes=", ".join(outcome.deactivated)))
                return " ".join(parts)
            self.say(text)
            self.load()

        self.request(lambda client: admin.import_org(client, path, deactivate), done,
                     busy_text=lambda: self.tr("Importing {file}: the server checks every line…").format(file=name))

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("&Refresh"))
        self.import_button.setText(self.tr("&Import file…"))
        self.deactivate.setText(self.tr("Mark units missing from the file inactive"))
        self.tree.setHeaderLabels([self.tr("Code"), self.tr("Name"), self.tr("Type"), self.tr("Address"),
                                   self.tr("Phone"), self.tr("Aliases"), self.tr("State")])
        if self.units:
            self.show_tree()
