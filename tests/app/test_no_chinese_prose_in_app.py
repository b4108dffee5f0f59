"""app/ (and server/, db/) say what happened as codes and parameters; the words, English and
Chinese, live in ui/ (ui/problem_templates and the .ts catalogues). So a Chinese string literal
there is a message that skipped the catalogue (the English UI would show it in Chinese), unless
it is part of a document that is Chinese by nature (a printed letter, a FHIR export, demo data,
the headers of the Chinese spreadsheets the stations use …). Those are listed here, each with
why; anything else fails, so a new Chinese message is caught in CI, not by an English reader.

Docstrings and comments are not scanned: they are for the people who read the code. Audit
notes the software writes are codes too, and each has words."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from app.problems import Problem
from ui import problem_words
from ui.problem_templates import ENGLISH

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"
SCANNED = ("app", "server", "db")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
CODE = re.compile(r"^[a-z_]+\.[a-z_.]+$")

# Modules (a file, or a folder ending in "/") whose Chinese is the content of a document.
DOCUMENTS = {
    "app/letters/": "printed letters and their layout: Chinese documents for patients",
    "app/fhir/": "FHIR display texts for the region's Chinese health information platform",
    "app/ics.py": "the calendar file a case manager loads into a Chinese phone calendar",
    "app/demo/": "invented demo patients, places and clinical events, as a Chinese network records them",
    "app/benchdata.py": "benchmark data (names of invented records)",
    "app/pathway/benchdata.py": "benchmark data",
    "app/referrals/benchdata.py": "benchmark data",
    "app/commands/bench.py": "benchmark data: machine_ms's fixed workload",
    "app/screening/bench.py": "benchmark data: a Chinese screening list",
    "app/sync/bench.py": "benchmark data",
    "app/sync/concurrent.py": "benchmark data (a load test's notes)",
    "app/sync/bench_scale.py": "benchmark data (the simulated desktops' notes)",
    "app/mdt/plans.py": "the departments' names as records store them and the MDT plan templates (clinical text)",
    "app/pathway/holidays.py": "the statutory holidays' names as the State Council publishes them",
    "app/screening/parse.py": "values read from the stations' Chinese screening lists (sexes, cancers, places)",
    "app/screening/fields.py": "the Chinese column headers of the screening lists",
    "app/screening/template.py": "the Chinese screening-list template handed to stations",
    "app/referrals/prefill.py": "the referral slip's clinical narrative (\"62岁男…\"), Chinese form text",
    "app/referrals/deadline.py": "breach reasons as the Chinese referral reports print them",
    "app/pinyin.py": "surname characters read differently in names (曾, 单, 解)",
    "app/commands/": "--help naming the columns of the Chinese staff and organisation sheets, and those sheets' headers",
    "server/accounts.py": "the Chinese staff sheet's column headers and role names, as people write them",
    "server/org_import.py": "the Chinese organisation sheet's column headers and unit kinds",
    "db/legacy_tasks.py": "the Chinese titles older versions stored, read to turn them into codes",
    "db/migrations/": "the Chinese titles older versions stored, matched to migrate them to codes",
}

# Single literals elsewhere, with why.
LITERALS = {
    ("app/cli.py", "CaseDesk 个案管理工作站 — with no subcommand, opens the workstation."):
        "the product's name in --help, in both languages",
    ("app/idcard.py", "男"): "accepted as input for a sex, as people write it",
    ("app/idcard.py", "女"): "accepted as input for a sex, as people write it",
    ("app/phone.py", "[\\s\\-‐‑–—－()（）.]"): "full-width punctuation stripped from typed phone numbers",
    ("app/sheets.py", " \u3000"): "the ideographic space trimmed from spreadsheet cells",
    ("app/settings.py", "县肿瘤防治中心"): "the letterhead's default: the centre's name, printed on letters",
    ("app/pathway/rules.py", "《"): "a guideline's title cited as Chinese guidelines are (《title》（year）)",
    ("app/pathway/rules.py", "》"): "a guideline's title cited as Chinese guidelines are",
    ("app/pathway/rules.py", "（"): "a guideline's title cited as Chinese guidelines are",
    ("app/pathway/rules.py", "）"): "a guideline's title cited as Chinese guidelines are",
    ("app/mdt/sessions.py", "县肿瘤防治中心 MDT门诊"): "the default session's place: a room's name",
    ("app/mdt/sessions.py", "省级专家远程MDT（线上）"): "the default session's place: a room's name",
    ("app/mdt/service.py", "建议"): "an undecorated decision takes the plan template's words: clinical record text",
    ("app/followups.py", "随访发现"): "a referral draft's reason, clinical text for the receiving hospital that "
                                    "the case manager reviews before sending (as the slip's prefill)",
    ("app/followups.py", "，请上级医院复查"): "the same referral draft's reason",
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _literals(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node


def _document(rel: str) -> bool:
    return any(rel == key or (key.endswith("/") and rel.startswith(key)) for key in DOCUMENTS)


def chinese_in_app() -> dict[str, list[tuple[int, str]]]:
    found: dict[str, list[tuple[int, str]]] = {}
    for path in sorted(p for folder in SCANNED for p in (ROOT / folder).rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if _document(rel):
            continue
        for node in _literals(path):
            if CJK.search(node.value) and (rel, node.value) not in LITERALS:
                found.setdefault(rel, []).append((node.lineno, node.value[:60]))
    return found


def test_app_server_and_db_write_no_chinese_outside_their_documents():
    found = chinese_in_app()
    assert found == {}, ("Chinese text in app/: raise or store a code with parameters and word it in "
                         f"ui/problem_templates (Chinese via scripts/problem_catalogue.py), or, if it is a "
                         f"document's text, list it in this test with why: {found}")


def test_the_scan_sees_a_message_and_not_a_docstring(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""模块说明"""\n# 注释\ndef f():\n    """说明"""\n    raise ValueError(f"文件有误 / {1}")\n',
                      encoding="utf-8")
    assert [n.value for n in _literals(sample) if CJK.search(n.value)] == ["文件有误 / "]


def test_every_listed_exception_is_still_there():
    """A literal listed here that is gone (converted, or moved) leaves the list, so it never hides a new one."""
    present = {(path.relative_to(ROOT).as_posix(), node.value)
               for path in APP.rglob("*.py") for node in _literals(path) if CJK.search(node.value)}
    assert set(LITERALS) - present == set()
    for key, why in DOCUMENTS.items():
        assert (ROOT / key).exists(), f"{key} is listed but gone"
        assert why


def test_every_audit_note_the_software_writes_is_a_code_with_words():
    notes = {}
    for path in sorted(APP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                for kw in node.keywords:
                    if kw.arg == "note" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                        notes.setdefault(kw.value.value, path.relative_to(ROOT).as_posix())
    assert "audit_note.walk_in_registration" in notes  # the scan works
    chinese = {note: where for note, where in notes.items() if CJK.search(note)}
    assert chinese == {}
    unworded = {note: where for note, where in notes.items() if CODE.match(note) and note not in ENGLISH}
    assert unworded == {}
    for note in (n for n in notes if n.startswith("audit_note.")):
        en, zh = problem_words.say(Problem(note), "en"), problem_words.say(Problem(note), "zh_CN")
        assert not CJK.search(en) and CJK.search(zh), note
