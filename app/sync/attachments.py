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

import httpx
from sqlalchemy import select

from app import clock
from app.sync import errors
from app.sync.errors import SyncError
from db.models import AttachmentContent
from db.models import OutboxEntry
from db.models import ReferralAttachment

if TYPE_CHECKING:
    from app.sync.client import SyncClient

log = logging.getLogger(__name__)
TABLE = ReferralAttachment.__tablename__
PATH = "/sync/attachments/{}"


def upload(client: SyncClient, batch: list[OutboxEntry]) -> int:
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
        _request(client, "PUT", PATH.format(attachment_id), content=data,
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
        response = _request(client, "GET", PATH.format(attachment_id))
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


def _request(client: SyncClient, method: str, path: str, content: bytes | None = None,
             headers: dict | None = None, retried: bool = False) -> httpx.Response | None:
    """A signed-in request (the token refreshed once on 401); None on 404."""
    if client.access_token is None:
        client._refresh()
    signed = {**(headers or {}), "Authorization": f"Bearer {client.access_token}"}
    try:
        response = client.http.request(method, path, headers=signed, content=content)
    except httpx.TimeoutException as exc:
        raise SyncError(errors.TIMEOUT, detail=type(exc).__name__) from exc
    except httpx.TransportError as exc:
        raise SyncError(errors.OFFLINE, detail=f"{type(exc).__name__}: {exc}") from exc
    if response.status_code == 401 and not retried:
        client.access_token = None
        return _request(client, method, path, content, headers, retried=True)
    if response.status_code == 404:
        return None
    if response.status_code >= 400:
        raise errors.from_answer(response.status_code, response.content, response.headers)
    return response

