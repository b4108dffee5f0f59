"""Generating in a second process while this one inserts: for large SQLite loads.

Generation is pure Python and inserting is mostly SQLite's C code, so on two cores the
two overlap almost fully. The worker (`python -m app.demo.worker`) runs the very same
`chunks()` as the in-process path and writes each batch pickled to its stdout, so the
rows are identical; a pipe holds little, so it stays at most about one batch ahead.

A plain subprocess rather than multiprocessing: spawn would re-import the caller's
main script, which not every caller guards, and fork is unsafe in the GUI process.
"""
from __future__ import annotations

import datetime as dt
import os
import pickle
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

from app.demo.generator import Chunks
from app.demo.generator import Plan
from app.demo.generator import chunks
from app.demo.rows import SqliteFormat

_LENGTH = struct.Struct("<Q")
ROOT = Path(__file__).resolve().parents[2]  # the directory holding the app package


def available() -> bool:
    """A frozen build has no Python interpreter to start a worker with."""
    return not getattr(sys, "frozen", False) and bool(sys.executable)


def chunks_from_worker(plan: Plan) -> Chunks:
    """Like generator.chunks(plan, SqliteFormat()), produced by a child process."""
    args = [sys.executable, "-m", "app.demo.worker", str(plan.patients), str(plan.seed),
            str(plan.events[0]), str(plan.events[1]), plan.today.isoformat()]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                   stderr=errors, cwd=ROOT, env=env)
        out = process.stdout
        assert out is not None  # stdout=PIPE
        try:
            truncated = False
            while head := out.read(_LENGTH.size):
                data = out.read(_LENGTH.unpack(head)[0]) if len(head) == _LENGTH.size else b""
                if not data or len(data) < _LENGTH.unpack(head)[0]:
                    truncated = True
                    break
                yield pickle.loads(data)
            code = process.wait()
            if code != 0 or truncated:
                errors.seek(0)
                detail = errors.read().decode(errors="replace").strip()
                raise RuntimeError(f"the demo data worker failed (exit code {code}):\n{detail}")
        finally:
            out.close()
            if process.poll() is None:  # the consumer failed or stopped early
                process.kill()
                process.wait()


def main(argv: list[str]) -> int:
    patients, seed, lo, hi = (int(a) for a in argv[:4])
    plan = Plan(patients, seed, (lo, hi), dt.date.fromisoformat(argv[4]))
    out = sys.stdout.buffer
    try:
        for batch in chunks(plan, SqliteFormat()):
            data = pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL)
            out.write(_LENGTH.pack(len(data)))
            out.write(data)
        out.flush()
    except BrokenPipeError:
        return 1  # the consumer went away and reports its own error
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
