"""Keep resources/i18n/casedesk_problems_<area>_zh_CN.ts in step with ui/problem_templates/<area>.py.

Usage: python scripts/problem_catalogue.py [AREA ...] [--fill TRANSLATIONS.json]

Every English template and term of the area becomes a message of context "Problems";
existing translations are kept, new sources are added unfinished, sources no longer used
are dropped. --fill then sets translations from a {English: Chinese} JSON dict (as
scripts/fill_ts.py does). Prints what is still untranslated; exit 1 if anything is.
"""
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ui import problem_templates  # noqa: E402  (after the path is set)

LANGUAGE = "zh_CN"


def ts_path(area: str) -> Path:
    return ROOT / "resources" / "i18n" / f"casedesk_problems_{area}_{LANGUAGE}.ts"


def sources(area: str) -> list[str]:
    module = problem_templates.AREAS[area]
    return list(dict.fromkeys([*getattr(module, "ENGLISH", {}).values(), *getattr(module, "TERMS", {}).values()]))


def existing(path: Path) -> dict[str, tuple[str, bool]]:
    if not path.exists():
        return {}
    out = {}
    for message in ET.parse(path).getroot().iter("message"):
        tr = message.find("translation")
        out[message.findtext("source") or ""] = (tr.text or "", tr.get("type") != "unfinished")
    return out


def write(area: str, fill: dict[str, str]) -> list[str]:
    path = ts_path(area)
    known = existing(path)
    root = ET.Element("TS", version="2.1", language=LANGUAGE, sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = "Problems"
    missing = []
    for source in sources(area):
        text, done = known.get(source, ("", False))
        if source in fill:
            text, done = fill[source], True
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        tr = ET.SubElement(message, "translation")
        tr.text = text
        if not done:
            tr.set("type", "unfinished")
            missing.append(source)
    ET.indent(root)
    path.write_bytes(b"<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE TS>\n"
                     + ET.tostring(root, encoding="utf-8") + b"\n")
    return missing


def main(argv: list[str]) -> int:
    fill: dict[str, str] = {}
    if "--fill" in argv:
        i = argv.index("--fill")
        fill = json.loads(Path(argv[i + 1]).read_text(encoding="utf-8"))
        argv = argv[:i] + argv[i + 2:]
    areas = argv or sorted(problem_templates.AREAS)
    status = 0
    for area in areas:
        for source in write(area, fill):
            print(f"{area}: untranslated: {source!r}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
