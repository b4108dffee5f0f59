"""Offline-first sync: the wire format and merge rules shared by desktop and server,
and the desktop's sync client. The protocol is described in shared/ARCHITECTURE.md."""
