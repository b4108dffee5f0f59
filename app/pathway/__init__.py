"""The pathway engine, Qt-free: stages 防 筛 诊 治 康 帮, follow-up schedules, working days.

Rules are versioned data files (resources/rules/*.toml, overridable per profile in
<profile>/rules/); the engine computes dates and explains each one. `for_profile()` is
what services call: it reloads only when a rule file changed on disk.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.pathway.engine import Due
from app.pathway.engine import Pathway
from app.pathway.engine import Transition
from app.pathway.intervals import Interval
from app.pathway.rules import BUNDLED_DIR
from app.pathway.rules import RuleSet
from app.pathway.rules import holiday_files
from app.pathway.rules import load_rules
from app.pathway.rules import rule_files
from app.pathway.textfile import RuleFileError

if TYPE_CHECKING:
    from app.profile import Profile

_cache: dict[tuple, Pathway] = {}


def override_dir(profile_path: Path | None) -> Path | None:
    """A profile's own rules (an administrator's additions, later distributed by sync)."""
    return Path(profile_path) / "rules" if profile_path else None


def load(override: Path | None = None) -> Pathway:
    dirs = (BUNDLED_DIR,) + ((Path(override),) if override else ())
    files = list(rule_files(dirs).values()) + list(holiday_files(dirs).values())
    key = (dirs, tuple((str(p), p.stat().st_mtime_ns) for p in files))
    if key not in _cache:
        _cache.clear()
        _cache[key] = Pathway(load_rules(override))
    return _cache[key]


def for_profile(profile: Profile) -> Pathway:
    return load(override_dir(profile.path))


__all__ = ["Due", "Interval", "Pathway", "RuleFileError", "RuleSet", "Transition", "for_profile",
           "load", "load_rules", "override_dir"]
