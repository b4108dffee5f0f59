"""The CaseDesk domain, Qt-free: the desktop UI and the server both build on it."""

__version__ = "0.1.0"  # the one version: pyproject.toml reads it (dynamic), the wheel and the frozen build carry it
