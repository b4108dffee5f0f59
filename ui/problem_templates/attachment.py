"""Reports attached to referrals (app/rulebook/attachments.py, app/referrals/attachments.py,
server/attachments.py) and what a 下转 hands over (app/rulebook/referrals.py)."""
from __future__ import annotations

ENGLISH = {
    "referral.slip_not_printable": "A slip prints once the referral is sent and until the patient is seen; "
                                   "this referral is {state}.",
    "referral.handover_required": "A down-referral hands over a {field_name}: fill it in before sending.",
    "attachment.too_large": "{name} is {size_mb} MB; a report may be at most {limit_mb} MB. Scan it at a lower "
                            "resolution or attach its pages separately.",
    "attachment.unreadable": "{name} cannot be read ({reason}). Check that the file is not open elsewhere or on "
                             "a removed drive.",
    "attachment.empty": "{name} is empty.",
    "attachment.wrong_type": "{name} is not a PDF, PNG or JPEG file. Save or scan the report as PDF.",
    "attachment.unchangeable": "An attached report is not edited; remove it and attach the right one.",
    "attachment.other_patient": "The report belongs to another patient than the referral.",
    "attachment.referral_closed": "Reports cannot be attached to a referral that is {state}.",
    "attachment.content_missing": "The content of {name} has not reached the server; the next sync sends it "
                                  "again.",
    "attachment.not_your_referral": "Only the sending or the receiving organisation may attach reports to this "
                                    "referral.",
    "attachment.not_here_yet": "{name} is still on its way to this computer; it arrives with the next sync.",
    "attachment.content_differs": "Other content is already stored under this report.",
    "attachment.unknown": "This report is not available to you.",
}

TERM_PARAMS = {"attachment:state": "referral_state"}  # referral:state is worded by referral.py

TERMS = {
    "field.discharge_summary": "Discharge summary",
    "field.treatment_plan": "Treatment plan",
    "field.rehab_instructions": "Rehabilitation instructions",
    "field.file": "File",
    "field.file_name": "File name",
    "field.media_type": "File type",
    "field.sha256": "Checksum",
    "field.referral_id": "Referral",
    "field.attachment": "Report",
}
