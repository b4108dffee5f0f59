"""Per-scope high-water marks: the newest change any desktop of a scope could pull.

A pull with nothing new for its scope (most pulls: a desktop asks every few minutes, and
a clinic's desktops all ask at 8:00) is answered from these marks without building a page
(server/pull.py). They are kept beside the data, in `server_meta`, written in the same
transaction as the changes they describe and under the sequence counter's lock
(server/sequence.py), so every worker and host, and a replica, reads marks and rows from
one snapshot and agrees.

A changed row raises the marks of the scopes that can see it:
- `ref`: the reference tables every desktop pulls (units, people, exam slots);
- `unit:<community>`: rows of a patient of that community (case managers of the street
  station above it, family doctors of that point);
- `doctor:<user>`: rows of a patient who signed with that family doctor;
- `scope`: a change that may move rows into or out of scopes (scope_may_have_changed).
Network-wide people see every change: their mark is the watermark itself.

Marks are kept for changes after `since` (the row `marks`), set when a server first starts
with this code; a cursor from before it takes the full path. A writer that bypasses
sequence.stamp (the demo loader's COPY) forgets them first, so no pull trusts stale marks.
"""
from __future__ import annotations

from collections.abc import Iterable

import orjson
from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app import clock
from app.sync.scope import REFERENCE_TABLES
from app.sync.scope import TREE_KEY
from app.sync.scope import Scope
from app.sync.scope import cached_scope
from app.sync.scope import scope_for
from db.models import Patient
from db.models import ServerMeta
from db.models.enums import Role
from server.idlists import CHUNK
from server.idlists import among

SINCE_KEY = "marks"
REF, SCOPE = "mark:ref", "mark:scope"
SCOPE_TABLES = ("org_units", "users", "patients")  # the changes that can move rows between scopes
SCOPE_FIELDS = frozenset({"community_id", "family_doctor_id"})


def moves_scope(table: str, version: int, fields) -> bool:
    """Whether a change may move rows into or out of scopes: the organisation tree, a user, or
    a patient's community or family doctor (a new patient is simply pulled)."""
    return table in SCOPE_TABLES and (table != "patients" or (version > 1 and bool(SCOPE_FIELDS & set(fields))))


def unit_key(community_id: str) -> str:
    return f"mark:unit:{community_id}"


def doctor_key(user_id: str) -> str:
    return f"mark:doctor:{user_id}"


def keys_of(scope: Scope) -> list[str] | None:
    """The marks a scope's pulls compare with their cursor (None: every change is in scope)."""
    if scope.units is None:
        return None
    keys = [REF, *(unit_key(u) for u in sorted(scope.units))]
    if scope.role == Role.FAMILY_DOCTOR.value:
        keys.append(doctor_key(scope.user_id))
    return keys


def _insert(session: Session):
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def begin(session: Session) -> None:
    """Start keeping marks from the current watermark, unless they are kept already (safe
    when several workers start at once: the first insert wins)."""
    mark = session.execute(text("SELECT value FROM seq_counter WHERE id = 1")).scalar() or 0
    session.execute(_insert(session)(ServerMeta).values(
        key=SINCE_KEY, value={"since": int(mark)}, updated_at=clock.now(),
    ).on_conflict_do_nothing(index_elements=["key"]))
    session.commit()


def forget(session_or_conn) -> None:
    """Stop trusting the marks (rows were written around sequence.stamp): every pull takes
    the full path until a server starts again and begins afresh."""
    session_or_conn.execute(delete(ServerMeta).where(ServerMeta.key.like("mark%")))


_RAISE_PG = text(
    "INSERT INTO server_meta (key, value, updated_at) "
    "SELECT m.key, jsonb_build_object('seq', m.seq), :now FROM jsonb_to_recordset(CAST(:marks AS jsonb)) "
    "AS m(key text, seq bigint) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at")


def note(session: Session, changed: Iterable[tuple]) -> None:
    """Raise the marks of every scope that can see these changes: (row, table, fields,
    version, seq) each, in sequence order. Called under the counter's lock, so marks only
    ever rise and two writers never take these rows' locks in different orders."""
    top: dict[str, int] = {}
    patients: dict[str, tuple[str | None, str | None]] = {}
    owned: list[tuple[str, int]] = []
    for obj, table, fields, version, seq in changed:
        if table in REFERENCE_TABLES:
            top[REF] = seq
        if moves_scope(table, version, fields):
            top[SCOPE] = seq
        if table == "patients":
            patients[obj.id] = (obj.community_id, obj.family_doctor_id)
            owned.append((obj.id, seq))
        elif table not in REFERENCE_TABLES and getattr(obj, "patient_id", None):
            owned.append((obj.patient_id, seq))
    missing = sorted({pid for pid, _ in owned if pid not in patients})
    for i in range(0, len(missing), CHUNK):
        q = select(Patient.id, Patient.community_id, Patient.family_doctor_id).where(
            among(session, Patient.id, missing[i:i + CHUNK]))
        patients.update((pid, (community, doctor)) for pid, community, doctor in session.execute(q))
    for pid, seq in owned:
        community, doctor = patients.get(pid, (None, None))
        if community:
            top[unit_key(community)] = seq
        if doctor:
            top[doctor_key(doctor)] = seq
    if not top:
        return
    now = clock.now()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_RAISE_PG, {"marks": orjson.dumps([{"key": k, "seq": top[k]} for k in sorted(top)]).decode(),
                                    "now": now.replace(tzinfo=None)})
        return
    stmt = _insert(session)(ServerMeta)
    stmt = stmt.on_conflict_do_update(index_elements=["key"],
                                      set_={"value": stmt.excluded.value, "updated_at": stmt.excluded.updated_at})
    session.execute(stmt, [{"key": k, "value": {"seq": top[k]}, "updated_at": now} for k in sorted(top)])


