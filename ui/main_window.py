"""The main window: navigation on the left, one page per work area, menus and status bar.

Later issues plug real views in with `set_page(key, widget)`; until then each area shows
a placeholder saying what will come. Every visible string is set in retranslate(), which
runs again on each LanguageChange, so a language switch shows at once.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtGui import QActionGroup
from PySide6.QtGui import QCloseEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QListWidgetItem
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QStackedWidget
from PySide6.QtWidgets import QWidget

from app import identity
from app.profile import Profile
from app.sync.demo_guard import shows_demo_data
from ui.about_dialog import AboutDialog
from ui.admin.entry import AdminEntry
from ui.diagnostics import DiagnosticsEntry
from ui.events import EventBridge
from ui.fonts import apply_font_size
from ui.guide import GuideEntry
from ui.i18n import Translations
from ui.pages import PAGES
from ui.pages import page_icon
from ui.pages import page_title
from ui.placeholder import PlaceholderPage
from ui.settings.dialog import SettingsDialog
from ui.settings.password import PasswordChange
from ui.status_bar import IdentityStatus
from ui.status_bar import SyncStatus
from ui.window_state import WindowState


class MainWindow(QMainWindow):
    PAGES = PAGES
    sync_requested = Signal()  # F5 / Sync now; the sync lane (ui/sync/wiring.py) connects here
    settings_opened = Signal(object)  # a new SettingsDialog, for features to hook their pages
    settings_applied = Signal()  # saved settings applied; features re-read theirs (the idle lock)

    def __init__(self, profile: Profile, translations: Translations | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.profile = profile
        self.translations = translations
        self.events = EventBridge(profile.bus, self)  # the window's one bridge: pages subscribe here
        self.identity = identity.watch(profile)  # publishes IdentityChanged (sign-in, first pull)
        self.settings_dialog: SettingsDialog | None = None
        self.password_change = PasswordChange(self)  # Settings ▸ Sync ▸ Change password… (online)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(28, 28))
        self.nav.setSpacing(2)
        self.nav.setFixedWidth(190)
        nav_font = self.nav.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.15)
        self.nav.setFont(nav_font)
        self.page_counts: dict[str, int] = {}  # set_page_count: the inbox's unread items
        self.stack = QStackedWidget()
        for key in PAGES:
            item = QListWidgetItem(page_icon(key, 56), "")
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(0, 44))
            self.nav.addItem(item)
            self.stack.addWidget(PlaceholderPage(key))
        self.nav.currentRowChanged.connect(self._on_nav_row)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sync_status = SyncStatus(profile.is_demo)
        self.identity_status = IdentityStatus(self.identity.current)  # who is signed in, and where
        self.events.identity_changed.connect(self.identity_status.show_identity)
        self.statusBar().addPermanentWidget(self.identity_status)
        self.statusBar().addPermanentWidget(self.sync_status)
        self._build_actions()
        self._build_menus()
        self.nav.setCurrentRow(0)
        self.resize(1180, 760)
        self.window_state = WindowState(self)  # as the person left it, inside the screen
        self.retranslate()

    # -- pages -------------------------------------------------------------------

    def set_page(self, key: str, widget: QWidget) -> None:
        """Put a real view in place of an area's placeholder (or of an earlier view)."""
        index = PAGES.index(key)
        old = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.stack.setCurrentIndex(current)

    def page(self, key: str) -> QWidget:
        return self.stack.widget(PAGES.index(key))

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(PAGES.index(key))

    def current_page_key(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def set_page_count(self, key: str, count: int) -> None:
        """A number after an area's name in the sidebar ("收件箱 (3)"); 0 shows the name alone."""
        self.page_counts[key] = count
        self.nav.item(PAGES.index(key)).setText(self._nav_text(key))

    def _nav_text(self, key: str) -> str:
        count = self.page_counts.get(key, 0)
        return f"{page_title(key)} ({count})" if count else page_title(key)

    def _on_nav_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.view_actions[row].setChecked(True)

    # -- actions and menus ---------------------------------------------------------

    def _build_actions(self) -> None:
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        group = QActionGroup(self)
        self.view_actions: list[QAction] = []
        for number, key in enumerate(PAGES, start=1):
            action = QAction(page_icon(key), "", self, checkable=True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
            group.addAction(action)
            self.view_actions.append(action)
        self.sync_action = QAction(self)
        self.sync_action.setShortcut(QKeySequence("F5"))
        self.sync_action.triggered.connect(lambda: self.sync_requested.emit())
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = QMenu(self)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.admin_entry = AdminEntry(self, self.file_menu)  # File ▸ Administration… (an online administrator)
        self.view_menu = QMenu(self)
        self.view_menu.addActions(self.view_actions)
        self.sync_menu = QMenu(self)
        self.sync_menu.addAction(self.sync_action)
        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.about_action)
        self.diagnostics_entry = DiagnosticsEntry(self, self.help_menu)  # Help ▸ Export diagnostics…
        self.guide_entry = GuideEntry(self, self.help_menu)  # Help ▸ User guide (F1), first
        for menu in (self.file_menu, self.view_menu, self.sync_menu, self.help_menu):
            bar.addMenu(menu)

    def server_configured(self) -> bool:
        return bool(self.profile.settings.get("sync.server_url"))

    # -- dialogs -------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        """Open (window-modal, non-blocking) the settings; saving applies them at once."""
        if self.settings_dialog is None:
            self.settings_dialog = SettingsDialog(self.profile.settings, self)
            self.settings_dialog.saved.connect(self.apply_settings)
            self.settings_dialog.finished.connect(self._settings_closed)
            self.settings_opened.emit(self.settings_dialog)
        self.settings_dialog.open()
        return self.settings_dialog

    def _settings_closed(self) -> None:
        self.settings_dialog.deleteLater()
        self.settings_dialog = None

    def apply_settings(self) -> None:
        if self.translations is not None:
            # Swapping translators sends LanguageChange everywhere -> retranslate().
            self.translations.set_language(self.profile.settings.get("ui.language"))
        apply_font_size(QApplication.instance(), self.profile.settings.get("ui.font_size"))
        self.retranslate()
        self.settings_applied.emit()

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- language ------------------------------------------------------------------

    def retranslate(self) -> None:
        title = self.tr("CaseDesk Case Management Workstation")
        if shows_demo_data(self.profile):  # a demo profile, or synced with a demo server; never a real network
            title = self.tr("{title} — demo data (DEMO)").format(title=title)
        self.setWindowTitle(title)
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.sync_menu.setTitle(self.tr("&Sync"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        for row, key in enumerate(PAGES):
            self.nav.item(row).setText(self._nav_text(key))
            self.view_actions[row].setText(page_title(key))
        configured = self.server_configured()
        self.sync_action.setEnabled(configured)
        self.sync_action.setText(self.tr("Sync &now") if configured
                                 else self.tr("Sync now (no server configured)"))
        self.about_action.setText(self.tr("&About CaseDesk"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.events.close()
        super().closeEvent(event)
