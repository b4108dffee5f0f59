"""Shared pieces of subcommands."""
from __future__ import annotations

from pathlib import Path

from app.profile import Profile
from app.profile import default_profile_dir


def profile_dir(args) -> Path:
    return Path(args.profile) if getattr(args, "profile", None) else default_profile_dir()


def open_profile(args, *, must_exist: bool = True, exclusive: bool = False) -> Profile:
    """Open the profile a subcommand names; a missing one is an error, not a new empty profile.
    `exclusive`: refused while a workstation or another sync has it (app/profile_lock.py)."""
    from app.errors import ProfileError
    from app.profile import profile_exists

    path = profile_dir(args)
    if must_exist and not profile_exists(path):
        raise ProfileError.coded("profile.not_found", path=str(path))
    return Profile.open(path, exclusive=exclusive)
