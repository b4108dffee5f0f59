"""Timeline titles the software writes (TimelineEvent.title_code + title_args), worded at
display time by ui/timeline_words.py. Not problems, but the same kind of thing: a code, its
parameters and one wording per language, readable without Qt (the CLI and exports too).

Parameters that are names (organisations, places) or text a person typed (reasons, notes,
a panel's decision) are shown as they are; vocabulary values go through TERMS. `at` is an
ISO date-time, shown in local time by ui/timeline_words.py.
"""
from __future__ import annotations

ENGLISH = {
    "timeline.conflict.resolved": "Sync clash on this {table} settled: kept {kept}",
    # Referrals (app/referrals/service.py)
    "timeline.referral.draft": "{direction} draft to {to_org}",
    "timeline.referral.edited": "{direction} draft edited",
    "timeline.referral.sent": "{direction} sent: {from_org} → {to_org}",
    "timeline.referral.sent_green": "{direction} sent: {from_org} → {to_org} (green channel)",
    "timeline.referral.received": "{direction} received by {to_org}",
    "timeline.referral.accepted": "Referral accepted by {to_org}",
    "timeline.referral.rejected": "Referral declined by {to_org}: {reason}",
    "timeline.referral.cancelled": "Referral cancelled: {reason}",
    "timeline.referral.scheduled": "Appointment booked: {at} {place}",
    "timeline.referral.rescheduled": "Appointment moved: {at} {place}",
    "timeline.referral.seen": "Seen at {to_org}",
    "timeline.referral.closed": "{direction} closed: the referral loop is complete",
    "timeline.referral.closed_note": "{direction} closed: the referral loop is complete ({note})",
    "timeline.referral.breach": "Reason for the referral delay: {breach_reason}",
    # MDT (app/mdt/service.py)
    "timeline.mdt.requested": "MDT requested: {specialties}",
    "timeline.mdt.requested_plain": "MDT requested",
    "timeline.mdt.ready": "MDT documents complete, waiting for a session",
    "timeline.mdt.checklist": "MDT preparation updated",
    "timeline.mdt.booked": "MDT booked: {at} {place}",
    "timeline.mdt.booked_plain": "MDT booked",
    "timeline.mdt.rebooked": "MDT moved: {at} {place}",
    "timeline.mdt.cancelled": "MDT request cancelled: {reason}",
    "timeline.mdt.cancelled_plain": "MDT request cancelled",
    "timeline.mdt.decided": "MDT decision: {plan}",
    "timeline.mdt.decided_text": "MDT decision: {decision}",
    # Follow-ups (app/followups.py)
    "timeline.followup.unreached": "Follow-up {method}: not reached (attempt {attempts})",
    "timeline.followup.unreached_chase": "Follow-up {method}: not reached (attempt {attempts}), "
                                         "moved to active tracing",
    "timeline.followup.unreached_repeatedly": "Follow-up: not reached {attempts} times in a row, "
                                              "moved to active tracing",
    "timeline.followup.done": "Follow-up {method}: {outcome}",
    "timeline.followup.moved": "Follow-up moved: {old} → {new}",
    "timeline.followup.closure_moved": "Clinic closed, follow-up moved: {old} → {new}",
    "timeline.followup.cancelled": "Follow-up cancelled: {reason}",
    # Pathway stages (app/pathway/service.py, app/screening/enrol.py)
    "timeline.stage.changed": "Stage changed: {from_stage} → {to_stage}",
    "timeline.stage.returned": "Stage changed back: {from_stage} → {to_stage}",
    # Screening (app/screening/enrol.py, app/screening/importer.py, the demo)
    "timeline.screening.risk": "{cancer} risk assessment: {level}",
    "timeline.screening.listed": "Put on the screening list: {programmes}",
    "timeline.screening.listed_any": "Put on the screening list",
    "timeline.screening.enrolled": "Enrolled in high-risk health management",
    "timeline.screening.result": "{programme}: {result}",
    # Bodies the software writes (data["body_code"], data["body_args"]; ui/timeline_words.py fills in
    # {due}, {risk}, {next_action} and {actions}); what a person typed ({reason}, {notes}) as typed.
    "timeline.body.stage": "Reason: {reason}\nNext: {next_action}, by {due_date}\n{due}",
    "timeline.body.risk": "{risk}",
    "timeline.body.risk_next": "{risk}\nNext: {next_action}, by {due_date}",
    "timeline.body.risk_reason": "Reason: {risk}",
    "timeline.body.screening_next": "{programme}: book the examination and send the {letter_kind}",
    "timeline.body.screening_next_plain": "{programme}: book the examination",
    "timeline.body.screening_source": "Source: {file}, line {line}",
    "timeline.body.mdt_checklist": "Done: {done}",
    "timeline.body.mdt_checklist_none": "Done: nothing yet",
    "timeline.body.mdt_plan": "{actions}",
    "timeline.body.mdt_action": "{step} (by {due})",
    "timeline.body.followup_next_moved": "Next follow-up on {chosen}, a date set by hand (the rules proposed "
                                         "{proposed})",
    "timeline.body.followup_next_moved_notes": "{notes}\nNext follow-up on {chosen}, a date set by hand (the rules "
                                               "proposed {proposed})",
    # Letters (app/letters/batch.py)
    "timeline.letter.printed": "Letter printed: {letter_kind}",
    # Clinical events of the demo data (what a hospital system would send)
    "timeline.exam": "Examination: {exam}",
    "timeline.treatment.cycle": "Treatment: {regimen} (cycle {cycle})",
    "timeline.treatment.given": "Treatment: {treatment}",
    "timeline.clinic.first_visit": "First clinic visit: {finding}; {exam} arranged",
}

