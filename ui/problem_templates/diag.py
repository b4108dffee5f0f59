"""The diagnostics zip (app/diagnostics.py, `python main.py diagnostics`)."""
from __future__ import annotations

ENGLISH = {
    "diag.folder_missing": "The folder {folder} does not exist. Give --out a file in an existing folder.",
    "diag.unwritable": "Could not write {file}: {reason}. Choose another folder (one you may write to, with free space).",
    "diag.written": "Diagnostics written to {file}: logs, versions and settings; no patient data, no passwords. "
                    "Send this file to your IT contact.",
}
