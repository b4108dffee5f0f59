"""What the machine around CaseDesk refuses: a locked keyring (app/secrets.py), a damaged
database file, a full disk (app/edge.py, worded by the command line's last resort)."""
from __future__ import annotations

ENGLISH = {
    "edge.keyring_locked": "The system keyring is locked, so the profile's key cannot be read. Unlock it (sign in "
                           "to the desktop, or open “Passwords and Keys” and unlock “Login”) and run the command "
                           "again.",
    "edge.keyring_no_answer": "The system keyring did not answer within {seconds} seconds (it may be waiting for "
                              "someone to unlock it on the screen). Unlock it and try again.",
    "edge.database_damaged": "The profile's database is damaged ({reason}). Nothing more was changed. Keep the "
                             "profile folder as it is for support; restore it from a backup, or set this desktop "
                             "up again and sync to get its data back from the server.",
    "edge.database_full": "The disk holding the profile's database is full: the change was not saved. Free some "
                          "space on that disk and try again.",
    "edge.disk_error": "The disk could not be read or written ({reason}). Nothing more was changed; check the "
                       "disk and try again.",
    "edge.disk_full": "No room to write {path} ({reason}): nothing was written there. Free some space on that "
                      "disk, or choose another place, and try again.",
    "edge.disk_full_unnamed": "The disk is full ({reason}): nothing was written. Free some space and try again.",
}
