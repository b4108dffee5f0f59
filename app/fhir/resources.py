"""CaseDesk records as FHIR R4 resources (plain dicts in FHIR JSON form).

Only elements that mean the same in R4 and R4B are used, so the output validates with
either. References inside the bundle are `urn:uuid:<id>`, the ids CaseDesk already uses.
Organisations and staff travel as display names: the bundle carries the patient's
care, not the network's directory.
"""
from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

ICD10 = "http://hl7.org/fhir/sid/icd-10"
ID_SYSTEM = "urn:casedesk:id:cn-resident"  # GB 11643 resident ID number; no public OID is assumed
# Cancer types -> ICD-10 three-character categories (colorectal: colon, C18).
CANCER_CODES = {
    "lung": ("C34", "支气管和肺恶性肿瘤"), "colorectal": ("C18", "结肠恶性肿瘤"), "breast": ("C50", "乳房恶性肿瘤"),
    "cervical": ("C53", "子宫颈恶性肿瘤"), "stomach": ("C16", "胃恶性肿瘤"), "liver": ("C22", "肝和肝内胆管恶性肿瘤"),
    "oesophagus": ("C15", "食管恶性肿瘤"), "prostate": ("C61", "前列腺恶性肿瘤"),
    "thyroid": ("C73", "甲状腺恶性肿瘤"), "nasopharynx": ("C11", "鼻咽恶性肿瘤"),
}
STAGE_ZH = {"prevent": "预防", "screen": "筛查", "diagnose": "诊断", "treat": "治疗", "rehab": "康复", "support": "帮扶"}
REFERRAL_STATUS = {"draft": "draft", "sent": "active", "received": "active", "accepted": "active",
                   "scheduled": "active", "seen": "completed", "closed": "completed", "rejected": "revoked",
                   "cancelled": "revoked"}
TASK_STATUS = {"planned": "requested", "done": "completed", "missed": "failed", "cancelled": "cancelled"}
METHOD_ZH = {"phone": "电话随访", "clinic": "门诊随访", "home": "上门访视"}


def ref(resource_id: str, display: str | None = None) -> dict:
    out = {"reference": f"urn:uuid:{resource_id}"}
    if display:
        out["display"] = display
    return out


def instant(at: dt.datetime | None) -> str | None:
    return at.astimezone(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z") if at else None


def _clean(d: dict) -> dict:
    """FHIR has no nulls or empty arrays: drop them."""
    return {k: v for k, v in d.items() if v not in (None, [], {}, "")}


def patient(p, community: str | None) -> dict:
    return _clean({
        "resourceType": "Patient", "id": p.id,
        "identifier": [{"use": "official", "system": ID_SYSTEM, "value": p.id_number,
                        "type": {"text": "居民身份证号码"}}] if p.id_number else [],
        "name": [{"use": "official", "text": p.name}],
        "telecom": [{"system": "phone", "value": p.phone}] if p.phone else [],
        "gender": {"M": "male", "F": "female"}.get(p.sex, "unknown"),
        "birthDate": p.birth_date.isoformat(),
        "address": [_clean({"use": "home", "text": p.address, "district": community})] if p.address or community else [],
    })


def condition(c, pid: str) -> dict | None:
    """Only a case past screening is about a (suspected or confirmed) cancer."""
    if c.stage in ("prevent", "screen"):
        return None
    code, display = CANCER_CODES[c.cancer_type]
    confirmed = c.stage != "diagnose"
    return _clean({
        "resourceType": "Condition", "id": c.id,
        "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                       "code": "inactive" if c.closed_at else "active"}]},
        "verificationStatus": {"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
            "code": "confirmed" if confirmed else "provisional"}]},
        "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-category",
                                  "code": "problem-list-item"}]}],
        "code": {"coding": [{"system": ICD10, "code": code, "display": display}], "text": display},
        "subject": ref(pid), "recordedDate": instant(c.opened_at),
    })


