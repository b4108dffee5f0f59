"""The installed entry points (pyproject.toml [project.scripts] / [project.gui-scripts]) and
main.py's: `casedesk [ARGS]` is `python main.py [ARGS]`, `casedesk-server ARGS` is
`python main.py server ARGS`. Qt is imported only when the workstation opens, so headless
commands never load it."""
from __future__ import annotations

import sys

# Installed with the extras "server" and "bench" (pyproject.toml), never with the desktop alone.
EXTRAS = {"fastapi": "server", "starlette": "server", "uvicorn": "server", "psycopg": "server",
          "pydantic": "server", "psutil": "bench"}


def run(argv: list[str]) -> int:
    """A subcommand headless, or with none the workstation; returns the exit code."""
    from app import gc_policy
    from app.cli import run as run_command

    gc_policy.settle()  # a sync or an import of 100,000 rows makes garbage in bulk (app/gc_policy.py)
    try:
        code = run_command(argv)
    except ModuleNotFoundError as exc:
        extra = EXTRAS.get((exc.name or "").split(".")[0])
        if extra is None:
            raise
        # Not a desktop's command: say what to install instead of a traceback.
        print(f"error: this command needs CaseDesk's '{extra}' part, which this installation does not have "
              f"(pip install 'casedesk[{extra}]'; the frozen desktop never has it). Missing: {exc.name}",
              file=sys.stderr)
        return 2
    if code != -1:
        return code
    from ui.app import run_gui

    return run_gui(argv)


def main() -> int:
    """`casedesk`: the workstation (GUI script), subcommands as in `python main.py --help`."""
    return run(sys.argv[1:])


def server_main() -> int:
    """`casedesk-server`: the central server and its actions (`python main.py server --help`)."""
    return run(["server", *sys.argv[1:]])


if __name__ == "__main__":  # `python -m app.launch`: how the window restarts itself on another profile
    sys.exit(main())
