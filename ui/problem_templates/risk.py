"""Why a risk assessment came out as it did (app/screening/risk.py RiskResult.reason), worded
by ui/risk_words.py. The *_text forms carry the rule file's own words (its target population,
its criteria), written in Chinese: ui/risk_words uses them for a reader of that language."""
from __future__ import annotations

ENGLISH = {
    "risk.not_eligible": "Not in the target population of programme {programme}: not screened in this programme",
    "risk.not_eligible_text": "Not in the target population ({eligibility}): not screened in this programme",
    "risk.no_factor": "In the target population of programme {programme}; no high-risk factor found",
    "risk.no_factor_text": "In the target population ({eligibility}); no high-risk factor found",
    "risk.high": "High risk: {criteria}",
    "risk.high_text": "High risk: {criteria_text}",
}
