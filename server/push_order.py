"""Two pushed batches of one desktop out at once, applied in the desktop's order.

A desktop sending a long outbox does not wait for one batch's answer before sending the
next: the next names the last mutation of the one ahead of it (`after`) and is applied only
once that one's answer is stored, which is when its batch committed (server/push.py stores
every mutation's answer with its effect). Meanwhile the next request has been received,
parsed, validated and its sender identified, and the answer ahead travels back while it is
applied: a big push costs its batches' database work, not also the network's and each
request's own.

A batch that names nothing the one ahead names (app/sync/push_apart.py: other patients,
other rows) goes without `after`, and the two are applied at once, each in its own
transaction on its own worker, as two desktops' batches are: their rows are apart, so
neither can be judged on what the other changes, and a server with cores to spare applies
a long outbox that much sooner.

The stored answer alone decides. To wait for it without polling all along, a batch being
applied holds a lock named after its last mutation, the one a batch behind it names
(PostgreSQL's advisory locks, until it commits or rolls back, hold()); so batches of one
desktop that name no batch ahead never wait on each other's lock. The batch behind checks
the answer, and if it is missing waits on
that lock for a moment's share, then checks again. The batch ahead may not have reached the
server yet (a second connection can overtake the first), so a lock found free only means a
short sleep and another look. The wait is bounded: if the batch ahead never commits (it
failed, and its desktop was told), this one is refused with sync.push_out_of_order and
nothing of it is applied; the desktop sends it again once the one ahead is answered
(app/sync/client.py). On SQLite (no such locks) it polls.
"""
from __future__ import annotations

import time

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

WAIT_S = 10.0  # far longer than a batch takes even on a busy server; a refusal only costs a resend
_SLEEP_S = 0.001  # the batch ahead has not begun (or SQLite): look again after this

_ANSWERED = text("SELECT 1 FROM applied_mutations WHERE mutation_id = :id AND device_id = :device")

# 7301: the first key of the two-key advisory lock, this lock's own number space.
_HOLD = text("SELECT pg_advisory_xact_lock(7301, hashtext(:last))")
_SHARE = text("SELECT pg_advisory_xact_lock_shared(7301, hashtext(:last))")


def hold(session: Session, last_mutation_id: str) -> None:
    """Taken by a batch as it begins applying, let go by its commit or rollback; named after
    the batch's last mutation, which is what a batch behind it names as `after`. Two batches
    whose ids hash alike only wait on each other a moment; nothing else depends on it."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_HOLD, {"last": last_mutation_id})


def wait_for(sessions, device_id: str, after: str) -> bool:
    """Whether the answer of this desktop's mutation `after` was stored within WAIT_S."""
    deadline = time.monotonic() + WAIT_S
    with sessions() as session:
        locks = session.get_bind().dialect.name == "postgresql"
        while True:
            found = session.execute(_ANSWERED, {"id": after, "device": device_id}).first() is not None
            session.commit()  # the next look sees what committed since (SQLite keeps a snapshot per transaction)
            left = deadline - time.monotonic()
            if found:
                return True
            if left <= 0:
                return False
            if not locks:
                time.sleep(_SLEEP_S)
                continue
            started = time.monotonic()
            try:
                session.execute(text("SELECT set_config('lock_timeout', :ms, true)"), {"ms": f"{int(left * 1000) + 1}ms"})
                session.execute(_SHARE, {"last": after})  # while the batch ahead applies, this waits
            except OperationalError:  # lock_timeout: the batch ahead is still at it at the deadline
                session.rollback()
                continue
            session.commit()  # let go at once: the batch after this one takes it exclusively
            if time.monotonic() - started < _SLEEP_S:
                time.sleep(_SLEEP_S)  # free at once: the batch ahead has not begun; give it a moment
