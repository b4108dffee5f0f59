"""Backups, restores and a desktop noticing that the server's history was rewound
(server/backup.py, `server backup` / `server restore`, app/sync/rewind.py)."""
from __future__ import annotations

ENGLISH = {
    "restore.db_required": "Give the server's PostgreSQL database with --db URL.",
    "restore.not_postgresql": "Backups and restores are made of a PostgreSQL database; {url} is not one. "
                              "Give the server's PostgreSQL URL (postgresql+psycopg://user@host/casedesk).",
    "restore.db_unreachable": "The database {url} does not answer ({reason}). Check the URL, that PostgreSQL "
                              "is running, and the password (CASEDESK_DB_PASSWORD).",
    "restore.out_required": "Say where to write the backup with --out FILE.",
    "restore.out_unwritable": "The folder for {file} does not exist. Nothing was written.",
    "restore.file_missing": "There is no backup file {file}. Nothing was changed.",
    "restore.not_a_dump": "{file} is not a CaseDesk backup made by `server backup` (a PostgreSQL custom-format "
                          "dump of a CaseDesk database). Nothing was changed.",
    "restore.tool_missing": "{tool} is not installed. Install PostgreSQL's client tools "
                            "(sudo apt-get install {package}) and run the command again.",
    "restore.tool_too_old": "{tool} is version {version} but the database server is version {server}: install "
                            "{package} and run the command again.",
    "restore.tool_failed": "{tool} failed (exit {code}): {reason}. The server's log has its whole output. "
                           "Nothing was replaced; fix the cause and run the command again.",
    "restore.database_in_use": "{connections} other connection(s) use {url}: stop the CaseDesk server (and "
                               "anything else using the database) before restoring. Nothing was changed.",
    "restore.backup_written": "Backup written: {file} ({size}, {seconds} s).",
    "restore.restored": "Restored from {file} in {seconds} s. The server's history has a new id ({history}…), "
                        "watermark {watermark}: desktops send again what the backup does not hold at their next "
                        "sync. Start the server again.",
    "restore.history_rewound": "The server was restored from a backup: this desktop sent again {resent} "
                               "change(s) the server no longer had. Nothing was lost.",
}
