"""Screening lists (import) and risk assessment: the file, its columns, each row, the answers."""
from __future__ import annotations

_L = "Line {line}: "

ENGLISH = {
    "screening.file_type": "{file}: import an .xlsx, .xls, .ods or .csv file.",
    "screening.file_damaged": "{file}: the file is damaged ({detail}).",
    "screening.file_unreadable": "{file} cannot be read ({reason}).",
    "screening.file_empty": "{file}: the file is empty.",
    "screening.file_encoding": "{file}: unknown text encoding; save it as UTF-8 or GBK.",
    "screening.cancelled": "Cancelled.",
    "screening.cancelled_nothing_imported": "Cancelled: nothing was imported.",
    "screening.mapping_twice": "Two columns are mapped to {column}.",
    "screening.mapping_missing": "Columns missing: {columns}. A list needs a name, and an ID number or a birth "
                                 "date and sex.",
    "screening.bad_lines": "{count} line(s) have problems: nothing was imported.",
    "screening.nothing_to_import": "Nothing is left to import: all {excluded} line(s) are excluded. Nothing was "
                                   "written.",
    "screening.no_patient": "This patient does not exist (any more).",
    "screening.no_risk_rules": "There are no risk assessment rules for {cancer}; rules exist for: {available}.",
    "screening.eligibility_unanswered": "To judge whether the person is in the target population, answer: "
                                        "{questions}.",
    "screening.answers_not_object": "The answers must be a JSON object.",
    "screening.unknown_questions": "Unknown question(s) {questions}; {file} asks: {asked}.",
    "screening.bad_answer": "{question} ({text}): {value} is not a valid answer.",
    "screening.answer_out_of_range": "{question} ({text}): {value} is out of the range {min}–{max}.",
    "screening.bad_birth_date": "Birth date “{value}”: write YYYY-MM-DD.",
    "screening.row_required": _L + "{field_name} is empty but required.",
    "screening.row_too_long": _L + "{field_name} is too long (at most {max} characters).",
    "screening.row_bad_name": _L + "{field_name} holds digits or symbols: {value}.",
    "screening.row_bad_sex": _L + "{field_name}: unknown sex {value} (write M or F, or 男 or 女).",
    "screening.row_bad_date": _L + "{field_name} is not a real date: {value}.",
    "screening.row_date_future": _L + "{field_name} is in the future: {value}.",
    "screening.row_date_range": _L + "{field_name} is too early: {value}.",
    "screening.row_bad_phone": _L + "{field_name}: {value} is not a phone number (11-digit mobile, or landline "
                                    "with area code).",
    "screening.row_id_invalid": _L + "{field_name} is not a valid ID number: {reason}.",
    "screening.row_id_check": _L + "{field_name}: the check digit does not match (it should be {expected}).",
    "screening.row_id_15": _L + "{field_name}: an old 15-digit number; use the 18-digit {suggested}.",
    "screening.row_id_birth": _L + "the ID number says born {id_birth}, the birth date column says {birth}.",
    "screening.row_id_sex": _L + "the ID number says sex {id_sex}, the sex column says {sex}.",
    "screening.row_no_birth": _L + "birth date and sex are needed when there is no ID number.",
    "screening.row_unknown_street": _L + "column {column}: {value} is no street of the network (name or alias).",
    "screening.row_unknown_community": _L + "column {column}: {value} is no community of the network (name or "
                                            "alias).",
    "screening.row_ambiguous_community": _L + "community {value} is in several streets: give the street.",
    "screening.row_community_not_in_street": _L + "community {value} is not in street {street}.",
    "screening.row_unknown_programme": _L + "unknown screening programme {value}.",
    "screening.row_programme_sex": _L + "the {programme} programme does not apply to this sex.",
    "screening.row_duplicate_in_file": _L + "the same person as line {other}.",
    "screening.row_merge_needed": _L + "may be the existing patient {name}: confirm the merge, or leave the line out.",
}

TERM_PARAMS = {"columns": "field", "screening:id_sex": "scr_sex", "screening:sex": "scr_sex"}

TERMS = {
    "field.street": "Street",
    "field.community": "Community",
    "field.programme": "Screening programme",
    "field.answers": "Answers",
    "field.patient": "Patient",
    "scr_sex.M": "male",
    "scr_sex.F": "female",
}
