"""Referral short-code problems (app/referrals/view.py lookup_code, app/referrals/codes.py)."""
from __future__ import annotations

ENGLISH = {
    "referral_code.shape": "Type the code printed on the slip, for example K7P-3XH9Q (letters and digits; "
                           "case, spaces and the hyphen do not matter).",
}
