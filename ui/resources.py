"""Where the bundled resources (fonts, translation sources) live."""
from __future__ import annotations

from pathlib import Path

from app.resources import resource_root


def resources_dir() -> Path:
    """The resources package's folder (app/resources.py: a checkout, a wheel or a frozen build)."""
    return resource_root()
