"""The profile, its key in the keyring and the unlock screen: the first things people meet."""
from __future__ import annotations

ENGLISH = {
    "profile.not_found": "There is no CaseDesk profile at {path}. Create one with "
                         "`python main.py demo --profile DIR`, or open the workstation once.",
    "profile.not_writable": "The profile directory {path} cannot be written to ({reason}). Choose another "
                            "directory with --profile, or fix its permissions.",
    "profile.database_damaged": "The database {path} is damaged or is not a CaseDesk database. It was left "
                                "untouched: restore it from a backup, or choose another profile with --profile.",
    "profile.schema_too_new": "The database {path} was written by a newer CaseDesk (schema {revision}). Install "
                              "that newer version; the file was left unchanged.",
    "profile.cannot_open": "The database {path} cannot be opened ({reason}): it is damaged, or its key in this "
                           "computer's keyring does not match. It was left untouched: restore it from a backup, "
                           "or choose another profile with --profile.",
    "profile.manifest_damaged": "The profile file {path} cannot be read ({reason}). It was left untouched.",
    "profile.key_missing": "The key of the profile in {path} is not in this computer's keyring, so its data "
                           "cannot be opened here (this is what keeps a copied profile unreadable). On this "
                           "computer, sign in and sync into a new profile instead.",
    "profile.key_damaged": "The key of the profile in {path} is damaged in this computer's keyring.",
    "profile.in_use": "This profile is already open in another CaseDesk window or sync run (process {process}). "
                      "Switch to that window, or close it and try again.",
    "keyring.none": "No secure keyring is available ({backend}). Start a desktop session with a keyring "
                    "(GNOME Keyring, KWallet, Windows Credential Manager or macOS Keychain), unlock it, "
                    "and try again.",
    "keyring.unreadable": "The keyring could not be read ({reason}). Unlock it and try again.",
    "keyring.unwritable": "The keyring could not be written to ({reason}). Unlock it and try again.",
    "unlock.wrong_password": "Wrong password. Tries left: {left}.",
    "unlock.locked": "Too many wrong passwords: locked for {minutes} minutes.",
    "unlock.wait": "Too many wrong passwords. Try again in {minutes} minutes.",
}
