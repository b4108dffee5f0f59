"""The referrals area (转诊) of the main window: the board with its 24-hour countdowns."""
from ui.referrals.board import ReferralBoard

__all__ = ["ReferralBoard"]
