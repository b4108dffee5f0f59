"""Rebuild the letter fallback fonts (resources/fonts/casedesk-han-ext-*.ttf) from Debian's fonts.

The bundled WenQuanYi Micro Hei has the main CJK block but nothing beyond it, so names
written with Extension A–H characters need fallbacks. No single free TrueType font has them
all, and one TrueType file holds at most 65,535 glyphs, so three subsets are kept:

  casedesk-han-ext-a.ttf   Extension A and the compatibility ideographs
                                                 from HanaMinA     (fonts-hanazono 20170904)
  casedesk-han-ext-bf.ttf  Extensions B–F        from HanaMinB     (fonts-hanazono 20170904)
  casedesk-han-ext-gh.ttf  Extensions G–H, and the few A–C characters Hanazono lacks,
                           from BabelStone Han   (fonts-babelstone-han 15.0.5)

Each keeps only its blocks' characters, no hinting, no layout features and no glyph names:
reportlab needs outlines, widths and the cmap, nothing else. Families are renamed
("CaseDesk Han Ext …") so a system copy of the full font is never confused with the subset.

Reproduce (fontTools is a build-time tool, not a CaseDesk dependency):

    apt-get download fonts-hanazono fonts-babelstone-han
    for d in fonts-*.deb; do dpkg-deb -x "$d" debs; done
    python -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    /tmp/ft/bin/python scripts/subset_font.py debs/usr/share/fonts/truetype
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

BLOCKS = {
    "A": (0x3400, 0x4DBF),
    "B": (0x20000, 0x2A6DF),
    "C": (0x2A700, 0x2B73F),
    "D": (0x2B740, 0x2B81F),
    "E": (0x2B820, 0x2CEAF),
    "F": (0x2CEB0, 0x2EBEF),
    "G": (0x30000, 0x3134F),
    "H": (0x31350, 0x323AF),
    # Compatibility ideographs: NFC folds them into the blocks above, but a name typed or
    # imported without normalising may still hold one.
    "compat": (0xF900, 0xFAFF),
    "compat_sup": (0x2F800, 0x2FA1F),
}

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"


def block_chars(*names: str) -> set[int]:
    return {c for n in names for c in range(BLOCKS[n][0], BLOCKS[n][1] + 1)}


def cmap_of(path: Path) -> set[int]:
    from fontTools.ttLib import TTFont

    return set(TTFont(str(path), lazy=True).getBestCmap())


def subset(source: Path, chars: set[int], out: Path, family: str) -> int:
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.hinting = False
    options.layout_features = []
    options.glyph_names = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright, names, version, licence
    options.drop_tables += ["vhea", "vmtx", "VORG", "DSIG", "GSUB", "GPOS", "BASE", "JSTF", "GDEF"]
    font = TTFont(str(source), recalcTimestamp=False)  # the same input gives the same bytes
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)
    postscript = family.replace(" ", "")
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16, 18):
            names.setName(family, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(f"{postscript}; subset of {record.toUnicode()}", 3,
                          record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(postscript, 6, record.platformID, record.platEncID, record.langID)
    part = out.with_name(out.name + ".part")  # a running letter batch never reads half a font
    font.save(str(part))
    part.replace(out)
    return len(set(font.getBestCmap()) & chars)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("truetype", type=Path, help="the unpacked usr/share/fonts/truetype directory")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where the subsets go (default {OUT})")
    args = parser.parse_args(argv)
    hana_a = args.truetype / "hanazono" / "HanaMinA.ttf"
    hana_b = args.truetype / "hanazono" / "HanaMinB.ttf"
    babel = args.truetype / "babelstone" / "BabelStoneHan.ttf"
    hanazono = cmap_of(hana_a) | cmap_of(hana_b)
    plans = [
        (hana_a, block_chars("A", "compat", "compat_sup"), "casedesk-han-ext-a.ttf", "CaseDesk Han Ext A"),
        (hana_b, block_chars("B", "C", "D", "E", "F"), "casedesk-han-ext-bf.ttf", "CaseDesk Han Ext BF"),
        # BabelStone only fills what Hanazono has not: all of G and H, a handful in A–C.
        (babel, block_chars(*"ABCDEFGH") - hanazono, "casedesk-han-ext-gh.ttf", "CaseDesk Han Ext GH"),
    ]
    for source, chars, name, family in plans:
        kept = subset(source, chars, args.out / name, family)
        size = (args.out / name).stat().st_size
        print(f"{name}: {kept} characters, {size / 1e6:.1f} MB (from {source.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
