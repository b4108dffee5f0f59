"""The bytes of attached reports, moved beside the sync pages (server/attachments.py says why).

Before each push batch: every attachment row in it has its bytes uploaded first, so
the server's rule book finds them when the row arrives. After a pull: every attachment row
here without its bytes has them fetched, checked against the row's SHA-256 and stored in the
encrypted database. A failure leaves the row as it is and the next cycle tries again; the
board shows such a report as "on its way" meanwhile.
"""
from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING

from sqlalchemy import select

from app import clock
from db.models import AttachmentContent
from db.models import ReferralAttachment

if TYPE_CHECKING:
    from app.sync.client import SyncClient
    from app.sync.local import Waiting

log = logging.getLogger(__name__)
TABLE = ReferralAttachment.__tablename__
PATH = "/sync/attachments/{}"


def upload(client: SyncClient, batch: list[Waiting]) -> int:
    """Upload the bytes of the attachments in a batch about to be pushed (just before it, so a
    report attached while a sync runs is not pushed without them); how many were sent."""
    waiting = [e.row_id for e in batch if e.table_name == TABLE and e.op == "insert"]
    sent = 0
    for attachment_id in waiting:
        with client.profile.sessions() as s:
            held = s.get(AttachmentContent, attachment_id)
            data = held.content if held is not None else None
        if data is None:
            continue  # the rule book refused such a row before it entered the outbox
        client.raw("PUT", PATH.format(attachment_id), content=data,
                   headers={"Content-Type": "application/octet-stream"})
        sent += 1
    return sent


def fetch(client: SyncClient) -> int:
    """Fetch the bytes of pulled attachments this desktop lacks; how many arrived."""
    with client.profile.sessions() as s:
        missing = s.execute(
            select(ReferralAttachment.id, ReferralAttachment.sha256)
            .outerjoin(AttachmentContent, AttachmentContent.attachment_id == ReferralAttachment.id)
            .where(ReferralAttachment.deleted_at.is_(None), AttachmentContent.attachment_id.is_(None))).all()
    arrived = 0
    for attachment_id, sha in missing:
        response = client.raw("GET", PATH.format(attachment_id))
        if response is None:
            log.warning("attachment %s is not on the server (yet)", attachment_id)
            continue
        data = response.content
        if hashlib.sha256(data).hexdigest() != sha:
            log.warning("attachment %s arrived damaged; asked again next sync", attachment_id)
            continue
        with client.profile.sessions.begin() as s:
            if s.get(AttachmentContent, attachment_id) is None:
                s.add(AttachmentContent(attachment_id=attachment_id, sha256=sha, content=data,
                                        stored_at=clock.now()))
        arrived += 1
    if arrived:
        client._announce({TABLE}, {a for a, _ in missing})
    return arrived
