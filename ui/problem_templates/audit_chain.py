"""Why an audit chain is broken (app/audit.py verify), worded into `audit verify`'s report."""
from __future__ import annotations

ENGLISH = {
    "audit.chain_gap": "entry #{seq} is missing (the next one found is #{found})",
    "audit.chain_link": "entry #{seq} does not link to the entry before it",
    "audit.chain_changed": "entry #{seq} was changed after it was written",
}
