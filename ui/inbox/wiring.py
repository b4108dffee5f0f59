"""Puts the inbox into the main window: its page, the unread count beside 收件箱 in the
sidebar, where each item opens, and a desktop notification when something new arrives.

The notification is the system tray's balloon where there is a tray, else a status-bar
message: either way a few words and the count, never a dialog that stops the work.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon

from app.inbox import Inbox
from app.inbox import InboxItem
from app.referrals.board import TABS
from ui.inbox.model import kind_name
from ui.inbox.page import InboxPage
from ui.pages import page_icon

STATUS_MESSAGE_MS = 15_000


def notice_text(items: list[InboxItem]) -> str:
    first = items[0]
    if len(items) == 1:
        return QCoreApplication.translate("InboxNotice", "New in your inbox: {kind}, {patient}").format(
            kind=kind_name(first.kind), patient=first.patient_name)
    return QCoreApplication.translate("InboxNotice", "{count} new items in your inbox, first: {kind}, {patient}").format(
        count=len(items), kind=kind_name(first.kind), patient=first.patient_name)


class InboxNotifier(QObject):
    """Says that something arrived: the tray's balloon when the desktop has a tray, else the
    window's status bar. `tray_available` is for tests."""

    def __init__(self, window, tray_available: bool | None = None):
        super().__init__(window)
        self.window = window
        available = QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        self.tray: QSystemTrayIcon | None = None
        if available:
            self.tray = QSystemTrayIcon(page_icon("inbox", 32), window)
            self.tray.messageClicked.connect(lambda: self._show_inbox())
            self.tray.show()
        self.last_text = ""

    def notify(self, items: list[InboxItem]) -> None:
        if not items:
            return
        self.last_text = text = notice_text(items)
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage("CaseDesk", text, QSystemTrayIcon.MessageIcon.Information, STATUS_MESSAGE_MS)
        else:
            self.window.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def _show_inbox(self) -> None:
        self.window.show_page("inbox")
        self.window.raise_()
        self.window.activateWindow()


class InboxUi(QObject):
    def __init__(self, window, workspace, tray_available: bool | None = None):
        super().__init__(window)
        self.window, self.workspace = window, workspace
        me = window.identity.current
        self.page = InboxPage(Inbox(window.profile, me.user_id, me.station_id))
        window.set_page("inbox", self.page)
        self.notifier = InboxNotifier(window, tray_available)
        page = self.page
        page.count_changed.connect(lambda n: window.set_page_count("inbox", n))
        page.arrived.connect(self.notifier.notify)
        page.patient_requested.connect(workspace.open_patient)
        page.referral_requested.connect(self.open_referral)
        page.change_requested.connect(self.open_change)
        # Every change may bring or settle an item (a pull, a push's answer, a local edit).
        window.events.data_changed.connect(lambda _event: page.reload())
        window.events.identity_changed.connect(lambda me: page.follow(me.user_id, me.station_id))
        page.reload()

    def open_referral(self, referral_id: str):
        """The referral board on its incoming tab, with this referral selected and shown."""
        board = self.workspace.page("referrals")
        self.window.show_page("referrals")
        board.detail.show_referral(board.service.get(referral_id))

        def select() -> None:
            board.loaded.disconnect(select)
            row = board.model.row_of(referral_id)
            if row >= 0:
                board.table.selectRow(row)

        board.loaded.connect(select)
        incoming = TABS.index("incoming")
        if board.tabs.currentIndex() != incoming:
            board.tabs.setCurrentIndex(incoming)  # reloads
        else:
            board.reload()
        return board

    def open_change(self, seq: int):
        """The Changes waiting list with this change selected, and its dialog open
        (settle the conflict, or correct and resend)."""
        view = self.workspace.sync.open_outbox()
        for row, item in enumerate(view.model.items):
            if item.seq == seq:
                view.table.selectRow(row)
                view.act()
                break
        return view