def care_plan(c, pid: str, has_condition: bool, managers: str, work: Sequence[tuple[str, dt.date | None]] = ()) -> dict:
    """`work`: the case's open tasks as (words, due date)."""
    activity = []
    if not c.closed_at:
        for words, due in work:
            activity.append({"detail": _clean({"status": "scheduled", "description": words,
                                               "scheduledString": due.isoformat() if due else None})})
    return _clean({
        "resourceType": "CarePlan", "id": derived_id(c.id, "careplan"),
        "status": "completed" if c.closed_at else "active", "intent": "plan",
        "title": f"{CANCER_CODES[c.cancer_type][1]}个案管理路径",
        "description": f"当前阶段：{STAGE_ZH.get(c.stage, c.stage)}；风险：{c.risk_level}" + (f"；{managers}" if managers else ""),
        "subject": ref(pid), "period": _clean({"start": instant(c.opened_at), "end": instant(c.closed_at)}),
        "addresses": [ref(c.id)] if has_condition else [], "activity": activity,
    })


def service_request(r, from_name: str, to_name: str) -> dict:
    up = r.direction == "up"
    return _clean({
        "resourceType": "ServiceRequest", "id": r.id,
        "identifier": [{"system": "urn:casedesk:referral-code", "value": r.short_code}],
        "status": REFERRAL_STATUS.get(r.state, "unknown"), "intent": "order",
        "category": [{"coding": [{"system": "http://snomed.info/sct", "code": "3457005",
                                  "display": "Patient referral"}]}],
        "priority": "urgent" if r.green_channel or r.urgency == "urgent" else "routine",
        "code": {"text": ("上转" if up else "下转") + (f"：{r.to_department}" if r.to_department else "")},
        "subject": ref(r.patient_id), "authoredOn": instant(r.sent_at),
        "requester": {"display": from_name} if from_name else None,
        "performer": [{"display": to_name}] if to_name else [],
        "reasonCode": [{"text": r.reason}] if r.reason else [],
        "note": [{"text": r.clinical_summary}] if r.clinical_summary else [],
    })


def appointment(appointment_id: str, pid: str, start: dt.datetime, status: str, description: str,
                based_on: str | None, place: str | None) -> dict:
    end = start + dt.timedelta(minutes=30)
    return _clean({
        "resourceType": "Appointment", "id": appointment_id, "status": status, "description": description,
        "start": instant(start), "end": instant(end),
        "basedOn": [ref(based_on)] if based_on else [],
        "participant": [{"actor": ref(pid), "status": "accepted"}]
        + ([{"actor": {"display": place}, "status": "accepted"}] if place else []),
    })


def task(f, owner: str | None) -> dict:
    return _clean({
        "resourceType": "Task", "id": f.id, "status": TASK_STATUS.get(f.status, "requested"), "intent": "order",
        "code": {"text": METHOD_ZH.get(f.method, f.method)}, "description": f.notes,
        "for": ref(f.patient_id), "focus": ref(derived_id(f.case_id, "careplan")) if f.case_id else None,
        "executionPeriod": _clean({"start": f.due_date.isoformat(),
                                   "end": instant(f.completed_at)}),
        "lastModified": instant(f.updated_at), "owner": {"display": owner} if owner else None,
        "statusReason": {"text": f.outcome} if f.outcome else None,
    })


def work_task(t, owner: str | None, words: str) -> dict:
    """One of a case's tasks (app/tasks.py) as a FHIR Task, its words in the export's language."""
    return _clean({
        "resourceType": "Task", "id": t.id, "status": WORK_STATUS.get(t.state, "requested"), "intent": "plan",
        "code": {"text": words}, "description": t.close_note,
        "for": ref(t.patient_id), "focus": ref(derived_id(t.case_id, "careplan")),
        "executionPeriod": _clean({"start": t.due_date.isoformat() if t.due_date else None,
                                   "end": instant(t.closed_at)}),
        "lastModified": instant(t.updated_at), "owner": {"display": owner} if owner else None,
    })


WORK_STATUS = {"open": "requested", "done": "completed", "cancelled": "cancelled"}


def derived_id(record_id: str, kind: str) -> str:
    """A stable UUID for a resource made from a record that already gave its id to another
    (a case is both a Condition and a CarePlan; a referral a ServiceRequest and an Appointment)."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{record_id}"))


_NAMESPACE = uuid.UUID("6f1c7a52-3d2e-4b8e-9a61-2c0d5e7f8a90")  # CaseDesk FHIR export
