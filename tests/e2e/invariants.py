"""What must hold after any sequence of edits, syncs and faults, checked against the
server's database: nothing lost, nothing applied twice."""
from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import text

from db.models import OutboxEntry
from server.pull import PULLED


def lost_edits(desks_and_mutations, db_url: str) -> list[str]:
    """Every committed local edit is on the server (applied or merged, its change logged
    once) or waiting visibly on its desktop as a conflict or rejection."""
    engine = create_engine(db_url)
    problems = []
    try:
        with engine.connect() as conn:
            for desk, mutation_ids in desks_and_mutations:
                with desk.session() as s:
                    outbox = {e.mutation_id: e for e in s.scalars(select(OutboxEntry))}
                stored = dict(conn.execute(text(
                    "SELECT mutation_id, result FROM applied_mutations WHERE mutation_id = ANY(:m)"),
                    {"m": list(mutation_ids)}).all()) if mutation_ids else {}
                for mid in mutation_ids:
                    entry, result = outbox.get(mid), stored.get(mid)
                    if entry is not None:
                        if entry.status not in ("conflict", "rejected"):
                            problems.append(f"{desk.name}: {mid} still {entry.status}")
                        elif result is not None and result["status"] != entry.status:
                            problems.append(f"{desk.name}: {mid} is {entry.status} here, {result['status']} there")
                        elif not entry.server_reason:
                            problems.append(f"{desk.name}: {mid} {entry.status} without a reason")
                        continue
                    if result is None:
                        problems.append(f"{desk.name}: {mid} LOST: gone from the outbox, unknown to the server")
                    elif result["status"] not in ("applied", "merged"):
                        problems.append(f"{desk.name}: {mid} is {result['status']} on the server, gone here")
                    elif "server_seq" in result:
                        logged = conn.execute(text("SELECT count(*) FROM change_log WHERE server_seq = :s"),
                                              {"s": result["server_seq"]}).scalar()
                        if logged != 1:
                            problems.append(f"{desk.name}: {mid} applied but logged {logged} times")
    finally:
        engine.dispose()
    return problems


def duplicated_effects(db_url: str) -> list[str]:
    """Each row's version counts its logged changes and its server_seq is the latest of
    them; no (row, version) is logged twice; every mutation has one stored answer."""
    engine = create_engine(db_url)
    problems = []
    try:
        with engine.connect() as conn:
            twice = conn.execute(text("SELECT table_name, row_id, version FROM change_log "
                                      "GROUP BY table_name, row_id, version HAVING count(*) > 1")).all()
            problems += [f"{t} {r} version {v} logged twice" for t, r, v in twice]
            for table in PULLED:
                bad = conn.execute(text(
                    f"SELECT t.id, t.version, t.server_seq, l.n, l.top FROM {table} t LEFT JOIN "
                    f"(SELECT row_id, count(*) AS n, max(server_seq) AS top FROM change_log "
                    f" WHERE table_name = :t GROUP BY row_id) l ON l.row_id = t.id "
                    f"WHERE l.n IS NULL OR l.n <> t.version OR l.top <> t.server_seq"), {"t": table}).all()
                problems += [f"{table} {r[0]}: version {r[1]} seq {r[2]} but {r[3]} changes logged, last {r[4]}"
                             for r in bad]
            pending = conn.execute(text("SELECT count(*) FROM applied_mutations WHERE result->>'status' = 'pending'"))
            if pending.scalar():
                problems.append("answers left pending on the server")
    finally:
        engine.dispose()
    return problems
