"""Help ▸ 用户手册: the Chinese guide opens from the menu, with its screenshots, in a window."""
from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument


def test_help_menu_offers_the_guide_in_chinese_and_it_exists(window):
    texts = [action.text() for action in window.help_menu.actions()]
    assert texts[0] == "用户手册(&U)"
    path = window.guide_entry.path
    assert path.is_file() and path.name == "用户手册.md"
    assert "# CaseDesk 用户手册" in path.read_text(encoding="utf-8")


def test_every_screenshot_the_guide_shows_is_there(window):
    path = window.guide_entry.path
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", path.read_text(encoding="utf-8"))
    assert len(images) >= 15
    missing = [name for name in images if not (path.parent / name).is_file()]
    assert missing == []


def test_the_guide_opens_in_a_window_with_pictures_fitted_to_it(window, qtbot):
    viewer = window.guide_entry.open()
    qtbot.addWidget(viewer)
    qtbot.waitExposed(viewer)
    assert viewer.windowTitle() == "CaseDesk 用户手册"
    document = viewer.browser.document()
    assert "什么时候该怎么办" in document.toPlainText()
    room = viewer.browser.viewport().width()
    first = re.search(r"!\[[^\]]*\]\(([^)]+)\)", window.guide_entry.path.read_text(encoding="utf-8")).group(1)
    picture = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(first))
    assert picture is not None and not picture.isNull()  # the screenshot was read from the guide's folder
    widest = max((block.layout().boundingRect().width() for block in _blocks(document)), default=0)
    assert widest <= room
    assert viewer.browser.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways for
    viewer.resize(700, 600)  # a narrow window: the pictures shrink with it
    qtbot.waitUntil(lambda: viewer.browser.horizontalScrollBar().maximum() == 0)


def test_english_interface_names_it_in_english(window, translations):
    translations.set_language("en")
    assert window.help_menu.actions()[0].text() == "&User guide"


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()
