"""The referral slip (转诊单) of one referral: the letters module's referral_slip kind, with the
QR code and short code the receiving site types or scans to find the referral offline."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.letters.batch import BatchResult
from app.letters.batch import print_batch
from app.letters.gather import SLIP_STATES
from app.letters.gather import gather
from app.letters.kinds import KINDS
from app.letters.prepare import Prepared
from app.letters.prepare import prepare
from app.problems import refuse
from db.models import Referral

if TYPE_CHECKING:
    from app.profile import Profile

KIND = KINDS["referral_slip"]


def prepare_slip(profile: Profile, referral_id: str, reprint_reason: str | None = None) -> Prepared:
    """The slip, checked like any letter (address, glyphs, printed before)."""
    with profile.sessions() as s:
        ref = s.get(Referral, referral_id)
        if ref is None or ref.deleted_at is not None:
            raise refuse("record.not_found", "referral", table="referrals")
        if ref.state not in [str(x) for x in SLIP_STATES]:
            raise refuse("referral.slip_not_printable", "state", state=ref.state)
        letters = [x for x in gather(s, KIND, None, None, letterhead=profile.settings.get("letters.letterhead"),
                                     patient_id=ref.patient_id) if x.ref_id == referral_id]
    return prepare(profile, KIND, None, None, reprint_reason=reprint_reason, letters=letters)


def print_slip(profile: Profile, referral_id: str, out: Path, reprint_reason: str | None = None,
               paper: str | None = None) -> BatchResult:
    """Write the slip's PDF and record the print (Letter, timeline, audit)."""
    prepared = prepare_slip(profile, referral_id, reprint_reason)
    return print_batch(profile, KIND, Path(out), paper=paper, prepared=prepared)
