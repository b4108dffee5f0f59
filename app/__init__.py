"""The CaseDesk domain, Qt-free: the desktop UI and the server both build on it."""

__version__ = "0.1.0"  # keep in step with pyproject.toml
