"""The wheel a clinic installs: built the way pip builds it (isolated, with lrelease from the
build requirements), it holds the data, the compiled translations, the entry points and the
one version, and runs from where it is installed, not from this checkout. A desktop without
the server's and the benchmarks' packages still starts its commands."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import app
from ui import i18n

ROOT = Path(__file__).resolve().parents[1]
SERVER_AND_BENCH = ("fastapi", "uvicorn", "starlette", "psycopg", "psycopg_binary", "httptools", "uvloop", "psutil")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Built from a copy of the tree: setuptools builds in place (build/, *.egg-info), and the
    shared checkout keeps neither."""
    source = tmp_path_factory.mktemp("source") / "casedesk"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", "screenshots"))
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = out.glob("casedesk-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel unpacked as pip installs it (purelib), outside the checkout."""
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    return site


def test_wheel_holds_the_data_and_compiled_translations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in ("resources/__init__.py", "resources/fonts/wqy-microhei.ttc", "resources/rules/pathway.toml",
                 "resources/rules/holidays/README.md", "resources/risk/lung.toml",
                 "resources/letters/followup_reminder.txt", "db/migrations/env.py", "app/letters/batch.py",
                 "app/resources.py", "app/launch.py"):
        assert path in names, path
    sources = sorted((ROOT / "resources" / "i18n").glob("*.ts"))
    assert len(sources) > 10
    record = json.loads(zipfile.ZipFile(wheel).read("resources/i18n/qm-sources.json"))
    for ts in sources:
        assert f"resources/i18n/{ts.name}" in names
        qm = f"resources/i18n/{ts.stem}.qm"
        assert qm in names and zipfile.ZipFile(wheel).getinfo(qm).file_size > 16, qm
        assert record[ts.stem] == hashlib.sha256(ts.read_bytes()).hexdigest()
    for rules in (ROOT / "resources" / "rules").glob("*.toml"):
        assert f"resources/rules/{rules.name}" in names
    for guide in (ROOT / "resources" / "guide").rglob("*"):  # the user guide Help opens, with its pictures
        if guide.is_file():
            assert guide.relative_to(ROOT).as_posix() in names, guide
    for font in (ROOT / "resources" / "fonts").iterdir():  # every bundled font and its licence
        assert f"resources/fonts/{font.name}" in names, font
    versions = [n for n in names if n.startswith("db/migrations/versions/") and n.endswith(".py")]
    assert len(versions) == len(list((ROOT / "db" / "migrations" / "versions").glob("*.py")))
    assert not any(n.startswith(("tests/", "scripts/", "packaging/")) or "__pycache__" in n for n in names)


def test_wheel_entry_points_version_and_extras(wheel):
    z = zipfile.ZipFile(wheel)
    info = f"casedesk-{app.__version__}.dist-info"
    assert wheel.name.startswith(f"casedesk-{app.__version__}-")
    entry_points = z.read(f"{info}/entry_points.txt").decode()
    assert "[gui_scripts]\ncasedesk = app.launch:main" in entry_points
    assert "casedesk-server = app.launch:server_main" in entry_points
    metadata = z.read(f"{info}/METADATA").decode().splitlines()
    assert f"Version: {app.__version__}" in metadata
    requires = [line for line in metadata if line.startswith("Requires-Dist:")]
    for name in SERVER_AND_BENCH[:4] + ("psutil",):
        plain = [r for r in requires if r.split(":")[1].strip().lower().startswith(name) and "extra ==" not in r]
        assert not plain, f"{name} is a runtime dependency of the desktop: {plain}"
    assert any(r.startswith("Requires-Dist: fastapi") and 'extra == "server"' in r for r in requires)
    assert any(r.startswith("Requires-Dist: psutil") and 'extra == "bench"' in r for r in requires)


def test_installed_wheel_finds_its_data_and_translations_where_it_is(installed, tmp_path):
    probe = (
        "from app.resources import resource_root\n"
        "from app.letters.fonts import FONT_FILE\n"
        "from app.pathway.rules import BUNDLED_DIR\n"
        "from app.pathway import load_rules\n"
        "from ui import i18n\n"
        "print(resource_root())\n"
        "assert FONT_FILE.is_file() and (BUNDLED_DIR / 'pathway.toml').is_file()\n"
        "load_rules()\n"
        "ts = i18n.catalogues('zh_CN')\n"
        "assert ts and all(i18n.compiled_qm(t) == t.with_suffix('.qm') for t in ts), 'shipped .qm not used'\n"
    )
    env = dict(os.environ, PYTHONPATH=str(installed), CASEDESK_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()) == installed / "resources"
    assert not (tmp_path / "cache" / "i18n").exists()  # nothing compiled at start


# Every subcommand (app/cli.py COMMANDS, by its command name): each must start without the extras.
COMMANDS = ("server", "sync", "letters", "bench", "demo", "import", "export", "rules", "diagnostics", "audit",
            "password", "daysheet")
BLOCKER = """
import contextlib, importlib.abc, io, runpy, sys
class Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in {blocked!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}} (not installed on a desktop)", name=name)
sys.meta_path.insert(0, Absent())
import ui.main_window, ui.app  # the workstation's own modules
for argv in ([], *([c] for c in {commands!r})):
    sys.argv = ['main.py', *argv, '--help']
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            runpy.run_path({main!r}, run_name='__main__')
        except SystemExit as stop:
            assert stop.code == 0, (argv, stop.code)
    assert 'usage:' in out.getvalue(), argv
print('all', len({commands!r}) + 1)
"""


def test_desktop_commands_start_without_server_and_bench_packages():
    from app import cli

    assert len(COMMANDS) == len(cli.COMMANDS)  # a new subcommand is checked here too
    script = BLOCKER.format(blocked=set(SERVER_AND_BENCH), main=str(ROOT / "main.py"), commands=COMMANDS)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"all {len(COMMANDS) + 1}"


def test_a_server_command_on_a_desktop_says_what_to_install(tmp_path):
    """`casedesk-server` where only the desktop is installed: a sentence and exit 2, no traceback."""
    script = (BLOCKER.split("import ui.main_window")[0].format(blocked=set(SERVER_AND_BENCH))
              + "import sys\nfrom app.launch import run\n"
              + f"sys.exit(run(['server', '--db', 'sqlite:///{tmp_path / 'server.db'}']))\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "casedesk[server]" in done.stderr and "Traceback" not in done.stderr


def test_a_translation_that_cannot_load_is_logged_and_shown(qtbot, tmp_path, monkeypatch, caplog):
    """A frozen build without its .qm and without lrelease: an error and a message, not English."""
    from PySide6.QtWidgets import QApplication
    from PySide6.QtWidgets import QMessageBox

    i18n_dir = tmp_path / "i18n"
    i18n_dir.mkdir()
    (i18n_dir / "casedesk_zh_CN.ts").write_bytes((ROOT / "resources" / "i18n" / "casedesk_zh_CN.ts").read_bytes())
    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path)
    monkeypatch.setattr(i18n, "find_tool", lambda name: None)  # as in a frozen build: no lrelease
    monkeypatch.setenv("CASEDESK_CACHE_DIR", str(tmp_path / "cache"))
    translations = i18n.Translations(QApplication.instance())
    try:
        translations.set_language("zh_CN")
        assert translations.not_loaded == ["casedesk_zh_CN.ts"]
        assert "translations not loaded: casedesk_zh_CN.ts" in caplog.text
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert boxes and "casedesk_zh_CN.ts" in boxes[0].text() and "翻译无法加载" in boxes[0].text()
        for box in boxes:
            box.close()
    finally:
        translations.clear()