_READ_PG = """
    SELECT (SELECT value FROM seq_counter WHERE id = 1),
           (SELECT (value->>'since')::bigint FROM server_meta WHERE key = 'marks'),
           (SELECT max((value->>'seq')::bigint) FROM server_meta WHERE key = ANY(:keys)),
           (SELECT (value->>'seq')::bigint FROM server_meta WHERE key = 'mark:scope')"""
READ_PG = _READ_PG.replace(":keys", "%(keys)s")  # the driver's own placeholders: run by psycopg itself
READ_PG_TREE = READ_PG + ", t.* FROM (" + TREE_KEY + ") t"


def _on_driver(session: Session, sql: str, params: dict) -> tuple:
    """One row from the session's own psycopg connection. Its errors are raised as SQLAlchemy
    raises them (a lost connection: OperationalError, the connection invalidated), since the
    callers fall back on those: the replica to the primary, the edge to a 503 that says why."""
    import psycopg

    connection = session.connection()
    driver = connection.connection.driver_connection
    assert driver is not None  # a live connection: session.connection() just checked it out
    try:
        return tuple(driver.execute(sql, params).fetchone() or ())
    except psycopg.Error as exc:
        # SQLAlchemy's own test (a cancelled statement is not a lost connection)
        lost = driver.closed or connection.dialect.is_disconnect(exc, driver, None)  # type: ignore[arg-type]
        if lost:
            connection.invalidate(exc)  # the pool makes a new one, as for any lost connection
        raise DBAPIError.instance(sql, params, exc, psycopg.Error, connection_invalidated=lost) from exc


def read(session: Session, keys: list[str] | None, tree: bool = False) -> tuple:
    """(watermark, marks kept since (None: not kept), the newest mark of `keys`, the newest
    scope-moving change[, the organisation tree's key]): one round trip on PostgreSQL."""
    wanted = keys or []
    if session.get_bind().dialect.name == "postgresql":
        # Every pull asks this, most of them (nothing new) nothing else: on the driver's
        # connection, without SQLAlchemy's statement machinery, which cost more than the query
        # (measured: a fifth of an empty pull's server CPU went to this one statement).
        mark, since, top, moved, *key = _on_driver(session, READ_PG_TREE if tree else READ_PG, {"keys": wanted})
        return (mark or 0, since, top or 0, moved or 0, *([tuple(key)] if tree else []))
    mark = session.execute(text("SELECT value FROM seq_counter WHERE id = 1")).scalar() or 0
    values = {k: v for k, v in session.execute(select(ServerMeta.key, ServerMeta.value).where(
        ServerMeta.key.in_([SINCE_KEY, SCOPE, *wanted])))}
    since = (values.get(SINCE_KEY) or {}).get("since")
    top = max([(values.get(k) or {}).get("seq", 0) for k in wanted] or [0])
    found = (mark, since, top, (values.get(SCOPE) or {}).get("seq", 0))
    return (*found, tuple(session.execute(text(TREE_KEY)).one())) if tree else found


def quick(session: Session, user, cursor: int, since: int | None) -> dict | None:
    """empty_page for `user`, the organisation tree checked in the same statement as the
    marks (one round trip where scope_for would add one)."""
    cached = cached_scope(user)
    if cached is None or not cached[1]:
        return empty_page(session, cached[0] if cached else scope_for(session, user), cursor, since)
    scope, key = cached
    mark, kept_since, top, moved, tree = read(session, keys_of(scope), tree=True)
    if tree != key:  # the organisation changed since the tree was read: read it again
        return empty_page(session, scope_for(session, user), cursor, since)
    return _page(mark, kept_since, top, moved, False, cursor, since)


def empty_page(session: Session, scope: Scope, cursor: int, since: int | None) -> dict | None:
    """The page a pull gets when nothing in its scope changed after `cursor` — the same page
    the full path would build — or None when there may be something (or marks cannot say)."""
    keys = keys_of(scope)
    mark, kept_since, top, moved = read(session, keys)
    return _page(mark, kept_since, top, moved, keys is None, cursor, since)


def _page(mark: int, kept_since: int | None, top: int, moved: int, everything: bool, cursor: int,
          since: int | None) -> dict | None:
    if kept_since is None or cursor < kept_since:
        return None
    if (mark if everything else top) > cursor:
        return None
    page: dict = {"cursor": mark, "watermark": mark, "more": False, "count": 0, "tables": {}}
    if since is not None:
        if since > mark:
            page["scope_changed"] = True
        elif since >= kept_since:
            page["scope_changed"] = moved > since
        else:
            return None  # the marks do not reach back to `since`: the full path answers
    return page


__all__ = ["begin", "doctor_key", "empty_page", "forget", "keys_of", "note", "quick", "read", "unit_key"]
