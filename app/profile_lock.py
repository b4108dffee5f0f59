"""One workstation (or `sync` run) at a time per profile.

Two workstations (or a workstation and a `sync` run) on one profile would each run the
sync cycle, the idle lock and the unlock counter against the same database: nothing is
lost (the cursor check and idempotent pushes see to that), but the person sees two
windows disagreeing. Other commands (export, import, audit) take no lock. The operating system's advisory lock on `profile.lock` says who has
it, and is let go by the OS if that process dies, so a crash never leaves a stale lock.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from app.errors import ProfileError

LOCK_NAME = "profile.lock"

if sys.platform == "win32":  # os.name "nt", as the type checker reads it
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False


class ProfileLock:
    def __init__(self, fd: int, path: Path, created: bool):
        self._fd: int | None = fd  # None once released
        self.path, self.created = path, created

    @classmethod
    def take(cls, profile_dir: Path) -> "ProfileLock":
        """The lock, or ProfileError naming the process that holds it."""
        path = profile_dir / LOCK_NAME
        created = not path.exists()
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            try:
                holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
            except OSError:  # Windows: the holder's locked byte cannot be read
                holder = "?"
            os.close(fd)
            raise ProfileError.coded("profile.in_use", process=holder)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())  # for the message above; the lock is the truth
        return cls(fd, path, created)

    def release(self, discard: bool = False) -> None:
        """`discard`: also remove the file if taking the lock created it (a profile that
        failed to open keeps no trace of the attempt)."""
        if self._fd is None:
            return
        if discard and self.created:
            self.path.unlink(missing_ok=True)  # while still held: nobody else can have it
        os.close(self._fd)  # closing the descriptor lets the lock go
        self._fd = None
