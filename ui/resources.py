"""Where the bundled resources (fonts, translation sources) live."""
from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    """The repo's resources/ directory, beside ui/ (the app runs from a checkout, not a wheel)."""
    return Path(__file__).resolve().parent.parent / "resources"
