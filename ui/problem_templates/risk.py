"""Why a risk assessment came out as it did (app/screening/risk.py RiskResult.reason), worded
by ui/risk_words.py, and what is wrong with a risk rule file or a questionnaire answer. The
*_text forms carry the rule file's own words (its target population, its criteria): Chinese
for a Chinese reader, the file's English (text_en) for an English one; {because} is the
conditions that held, joined in the reader's language by ui/risk_words."""
from __future__ import annotations

_W = "{where}: "

ENGLISH = {
    "risk.not_eligible": "Not in the target population of programme {programme}: not screened in this programme",
    "risk.not_eligible_text": "Not in the target population ({eligibility}): not screened in this programme",
    "risk.no_factor": "In the target population of programme {programme}; no high-risk factor found",
    "risk.no_factor_text": "In the target population ({eligibility}); no high-risk factor found",
    "risk.high": "High risk: {criteria}",
    "risk.high_text": "High risk: {criteria_text}",
    "risk.high_because": "High risk: {because}",
    "risk.high_outside_ages": "High risk, but outside the screening ages ({screen_text}): {because}",
    "risk.average_outside_ages": "Assessed ({eligibility}); no high-risk factor found; not in the screening "
                                 "ages ({screen_text})",
    "risk.relative": "{relation} {name} (household member) diagnosed with {cancer}",
    # A questionnaire answer refused, beside its question.
    "risk.answer_required": "{question} ({text}) must be answered when {after} is {after_value}.",
    "risk.answer_not_asked": "{question} ({text}) is not asked when {after} is {after_value}; {value} was given.",
    "risk.answer_above_age": "{question} ({text}): {value} years is more than the age ({age}).",
    # `rules list`: a risk rule file under its name, version and origin.
    "risk.list_programme": "programme {programme} ({cancer}): {criteria} criteria, {vectors} test vectors",
    "risk.list_citation": "citation: {citation}",
    "risk.list_no_citation": "citation: title and year only, {source} (no full citation in this file)",
    "risk.list_check": "to be checked by the clinical lead: {check}",
    "risk.list_setting": "set by the programme ({where}): {setting} = {value} — {text}; {choice}",
    # `rules vectors`: a file's test vectors run against it.
    "risk.vectors_file": "{file} v{version}: {vectors} test vectors, {failed} not as expected",
    "risk.vector_differs": "{where} ({note}): expected {expected}, got {got}",
    "risk.vector_refused": "{where} ({note}): refused at {field}, which the vector does not expect",
    "risk.vector_not_refused": "{where} ({note}): expected a refusal at {field}, but the answers were accepted",
    # A risk rule file refused, at its line.
    "risk.file_citation_field": _W + "the citation in [source] is missing {key} (write it, or \"to be checked by "
                                     "the clinical lead\"; never a guess).",
    "risk.file_not_text": _W + "{key} must be text.",
    "risk.file_setting_id": _W + "the setting id “{setting}” is not a name (a–z, 0–9, _) or is used twice.",
    "risk.file_setting_value": _W + "the value of setting {setting} must be a number, not {given}.",
    "risk.file_setting_range": _W + "setting {setting} is {given}, outside its range {min}–{max}.",
    "risk.file_setting_choice": _W + "setting {setting} must say what the guideline leaves to the programme "
                                     "(choice = \"…\").",
    "risk.file_question_words": _W + "{key} of question {question} may only word its options.",
    "risk.file_compute": _W + "“{term}” in compute “{given}” is neither an earlier numeric question nor a number.",
    "risk.file_screening_levels": _W + "[screening] holds only [screening.high] and [screening.average].",
    "risk.file_vector_answers": _W + "a [[vector]] needs answers = {{ … }}.",
    "risk.file_vector_question": _W + "the vector uses the question “{question}”, which is not defined.",
    "risk.file_vector_expect": _W + "a [[vector]] expects either a level or refused = \"question\".",
    "risk.file_vector_fired": _W + "fired lists criteria this file does not define: {given}.",
}

TERM_PARAMS = {"risk:relation": "risk_relation", "risk:cancer": "tl_cancer"}

TERMS = {
    "risk_relation.parent_M": "Father",
    "risk_relation.parent_F": "Mother",
    "risk_relation.child_M": "Son",
    "risk_relation.child_F": "Daughter",
    "risk_relation.sibling_M": "Brother",
    "risk_relation.sibling_F": "Sister",
}
