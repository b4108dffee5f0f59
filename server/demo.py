"""`server --init-demo`: schema, the demo network and patients, demo logins.

The synthetic data is the desktop demo generator's; afterwards every row is stamped as
the server's own (version 1, a place in the change sequence) so desktops can pull it.
"""
from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import Session

from app import clock
from db import migrate
from db.models import SYNCED_MODELS
from db.models import Credential
from db.models import User
from server.auth import hash_password


def demo_password(username: str) -> str:
    """Demo logins only (README lists them); a real deployment sets passwords per person."""
    return f"{username}-demo"


def init_demo(engine: Engine, patients: int, seed: int, progress=None) -> dict:
    from app.demo import generate

    migrate.upgrade(engine)
    stats = generate(engine, patients, seed, progress=progress)
    rows = stamp_all(engine)
    with Session(engine) as session:
        for user in session.scalars(select(User)):
            if session.get(Credential, user.id) is None:
                session.add(Credential(user_id=user.id, password_hash=hash_password(demo_password(user.username))))
        session.commit()
    return {"patients": patients, "rows": rows, "generated_in_s": getattr(stats, "seconds", None)}


def stamp_all(engine: Engine) -> int:
    """Give every unstamped row version 1 and the next sequence numbers, and log them."""
    now = clock.now().replace(tzinfo=None).isoformat(sep=" ")
    total = 0
    with engine.begin() as conn:
        start = conn.execute(text("SELECT value FROM seq_counter WHERE id = 1")).scalar_one()
        for model in SYNCED_MODELS:
            t = model.__tablename__
            n = conn.execute(text(f"SELECT count(*) FROM {t} WHERE server_seq IS NULL")).scalar_one()
            if not n:
                continue
            base = start + total
            conn.execute(text(
                f"UPDATE {t} SET version = 1, server_seq = s.rn + :base FROM "
                f"(SELECT id AS sid, row_number() OVER (ORDER BY id) AS rn FROM {t} WHERE server_seq IS NULL) s "
                f"WHERE {t}.id = s.sid"), {"base": base})
            conn.execute(text(
                f"INSERT INTO change_log (server_seq, table_name, row_id, version, fields, at) "
                f"SELECT server_seq, :t, id, 1, :fields, :now FROM {t} WHERE server_seq > :base"),
                {"t": t, "fields": "[]", "now": now, "base": base})
            total += n
        conn.execute(text("UPDATE seq_counter SET value = :v WHERE id = 1"), {"v": start + total})
    return total
