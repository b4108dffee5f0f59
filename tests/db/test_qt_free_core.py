"""app/, db/ and server/ never load Qt: the server and headless commands reuse them."""
from __future__ import annotations

import subprocess
import sys

from tests.support import ROOT


def test_core_packages_import_without_pyside6():
    code = (
        "import importlib, pkgutil, sys\n"
        "for pkg in ('db', 'app', 'server'):\n"
        "    mod = importlib.import_module(pkg)\n"
        "    for info in pkgutil.walk_packages(mod.__path__, pkg + '.'):\n"
        "        if '.migrations' in info.name: continue\n"
        "        importlib.import_module(info.name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"Qt loaded by the core: {out.stdout}"
