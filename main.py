"""CaseDesk 个案管理工作站. `python main.py --help` lists the subcommands."""
from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    # The same dispatch as the installed `casedesk` (app/launch.py): Qt only for the window.
    from app.launch import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
