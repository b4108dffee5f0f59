"""An audit entry's note, when the software writes it: a code (AuditEntry.note), so the
hash-chained trail holds no prose in one language. Worded like a problem wherever the trail is
read (`ui.problem_words.say(Problem(note))`); a note that is not a code (a person's reason, an
older entry's words) is read as it is."""
from __future__ import annotations

ENGLISH = {
    "audit_note.walk_in_registration": "Registered at the desk",
    "audit_note.walk_in_case": "Registered at the desk: case opened",
    "audit_note.contact_edit": "Contact details changed at the desk",
    "audit_note.risk_assessment": "Risk assessment",
    "audit_note.risk_enrolled": "Risk assessment result: enrolled in screening",
    "audit_note.risk_moved_to_screening": "Risk assessment: the case moved to screening and is planned anew",
    "audit_note.risk_result": "Risk assessment result",
    "audit_note.outcome_referral_draft": "Referral draft made by a follow-up's outcome",
    "audit_note.case_closed": "Case closed by a follow-up's outcome",
    "audit_note.screening_import": "Screening list import",
    "audit_note.screening_import_merge": "Screening list import: a confirmed match filled in the record",
    "audit_note.stage_changed": "The case moved to another stage and is planned anew",
}
