"""The CaseDesk domain, Qt-free: the desktop UI and the server both build on it."""
