"""A case's one "next action" of schema 0007 and earlier, as a task of schema 0008.

Up to 0007 a case held one next step (`cases.next_action` / `due_date`), replaced by whatever
happened last. From 0008 a case holds tasks. The step a case still holds becomes one task
with an id derived from the case's, so the server (its migration, and every push from a
desktop still on 0007: server/legacy_tasks.py) and each upgraded desktop make the same row,
and the server's copy replaces the desktop's at the next pull.

A step that only restated a follow-up still planned on that day is not copied: the
follow-up itself is open work and shows as such.
"""
from __future__ import annotations

import datetime as dt
import uuid

_NAMESPACE = uuid.UUID("5f0c2a4e-6d1b-4c59-9a37-3f1d2b8e7c10")

# The pathway's step texts as 0007's rule file worded them: these become a "stage" task,
# worded in the reader's language; any other text is kept as it was written.
STAGE_TEXTS = {
    "健康宣教与危险因素评估": "prevent", "完成筛查并登记结果": "screen",
    "完成诊断检查（影像/内镜/病理）": "diagnose", "治疗期随访（体重、呕吐、营养）": "treat",
    "康复期随访": "rehab", "支持随访（心理、疼痛、居家照护）": "support",
}
FOLLOWUP_TEXTS = ("电话随访", "门诊随访", "上门随访", "社区首次随访（下转后）")


def task_id(case_id: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"legacy-next-action:{case_id}"))


def task_values(case_id: str, patient_id: str, text: str | None, due: dt.date | None,
                followup_days: set[dt.date]) -> dict | None:
    """The task for a case's old next step; None when there is nothing to carry over."""
    text = (text or "").strip()
    if not text or text.startswith("已结案"):
        return None
    if text in FOLLOWUP_TEXTS and due in followup_days:
        return None
    stage = STAGE_TEXTS.get(text)
    values = {"id": task_id(case_id), "patient_id": patient_id, "case_id": case_id, "due_date": due,
              "state": "open", "rule_id": None, "source_table": None, "source_id": None, "owner_id": None}
    if stage is not None:
        return {**values, "kind": "stage", "title": "", "args": {"stage": stage}, "rule_id": f"action-{stage}"}
    return {**values, "kind": "legacy", "title": text[:200], "args": None}
