"""Synthetic demo data for CaseDesk: a fictional county network and its patients.

Only synthetic data is ever used in this project; nothing here is or derives from a
real person. `fill_demo_profile` is what the workstation calls on first run, and
`python main.py demo` does the same from the command line.

Importing this package is cheap (the CLI reads the defaults while building its
parser); the generator, SQLAlchemy and pypinyin load on first use.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from typing import Callable

if TYPE_CHECKING:
    from app.demo.generator import GenerationStats
    from app.profile import Profile

DEFAULT_PATIENTS = 2000
DEFAULT_SEED = 1
DEFAULT_EVENTS = (5, 50)


def fill_demo_profile(profile: Profile, patients: int = DEFAULT_PATIENTS, seed: int = DEFAULT_SEED,
                      events: tuple[int, int] = DEFAULT_EVENTS,
                      progress: Callable[[int, int], None] | None = None,
                      today: dt.date | None = None) -> "GenerationStats":
    """Fill an empty profile with demo data and flag it demo=1.

    `progress(done, total)` is called after each batch of patients, in the calling
    thread. Raises NotEmptyError (a CaseDeskError) when the profile already has patients
    or a network; nothing is written then.
    """
    from app.demo.generator import generate

    profile.engine.dispose()  # idle pooled connections would keep the loader in WAL mode
    stats = generate(profile, patients, seed, events, progress=progress, today=today)
    profile.analyze()
    return stats


def __getattr__(name: str):
    if name in ("generate", "GenerationStats", "NotEmptyError"):
        from app.demo import generator

        return getattr(generator, name)
    raise AttributeError(name)


__all__ = ["DEFAULT_EVENTS", "DEFAULT_PATIENTS", "DEFAULT_SEED", "GenerationStats",
           "NotEmptyError", "fill_demo_profile", "generate"]
