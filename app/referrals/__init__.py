"""Referrals (转诊): up to the hospital (with the green channel) and down to the community,
on a 24-hour clock from sent to scheduled. Qt-free: the server checks pushed changes with
the same rules (states.py) the desktop shows."""
from app.referrals.deadline import BREACH_REASONS
from app.referrals.deadline import Countdown
from app.referrals.deadline import countdown
from app.referrals.deadline import countdowns_for_cases
from app.referrals.forms import ReferralForm
from app.referrals.service import ReferralService
from app.referrals.view import ReferralView

__all__ = ["BREACH_REASONS", "Countdown", "ReferralForm", "ReferralService", "ReferralView", "countdown",
           "countdowns_for_cases"]
