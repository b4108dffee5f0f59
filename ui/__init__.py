"""The PySide6 workstation. Only main.py imports it; it talks to app/ only, never to db/."""
