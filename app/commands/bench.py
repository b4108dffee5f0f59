"""`python main.py bench NAME`: benchmarks that print a table and end with one JSON line."""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from typing import Any

# name -> module exposing `run(args) -> dict` and `add_arguments(parser)`. A module is
# imported only when its benchmark runs: the CLI (and the workstation, which builds the
# same parser) must not pay for reportlab, Qt or a server harness on every start, and
# no benchmark's imports may change the process for anything else.
# Benches that drive Qt live in ui/bench/, so app/ itself stays Qt-free.
BENCHES: dict[str, str] = {
    "worklist": "ui.bench.worklist",
    "calendar": "ui.bench.calendar",
    "letters": "app.letters.bench",
    "screening": "app.screening.bench",
    "referrals": "ui.bench.referrals",
    "sync": "app.sync.bench",
    "scale": "app.sync.bench_scale",
    "inbox": "ui.bench.inbox",
    "funnel": "app.dashboard.bench",
}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("bench", help="run a benchmark and print its figures",
                            description=f"benchmarks: {', '.join(BENCHES)}; "
                                        "`bench NAME --help` lists a benchmark's options")
    parser.add_argument("bench", choices=sorted(BENCHES), metavar="NAME")
    parser.add_argument("options", nargs=argparse.REMAINDER, help="the benchmark's own options")
    parser.set_defaults(func=_dispatch)


def _dispatch(args) -> int:
    mod = importlib.import_module(BENCHES[args.bench])
    own = argparse.ArgumentParser(prog=f"main.py bench {args.bench}",
                                  description=(mod.__doc__ or "").strip().splitlines()[0])
    mod.add_arguments(own)
    return _run(mod, own.parse_args(args.options))


def _run(mod, args) -> int:
    figures = mod.run(args)
    figures["machine_ms"] = machine_ms()
    print_table(figures)
    print(json.dumps(figures, ensure_ascii=False))
    return 0


def machine_ms(repeats: int = 5) -> float:
    """How long this machine takes for a fixed piece of pure Python (best of `repeats`): the
    machines benchmarks run on differ from day to day by over 2x, so figures from different
    days are compared by it; within one run, the benchmarks' own baselines do."""
    import time

    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        rows: list[dict[str, Any]] = [{"id": f"{i:08d}", "n": i * i, "text": "随访" * (i % 5)} for i in range(20_000)]
        rows.sort(key=lambda r: (r["text"], -r["n"]))
        json.loads(json.dumps(rows))
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)


def print_table(figures: dict, out=sys.stdout) -> None:
    width = max((len(k) for k in figures), default=0)
    for key, value in figures.items():
        shown = f"{value:,.3f}" if isinstance(value, float) else f"{value:,}" if isinstance(value, int) else value
        print(f"  {key:<{width}}  {shown}", file=out)
