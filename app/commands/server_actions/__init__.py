"""`python main.py server ACTION …`: one module per action group (users, org, devices …), each
with `register(actions)` adding its parsers to the server command's sub-parsers. Found by
name, so a new group is a new file and nothing else changes."""
from __future__ import annotations

import importlib
import pkgutil


def register_all(actions) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{info.name}").register(actions)
