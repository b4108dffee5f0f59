"""The administrator's dialog: 用户 / 机构 / 设备 / 安全日志 / 发布文件, one tab each.

Every request goes over the signed-in sync client on the network lane (`runner`, the sync
controller), queued behind a running sync; the server decides what an administrator may do.
A tab fetches what it shows the first time it is opened."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from ui.admin.devices_tab import DevicesTab
from ui.admin.files_tab import FilesTab
from ui.admin.log_tab import LogTab
from ui.admin.org_tab import OrgTab
from ui.admin.users_tab import UsersTab


class AdminDialog(QDialog):
    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.users = UsersTab(runner)
        self.org = OrgTab(runner)
        self.devices = DevicesTab(runner)
        self.log = LogTab(runner)
        self.files = FilesTab(runner)
        self.tabs = QTabWidget()
        for tab in self.all_tabs():
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(lambda _i: self.tabs.currentWidget().ensure_loaded())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(1100, 640)
        self.retranslate()

    def all_tabs(self):
        return (self.users, self.org, self.devices, self.log, self.files)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.tabs.currentWidget().ensure_loaded()

    def done(self, result: int) -> None:
        for tab in self.all_tabs():
            tab.release_cursor()
        super().done(result)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Administration"))
        for tab, title in zip(self.all_tabs(), (self.tr("People"), self.tr("Organisation"), self.tr("Desktops"),
                                                self.tr("Security log"), self.tr("Published files"))):
            self.tabs.setTabText(self.tabs.indexOf(tab), title)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
