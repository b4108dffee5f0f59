"""The statistics page's own problems."""
from __future__ import annotations

ENGLISH = {
    "dashboard.custom_needs_dates": "Choose the first and the last day of the period.",
    "dashboard.custom_backwards": "The period starts on {since} and ends on {until}: the first day must not be after "
                                  "the last.",
}
