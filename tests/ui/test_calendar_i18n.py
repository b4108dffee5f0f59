"""The calendar speaks Chinese: its catalogue is complete and the page switches language."""
from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QLocale
from PySide6.QtCore import QTranslator

from app import clock
from tests.app.test_followups import seed
from tests.ui.test_translations import source_strings
from ui.calendar import CalendarPage
from ui.i18n import find_lrelease
from ui.resources import resources_dir
from ui.tasks import wait_for_lanes

TS = resources_dir() / "i18n" / "casedesk_calendar_zh_CN.ts"


def messages():
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def test_every_calendar_string_is_in_the_catalogue_and_translated():
    in_ts = {}
    for context, message in messages():
        translation = message.find("translation")
        assert translation.get("type") is None, message.findtext("source")
        assert "".join(translation.itertext()).strip(), message.findtext("source")
        in_ts[(context, message.findtext("source"))] = message
    found, _dynamic = source_strings()
    ours = {key for key, where in found.items() if where.startswith("ui/calendar/")}
    assert ours and ours <= set(in_ts)


def test_the_page_in_chinese(qtbot, profile, tmp_path):
    lrelease = find_lrelease()
    if lrelease is None:
        pytest.fail("lrelease not found: PySide6 ships it; the installation is broken")
    qm = tmp_path / "calendar.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(qm)], check=True, timeout=60)
    seed(profile)
    page = CalendarPage(profile)
    qtbot.addWidget(page)
    app = QCoreApplication.instance()
    translator = QTranslator()
    assert translator.load(str(qm))
    previous = QLocale()
    app.installTranslator(translator)
    QLocale.setDefault(QLocale("zh_CN"))
    try:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        assert page.month_button.text() == "月" and page.today_button.text() == "今天"
        assert page.title.text() == "2026年11月"
        assert page.lists.tabs.tabText(0) == "11月18日（0）"
        assert page.close_day_button.text() == "停诊顺延…"
    finally:
        app.removeTranslator(translator)
        QLocale.setDefault(previous)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        wait_for_lanes()
        clock.pin(None)
    assert page.month_button.text() == "Month"
