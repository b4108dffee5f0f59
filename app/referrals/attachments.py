"""Reports attached to a referral, Qt-free: read a file a person picked, check it, store it.

The file is checked before anything is written (readable, not empty, at most
rulebook.attachments.MAX_BYTES, a PDF, PNG or JPEG by its first bytes — not by its name);
then its bytes and its row are written in one transaction, the bytes inside the encrypted
database. Sync carries the row; the bytes follow by their own requests
(app/sync/attachments.py). Opening one is audited like any read of personal data.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app.problems import refuse
from app.rulebook.attachments import MAX_BYTES
from db.ids import uuid7
from db.models import AttachmentContent
from db.models import Referral
from db.models import ReferralAttachment
from db.models import User

if TYPE_CHECKING:
    from app.profile import Profile

# What a file is, by its first bytes: a renamed .docx is not a PDF.
SIGNATURES = ((b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))
SUFFIX = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}


@dataclass(frozen=True)
class AttachmentView:
    id: str
    file_name: str
    media_type: str
    size: int
    added_at: dt.datetime | None
    added_by: str  # the person's name ("" before the server has stamped it)
    here: bool  # the bytes are on this desktop (a pulled row's bytes may still be on their way)


def media_type_of(head: bytes) -> str | None:
    return next((kind for magic, kind in SIGNATURES if head.startswith(magic)), None)


def read_report(path: str | Path) -> tuple[bytes, str]:
    """(bytes, media type) of a file a person picked, or a refusal naming the file and the limit."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise refuse("attachment.too_large", "file", name=name, size_mb=round(size / 1048576, 1),
                         limit_mb=MAX_BYTES // 1048576)
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise refuse("attachment.unreadable", "file", name=name, reason=exc.strerror or type(exc).__name__) from exc
    if not data:
        raise refuse("attachment.empty", "file", name=name)
    if len(data) > MAX_BYTES:  # grew while it was read
        raise refuse("attachment.too_large", "file", name=name, size_mb=round(len(data) / 1048576, 1),
                     limit_mb=MAX_BYTES // 1048576)
    kind = media_type_of(data[:16])
    if kind is None:
        raise refuse("attachment.wrong_type", "file", name=name)
    return data, kind


class AttachmentService:
    def __init__(self, profile: Profile):
        self.profile = profile
        self.store = profile.store

    def attach(self, referral_id: str, path: str | Path) -> str:
        """Attach the file at `path` to the referral; its id. Nothing is written on a refusal."""
        data, kind = read_report(path)
        name = Path(path).name[:120]
        digest = hashlib.sha256(data).hexdigest()
        with self.store.write() as tx:
            s = tx.session
            ref = s.get(Referral, referral_id)
            if ref is None or ref.deleted_at is not None:
                raise refuse("record.not_found", "referral_id", table="referrals")
            aid = uuid7()
            # The bytes first: the rule book asks that they are stored before the row.
            s.add(AttachmentContent(attachment_id=aid, sha256=digest, content=data, stored_at=clock.now()))
            s.flush()
            tx.add(ReferralAttachment(id=aid, patient_id=ref.patient_id, referral_id=ref.id, file_name=name,
                                      media_type=kind, size=len(data), sha256=digest, added_at=clock.now(),
                                      added_by=self.store.user_id))
            return aid

    def remove(self, attachment_id: str) -> None:
        with self.store.write() as tx:
            row = tx.session.get(ReferralAttachment, attachment_id)
            if row is None or row.deleted_at is not None:
                raise refuse("record.not_found", "attachment", table="referral_attachments")
            tx.delete(row)

    def of_referral(self, referral_id: str) -> list[AttachmentView]:
        with self.store.sessions() as s:
            rows = s.execute(
                select(ReferralAttachment, User.display_name, AttachmentContent.sha256)
                .outerjoin(User, User.id == ReferralAttachment.added_by)
                .outerjoin(AttachmentContent, AttachmentContent.attachment_id == ReferralAttachment.id)
                .where(ReferralAttachment.referral_id == referral_id, ReferralAttachment.deleted_at.is_(None))
                .order_by(ReferralAttachment.added_at, ReferralAttachment.id)).all()
            return [AttachmentView(a.id, a.file_name, a.media_type, a.size, a.added_at, name or "",
                                   stored == a.sha256) for a, name, stored in rows]

    def counts(self, referral_ids: list[str]) -> dict[str, int]:
        """How many reports each referral carries (the board's column)."""
        if not referral_ids:
            return {}
        with self.store.sessions() as s:
            return dict(s.execute(select(ReferralAttachment.referral_id, func.count()).where(
                ReferralAttachment.referral_id.in_(referral_ids), ReferralAttachment.deleted_at.is_(None))
                .group_by(ReferralAttachment.referral_id)).all())

    def content(self, attachment_id: str) -> tuple[str, bytes]:
        """(file name, bytes) to open; audited as a read. Refused while the bytes are on their way."""
        with self.store.sessions() as s:
            row = s.get(ReferralAttachment, attachment_id)
            if row is None or row.deleted_at is not None:
                raise refuse("record.not_found", "attachment", table="referral_attachments")
            stored = s.get(AttachmentContent, attachment_id)
            if stored is None or stored.sha256 != row.sha256:
                raise refuse("attachment.not_here_yet", "attachment", name=row.file_name)
            name, data = row.file_name, stored.content
        self.store.record_access("read", "referral_attachments", attachment_id, detail={"what": "report"})
        suffix = SUFFIX.get(media_type_of(data[:16]) or "", "")
        if suffix and not name.lower().endswith((suffix, ".jpeg")):
            name += suffix  # the viewer the system picks goes by the name's ending
        return name, data
