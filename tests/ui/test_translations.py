"""Translations: every tr() string in ui/ is in a .ts, all translated; .qm built on demand."""
from __future__ import annotations

import ast
import os
import shutil
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "casedesk_zh_CN.ts"


def ts_messages():
    """(context, message) over every Chinese catalogue (features may keep their own .ts)."""
    for ts in i18n.catalogues("zh_CN"):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                yield name, message


def source_strings():
    """{(context, source): "file:line"} for each self.tr("...") and
    QCoreApplication.translate("ctx", "..."), plus the places whose text lupdate cannot see."""
    found, dynamic = {}, []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def visit(node, cls):
            if isinstance(node, ast.ClassDef):
                cls = node.name
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
                dynamic.append(f"{where}:{node.lineno} (aliased tr: lupdate files it under no context)")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                args = node.args
                if node.func.attr == "tr":
                    if args and isinstance(args[0], ast.Constant):
                        found[(cls, args[0].value)] = f"{where}:{node.lineno}"
                    else:
                        dynamic.append(f"{where}:{node.lineno}")
                elif node.func.attr == "translate" and getattr(node.func.value, "id", "") == "QCoreApplication":
                    if len(args) >= 2 and all(isinstance(a, ast.Constant) for a in args[:2]):
                        found[(args[0].value, args[1].value)] = f"{where}:{node.lineno}"
                    else:
                        dynamic.append(f"{where}:{node.lineno}")
            for child in ast.iter_child_nodes(node):
                visit(child, cls)

        visit(tree, None)
    return found, dynamic


def translations_of(message):
    """The translated texts: one, or one per plural form for a %n message."""
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def test_every_message_is_translated():
    unfinished = [m.findtext("source") for _, m in ts_messages()
                  if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
                  or not all(text.strip() for text in translations_of(m))]
    assert unfinished == []


def test_every_source_string_is_in_the_ts():
    found, dynamic = source_strings()
    # A wrapper such as `_t = lambda s: translate("Ctx", s)` hides its strings from lupdate:
    # they would never reach the .ts and stay English in the Chinese interface.
    assert dynamic == [], "translate()/tr() with a non-literal text; lupdate cannot extract it"
    in_ts = {(ctx, m.findtext("source")) for ctx, m in ts_messages()}
    missing = sorted(f"{where}: {key}" for key, where in found.items() if key not in in_ts)
    assert missing == [], "run pyside6-lupdate over ui/ and translate the new strings"


def test_placeholders_survive_translation():
    for _, message in ts_messages():
        source = message.findtext("source")
        for translation in translations_of(message):
            assert sorted(_fields(source)) == sorted(_fields(translation)), source
            assert ("&" in source) == ("&" in translation), source
            assert ("%n" in source) == ("%n" in translation), source


def _fields(text):
    return [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]


def test_qm_built_into_cache_and_rebuilt_when_ts_is_newer(tmp_path, monkeypatch):
    if i18n.find_tool("lrelease") is None:
        pytest.fail("lrelease not found: PySide6 ships it; the installation is broken")
    ts = tmp_path / "casedesk_zh_CN.ts"
    shutil.copy2(TS, ts)
    monkeypatch.setenv("CASEDESK_CACHE_DIR", str(tmp_path / "cache"))
    qm = i18n.compiled_qm(ts)
    assert qm == tmp_path / "cache" / "i18n" / "casedesk_zh_CN.qm"
    assert qm.stat().st_size > 0
    os.utime(qm, (1_000_000, 1_000_000))
    assert i18n.compiled_qm(ts) == qm
    assert qm.stat().st_mtime > 1_000_000  # older than the .ts: rebuilt
    built = qm.stat().st_mtime
    assert i18n.compiled_qm(ts) == qm and qm.stat().st_mtime == built  # fresh: kept
    assert i18n.compiled_qm(tmp_path / "casedesk_fr.ts") is None


def test_catalogues():
    assert TS in i18n.catalogues("zh_CN")
    assert i18n.catalogues("en") == []  # English is the source language
