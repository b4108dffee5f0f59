"""用户 / People: the accounts on the server; add one, disable or enable, reset a password.
A new or reset password is shown once (OneTimePasswordDialog) and kept nowhere here."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import admin
from ui.admin import words
from ui.admin.base import ERROR_STYLE
from ui.admin.base import AdminTab
from ui.admin.base import fill
from ui.admin.base import moment_text
from ui.admin.base import refusal_lines
from ui.admin.base import selected_key
from ui.admin.base import table
from ui.admin.one_time import OneTimePasswordDialog


class UsersTab(AdminTab):
    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.people: dict[str, admin.Person] = {}
        self.units: list[admin.Unit] = []
        self.refresh_button = self.button(self.load)
        self.add_button = self.button(self.open_add)
        self.disable_button = self.button(lambda: self.set_active(False))
        self.enable_button = self.button(lambda: self.set_active(True))
        self.reset_button = self.button(self.reset_password)
        self.buttons_row.addStretch(1)
        self.table = table(7)
        self.table.itemSelectionChanged.connect(self.selection_changed)
        self.body.addWidget(self.table, 1)
        self.finish_layout()
        self.add_dialog: AddUserDialog | None = None
        self.one_time: OneTimePasswordDialog | None = None
        self.retranslate()
        self.selection_changed()

    def load(self) -> None:
        self.request(lambda client: (admin.users(client), admin.org_tree(client)), self._loaded)

    def _loaded(self, answer) -> None:
        people, self.units = answer
        self.people = {p.username: p for p in people}
        self.show_rows()

    def show_rows(self) -> None:
        roles, units = words.roles(), {u.code: u.name for u in self.units}
        rows = [(p.username, p.name, words.label(roles, p.role), units.get(p.unit, p.unit), p.phone,
                 self.state_text(p), moment_text(p.changed_at)) for p in self.people.values()]
        fill(self.table, rows, list(self.people))
        self.selection_changed()

    def state_text(self, person: admin.Person) -> str:
        state = self.tr("Active") if person.active else self.tr("Disabled")
        return self.tr("{state}, must change password").format(state=state) if person.must_change else state

    def selected(self) -> admin.Person | None:
        return self.people.get(selected_key(self.table) or "")

    def selection_changed(self) -> None:
        person, idle = self.selected(), self.pending == 0
        self.disable_button.setEnabled(idle and person is not None and person.active)
        self.enable_button.setEnabled(idle and person is not None and not person.active)
        self.reset_button.setEnabled(idle and person is not None)

    # -- actions ----------------------------------------------------------------------------

    def open_add(self) -> AddUserDialog:
        dialog = AddUserDialog(self.units, self)
        dialog.buttons.accepted.connect(lambda: self._add(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _add(self, dialog: AddUserDialog) -> None:
        values = dialog.values()
        if values is None:
            return
        dialog.setEnabled(False)

        def done(password):
            dialog.setEnabled(True)
            dialog.accept()
            self.say(lambda: self.tr("{username} was added.").format(username=values["username"]))
            self.show_one_time(values["username"], password)
            self.load()

        def failed(exc):
            dialog.setEnabled(True)
            dialog.show_problems(refusal_lines(exc))

        self.request(lambda client: admin.add_user(client, **values), done, failed=failed)

    def set_active(self, active: bool) -> None:
        person = self.selected()
        if person is None:
            return
        username = person.username

        def run():
            def done(_changed):
                self.say(lambda: (self.tr("{username} was enabled.") if active
                                  else self.tr("{username} was disabled.")).format(username=username))
                self.load()
            self.request(lambda client: admin.set_active(client, username, active), done)

        if active:
            run()
            return
        self.ask(self.tr("Disable"), self.tr("Disable {name} ({username})? Their sign-ins end at once on every "
                                             "desktop.").format(name=person.name, username=username),
                 self.tr("Disable"), run)

    def reset_password(self) -> None:
        person = self.selected()
        if person is None:
            return
        username = person.username

        def run():
            def done(password):
                self.say(lambda: self.tr("The password of {username} was reset.").format(username=username))
                self.show_one_time(username, password)
                self.load()
            self.request(lambda client: admin.reset_password(client, username), done)

        self.ask(self.tr("Reset password"),
                 self.tr("Give {name} ({username}) a new one-time password? Their sign-ins end at once.").format(
                     name=person.name, username=username), self.tr("Reset password"), run)

    def show_one_time(self, username: str, password: str) -> None:
        dialog = OneTimePasswordDialog(username, password, self)
        dialog.finished.connect(dialog.deleteLater)
        self.one_time = dialog
        dialog.open()

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("&Refresh"))
        self.add_button.setText(self.tr("&Add…"))
        self.disable_button.setText(self.tr("&Disable…"))
        self.enable_button.setText(self.tr("&Enable"))
        self.reset_button.setText(self.tr("Reset &password…"))
        self.table.setHorizontalHeaderLabels([self.tr("Login name"), self.tr("Name"), self.tr("Role"),
                                              self.tr("Unit"), self.tr("Phone"), self.tr("State"),
                                              self.tr("Password changed")])
        if self.people:
            self.show_rows()


class AddUserDialog(QDialog):
    """The new person's login name, name, role, unit and phone; the server checks them."""

    def __init__(self, units: list[admin.Unit], parent: QWidget | None = None):
        super().__init__(parent)
        self.username, self.name, self.phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.username.setMaxLength(64)
        self.name.setMaxLength(64)
        self.phone.setMaxLength(32)
        self.role = QComboBox()
        for code, label in words.roles().items():
            self.role.addItem(label, code)
        self.unit = QComboBox()
        kinds = words.org_kinds()
        for u in sorted((u for u in units if u.active), key=lambda u: u.code):
            self.unit.addItem(f"{u.name} · {words.label(kinds, u.kind)} ({u.code})", u.code)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        for label, field in zip(self.labels, (self.username, self.name, self.role, self.unit, self.phone)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.message = QLabel()
        self.message.setObjectName("add_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()

    def values(self) -> dict | None:
        if not self.username.text().strip() or not self.name.text().strip() or self.unit.currentData() is None:
            self.show_problems([self.tr("Enter the login name and the name, and choose the unit.")])
            return None
        return {"username": self.username.text().strip(), "name": self.name.text().strip(),
                "role": self.role.currentData(), "org": self.unit.currentData(), "phone": self.phone.text().strip()}

    def show_problems(self, lines: list[str]) -> None:
        self.message.setText("\n".join(lines))
        self.message.show()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a person"))
        for label, text in zip(self.labels, (self.tr("&Login name:"), self.tr("&Name:"), self.tr("&Role:"),
                                             self.tr("&Unit:"), self.tr("&Phone:"))):
            label.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
