"""Reports attached to a referral (a scanned pathology report, a discharge letter, an image).

Either side of the referral may attach one, at any step before it is cancelled or
rejected; once attached its facts never change (a wrong file is removed — `deleted_at` — not
edited), and either side may remove it. The bytes must be stored before the row and be what
the row says (sha256): on the desktop in the same write, on the server by the upload that
comes before the push (app/sync/attachments.py).
"""
from __future__ import annotations

import re

from app.problems import Problem
from app.rulebook.common import changed as changed_fields

MAX_BYTES = 10 * 1024 * 1024  # a scanned multi-page report fits; a video does not
MEDIA_TYPES = ("application/pdf", "image/png", "image/jpeg")
FACTS = ("patient_id", "referral_id", "file_name", "media_type", "size", "sha256", "added_at")
CLOSED_STATES = ("cancelled", "rejected")
_SHA = re.compile(r"[0-9a-f]{64}")


def check(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    changed = changed_fields(before, after)
    if before is not None:
        if changed & set(FACTS):
            problems.append(Problem("attachment.unchangeable", sorted(changed & set(FACTS))[0]))
        return problems + _who(after, actor, lookup, removing=True)
    name = (after.get("file_name") or "").strip()
    if not name:
        problems.append(Problem("field.required", "file_name"))
    elif len(name) > 120:
        problems.append(Problem("field.too_long", "file_name", {"max": 120}))
    if after.get("media_type") not in MEDIA_TYPES:
        problems.append(Problem("attachment.wrong_type", "media_type", {"name": name}))
    size = after.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
        problems.append(Problem("field.invalid", "size"))
    elif size > MAX_BYTES:
        problems.append(Problem("attachment.too_large", "size",
                                {"name": name, "size_mb": round(size / 1048576, 1), "limit_mb": MAX_BYTES // 1048576}))
    if not isinstance(after.get("sha256"), str) or not _SHA.fullmatch(after["sha256"]):
        problems.append(Problem("field.invalid", "sha256"))
    referral = lookup.referral(after.get("referral_id"))
    if referral is None:
        problems.append(Problem("record.not_found", "referral_id", {"table": "referrals"}))
        return problems
    if referral.patient_id != after.get("patient_id"):
        problems.append(Problem("attachment.other_patient", "patient_id"))
    if referral.state in CLOSED_STATES:
        problems.append(Problem("attachment.referral_closed", "referral_id", {"state": referral.state}))
    if not problems and lookup.content_hash(after.get("id")) != after.get("sha256"):
        problems.append(Problem("attachment.content_missing", "sha256", {"name": name}))
    if problems:
        return problems
    return _who(after, actor, lookup, removing=False)


def _who(after, actor, lookup, removing: bool) -> list[Problem]:
    if actor is None or actor.is_admin:
        return []
    referral = lookup.referral(after.get("referral_id"))
    if referral is None:
        return [Problem("record.not_found", "referral_id", {"table": "referrals"})]
    if not (actor.acts_for(referral.from_org_id) or actor.acts_for(referral.to_org_id)):
        return [Problem("attachment.not_your_referral", "referral_id")]
    return []
