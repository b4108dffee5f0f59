"""The administrator's work in the workstation (server/admin_api.py, app/admin.py, ui/admin/)."""
from __future__ import annotations

ENGLISH = {
    "auth.admin_only": "Only an administrator may do this. Sign in with an administrator's account.",
    "admin.bad_time": "“{value}” is not a date (write it as 2026-12-04).",
    "admin.import_not_base64": "The file did not arrive whole. Choose it again.",
    "admin.file_unreadable": "{file} cannot be read: {reason}",
    "admin.file_too_large": "{file} is larger than {max_mib} MiB: it cannot be an organisation tree.",
}
