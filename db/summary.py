"""The case's summary of its open work, derived on each desktop by SQLite triggers.

A case holds any number of open tasks and planned follow-ups. The worklist sorts
100,000 cases by the earliest due date through one covering index on `cases`, so the summary
lives on the case row: `due_date` (earliest due), `next_task_id` (the task or follow-up due
first; undated last, then oldest) and `open_tasks` (how many). Triggers keep it right through
every path that writes these tables — the write path, sync pulls, purges, rewinds, upgrades —
and a pull that brings the server's (meaningless) values for these columns is recomputed at
once. The summary is never pushed (app/serial.py skips derived columns), and the server keeps
no summary: it has no worklist.

SQLite only; the server's PostgreSQL gets no triggers.
"""
from __future__ import annotations

OPEN_TASK = "state = 'open' AND deleted_at IS NULL"
# A follow-up given up after the rules' attempts ("missed") is on the chase list, not the
# case's due work: counted here it kept years-old misses at the top of the worklist.
OPEN_FOLLOWUP = "status = 'planned' AND deleted_at IS NULL"


def _recompute(case_id: str) -> str:
    """An UPDATE of one case's summary; `case_id` is an SQL expression (NEW.case_id …)."""
    work = (f"SELECT id, due_date FROM tasks WHERE case_id = {case_id} AND {OPEN_TASK} "
            f"UNION ALL SELECT id, due_date FROM followups WHERE case_id = {case_id} AND {OPEN_FOLLOWUP}")
    return (
        f"UPDATE cases SET "
        f"due_date = (SELECT min(due_date) FROM ({work})), "
        f"next_task_id = (SELECT id FROM ({work}) ORDER BY due_date IS NULL, due_date, id LIMIT 1), "
        f"open_tasks = (SELECT count(*) FROM ({work})) "
        f"WHERE id = {case_id};"
    )


# name -> CREATE TRIGGER statement
TRIGGERS = {
    "tasks_summary_insert": f"CREATE TRIGGER tasks_summary_insert AFTER INSERT ON tasks BEGIN "
                            f"{_recompute('NEW.case_id')} END",
    "tasks_summary_update": f"CREATE TRIGGER tasks_summary_update AFTER UPDATE OF case_id, state, due_date, "
                            f"deleted_at ON tasks BEGIN {_recompute('NEW.case_id')} "
                            f"{_recompute('OLD.case_id')} END",
    "tasks_summary_delete": f"CREATE TRIGGER tasks_summary_delete AFTER DELETE ON tasks BEGIN "
                            f"{_recompute('OLD.case_id')} END",
    "followups_summary_insert": f"CREATE TRIGGER followups_summary_insert AFTER INSERT ON followups "
                                f"WHEN NEW.case_id IS NOT NULL BEGIN {_recompute('NEW.case_id')} END",
    "followups_summary_update": f"CREATE TRIGGER followups_summary_update AFTER UPDATE OF case_id, status, "
                                f"due_date, deleted_at ON followups BEGIN {_recompute('NEW.case_id')} "
                                f"{_recompute('OLD.case_id')} END",
    "followups_summary_delete": f"CREATE TRIGGER followups_summary_delete AFTER DELETE ON followups "
                                f"WHEN OLD.case_id IS NOT NULL BEGIN {_recompute('OLD.case_id')} END",
    # A case arriving (or arriving again) by a pull carries the server's columns: recompute.
    # SQLite's recursive_triggers is off, so the UPDATE inside does not fire this again.
    "cases_summary_insert": f"CREATE TRIGGER cases_summary_insert AFTER INSERT ON cases BEGIN "
                            f"{_recompute('NEW.id')} END",
    "cases_summary_update": f"CREATE TRIGGER cases_summary_update AFTER UPDATE OF due_date, next_task_id, "
                            f"open_tasks ON cases BEGIN {_recompute('NEW.id')} END",
}

RECOMPUTE_ALL = _recompute("cases.id").replace("WHERE id = cases.id;", "")


def install(conn) -> None:
    """Create the triggers (replacing older ones) and recompute every case: `conn` is a
    SQLAlchemy connection to a desktop's SQLite database."""
    for name, sql in TRIGGERS.items():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql(sql)
    conn.exec_driver_sql(RECOMPUTE_ALL)


def drop(conn) -> None:
    for name in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
