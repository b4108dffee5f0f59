"""`python main.py bench NAME`: benchmarks that print a table and end with one JSON line."""
from __future__ import annotations

import argparse
import importlib
import json
import sys

# name -> module under app/bench/ exposing `run(args) -> dict` and `add_arguments(parser)`.
# Benches that drive Qt live in ui/bench/: importing them by name here keeps app/ itself
# Qt-free (nothing is loaded until that benchmark runs).
BENCHES: dict[str, str] = {
    "worklist": "ui.bench.worklist",
    "calendar": "ui.bench.calendar",
    "letters": "app.letters.bench",
}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("bench", help="run a benchmark and print its figures")
    bench_sub = parser.add_subparsers(dest="bench", metavar="NAME", required=True)
    for name, module in BENCHES.items():
        mod = importlib.import_module(module)
        p = bench_sub.add_parser(name, help=mod.__doc__.splitlines()[0] if mod.__doc__ else name)
        mod.add_arguments(p)
        p.set_defaults(func=lambda args, mod=mod: _run(mod, args))


def _run(mod, args) -> int:
    figures = mod.run(args)
    print_table(figures)
    print(json.dumps(figures, ensure_ascii=False))
    return 0


def print_table(figures: dict, out=sys.stdout) -> None:
    width = max((len(k) for k in figures), default=0)
    for key, value in figures.items():
        shown = f"{value:,.3f}" if isinstance(value, float) else f"{value:,}" if isinstance(value, int) else value
        print(f"  {key:<{width}}  {shown}", file=out)
