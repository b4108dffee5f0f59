"""Who works at this desktop now: the people known here, adding one, removing one.

Choosing someone opens their profile here, in the dialog, so a profile that cannot open
(its key is not in this computer's keyring, a damaged database) is said under the list
and nobody's window has been closed yet. The person who is leaving sees how many of
their changes have not reached the server: they stay in their own profile.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QListWidgetItem
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import CaseDeskError
from app.profile import Profile
from app.users import DeskUser
from app.users import Station
from ui.problem_words import say

LOGIN_ROLE = Qt.ItemDataRole.UserRole


class UserChooser(QDialog):
    def __init__(self, station: Station, current: str | None = None, unsynced: int = 0,
                 parent: QWidget | None = None):
        """`current`: the login leaving (listed, not choosable); `unsynced`: their changes not yet sent."""
        super().__init__(parent)
        self.station = station
        self.current = current
        self.unsynced = unsynced
        self.profile: Profile | None = None  # the chosen person's profile, open, once accepted
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.unsynced_note = QLabel()
        self.unsynced_note.setObjectName("unsynced_note")
        self.unsynced_note.setWordWrap(True)
        self.unsynced_note.setStyleSheet("color: #a15c00;")
        self.unsynced_note.setVisible(unsynced > 0)
        self.list = QListWidget()
        self.list.setMinimumHeight(160)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_user")
        self.remove_button.clicked.connect(self.remove_selected)
        self.confirm = self._ask  # replaced in tests
        self.add_box = QGroupBox()
        self.login = QLineEdit()
        self.name = QLineEdit()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_user)
        self.login.returnPressed.connect(self.add_user)
        self.name.returnPressed.connect(self.add_user)
        self.login_label, self.name_label = QLabel(), QLabel()
        self.login_label.setBuddy(self.login)
        self.name_label.setBuddy(self.name)
        form = QFormLayout()
        form.addRow(self.login_label, self.login)
        form.addRow(self.name_label, self.name)
        add_row = QHBoxLayout(self.add_box)
        add_row.addLayout(form, 1)
        add_row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.message = QLabel()
        self.message.setObjectName("chooser_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.open_selected)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.unsynced_note, self.list):
            layout.addWidget(widget)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        for widget in (self.add_box, self.message):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.reload()
        self.retranslate()

    # -- the list -------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        self.list.clear()
        for user in self.station.users():
            item = QListWidgetItem()
            item.setData(LOGIN_ROLE, user.login)
            if user.login == self.current:
                item.setFlags(Qt.ItemFlag.NoItemFlags)  # shown, so the leaver sees their place kept
            self.list.addItem(item)
        self._texts()
        choosable = [self.list.item(i) for i in range(self.list.count())
                     if self.list.item(i).flags() & Qt.ItemFlag.ItemIsEnabled]
        wanted = next((i for i in choosable if i.data(LOGIN_ROLE) == select), None)
        if wanted is None and choosable:
            wanted = choosable[0]  # the most recently used other person
        if wanted is not None:
            self.list.setCurrentItem(wanted)
        (self.list if choosable else self.login).setFocus()
        self._update_buttons()

    def selected_login(self) -> str | None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return item.data(LOGIN_ROLE)

    def _update_buttons(self) -> None:
        chosen = self.selected_login() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # -- actions --------------------------------------------------------------------

    def add_user(self) -> DeskUser | None:
        try:
            user = self.station.add(self.login.text(), self.name.text())
        except CaseDeskError as exc:
            self._say(say(exc))
            self.login.setFocus()
            return None
        self.login.clear()
        self.name.clear()
        self.message.hide()
        self.reload(select=user.login)
        return user

    def open_selected(self) -> None:
        login = self.selected_login()
        if login is None:
            return
        try:
            self.profile = self.station.open(login)
        except CaseDeskError as exc:  # their key is not in this keyring, a damaged database ...
            self._say(say(exc))
            return
        self.accept()

    def remove_selected(self) -> bool:
        """Take the selected person off this desktop, once asked; refused (and said why)
        while they have work the server has not got."""
        login = self.selected_login()
        if login is None:
            return False
        label = self.station.get(login).label
        question = self.tr("Remove {user} from this desktop? Their profile and its key are deleted from "
                           "this computer; what they synced stays on the server, and they can be added "
                           "again and sync it back.").format(user=label)
        if not self.confirm(question):
            return False
        try:
            self.station.remove(login)
        except CaseDeskError as exc:  # work not yet on the server, or their profile is open
            self._say(say(exc))
            return False
        self.message.hide()
        self.reload()
        return True

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Remove user"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # -- language -------------------------------------------------------------------

    def _texts(self) -> None:
        users = {u.login: u for u in self.station.users()}
        for row in range(self.list.count()):
            item = self.list.item(row)
            user = users.get(item.data(LOGIN_ROLE))
            if user is None:
                continue
            text = user.label
            if user.login == self.current:
                text = self.tr("{user} — signed in now").format(user=text)
            elif user.last_used:
                when = dt.datetime.fromisoformat(user.last_used).astimezone().strftime("%Y-%m-%d %H:%M")
                text = self.tr("{user} — last here {when}").format(user=text, when=when)
            item.setText(text)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Switch user") if self.current else self.tr("Choose user"))
        self.heading.setText(self.tr("Who is working at this desktop? Each person's data and key stay "
                                     "in their own profile."))
        self.unsynced_note.setText(self.tr("%n change(s) not yet synced will stay in your profile and "
                                           "be sent the next time you sign in here.", "", self.unsynced))
        self.add_box.setTitle(self.tr("Add a user"))
        self.login_label.setText(self.tr("&Login name:"))
        self.name_label.setText(self.tr("&Name (optional):"))
        self.login.setPlaceholderText(self.tr("as on the server, e.g. cm01"))
        self.add_button.setText(self.tr("&Add"))
        self.remove_button.setText(self.tr("&Remove from this desktop…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setText(self.tr("Open"))
        self._texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
