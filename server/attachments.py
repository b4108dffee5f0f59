"""The bytes of reports attached to referrals: PUT before the row is pushed, GET after it is pulled.

Why not inside the sync pages: a page holds thousands of rows and must stay small; a report
is up to 10 MB. So the row (referral_attachments) travels like any other and the rule book
refuses it until its bytes are here with the same SHA-256 (app/rulebook/attachments.py).

Reading: only someone whose scope holds the attachment's patient gets the bytes; anyone else,
and an id with no row, gets the same 404 (no answer tells whether an attachment exists).
Writing: an upload is kept under its id; sending the same bytes again is a no-op (a desktop
that lost the answer sends again), other bytes under an id already used are refused.
"""
from __future__ import annotations

import hashlib
import re
from typing import Annotated

from fastapi import Body
from fastapi import Path
from fastapi import Request
from fastapi import Response
from fastapi import Security
from sqlalchemy.orm import Session

from app import clock
from app.rulebook.attachments import MAX_BYTES
from app.sync.scope import scope_for
from db.models import AttachmentContent
from db.models import ReferralAttachment
from server.refusal import Refusal

UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
_UUID = re.compile(UUID_PATTERN)
BINARY = {"application/octet-stream": {"schema": {"type": "string", "format": "binary", "minLength": 1}}}
AttachmentId = Annotated[str, Path(pattern=UUID_PATTERN, description="the attachment row's id")]


def store(session: Session, attachment_id: str, data: bytes, user_id: str) -> bool:
    """Keep the bytes under `attachment_id`; True when they were new here."""
    if not data:
        raise Refusal(422, "attachment.empty", "an attachment has content", {"name": attachment_id})
    if len(data) > MAX_BYTES:
        raise Refusal(413, "attachment.too_large", "the attachment is over the limit",
                      {"name": attachment_id, "size_mb": round(len(data) / 1048576, 1),
                       "limit_mb": MAX_BYTES // 1048576})
    digest = hashlib.sha256(data).hexdigest()
    held = session.get(AttachmentContent, attachment_id, with_for_update=True)
    if held is not None:
        if held.sha256 != digest:
            raise Refusal(409, "attachment.content_differs", "other bytes are kept under this id",
                          {"name": attachment_id})
        return False
    session.add(AttachmentContent(attachment_id=attachment_id, sha256=digest, content=data,
                                  stored_at=clock.now(), stored_by=user_id))
    return True


def readable(session: Session, user, attachment_id: str) -> AttachmentContent:
    """The bytes of an attachment the person may see; one 404 for every other case."""
    row = session.get(ReferralAttachment, attachment_id) if _UUID.match(attachment_id) else None
    content = session.get(AttachmentContent, attachment_id) if row is not None else None
    if row is None or row.deleted_at is not None or content is None or content.sha256 != row.sha256 \
            or not scope_for(session, user).allows_patient(session, row.patient_id):
        raise Refusal(404, "attachment.unknown", "no attachment of yours has this id", {"id": attachment_id})
    return content


def register(app, sessions, who) -> None:
    """`who`: the app's (person, desktop) of a request, as the edge found them."""
    from server.app import SIGNED_IN  # local: server.app imports this module
    from server.app import bearer
    from server.app import errors

    @app.put("/sync/attachments/{attachment_id}", status_code=204, response_class=Response,
             dependencies=[Security(bearer)], openapi_extra={"requestBody": {"required": True, "content": BINARY}},
             responses={204: {"description": "kept (or already kept with the same bytes)"},
                        **{k: v for k, v in errors(*SIGNED_IN, 409).items() if k != 200}})
    def upload(attachment_id: AttachmentId, request: Request,
               data: Annotated[bytes, Body(media_type="application/octet-stream")]):
        with sessions() as session:
            user, _ = who(session, request)
            if not isinstance(data, bytes):  # a JSON body: not the file
                raise Refusal(422, "field.invalid", "send the file's bytes", {"field": "content"})
            store(session, attachment_id, data, user.id)
            session.commit()
        return Response(status_code=204)

    @app.get("/sync/attachments/{attachment_id}", response_class=Response, dependencies=[Security(bearer)],
             responses={200: {"description": "the attachment's bytes", "content": BINARY},
                        **{k: v for k, v in errors(*SIGNED_IN, 404).items() if k != 200}})
    def download(attachment_id: AttachmentId, request: Request):
        with sessions() as session:
            user, _ = who(session, request)
            content = readable(session, user, attachment_id)
            return Response(content.content, media_type="application/octet-stream",
                            headers={"X-Sha256": content.sha256})
