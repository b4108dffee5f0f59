"""The care pathway: stage moves, rules asked for by id, nodule categories."""
from __future__ import annotations

ENGLISH = {
    "pathway.reason_required": "Say why the stage changes.",
    "pathway.case_missing": "This case does not exist (any more).",
    "pathway.case_closed": "This case is closed; its stage cannot change.",
    "pathway.stage_unknown": "“{value}” is not a pathway stage.",
    "pathway.stage_same": "The case is already in the {to_stage} stage.",
    "pathway.stage_not_allowed": "Rule {rule} (version {version}) does not allow a move from {from_stage} to "
                                 "{to_stage}. From {from_stage} the case may move to: {stages}.",
    "pathway.stage_no_moves": "Rule {rule} (version {version}) allows no move from {from_stage}.",
    "pathway.no_rule": "There is no rule “{rule}”; `python main.py rules list` shows them all.",
    "pathway.no_nodule_category": "No category of the rules fits a {nodule} nodule of {size_mm} mm. Nodule "
                                  "types: {kinds}.",
}

TERM_PARAMS = {"from_stage": "stage", "to_stage": "stage", "stages": "stage"}

TERMS = {
    "stage.prevent": "prevention",
    "stage.screen": "screening",
    "stage.diagnose": "diagnosis",
    "stage.treat": "treatment",
    "stage.rehab": "rehabilitation",
    "stage.support": "support",
    "field.case": "Case",
    "field.rule": "Rule",
    "field.size": "Size",
}
