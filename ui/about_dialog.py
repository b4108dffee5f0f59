"""About CaseDesk: name, version, what it is, and the bundled font's licence."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import __version__
from ui.fonts import FONT_LICENCE

# Shown in both languages whatever the interface language: it names the product.
DESCRIPTION_ZH = "县域肿瘤防治网络的个案管理工作站：随访、转诊、信函与统计。"
DESCRIPTION_EN = "Case management workstation for county cancer networks: follow-up, referrals, letters and figures."


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = QLabel()
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.version = QLabel()
        self.description = QLabel(f"{DESCRIPTION_ZH}\n{DESCRIPTION_EN}")
        self.description.setWordWrap(True)
        self.licence = QLabel()
        self.licence.setWordWrap(True)
        self.licence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.name, self.version, self.description, self.licence):
            layout.addWidget(widget)
            layout.addSpacing(4)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About CaseDesk"))
        self.name.setText(self.tr("CaseDesk Case Management Workstation"))
        self.version.setText(self.tr("Version {version}").format(version=__version__))
        self.licence.setText(self.tr("Chinese text uses the bundled fonts {font}.").format(font=FONT_LICENCE))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