TERM_PARAMS = {
    "timeline:direction": "tl_direction",
    "timeline:breach_reason": "tl_breach",
    "timeline:specialties": "tl_specialty",
    "timeline:plan": "tl_plan",
    "timeline:method": "tl_method",
    "timeline:outcome": "tl_outcome",
    "timeline:from_stage": "stage",  # the pathway area's words for stages
    "timeline:to_stage": "stage",
    "timeline:cancer": "tl_cancer",
    "timeline:programmes": "tl_cancer",
    "timeline:level": "tl_level",
    "timeline:programme": "tl_programme",
    "timeline:letter_kind": "letter_kind",  # the letters area's words for letter kinds
    "timeline:done": "mdt_item",  # the MDT area's words for readiness items
    "timeline:step": "wk_step",  # the work area's words for an MDT plan's steps ("<plan>.<n>")
}

TERMS = {
    "tl_direction.up": "Up-referral",
    "tl_direction.down": "Down-referral",
    "tl_breach.no_slot": "no appointment free within 24 hours",
    "tl_breach.patient_request": "the patient asked to wait",
    "tl_breach.missing_info": "documents incomplete, waiting for them",
    "tl_breach.after_hours": "sent at night or on a holiday, handled the next day",
    "tl_breach.unreachable": "the patient could not be reached",
    "tl_breach.other": "another reason",
    # Specialties are stored as the departments' Chinese names (app/mdt/plans.py).
    "tl_specialty.胸外科": "thoracic surgery",
    "tl_specialty.胃肠外科": "gastrointestinal surgery",
    "tl_specialty.肝胆外科": "hepatobiliary surgery",
    "tl_specialty.乳腺外科": "breast surgery",
    "tl_specialty.泌尿外科": "urology",
    "tl_specialty.头颈外科": "head and neck surgery",
    "tl_specialty.肿瘤内科": "medical oncology",
    "tl_specialty.放疗科": "radiotherapy",
    "tl_specialty.影像科": "radiology",
    "tl_specialty.病理科": "pathology department",
    "tl_specialty.消化内科": "gastroenterology",
    "tl_specialty.呼吸与危重症医学科": "respiratory and critical care medicine",
    "tl_specialty.介入科": "interventional radiology",
    "tl_specialty.营养科": "clinical nutrition",
    "tl_specialty.心理科": "psychology",
    "tl_specialty.中医科": "traditional Chinese medicine",
    "tl_specialty.妇科": "gynaecology",
    "tl_specialty.甲状腺外科": "thyroid surgery",
    "tl_specialty.核医学科": "nuclear medicine",
    "tl_specialty.内分泌科": "endocrinology",
    "tl_specialty.感染科": "infectious diseases",
    "tl_specialty.耳鼻咽喉头颈外科": "otolaryngology, head and neck surgery",
    "tl_plan.neoadjuvant_then_surgery": "neoadjuvant therapy, then surgery",
    "tl_plan.surgery_then_adjuvant": "surgery, then adjuvant therapy",
    "tl_plan.chemoradiation": "concurrent chemoradiotherapy",
    "tl_plan.targeted": "targeted therapy",
    "tl_plan.surveillance": "watchful follow-up",
    "tl_plan.palliative": "palliative and supportive care",
    "tl_method.phone": "by phone",
    "tl_method.clinic": "at the clinic",
    "tl_method.home": "at home",
    # Outcome codes of resources/rules/outcomes.toml; a code the rules add later is shown by
    # its label from the rules file (ui/timeline_words.py).
    "tl_outcome.stable": "stable",
    "tl_outcome.symptoms": "unwell, advised to see a doctor",
    "tl_outcome.needs_visit": "needs a check-up at the clinic",
    "tl_outcome.hospitalised": "in hospital now",
    "tl_outcome.recurrence_suspected": "recurrence suspected",
    "tl_outcome.declined": "declined follow-up",
    "tl_outcome.moved_away": "moved away",
    "tl_outcome.deceased": "deceased",
    "tl_cancer.lung": "Lung cancer",
    "tl_cancer.colorectal": "Colorectal cancer",
    "tl_cancer.breast": "Breast cancer",
    "tl_cancer.cervical": "Cervical cancer",
    "tl_cancer.stomach": "Stomach cancer",
    "tl_cancer.liver": "Liver cancer",
    "tl_cancer.oesophagus": "Oesophageal cancer",
    "tl_cancer.prostate": "Prostate cancer",
    "tl_cancer.thyroid": "Thyroid cancer",
    "tl_cancer.nasopharynx": "Nasopharyngeal cancer",
    "tl_level.low": "low risk",
    "tl_level.medium": "average risk",
    "tl_level.high": "high risk",
    "tl_programme.lung_ldct": "Low-dose CT lung screening",
    "tl_programme.colorectal_fit": "Faecal immunochemical test (FIT) and questionnaire",
    "tl_programme.breast_us": "Breast ultrasound and mammography screening",
    "tl_programme.cervical_hpv": "HPV and TCT cervical screening",
    "tl_programme.stomach_pg": "Pepsinogen and Helicobacter pylori test",
    "tl_programme.liver_afp_us": "AFP and abdominal ultrasound liver screening",
    "tl_programme.oesophagus_endoscopy": "Upper endoscopy screening",
    "tl_programme.prostate_psa": "PSA prostate screening",
    "tl_programme.thyroid_us": "Thyroid ultrasound screening",
    "tl_programme.nasopharynx_ebv": "EB virus antibody screening",
    "letter_kind.results_letter": "results letter",  # printed by older versions; kept for their titles
    "field.title_code": "Title code",  # the rule book's limit on TimelineEvent.title_code
}
