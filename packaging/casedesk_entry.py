"""The frozen program's script (packaging/casedesk.spec): the installed `casedesk` entry point."""
import sys

from app.launch import main

if __name__ == "__main__":
    sys.exit(main())
