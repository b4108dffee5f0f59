"""Settings pages, one class per group, each with load() / validate() / save().

No secret is ever asked for here: the sync password goes to the keyring at sign-in.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QEvent
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.settings import Settings
from app.sync import endpoint
from ui import problem_words

LANGUAGES = (("zh_CN", "中文（简体）"), ("en", "English"))  # each named in its own language
FONT_SIZES = ("small", "standard", "large", "xlarge")  # app/settings.py ui.font_size; ui/fonts.py scales
PAPER_SIZES = ("A4", "A5")
LETTERHEAD_MAX = 200


class SettingsPage(QWidget):
    """A form of fields; a bad field gets its message in a red line right under it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer = QVBoxLayout(self)
        outer.addLayout(self.form)
        outer.addStretch(1)  # rows stay at the top, at their natural height
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}

    def add_row(self, name: str, field: QWidget) -> None:
        label = QLabel()
        label.setBuddy(field)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet("color: #c0392b;")
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(field)
        column.addWidget(error)
        self.form.addRow(label, box)
        self.labels[name] = label
        self.errors[name] = error

    def add_note(self) -> QLabel:
        note = QLabel()
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        self.form.addRow(note)
        return note

    def show_error(self, name: str, message: str | None) -> None:
        self.errors[name].setText(message or "")
        self.errors[name].setVisible(bool(message))

    def title(self) -> str:
        raise NotImplementedError

    def load(self, settings: Settings) -> None:
        raise NotImplementedError

    def validate(self) -> QWidget | None:
        """Show a message next to each bad field; return the first bad field, None if all good."""
        return None

    def save(self, settings: Settings) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class GeneralPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.add_row("language", self.language)
        self.font_size = QComboBox()
        for code in FONT_SIZES:
            self.font_size.addItem("", code)
        self.add_row("font_size", self.font_size)
        self.note = self.add_note()
        self.retranslate()

    def title(self) -> str:
        return self.tr("General")

    def load(self, settings: Settings) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("ui.language"))))
        self.font_size.setCurrentIndex(max(0, self.font_size.findData(settings.get("ui.font_size"))))

    def save(self, settings: Settings) -> None:
        settings.set("ui.language", self.language.currentData())
        settings.set("ui.font_size", self.font_size.currentData())

    def retranslate(self) -> None:
        self.labels["language"].setText(self.tr("&Language:"))
        self.labels["font_size"].setText(self.tr("&Text size:"))
        names = {"small": self.tr("Small"), "standard": self.tr("Standard"), "large": self.tr("Large"),
                 "xlarge": self.tr("Extra large")}
        for row in range(self.font_size.count()):
            self.font_size.setItemText(row, names[self.font_size.itemData(row)])
        self.note.setText(self.tr("Language and text size change as soon as you press Apply or OK."))


