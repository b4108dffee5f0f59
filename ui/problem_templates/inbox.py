"""What each inbox item says (app/inbox.py): one code per kind of item."""
from __future__ import annotations

ENGLISH = {
    "inbox.conflict": "Your change to this {table} clashes with the server's version: choose which to keep.",
    "inbox.refused": "The server refused your change to this {table}: correct it and send it again, or discard it.",
    "inbox.referral_in": "Incoming {direction} from {from_org} ({short_code}), {state}: {reason}",
    "inbox.mdt_decision": "MDT decision: {decision}",
    "inbox.settled": "{who} settled a clash on this {table}: kept {kept}.",
}

# "table" is worded by the general area's table names; a referral's state and direction by
# the referral area's words.
TERM_PARAMS = {"inbox:state": "referral_state", "inbox:direction": "referral_direction", "inbox:kept": "inbox_kept",
               "timeline:kept": "inbox_kept"}
TERMS = {
    "inbox_kept.mine": "the change made on the settling desktop",
    "inbox_kept.server": "the version on the server",
    "inbox_kept.both": "some of each",
}
