"""UI test setup: offscreen Qt, built translations in a temp cache, translators removed after
each test. The `profile` fixture (fresh, from the migrated template) is in tests/conftest.py."""
from __future__ import annotations

import os
import tempfile

# Both must be set before anything creates the QApplication or builds a .qm. The cache
# outlives the run on purpose: the .qm is rebuilt only when the .ts is newer. One cache per
# pytest-xdist worker, so two workers never build the same .qm at once.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
os.environ.setdefault("CASEDESK_CACHE_DIR", os.path.join(tempfile.gettempdir(), f"casedesk-test-cache-{_WORKER}"))

import pytest  # noqa: E402

from ui.app import create_application  # noqa: E402
from ui.i18n import DEFAULT_LANGUAGE  # noqa: E402
from ui.i18n import Translations  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


@pytest.fixture
def translations(qapp):
    create_application()  # names, bundled font on pytest-qt's QApplication
    t = Translations(qapp)
    t.set_language(DEFAULT_LANGUAGE)
    yield t
    t.clear()  # the next test starts without our translators
    from PySide6.QtCore import QLocale
    QLocale.setDefault(QLocale("en_US"))  # ... and without Chinese month names


@pytest.fixture
def make_window(qtbot, translations):
    def make(profile):
        window = MainWindow(profile, translations)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window, profile):
    return make_window(profile)


@pytest.fixture(autouse=True)
def _english_locale_to_start():
    """Tests that switch to Chinese (run_gui, the language switch) set the default locale;
    every test starts from the same one, whatever ran before it."""
    from PySide6.QtCore import QLocale
    QLocale.setDefault(QLocale("en_US"))
    yield


@pytest.fixture(autouse=True)
def _window_state_of_this_test(tmp_path_factory):
    """Each test's windows keep their geometry and columns (ui/window_state.py) in a folder of
    its own: one test's saved column widths never shape another's window."""
    from PySide6.QtCore import QSettings
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("qsettings")))
    yield


@pytest.fixture(autouse=True)
def _background_work_finishes():
    """Background jobs (counts, exports) must not outlive the test's profile."""
    yield
    from ui.tasks import wait_for_lanes
    wait_for_lanes()
