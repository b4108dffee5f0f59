"""Work on many cases at once (app/bulk.py)."""
from __future__ import annotations

ENGLISH = {
    "bulk.nothing_selected": "Select at least one row first.",
    "bulk.not_a_case_manager": "Only an active case manager can be given cases.",
    "bulk.cancelled": "Cancelled: nothing was changed.",
    "bulk.no_open_followup": "{count} of the selected cases have no open follow-up to move ({name} among them): "
                             "nothing was moved.",
    "bulk.refused_for": "Nothing was moved: the follow-up of {name} cannot go there.",
    "bulk.no_letters": "None of the selected cases has a {letter_kind} to print.",
}