class SyncPage(SettingsPage):
    # (server address, user name) as typed; the sync UI opens the sign-in dialog for them.
    sign_in_requested = Signal(str, str)
    change_password_requested = Signal()  # ui/settings/password.py opens the dialog

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://casedesk.example.org")
        self.username = QLineEdit()
        self.sign_in = QPushButton()
        self.sign_in.clicked.connect(self._sign_in)
        self.signed_in_as = ""
        self.password_note = ""
        button_row = QWidget()
        row = QHBoxLayout(button_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sign_in)
        self.change_password = QPushButton()  # shown only when it can work (online, signed in)
        self.change_password.clicked.connect(self.change_password_requested)
        self.change_password.hide()
        row.addWidget(self.change_password)
        row.addStretch(1)
        self.add_row("url", self.url)
        self.add_row("username", self.username)
        self.add_row("sign_in", button_row)
        self.account = self.add_note()
        self.note = self.add_note()
        self.retranslate()

    def _sign_in(self) -> None:
        if self.validate() is not None:
            return
        url = self.url.text().strip()
        if not url:
            self.show_error("url", self.tr("Enter the server address first."))
            return
        self.sign_in_requested.emit(url, self.username.text().strip())

    def show_signed_in(self, username: str) -> None:
        """After a sign-in from this page: the fields show what is now in effect."""
        self.username.setText(username)
        self.signed_in_as = username
        self.retranslate()

    def set_can_change_password(self, can: bool) -> None:
        self.change_password.setVisible(can)

    def password_changed(self) -> None:
        self.password_note = "changed"
        self.retranslate()

    def title(self) -> str:
        return self.tr("Sync")

    def load(self, settings: Settings) -> None:
        self.url.setText(settings.get("sync.server_url"))
        self.username.setText(settings.get("sync.username"))
        self.signed_in_as = (settings.get("sync.username") or "?") if settings.get("user.id") else ""
        self.retranslate()

    def validate(self) -> QWidget | None:
        url = self.url.text().strip()
        username = self.username.text().strip()
        parts = urlsplit(url)
        bad_url = bool(url) and (parts.scheme not in ("http", "https") or not parts.hostname
                                 or any(c.isspace() for c in url))
        url_error = self.tr("The server address must start with http:// or https://, "
                            "for example https://casedesk.example.org.") if bad_url else None
        cleartext = endpoint.problem(url) if url and not bad_url else None
        if cleartext is not None:  # http:// off this machine: the sync client would refuse it too
            bad_url, url_error = True, problem_words.words(cleartext)
        self.show_error("url", url_error)
        if any(c.isspace() for c in username):
            user_error = self.tr("A user name has no spaces.")
        elif url and not username:
            user_error = self.tr("Enter your user name on this server.")
        else:
            user_error = None
        self.show_error("username", user_error)
        return self.url if bad_url else self.username if user_error else None

    def save(self, settings: Settings) -> None:
        settings.set("sync.server_url", self.url.text().strip())
        settings.set("sync.username", self.username.text().strip())

    def retranslate(self) -> None:
        self.labels["url"].setText(self.tr("&Server address:"))
        self.labels["username"].setText(self.tr("&User name:"))
        self.labels["sign_in"].setText("")
        self.sign_in.setText(self.tr("Sign &in…"))
        self.change_password.setText(self.tr("&Change password…"))
        self.account.setText(self.tr("Signed in as {name}.").format(name=self.signed_in_as)
                             if self.signed_in_as else self.tr("Not signed in on this desktop."))
        if self.password_note:
            self.account.setText(self.account.text() + " " + self.tr("Your password was changed."))
        self.note.setText(self.tr("Leave the address empty to work offline. Your password is "
                                  "never stored here: you give it when you sign in."))
        if self.errors["url"].isVisible() or self.errors["username"].isVisible():
            self.validate()  # re-word the visible messages in the new language


class SecurityPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(1, 240)
        self.idle_minutes.setMaximumWidth(160)
        self.add_row("idle", self.idle_minutes)
        self.note = self.add_note()
        self.retranslate()

    def title(self) -> str:
        return self.tr("Security")

    def load(self, settings: Settings) -> None:
        self.idle_minutes.setValue(settings.get("security.idle_lock_minutes"))

    def save(self, settings: Settings) -> None:
        settings.set("security.idle_lock_minutes", self.idle_minutes.value())

    def retranslate(self) -> None:
        self.labels["idle"].setText(self.tr("&Lock after idle:"))
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.note.setText(self.tr("The workstation locks after this many minutes without use; "
                                  "patient data stays hidden until you unlock it."))


class LettersPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.letterhead = QPlainTextEdit()
        self.letterhead.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.paper = QComboBox()
        for size in PAPER_SIZES:
            self.paper.addItem(size, size)
        self.add_row("letterhead", self.letterhead)
        self.add_row("paper", self.paper)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Letters")

    def load(self, settings: Settings) -> None:
        self.letterhead.setPlainText(settings.get("letters.letterhead"))
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.get("letters.paper"))))

    def validate(self) -> QWidget | None:
        text = self.letterhead.toPlainText().strip()
        if not text:
            error = self.tr("The letterhead is printed at the top of every letter; it cannot be empty.")
        elif len(text) > LETTERHEAD_MAX:
            error = self.tr("The letterhead is too long ({count} characters, at most {limit}).").format(
                count=len(text), limit=LETTERHEAD_MAX)
        else:
            error = None
        self.show_error("letterhead", error)
        return self.letterhead if error else None

    def save(self, settings: Settings) -> None:
        settings.set("letters.letterhead", self.letterhead.toPlainText().strip())
        settings.set("letters.paper", self.paper.currentData())

    def retranslate(self) -> None:
        self.labels["letterhead"].setText(self.tr("Letter&head:"))
        self.labels["paper"].setText(self.tr("&Paper size:"))
        if self.errors["letterhead"].isVisible():
            self.validate()
