"""Two pushed batches of one desktop out at once, applied in the desktop's order.

A desktop sending a long outbox does not wait for one batch's answer before sending the
next: the next names the last mutation of the one ahead of it (`after`) and is applied only
once that one's answer is stored, which is when its batch committed (server/push.py stores
every mutation's answer with its effect). Meanwhile the next request has been received,
parsed, validated and its sender identified, and the answer ahead travels back while it is
applied: a big push costs its batches' database work, not also the network's and each
request's own.

Waiting polls the stored answer (a primary-key read, a new snapshot each time), not a lock:
the batch ahead may not have reached the server yet — a second connection can overtake the
first — so there may be nothing yet to wait on. It is bounded: if the batch ahead never
commits (it failed, and its desktop was told), this one is refused with
sync.push_out_of_order and nothing of it is applied; the desktop sends it again once the one
ahead is answered (app/sync/client.py).
"""
from __future__ import annotations

import time

from sqlalchemy import text

WAIT_S = 10.0  # far longer than a batch takes even on a busy server; a refusal only costs a resend
_FIRST_SLEEP_S, _MOST_SLEEP_S = 0.0005, 0.002  # a batch takes ~100 ms: some dozens of cheap reads

_ANSWERED = text("SELECT 1 FROM applied_mutations WHERE mutation_id = :id AND device_id = :device")


def wait_for(sessions, device_id: str, after: str) -> bool:
    """Whether the answer of this desktop's mutation `after` was stored within WAIT_S."""
    deadline = time.monotonic() + WAIT_S
    sleep = _FIRST_SLEEP_S
    with sessions() as session:
        while True:
            found = session.execute(_ANSWERED, {"id": after, "device": device_id}).first() is not None
            session.commit()  # the next read sees what committed since (SQLite keeps a snapshot per transaction)
            if found:
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(sleep)
            sleep = min(sleep * 2, _MOST_SLEEP_S)
