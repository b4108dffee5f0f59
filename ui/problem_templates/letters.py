"""Letters: kinds, templates an administrator edits, letters that did not print."""
from __future__ import annotations

_T = "Letter template {path}:{line}: "

ENGLISH = {
    "letters.unknown_kind": "There is no letter kind “{given}”. The kinds are: {valid}.",
    "letters.nothing_for_patient": "There is no {letter_kind} to print for this patient: no matching {table} record.",
    "letters.no_station": "There is no station “{given}”. Stations: {valid}.",
    "letters.mine_needs_user": "--mine needs a signed-in user, and nobody has signed in on this profile yet.",
    "letters.skipped_no_address": "{name}: no postal address",
    "letters.skipped_missing_glyphs": "{name}: the letter font lacks characters — {detail}",
    "letters.skipped_template_field": "{name}: a field of the template has no value — {detail}",
    "letters.skipped_already_printed": "{name}: already printed (give a reprint reason to print it again)",
    "letters.template_missing": _T + "the template file is missing.",
    "letters.template_not_utf8": _T + "this is not UTF-8 text; save the file as UTF-8.",
    "letters.template_unknown_section": _T + "unknown section {section}; the sections are {sections}.",
    "letters.template_details_row": _T + "a [details] row is written “label = value”.",
    "letters.template_header_missing": _T + "no “{key} = …” line before the first [section].",
    "letters.template_no_body": _T + "the template has no [body] text.",
    "letters.template_header_line": _T + "expected “key = value” with a key of {keys}, or a [section] line.",
    "letters.template_empty_value": _T + "“{key}” is empty.",
    "letters.template_bad_version": _T + "a version is plain text of at most {max} characters.",
    "letters.template_unbalanced_brace": _T + "unbalanced brace ({detail}); write {{{{ or }}}} for a literal brace.",
    "letters.template_unknown_field": _T + "unknown field {name} for a {letter_kind}; the known fields are {known}.",
    "letters.template_field_format": _T + "the field {name} takes no format (“:” or “!”).",
    "letters.template_missing_glyphs": _T + "the letter font has no glyph for {chars}.",
}

TERM_PARAMS = {"letter_kind": "letter_kind", "letter_range": "letter_range"}

TERMS = {
    "letter_kind.screening_invitation": "screening invitation",
    "letter_kind.appointment_notice": "appointment notice",
    "letter_kind.followup_reminder": "follow-up reminder",
    "letter_kind.referral_slip": "referral slip",
    "letter_kind.results_ready": "results-ready notice",
    "letter_kind.missed_followup": "missed follow-up letter",
    "letter_range.screening_invitation": "the case's next action date",
    "letter_range.appointment_notice": "the appointment date",
    "letter_range.followup_reminder": "the follow-up due date",
    "letter_range.referral_slip": "the date the referral was sent",
    "letter_range.results_ready": "the screening date",
    "letter_range.missed_followup": "the due date of the missed follow-up",
}
