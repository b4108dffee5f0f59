"""Desktops for the e2e tests: a real profile, a SyncClient over a FaultTransport, and the
checks that compare a desktop with the server row by row."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import create_engine
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.profile import Profile
from app.sync.client import SyncClient
from app.sync.scope import scope_for
from db.models import MODEL_BY_TABLE
from db.models import OutboxEntry
from db.models import Patient
from db.models import User
from server.pull import PULLED
from tests.e2e.faults import FaultTransport


@dataclass
class Desk:
    name: str
    username: str
    profile: Profile
    client: SyncClient
    net: FaultTransport

    def close(self) -> None:
        self.client.close()
        self.profile.close()

    def session(self):
        return self.profile.sessions()

    def count(self, model, *where) -> int:
        with self.session() as s:
            return s.scalar(select(func.count()).select_from(model).where(*where))

    def outbox(self, *where) -> list[OutboxEntry]:
        with self.session() as s:
            return list(s.scalars(select(OutboxEntry).where(*where).order_by(OutboxEntry.seq)))

    def patient_ids(self) -> list[str]:
        with self.session() as s:
            return list(s.scalars(select(Patient.id).where(Patient.deleted_at.is_(None)).order_by(Patient.id)))

    def get(self, model, row_id: str):
        with self.session() as s:
            return s.get(model, row_id)

    def edit(self, model, row_id: str, **values) -> dict:
        with self.profile.store.write() as tx:
            return tx.update(tx.session.get(model, row_id), **values)

    def delete(self, model, row_id: str) -> None:
        with self.profile.store.write() as tx:
            tx.delete(tx.session.get(model, row_id))

    def add(self, obj):
        with self.profile.store.write() as tx:
            tx.add(obj)
        return obj


def open_desk(path, name: str, url: str, username: str, inner=None) -> Desk:
    profile = Profile.open(path / name)
    net = FaultTransport(inner)
    client = SyncClient(profile, url, transport=net)
    client.login(username, f"{username}-demo")
    return Desk(name, username, profile, client, net)


def row_values(obj) -> dict:
    return {c.name: getattr(obj, c.name) for c in obj.__table__.columns}


def differences(desk: Desk, db_url: str, tables=PULLED) -> list[str]:
    """Every way `desk` differs from the server within its user's scope, leaving out rows
    it holds edits for (pending, conflicting or rejected: shown to a person)."""
    engine = create_engine(db_url)
    problems = []
    try:
        with Session(engine) as server, desk.session() as mine:
            user = server.scalars(select(User).where(User.username == desk.username)).one()
            scope = scope_for(server, user)
            held = {(e.table_name, e.row_id) for e in mine.scalars(select(OutboxEntry))}
            for table in tables:
                model = MODEL_BY_TABLE[table]
                # each desktop derives these for itself (db/summary.py); the server keeps none
                derived = {c.name for c in model.__table__.columns if c.info.get("derived")}
                q = select(model)
                cond = scope.condition(table)
                theirs = {r.id: row_values(r) for r in server.scalars(q if cond is None else q.where(cond))}
                ours = {r.id: row_values(r) for r in mine.scalars(select(model).where(model.server_seq.is_not(None)))}
                for row_id in sorted(set(theirs) | set(ours)):
                    if (table, row_id) in held:
                        continue
                    a, b = ours.get(row_id), theirs.get(row_id)
                    if a is None or b is None:
                        problems.append(f"{desk.name}: {table} {row_id} {'missing here' if a is None else 'extra here'}")
                    elif a != b:
                        diff = {k: (a[k], b[k]) for k in a if k not in derived and _differs(a[k], b[k])}
                        if diff:
                            problems.append(f"{desk.name}: {table} {row_id} differs {diff}")
    finally:
        engine.dispose()
    return problems


def _differs(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) > 1e-9
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a != b
    return a != b
