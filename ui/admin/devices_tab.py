"""设备 / Desktops: each desktop that signed in (person, computer, CaseDesk version, last sync,
last address); withdrawing a lost one ends its sign-ins, and it erases its profile at its
next contact."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app import admin
from ui.admin.base import AdminTab
from ui.admin.base import fill
from ui.admin.base import moment_text
from ui.admin.base import selected_key
from ui.admin.base import table


class DevicesTab(AdminTab):
    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.desktops: dict[str, admin.Desktop] = {}
        self.refresh_button = self.button(self.load)
        self.revoke_button = self.button(self.revoke)
        self.buttons_row.addStretch(1)
        self.table = table(8)
        self.table.itemSelectionChanged.connect(self.selection_changed)
        self.body.addWidget(self.table, 1)
        self.finish_layout()
        self.retranslate()
        self.selection_changed()

    def load(self) -> None:
        self.request(admin.devices, self._loaded)

    def _loaded(self, desktops: list[admin.Desktop]) -> None:
        self.desktops = {d.id: d for d in desktops}
        self.show_rows()

    def show_rows(self) -> None:
        rows = [(f"{d.display_name} ({d.username})", d.name, d.app_version, moment_text(d.last_seen_at), d.last_addr,
                 d.code or "", moment_text(d.registered_at),
                 self.tr("Withdrawn {when}").format(when=moment_text(d.revoked_at)) if d.revoked_at
                 else self.tr("In use")) for d in self.desktops.values()]
        fill(self.table, rows, list(self.desktops))
        self.selection_changed()

    def selected(self) -> admin.Desktop | None:
        return self.desktops.get(selected_key(self.table) or "")

    def selection_changed(self) -> None:
        desktop = self.selected()
        self.revoke_button.setEnabled(self.pending == 0 and desktop is not None and desktop.revoked_at is None)

    def revoke(self) -> None:
        desktop = self.selected()
        if desktop is None:
            return
        device_id = desktop.id

        def run():
            def done(answer):
                view, ended = answer
                self.say(lambda: self.tr("The desktop “{name}” was withdrawn; {tokens} sign-in(s) ended.")
                         .format(name=view.name or view.id, tokens=ended))
                self.load()
            self.request(lambda client: admin.revoke_device(client, device_id), done)

        self.ask(self.tr("Withdraw desktop"),
                 self.tr("Withdraw the desktop “{name}” of {person}? Its sign-ins end now, and at its next contact "
                         "it erases its profile (unsynced changes on it are lost). This cannot be "
                         "undone.").format(name=desktop.name or desktop.id,
                                           person=desktop.display_name or desktop.username),
                 self.tr("Withdraw"), run)

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("&Refresh"))
        self.revoke_button.setText(self.tr("&Withdraw…"))
        self.table.setHorizontalHeaderLabels([self.tr("Person"), self.tr("Computer"), self.tr("CaseDesk version"),
                                              self.tr("Last sync"), self.tr("Last address"), self.tr("Code"),
                                              self.tr("Registered"), self.tr("State")])
        if self.desktops:
            self.show_rows()
