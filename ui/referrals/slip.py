"""A referral's slip from the board: checked, previewed, then printed or saved as PDF."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from app.errors import CaseDeskError
from app.letters.prepare import ALREADY_PRINTED
from ui import problem_words


def open_slip(parent, profile, referral_id: str, say) -> None:
    """The preview dialog, or `say(text, error=True)` with why the slip cannot print."""
    from app.referrals.slip import prepare_slip  # local: reportlab loads only when printing
    from ui.letters.single import LetterPreviewDialog
    try:
        prepared = prepare_slip(profile, referral_id)
        if not prepared.ready and prepared.skipped and prepared.skipped[0].reason == ALREADY_PRINTED:
            why, ok = QInputDialog.getText(
                parent, QCoreApplication.translate("ReferralSlip", "Print again"),
                QCoreApplication.translate("ReferralSlip", "This slip was printed before. Why print it again?"))
            if not ok or not why.strip():
                return
            prepared = prepare_slip(profile, referral_id, reprint_reason=why)
    except CaseDeskError as exc:
        say(problem_words.say(exc), error=True)
        return
    if not prepared.ready:
        say(problem_words.say(prepared.skipped[0].problem) if prepared.skipped else "", error=True)
        return
    LetterPreviewDialog(profile, prepared, parent).open()
