"""Fill unfinished messages of a Qt .ts file from a {source: translation} JSON dict.

Usage: python scripts/fill_ts.py FILE.ts TRANSLATIONS.json
Numerus messages take a list of forms (Chinese has one). Unknown sources are reported.
"""
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, json_path: str) -> int:
    table = json.load(open(json_path, encoding="utf-8"))
    tree = ET.parse(ts_path)
    missing = []
    for msg in tree.iter("message"):
        tr = msg.find("translation")
        if tr.get("type") != "unfinished":
            continue
        src = msg.find("source").text
        if src not in table:
            missing.append(src)
            continue
        value = table[src]
        if msg.get("numerus") == "yes":
            for child in list(tr):
                tr.remove(child)
            for form in value if isinstance(value, list) else [value]:
                ET.SubElement(tr, "numerusform").text = form
        else:
            tr.text = value[0] if isinstance(value, list) else value
        del tr.attrib["type"]
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    for src in missing:
        print(f"untranslated: {src!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
