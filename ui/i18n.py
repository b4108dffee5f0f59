"""Translations: our .ts sources compiled to .qm, plus Qt's own qtbase strings.

The .qm files are built, not committed. A wheel or a frozen build ships them beside the .ts
(setup.py compiles them at build time, with a record of each .ts they came from); a checkout
has none, so its first start (or the first after a .ts changed) runs lrelease into a cache
directory. A catalogue that neither gives is an error the person is shown, never a quietly
English interface for people who read Chinese. Source strings are English, so English
needs no translator at all. Every resources/i18n/casedesk*_LANG.ts is a catalogue
(features may keep their own, e.g. casedesk_patient_zh_CN.ts); each gets a translator.
Refresh one after changing strings, then translate what is new:
    pyside6-lupdate FILES.py -source-language en -target-language zh_CN -no-obsolete -ts FILE.ts
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import platformdirs
import PySide6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QLibraryInfo
from PySide6.QtCore import QLocale
from PySide6.QtCore import Qt
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox

from ui import problem_words
from ui.resources import resources_dir

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
DEFAULT_LANGUAGE = "zh_CN"
CATALOG = "casedesk"
BUILT_FROM = "qm-sources.json"  # written by setup.py beside the shipped .qm: {stem: sha256 of its .ts}
# Bilingual on purpose: it says that the catalogue with the Chinese words could not be read.
MISSING_TEXT = ("部分界面翻译无法加载，这些部分将显示英文。请重新安装 CaseDesk，或把诊断信息发给信息科。\n"
                "Some interface translations could not be loaded: those parts show English. "
                "Reinstall CaseDesk, or send the diagnostics to your IT person.\n\n{names}")


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


@lru_cache(maxsize=8)
def _built_from(folder: Path) -> dict:
    try:
        return json.loads((folder / BUILT_FROM).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def shipped_qm(ts: Path) -> Path | None:
    """The .qm the build put beside `ts`, if it was built from this very .ts. The build's record
    decides (an installer need not keep file times); without one, a .qm not older than its .ts."""
    qm = ts.with_suffix(".qm")
    if not qm.is_file():
        return None
    recorded = _built_from(ts.parent).get(ts.stem)
    if recorded is not None:
        return qm if hashlib.sha256(ts.read_bytes()).hexdigest() == recorded else None
    return qm if qm.stat().st_mtime >= ts.stat().st_mtime else None


def compiled_qm(ts: Path) -> Path | None:
    """The .qm for a .ts: the shipped one, else built into the cache (rebuilt when missing or
    older than the .ts); None if unavailable."""
    if not ts.exists():
        return None
    shipped = shipped_qm(ts)
    if shipped is not None:
        return shipped
    qm = cache_dir() / f"{ts.stem}.qm"
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    lrelease = find_tool("lrelease")
    if lrelease is None:
        log.error("no built %s.qm and no lrelease to build it (a frozen build ships them)", ts.stem)
        return qm if qm.exists() else None
    qm.parent.mkdir(parents=True, exist_ok=True)
    # Build beside the target and rename, so a second instance never loads half a file.
    fd, tmp = tempfile.mkstemp(prefix=qm.stem, suffix=".qm.tmp", dir=qm.parent)
    os.close(fd)
    try:
        result = subprocess.run([lrelease, "-silent", str(ts), "-qm", tmp],
                                capture_output=True, text=True, timeout=60)
        if result.returncode != 0 or os.path.getsize(tmp) == 0:
            log.error("lrelease failed for %s: %s", ts, result.stderr.strip())
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
        self.not_loaded: list[str] = []  # catalogues of the current language that failed

    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        self.clear()
        self.not_loaded = []
        if language != SOURCE_LANGUAGE:
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qtbase = QTranslator(self._app)
            if qtbase.load(f"qtbase_{language}", qt_dir):
                self._install(qtbase)
            failed = []
            for ts in catalogues(language):
                qm = compiled_qm(ts)
                ours = QTranslator(self._app)
                if qm is not None and ours.load(str(qm)):
                    self._install(ours)
                else:
                    failed.append(ts.name)
            if failed:
                self._tell_not_loaded(failed)
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

    def _tell_not_loaded(self, names: list[str]) -> None:
        """Logged and shown (not modal: the window still opens, partly in English)."""
        self.not_loaded = names
        log.error("translations not loaded: %s", ", ".join(names))
        print(f"error: translations not loaded: {', '.join(names)}", file=sys.stderr)
        if isinstance(self._app, QApplication):
            box = QMessageBox(QMessageBox.Icon.Warning, "CaseDesk", MISSING_TEXT.format(names="\n".join(names)))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self._missing_box = box

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)

