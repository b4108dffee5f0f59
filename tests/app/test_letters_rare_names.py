"""Letters for every name: characters beyond the main CJK block print from the fallback fonts.

Only a character no bundled font has still skips a letter, and the skip names it."""
from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from app import clock
from app.letters.batch import print_batch
from app.letters.fonts import FALLBACK_FILES
from app.letters.fonts import metrics
from app.letters.kinds import KINDS
from app.letters.prepare import MISSING_GLYPHS
from tests.app.test_letters import FROM
from tests.app.test_letters import TO
from tests.app.test_letters import add_patients
from ui.problem_words import say

ADDRESS = "东陵市澄湾区梅墟街道祥山社区湾景路134弄29幢504室"
# Each verified against the fonts' cmaps (scripts/subset_font.py): block, code point.
NAMES = {
    "刘䶮": "Extension A, U+4DAE",
    "王𪚥": "Extension B, U+2A6A5",
    "赵孟𫖯": "Extension C, U+2B5AF",
    "李𬌗": "Extension E, U+2C317",
    "张𰻝": "Extension G, U+30EDD",
}
NO_FONT = "\U0002EBF0"  # 𮯰 CJK Extension I (Unicode 15.1): in none of the bundled fonts
PRIVATE = "\ue000"  # Private Use Area: no font should ever claim to draw it


@pytest.fixture(autouse=True)
def pinned_clock():
    clock.pin(dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc))
    yield
    clock.pin(None)


def run(*cmd) -> str:
    return subprocess.run([*cmd], capture_output=True, text=True, check=True).stdout


def test_names_from_extensions_a_to_g_print_with_the_fallback_fonts_embedded_as_subsets(profile, tmp_path):
    add_patients(profile, tuple((name, "M", ADDRESS) for name in NAMES))
    out = tmp_path / "rare.pdf"
    result = print_batch(profile, KINDS["followup_reminder"], out, FROM, TO)
    assert result.skipped == [] and {r.data.patient_name for r in result.printed} == set(NAMES)
    text = run("pdftotext", str(out), "-")
    for name in NAMES:  # copyable text, not only ink: the PDF maps each glyph back to its character
        assert name in text, (name, NAMES[name])
    fonts = run("pdffonts", str(out)).splitlines()[2:]
    rows = {r.split()[0].split("+")[-1].removesuffix("-0"): r.split() for r in fonts}
    assert {"WenQuanYiMicroHei", "CaseDeskHanExtA", "CaseDeskHanExtBF", "CaseDeskHanExtGH"} <= set(rows)
    for name, row in rows.items():
        assert row[-5:-2] == ["yes", "yes", "yes"], (name, row)  # embedded, subset, with a ToUnicode map
    # Subset-embedded: the 30 MB Extension B–F font adds little to a letter.
    assert out.stat().st_size < 400_000, out.stat().st_size


def test_a_character_no_font_has_still_skips_that_letter_naming_the_character(profile, tmp_path):
    ids = add_patients(profile, (("王𪚥", "F", ADDRESS), (f"赵{NO_FONT}", "F", ADDRESS),
                                 (f"钱{PRIVATE}", "M", ADDRESS)))
    result = print_batch(profile, KINDS["followup_reminder"], tmp_path / "week.pdf", FROM, TO)
    assert [r.data.patient_name for r in result.printed] == ["王𪚥"]
    skipped = {s.patient_id: s for s in result.skipped}
    for name, char, code in ((f"赵{NO_FONT}", NO_FONT, "U+2EBF0"), (f"钱{PRIVATE}", PRIVATE, "U+E000")):
        skip = skipped[ids[name]]
        assert skip.reason == MISSING_GLYPHS
        words = say(skip.problem, "en")
        assert name in words and f"{char} ({code})" in words and "patient_name" in words, words
        assert "𪚥" not in skip.detail  # only what no font has is named
    assert metrics().missing(f"刘䶮王𪚥{NO_FONT}张𰻝{PRIVATE} ") == [NO_FONT, PRIVATE]
    # A compatibility ideograph (a name entered without Unicode normalisation) prints too.
    assert metrics().missing("\U0002F800\uFA30") == []  # neither is in WenQuanYi


def test_the_fallback_fonts_ship_as_truetype_outlines():
    for path in FALLBACK_FILES:
        with open(path, "rb") as f:
            assert f.read(4) == b"\x00\x01\x00\x00", path  # TrueType (glyf), not CFF ('OTTO')


def test_the_screen_shows_rare_names_with_the_same_fonts(qapp):
    """The workstation's font falls back to the rare-character fonts: a list, a form or the
    preview shows 张𰻝 with the glyph the letter prints, not a box."""
    from PySide6.QtGui import QColor
    from PySide6.QtGui import QFont
    from PySide6.QtGui import QImage
    from PySide6.QtGui import QPainter

    from ui.fonts import install_bundled_font

    families = install_bundled_font(qapp)
    assert families[1:] == ["CaseDesk Han Ext A", "CaseDesk Han Ext BF", "CaseDesk Han Ext GH"]

    def ink(font: QFont, text: str) -> QImage:
        font.setPixelSize(40)
        image = QImage(120, 60, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(10, 45, text)
        painter.end()
        return image

    for char, family in (("䶮", "CaseDesk Han Ext A"), ("𪚥", "CaseDesk Han Ext BF"), ("𰻝", "CaseDesk Han Ext GH")):
        assert ink(QFont(qapp.font()), char) == ink(QFont(family), char), char
        assert ink(QFont(qapp.font()), char) != ink(QFont(family), "王")
