"""Applying a pushed batch: one transaction, one answer per mutation.

A mutation is applied, merged, a conflict (both values kept for a person to choose) or
rejected with a reason. Its answer is stored with its effect, so a replay — the desktop
never got the response — returns the same answer and changes nothing twice.

A batch reads the stored answers of its mutation ids first (a replay), applies the rest,
and writes their answers last, in one INSERT … ON CONFLICT DO NOTHING. If a duplicate of
the batch was in flight (a retried or duplicated request), that INSERT waits for it and
then finds an id taken: the whole batch is rolled back and redone carefully, which claims
the ids first and so reads the other request's answers instead of applying anything twice.
(Claiming first on every batch wrote each answer twice, a placeholder then the answer:
a tenth of a big push's database time, for a race that is rare.) Sequence numbers are
taken last, from the counter row, keeping its lock as short as possible.

A batch is first applied in one go, written in one flush; only if the database refuses
something (a reference to a missing row, a duplicate) or an id was answered meanwhile is it
redone mutation by mutation, each in a savepoint, so the one bad mutation is rejected and
the others still apply.
"""
from __future__ import annotations

import orjson
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy import update
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from app import clock
from app.sync import merge
from app.sync.scope import Scope
from app.sync.wire import WireError
from db.models import AppliedMutation
from server import idlists
from server import push_order
from server import security_log
from server import sequence
from server import setwrite
from server.apply import Batch
from server.apply import apply
from server.checks import SCOPE
from server.checks import Rejected
from server.checks import integrity_problem

PENDING = "pending"  # a claimed mutation's placeholder answer, replaced before commit


class AnsweredMeanwhile(Exception):
    """Another request (a duplicate of this batch) stored an answer for one of its ids."""


def push(session: Session, user, device_id: str, scope: Scope, mutations, client_addr: str | None = None,
         older_desktop: bool = False, known: dict[str, dict] | None = None) -> list[dict]:
    """`older_desktop`: the push comes from a desktop on the schema before the server's.
    `known`: answered(...) of these mutations, read already (while waiting on nothing else)."""
    user_id = user.id
    who = (user, device_id, client_addr, older_desktop)
    try:
        results = _push(session, who, scope, mutations, careful=False, known=known)
    except OperationalError:
        raise  # deadlock, lost connection: the caller retries or reports
    except (StatementError, AnsweredMeanwhile):
        session.rollback()
        user = session.get(type(user), user_id)
        results = _push(session, (user, device_id, client_addr, older_desktop), scope, mutations, careful=True)
    session.commit()
    return results


def _push(session: Session, who: tuple, scope: Scope, mutations, careful: bool,
          known: dict[str, dict] | None = None) -> list[dict]:
    user, device_id, client_addr, older_desktop = who
    if mutations:  # a batch sent behind this one waits on it (server/push_order.py)
        push_order.hold(session, mutations[-1].mutation_id)
    if careful:
        known = _claim(session, user, device_id, mutations)
    elif known is None:
        known = answered(session, user, mutations)
    batch = Batch(session, scope, [m for m in mutations if m.mutation_id not in known], older_desktop)
    answers: dict[str, dict] = {}
    results: list[dict] = []
    changed: list[tuple] = []
    for m in mutations:
        mid = m.mutation_id
        if mid in known or mid in answers:  # done before, or twice in this batch
            results.append(known.get(mid) or answers[mid])
            continue
        savepoint = session.begin_nested() if careful else None
        try:
            result, changes = apply(session, batch, user, device_id, scope, m)
            if savepoint is not None:
                savepoint.commit()
        except (Rejected, WireError) as exc:
            if savepoint is not None:
                savepoint.rollback()
            problems = exc.problems if isinstance(exc, Rejected) else [exc.problem]
            result, changes = _refused(session, who, m, problems, str(exc)), []
        except OperationalError:
            raise
        except StatementError as exc:
            if savepoint is None:
                raise  # redo the batch carefully
            savepoint.rollback()
            batch.rows.pop((m.table, m.row_id), None)
            problem = integrity_problem(exc)
            result, changes = _refused(session, who, m, [problem], str(problem)), []
        answers[mid] = result = {"mutation_id": mid, **result}
        results.append(result)
        # The mutation's own row answers with its number; a row the server wrote along with
        # it (a case's legacy task) is numbered too, but is not part of the answer.
        changed.extend((*change, result if i == 0 else {}) for i, change in enumerate(changes))
    if changed:
        _assign_sequence(session, user, device_id, changed)
    if not careful:
        setwrite.flush(session)  # one statement per table (and changed columns), not per row
    if answers and careful:
        _store_answers(session, answers)
    elif answers:
        _insert_answers(session, user, device_id, answers)
    session.flush()
    return results


def _refused(session: Session, who: tuple, m, problems, reason: str) -> dict:
    """A refusal's answer (codes for the desktop, English for logs) and its security event."""
    user, device_id, client_addr, _older = who
    scope = any(p.code == SCOPE for p in problems)
    security_log.record(session, "scope_refused" if scope else "write_refused", code=problems[0].code,
                        user_id=user.id, device_id=device_id, client_addr=client_addr,
                        detail={"table": m.table, "row_id": m.row_id, "op": m.op,
                                "problems": [p.to_json() for p in problems]})
    return {"status": merge.REJECTED, "problems": [p.to_json() for p in problems], "reason": reason}


