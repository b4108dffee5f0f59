"""`python main.py demo`: fill an empty profile with synthetic demo data."""
from __future__ import annotations

import argparse
import sys
import time

from app.cli import add_profile_arg
from app.errors import CaseDeskError


def register(sub: argparse._SubParsersAction) -> None:
    from app.demo import DEFAULT_EVENTS
    from app.demo import DEFAULT_PATIENTS
    from app.demo import DEFAULT_SEED

    parser = sub.add_parser(
        "demo", help="fill an empty profile with synthetic demo data",
        description="Fill an empty profile with a fictional county network and synthetic "
                    "patients (same seed, same data). A profile that already has patients "
                    "is refused.")
    add_profile_arg(parser)
    parser.add_argument("--patients", type=_count, default=DEFAULT_PATIENTS, metavar="N",
                        help=f"number of patients (default {DEFAULT_PATIENTS})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S",
                        help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--events", type=_range, default=DEFAULT_EVENTS, metavar="MIN-MAX",
                        help="timeline events per patient (default %d-%d)" % DEFAULT_EVENTS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.commands.common import profile_dir
    from app.demo import fill_demo_profile
    from app.problems import Problem
    from app.profile import Profile
    from ui.problem_words import say

    path = profile_dir(args)
    profile = Profile.open(path)
    try:
        if not profile.is_empty():
            raise CaseDeskError.coded("cli.demo_not_empty", path=str(path))
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if done == total or now - last[0] >= 1.0:
                last[0] = now
                print("\r" + say(Problem("cli.demo_progress", None, {"done": f"{done:,}", "total": f"{total:,}"})),
                      end="", file=sys.stderr, flush=True)

        stats = fill_demo_profile(profile, patients=args.patients, seed=args.seed,
                                  events=args.events, progress=progress)
        print(file=sys.stderr)
    finally:
        profile.close()
    print(f"demo profile: {path}")
    for key, value in stats.as_dict().items():
        if key != "seconds":
            print(f"  {key:<16} {value:>12,}")
    print(f"  {'seconds':<16} {stats.seconds:>12.1f}")
    return 0


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _range(text: str) -> tuple[int, int]:
    lo, sep, hi = text.partition("-")
    try:
        pair = (int(lo), int(hi) if sep else int(lo))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected MIN-MAX, e.g. 5-50, got {text!r}") from None
    if not 0 <= pair[0] <= pair[1]:
        raise argparse.ArgumentTypeError(f"expected 0 <= MIN <= MAX, got {text!r}")
    return pair
