"""Where the bundled data is: the `resources` package, found with importlib.resources.

One answer for a checkout, an installed wheel and a frozen (PyInstaller) build alike. The
callers read files by path (reportlab opens the font by name, Qt loads .qm files by name),
so the package must sit on a real filesystem: a zipped install is refused clearly instead of
failing later as a missing font or an English interface."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as _importlib_resources
from pathlib import Path

PACKAGE = "resources"


class ResourcesUnavailable(RuntimeError):
    """The resources package is missing or not a folder on disk (a broken or zipped install)."""


@lru_cache(maxsize=1)
def resource_root() -> Path:
    """The folder holding fonts/, i18n/, letters/, risk/ and rules/."""
    try:
        root = _importlib_resources.files(PACKAGE)
    except ModuleNotFoundError as exc:
        raise ResourcesUnavailable(f"the '{PACKAGE}' package is not installed; reinstall CaseDesk") from exc
    path = Path(str(root))
    if not isinstance(root, Path) or not (path / "fonts").is_dir():
        raise ResourcesUnavailable(
            f"CaseDesk's data ({root}) is not a folder on disk (a zipped or incomplete install); "
            "install it unzipped, e.g. `pip install casedesk`")
    return path
