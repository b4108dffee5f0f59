"""CaseDesk 个案管理工作站. `python main.py --help` lists the subcommands."""
from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from app.cli import run

    code = run(argv)
    if code != -1:
        return code
    # No subcommand: the workstation. Imported late so headless commands never load Qt.
    from ui.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
