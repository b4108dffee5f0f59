"""Translations: our .ts sources compiled to .qm on demand, plus Qt's own qtbase strings.

The .qm files are built, not committed: the first start (or the first after a .ts
changed) runs lrelease into a cache directory. Source strings are English, so English
needs no translator at all. Every resources/i18n/casedesk*_LANG.ts is a catalogue
(features may keep their own, e.g. casedesk_patient_zh_CN.ts); each gets a translator.
Refresh one after changing strings, then translate what is new:
    pyside6-lupdate FILES.py -source-language en -target-language zh_CN -no-obsolete -ts FILE.ts
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import platformdirs
import PySide6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QLibraryInfo
from PySide6.QtCore import QLocale
from PySide6.QtCore import QTranslator

from ui import problem_words
from ui.resources import resources_dir

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
DEFAULT_LANGUAGE = "zh_CN"
CATALOG = "casedesk"


def catalogues(language: str) -> list[Path]:
    return sorted((resources_dir() / "i18n").glob(f"{CATALOG}*_{language}.ts"))


def cache_dir() -> Path:
    """Where built .qm files go; CASEDESK_CACHE_DIR lets tests keep them out of the home dir."""
    override = os.environ.get("CASEDESK_CACHE_DIR")
    base = Path(override) if override else Path(platformdirs.user_cache_dir("CaseDesk", appauthor=False))
    return base / "i18n"


def find_tool(name: str) -> str | None:
    """PySide6 ships lrelease/lupdate inside its package; pyside6-NAME wrappers are the fallback."""
    exe = ".exe" if sys.platform == "win32" else ""
    candidates = [
        Path(PySide6.__file__).parent / f"{name}{exe}",
        Path(sys.executable).parent / f"pyside6-{name}{exe}",
        shutil.which(f"pyside6-{name}"),
        shutil.which(name),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def find_lrelease() -> str | None:
    """Shorthand kept for callers that only build .qm files."""
    return find_tool("lrelease")


def compiled_qm(ts: Path) -> Path | None:
    """The .qm for a .ts, rebuilt when missing or older than the .ts; None if unavailable."""
    if not ts.exists():
        return None
    qm = cache_dir() / f"{ts.stem}.qm"
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    lrelease = find_tool("lrelease")
    if lrelease is None:
        log.warning("lrelease not found; the interface stays in English")
        return qm if qm.exists() else None
    qm.parent.mkdir(parents=True, exist_ok=True)
    # Build beside the target and rename, so a second instance never loads half a file.
    fd, tmp = tempfile.mkstemp(prefix=qm.stem, suffix=".qm.tmp", dir=qm.parent)
    os.close(fd)
    try:
        result = subprocess.run([lrelease, "-silent", str(ts), "-qm", tmp],
                                capture_output=True, text=True, timeout=60)
        if result.returncode != 0 or os.path.getsize(tmp) == 0:
            log.warning("lrelease failed for %s: %s", ts, result.stderr.strip())
            return qm if qm.exists() else None
        os.replace(tmp, qm)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return qm


class Translations:
    """The two installed translators (qtbase + ours) and the current language.

    Installing or removing a translator makes Qt send LanguageChange to every widget;
    each part of the window answers it in changeEvent() with retranslate(), so a switch
    shows at once without a restart.
    """

    def __init__(self, app: QCoreApplication):
        self._app = app
        self._installed: list[QTranslator] = []
        self.language: str | None = None

    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        self.clear()
        if language != SOURCE_LANGUAGE:
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qtbase = QTranslator(self._app)
            if qtbase.load(f"qtbase_{language}", qt_dir):
                self._install(qtbase)
            for ts in catalogues(language):
                qm = compiled_qm(ts)
                ours = QTranslator(self._app)
                if qm is not None and ours.load(str(qm)):
                    self._install(ours)
                else:
                    log.warning("translation %s not loaded", ts.name)
        QLocale.setDefault(QLocale(language))
        problem_words.set_language(language)  # problems (codes from app/) are worded in it too
        self.language = language
        # Qt posts LanguageChange to each widget; deliver them now so the switch is
        # complete when this returns (callers and tests see the new texts at once).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def clear(self) -> None:
        """Remove our translators from the application (back to the English sources)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        self.language = None
        problem_words.set_language(SOURCE_LANGUAGE)

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)