def _store_answers(session: Session, answers: dict[str, dict]) -> None:
    """Replace the claims' placeholders with the answers: one statement on PostgreSQL."""
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(  # one JSON document: no Python work per value in the driver
            "UPDATE applied_mutations SET result = a.result FROM "
            "jsonb_to_recordset(CAST(:rows AS jsonb)) AS a(id text, result jsonb) "
            "WHERE applied_mutations.mutation_id = a.id"),
            {"rows": orjson.dumps([{"id": k, "result": v} for k, v in answers.items()]).decode()})
    else:
        session.execute(update(AppliedMutation), [{"mutation_id": k, "result": v} for k, v in answers.items()])

_CLAIM = text(
    "INSERT INTO applied_mutations (mutation_id, device_id, user_id, result, applied_at) "
    "SELECT jsonb_array_elements_text(CAST(:ids AS jsonb)), :device, :user, CAST(:pending AS jsonb), :now "
    "ON CONFLICT (mutation_id) DO NOTHING RETURNING mutation_id")


def _claim(session: Session, user, device_id: str, mutations) -> dict[str, dict]:
    """Claim every new mutation id of the batch; return the stored answers of the others."""
    ids = list(dict.fromkeys(m.mutation_id for m in mutations))
    if not ids:
        return {}
    now = clock.now()
    dialect = session.get_bind().dialect.name
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert if dialect == "sqlite" else None
    if make is None:  # pragma: no cover - PostgreSQL and SQLite are the supported servers
        raise RuntimeError(f"unsupported database {dialect}")
    if dialect == "postgresql":  # one statement, the ids as one JSON document
        claimed = set(session.execute(_CLAIM, {"ids": orjson.dumps(ids).decode(), "device": device_id, "user": user.id,
                                               "pending": orjson.dumps({"status": PENDING}).decode(),
                                               "now": now.replace(tzinfo=None)}).scalars())
    else:
        stmt = make(AppliedMutation).on_conflict_do_nothing(index_elements=["mutation_id"]).returning(
            AppliedMutation.mutation_id)
        claimed = set(session.execute(stmt, [
            {"mutation_id": i, "device_id": device_id, "user_id": user.id, "result": {"status": PENDING},
             "applied_at": now} for i in ids]).scalars())
    return _answers_of(session, user, [i for i in ids if i not in claimed])


def answered(session: Session, user, mutations) -> dict[str, dict]:
    """The stored answers of the batch's ids answered before (a replayed batch). Only this
    batch's own requests store these ids, so they may be read before waiting for the batch
    ahead (server/push_order.py); one stored meanwhile by a duplicate request is found when the
    answers are inserted (AnsweredMeanwhile)."""
    ids = list(dict.fromkeys(m.mutation_id for m in mutations))
    return _answers_of(session, user, ids)


def _answers_of(session: Session, user, ids: list[str]) -> dict[str, dict]:
    known: dict[str, dict] = {}
    for i in range(0, len(ids), idlists.CHUNK):
        q = select(AppliedMutation.mutation_id, AppliedMutation.user_id, AppliedMutation.result).where(
            idlists.among(session, AppliedMutation.mutation_id, ids[i:i + idlists.CHUNK]))
        for mid, owner, result in session.execute(q):
            known[mid] = result if owner == user.id else {
                "mutation_id": mid, "status": merge.REJECTED,
                "problems": [{"code": "sync.mutation_id_taken", "field": None, "params": {}}],
                "reason": "this change id was already used by another account"}
    return known


_ANSWERS = text(
    "INSERT INTO applied_mutations (mutation_id, device_id, user_id, result, applied_at) "
    "SELECT a.id, :device, :user, a.result, :now "
    "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS a(id text, result jsonb) "
    "ON CONFLICT (mutation_id) DO NOTHING RETURNING mutation_id")


def _insert_answers(session: Session, user, device_id: str, answers: dict[str, dict]) -> None:
    """The answers of a batch applied without claims; AnsweredMeanwhile if another request
    stored one of its ids first (this one waits for that one's commit, then finds it)."""
    now = clock.now()
    if session.get_bind().dialect.name == "postgresql":  # one statement, one JSON document
        stored = session.execute(_ANSWERS, {
            "rows": orjson.dumps([{"id": k, "result": v} for k, v in answers.items()]).decode(),
            "device": device_id, "user": user.id, "now": now.replace(tzinfo=None)}).scalars().all()
    else:
        stmt = sqlite.insert(AppliedMutation).on_conflict_do_nothing(index_elements=["mutation_id"]).returning(
            AppliedMutation.mutation_id)
        stored = session.execute(stmt, [
            {"mutation_id": k, "device_id": device_id, "user_id": user.id, "result": v, "applied_at": now}
            for k, v in answers.items()]).scalars().all()
    if len(stored) != len(answers):
        raise AnsweredMeanwhile


def _assign_sequence(session: Session, user, device_id: str, changed) -> None:
    seqs = sequence.stamp(session, [c[:4] for c in changed], user.id, device_id)
    for (*_, result), seq in zip(changed, seqs):
        result["server_seq"] = seq
