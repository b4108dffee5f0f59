"""Saved views: name + filters + sort + columns, per user."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QToolButton

from app.errors import ValidationError
from app.saved_views import SavedView
from app.saved_views import SavedViews
from app.worklist import COLUMNS
from ui.problem_words import say


class ViewsMenu(QObject):
    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.store = SavedViews(page.profile, page.profile.store.user_id)
        self.button = QToolButton(page)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(page)
        self.menu.aboutToShow.connect(self._rebuild)
        self.button.setMenu(self.menu)

    def set_user(self, user_id: str | None) -> None:
        """Saved views are per person: after a sign-in the menu lists the new person's."""
        self.store = SavedViews(self.page.profile, user_id)

    def retranslate(self) -> None:
        self.button.setText(self.tr("Views"))

    def _rebuild(self) -> None:
        self.menu.clear()
        views = self.store.all()
        for view in views:
            self.menu.addAction(view.name, lambda v=view: self.apply(v))
        if views:
            self.menu.addSeparator()
        self.menu.addAction(self.tr("Save current view…"), self.ask_and_save)
        if views:
            delete = self.menu.addMenu(self.tr("Delete view"))
            for view in views:
                delete.addAction(view.name, lambda v=view: self._delete(v.name))

    def current(self, name: str) -> SavedView:
        m = self.page.model
        return SavedView(name=name, filters=m.filters, sort=m.sort_key, descending=m.descending,
                         columns=self.page.visible_columns())

    def ask_and_save(self) -> None:
        name, ok = QInputDialog.getText(self.page, self.tr("Save view"), self.tr("Name of this view:"))
        if ok:
            error = self.save_current(name)
            if error:
                QMessageBox.warning(self.page, self.tr("Save view"), error)

    def save_current(self, name: str) -> str | None:
        """Save under `name`; returns the reason when the name is refused."""
        try:
            self.store.save(self.current(name))
        except ValidationError as exc:
            return say(exc)
        return None

    def apply(self, view: SavedView) -> None:
        page = self.page
        page.filter_bar.set_filters(view.filters)
        page.search.blockSignals(True)
        page.search.setText(view.filters.text)
        page.search.blockSignals(False)
        page.set_visible_columns(view.columns)
        order = Qt.SortOrder.DescendingOrder if view.descending else Qt.SortOrder.AscendingOrder
        page.table.horizontalHeader().blockSignals(True)
        page.table.horizontalHeader().setSortIndicator(COLUMNS.index(view.sort), order)
        page.table.horizontalHeader().blockSignals(False)
        page.model.load(view.filters, view.sort, view.descending)
        page._after_load()
        page._request_counts()

    def _delete(self, name: str) -> None:
        self.store.delete(name)
