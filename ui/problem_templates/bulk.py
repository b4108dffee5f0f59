"""Work on many cases at once (app/bulk.py)."""
from __future__ import annotations

ENGLISH = {
    "bulk.nothing_selected": "Select the cases first.",
    "bulk.not_a_case_manager": "Only an active case manager can be given cases.",
    "bulk.cancelled": "Cancelled: no case was changed.",
}
