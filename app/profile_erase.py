"""Erasing a profile from this desktop: an administrator withdrew it (a lost laptop), or a
person leaves a shared desktop (app/users.py Station.remove).

What goes: the database key in the keyring (first: without it the files are unreadable even
if one cannot be deleted), the refresh token, the SQLCipher database with its WAL, SHM and
migration backups, the manifest and the settings (they hold the offline unlock verifier).
Only the files a profile makes are deleted, by name: `--profile DIR` may name a directory
that holds other things, and nothing else on the machine is touched.
"""
from __future__ import annotations

from pathlib import Path

from app import profile_key
from app import secrets
from app.profile import DB_NAME
from app.profile_lock import LOCK_NAME
from app.profile_lock import ProfileLock

_DB_SUFFIXES = ("", "-wal", "-shm", "-journal", ".encrypting")
_OTHER_FILES = (profile_key.MANIFEST, profile_key.MANIFEST + ".tmp", "settings.json", "settings.json.tmp")


def refresh_key(device_id: str) -> str:
    return f"refresh:{device_id}"  # as app/sync/client.py keeps it


def erase_files(path: Path, device_id: str | None) -> None:
    """The key, the refresh token and the profile's files. The caller holds the profile's lock
    (or its directory is going as a whole) and has closed its database."""
    profile_key.forget(path)
    if device_id:
        secrets.delete(refresh_key(device_id))
    for name in [f"{DB_NAME}{suffix}" for suffix in _DB_SUFFIXES] + list(_OTHER_FILES):
        (path / name).unlink(missing_ok=True)
    for backup in path.glob(f"{DB_NAME}.before-*"):  # copies kept before a migration
        backup.unlink(missing_ok=True)


def erase_withdrawn(path: Path, device_id: str | None, login: str | None = None) -> None:
    """Erase a closed profile whose desktop the administrator withdrew. A person's profile on a
    shared desktop goes the way Station.remove takes it (off the list, its directory gone),
    with whatever it had not sent: the server refuses it now, and the data must not stay."""
    from app.users import station_of  # local: app/users.py imports this module

    found = station_of(path, login)
    if found is not None:
        station, user = found
        station.remove(user.login, withdrawn=True)
        return
    lock = ProfileLock.take(path)  # nobody else opens it while its files go
    try:
        erase_files(path, device_id)
    finally:
        lock.release()
    (path / LOCK_NAME).unlink(missing_ok=True)
    try:
        path.rmdir()  # only if nothing else is in it
    except OSError:
        pass
