"""The reports attached to the selected referral, on the board: attach, open, remove.

Opening writes the report into a private folder of this session (removed when CaseDesk
ends) and hands it to the system's viewer: the database keeps the only lasting copy,
encrypted. A report whose bytes have not arrived yet is listed as on its way.
"""
from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QListWidgetItem
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import ValidationError
from app.referrals.attachments import AttachmentService
from app.referrals.attachments import AttachmentView
from ui import file_dialogs
from ui import problem_words
from ui.referrals.step_dialogs import error_label
from ui.referrals.step_dialogs import show_error
from ui.writes import off_gui_thread

log = logging.getLogger(__name__)
_opened_folder: Path | None = None


def opened_folder() -> Path:
    """A folder only this user reads, emptied when CaseDesk ends."""
    global _opened_folder
    if _opened_folder is None:
        _opened_folder = Path(tempfile.mkdtemp(prefix="casedesk-reports-"))
        atexit.register(shutil.rmtree, _opened_folder, True)
    return _opened_folder


def size_text(size: int) -> str:
    return f"{size / 1048576:.1f} MB" if size >= 1048576 else f"{max(size // 1024, 1)} KB"


class ReportsPanel(QWidget):
    def __init__(self, profile, parent=None):
        super().__init__(parent)
        self.service = off_gui_thread(AttachmentService(profile))
        self.referral_id: str | None = None
        self.opener = QDesktopServices.openUrl  # the system's viewer (a test may look instead)
        self.title = QLabel(self)
        self.title.setStyleSheet("color: #666;")
        self.list = QListWidget(self)
        self.list.setMaximumHeight(110)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.attach_button, self.open_button, self.remove_button = (QPushButton(self) for _ in range(3))
        self.attach_button.clicked.connect(self.choose_and_attach)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = error_label(self)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Attached reports"))
        self.attach_button.setText(self.tr("Attach report…"))
        self.open_button.setText(self.tr("Open"))
        self.remove_button.setText(self.tr("Remove"))
        self.show_for(self.referral_id)

    def show_for(self, referral_id: str | None) -> None:
        self.referral_id = referral_id
        self.list.clear()
        show_error(self.message, "")
        for a in self.service.of_referral(referral_id) if referral_id else []:
            self.list.addItem(self._item(a))
        if referral_id and not self.list.count():
            empty = QListWidgetItem(self.tr("No reports attached"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)  # a note, not a report: not selectable
            self.list.addItem(empty)
        self._enable()

    def _item(self, a: AttachmentView) -> QListWidgetItem:
        when = a.added_at.astimezone().strftime("%Y-%m-%d") if a.added_at else ""
        text = " · ".join(x for x in (a.file_name, size_text(a.size), when, a.added_by) if x)
        if not a.here:
            text += " · " + self.tr("on its way (arrives with the next sync)")
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, a.id)
        return item

    def selected(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _enable(self) -> None:
        self.attach_button.setEnabled(self.referral_id is not None)
        self.open_button.setEnabled(self.selected() is not None)
        self.remove_button.setEnabled(self.selected() is not None)

    def choose_and_attach(self) -> None:
        if self.referral_id is None:
            return
        path = file_dialogs.open_path(self, self.tr("Attach a report"),
                                      self.tr("Reports (*.pdf *.png *.jpg *.jpeg);;All files (*)"))
        if path:
            self.attach(path)

    def attach(self, path: str) -> bool:
        if self.referral_id is None:
            return False
        try:
            self.service.attach(self.referral_id, path)
        except ValidationError as exc:  # too large, unreadable, not a PDF or image: nothing written
            show_error(self.message, problem_words.say(exc))
            return False
        self.show_for(self.referral_id)
        return True

    def open_selected(self) -> Path | None:
        aid = self.selected()
        if aid is None:
            return None
        try:
            name, data = self.service.content(aid)
        except ValidationError as exc:
            show_error(self.message, problem_words.say(exc))
            return None
        folder = opened_folder() / aid  # one folder per report: two reports may share a name
        folder.mkdir(exist_ok=True)
        path = folder / Path(name).name
        path.write_bytes(data)
        if not self.opener(QUrl.fromLocalFile(str(path))):
            log.warning("no viewer opened %s", path.suffix)
            show_error(self.message, self.tr("No program on this computer opens {name}. It is saved at {path}.")
                       .format(name=path.name, path=str(path)))
        return path

    def remove_selected(self, confirmed: bool | None = None) -> bool:
        aid = self.selected()
        if aid is None:
            return False
        if confirmed is None:
            confirmed = QMessageBox.question(
                self, self.tr("Remove report"),
                self.tr("Remove {name} from this referral? Both organisations stop seeing it.").format(
                    name=self.list.currentItem().text().split(" · ")[0]),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes
        if not confirmed:
            return False
        try:
            self.service.remove(aid)
        except ValidationError as exc:
            show_error(self.message, problem_words.say(exc))
            return False
        self.show_for(self.referral_id)
        return True
