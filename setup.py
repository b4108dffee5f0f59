"""Builds the translations into the wheel: every resources/i18n/*.ts becomes a .qm beside it.

The metadata is in pyproject.toml; this file only adds the build step. lrelease comes from
PySide6 (a build requirement in pyproject.toml), so the wheel — and the frozen build made
from it (scripts/build-desktop) — carries compiled catalogues and never needs lrelease at
run time. A build without lrelease stops here: a wheel without .qm files would show an
English interface to people who read Chinese. An editable install (`pip install -e .`)
builds nothing: a checkout compiles into its cache at start (ui/i18n.py).
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def find_lrelease() -> str:
    spec = importlib.util.find_spec("PySide6")
    exe = ".exe" if sys.platform == "win32" else ""
    candidates = [Path(p) / f"lrelease{exe}" for p in (spec.submodule_search_locations or [])] if spec else []
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise SystemExit("casedesk build: PySide6's lrelease was not found; install PySide6-Essentials "
                     "in the build environment (it is in pyproject.toml's build requirements)")


def compile_catalogues(ts_dir: Path, out_dir: Path) -> list[Path]:
    """Each .ts to a .qm of the same name in out_dir, with a record of the .ts each came from
    (ui/i18n.py uses a shipped .qm only when its .ts is unchanged); any failure stops the build."""
    lrelease = find_lrelease()
    built = []
    sources = {}
    out_dir.mkdir(parents=True, exist_ok=True)
    for ts in sorted(ts_dir.glob("*.ts")):
        qm = out_dir / f"{ts.stem}.qm"
        done = subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True)
        if done.returncode != 0 or not qm.is_file() or qm.stat().st_size == 0:
            raise SystemExit(f"casedesk build: lrelease failed for {ts}: {done.stderr.strip()}")
        built.append(qm)
        sources[ts.stem] = hashlib.sha256(ts.read_bytes()).hexdigest()
    (out_dir / "qm-sources.json").write_text(json.dumps(sources, indent=1, sort_keys=True), encoding="utf-8")
    return built


class BuildWithTranslations(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        source = Path(__file__).resolve().parent / "resources" / "i18n"
        built = compile_catalogues(source, Path(self.build_lib) / "resources" / "i18n")
        print(f"casedesk build: {len(built)} translation catalogues compiled")


setup(cmdclass={"build_py": BuildWithTranslations})
