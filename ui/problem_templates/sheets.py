"""Words of the exported sheets (app/export.py: the worklist; app/dashboard/export.py: the
dashboard), in the language of whoever exports: column headers, vocabulary cells, sheet names.
ui/sheet_words.py hands them to the exports. Cancer types are the timeline area's terms."""
from __future__ import annotations

ENGLISH = {
    "sheets.numerator": "{figure} (numerator)",
    "sheets.denominator": "{figure} (denominator)",
    "sheets.sex_age": "{sex}/{age}",
}

TERM_PARAMS = {"sheets:sex": "ex_sex"}

TERMS = {
    "ex_sheet.worklist": "Worklist",
    "ex_sheet.dashboard": "Statistics",
    "ex_col.name": "Name",
    "ex_col.sex_age": "Sex/Age",
    "ex_col.id_number": "ID number",
    "ex_col.cancer_type": "Cancer",
    "ex_col.stage": "Stage",
    "ex_col.next_action": "Next action",
    "ex_col.due_date": "Due",
    "ex_col.risk_level": "Risk",
    "ex_col.station": "Station",
    "ex_col.case_manager": "Case manager",
    "ex_col.last_contact": "Last contact",
    "ex_col.waiting_referral": "Waiting for referral",
    "ex_col.waiting_mdt": "Waiting for MDT",
    "ex_col.sync_state": "Sync",
    "ex_stage.prevent": "Prevention",
    "ex_stage.screen": "Screening",
    "ex_stage.diagnose": "Diagnosis",
    "ex_stage.treat": "Treatment",
    "ex_stage.rehab": "Rehabilitation",
    "ex_stage.support": "Support",
    "ex_risk.low": "Low",
    "ex_risk.medium": "Medium",
    "ex_risk.high": "High",
    "ex_sync.synced": "Synced",
    "ex_sync.pending": "Waiting to sync",
    "ex_sync.conflict": "Conflict",
    "ex_sync.rejected": "Refused by the server",
    "ex_sex.M": "M",
    "ex_sex.F": "F",
    "ex_flag.yes": "Yes",
    "ex_scope.all": "All",
    "ex_scope.station": "Station",
    "ex_scope.cm": "Case manager",
    "ex_dash.scope": "Scope",
    "ex_dash.name": "Station / person",
    "ex_dash.pushed": "Pushed for screening",
    "ex_dash.screened": "Screened",
    "ex_dash.positive": "High-risk / abnormal",
    "ex_dash.examined": "Examined",
    "ex_dash.diagnosed": "Diagnosed",
    "ex_dash.treated": "Treated",
    "ex_dash.referral_24h": "Referrals done within 24 h",
    "ex_dash.followup_completion": "Follow-up completion rate",
    "ex_dash.chase_rate": "Missed follow-ups chased",
    "ex_dash.treated_locally": "Treated in the county",
    "ex_dash.days_to_diagnosis": "Abnormal screen to diagnosis (median days)",
    "ex_dash.days_to_treatment": "Abnormal screen to first treatment (median days)",
}
