"""The referral form (转诊单): what a person fills in, checked field by field before any write.

`check()` returns the cleaned values or raises ValidationError naming the field, so the
form shows the message next to it and nothing is saved. The organisation levels decide
the direction: up goes to a higher level (community → hospital), down to a lower one.
"""
from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import select

from app.errors import ValidationError
from db.models import OrgUnit
from db.models import Patient
from db.models import TimelineEvent
from db.models.enums import OrgKind

DIRECTIONS = ("up", "down")
URGENCIES = ("routine", "urgent")
LEVEL = {OrgKind.COMMUNITY_POINT.value: 0, OrgKind.STREET_STATION.value: 1, OrgKind.SUB_CENTRE.value: 2,
         OrgKind.CENTRE.value: 3, OrgKind.PARTNER_HOSPITAL.value: 4}
LIMITS = {"reason": 1000, "question": 1000, "clinical_summary": 4000, "requested_exams": 1000,
          "to_department": 64, "contact_person": 64}
MAX_FINDINGS = 20
DIRECTION_ZH = {"up": "上转", "down": "下转"}


@dataclass
class ReferralForm:
    patient_id: str
    direction: str = "up"
    case_id: str | None = None
    green_channel: bool = False
    urgency: str = "routine"
    from_org_id: str | None = None
    to_org_id: str | None = None
    to_department: str = ""
    reason: str = ""
    question: str = ""
    clinical_summary: str = ""
    findings: list[str] = field(default_factory=list)  # timeline event ids of this patient
    requested_exams: str = ""
    contact_person: str = ""


def _text(form: ReferralForm, name: str, required_msg: str | None = None) -> str | None:
    value = (getattr(form, name) or "").strip()
    if not value:
        if required_msg:
            raise ValidationError(required_msg, field=name)
        return None
    if len(value) > LIMITS[name]:
        raise ValidationError(f"内容过长（最多{LIMITS[name]}字）/ At most {LIMITS[name]} characters.", field=name)
    return value


def _unit(session, unit_id: str | None, name: str, what: str) -> OrgUnit:
    if not unit_id:
        raise ValidationError(f"请选择{what} / Choose the organisation.", field=name)
    unit = session.get(OrgUnit, unit_id)
    if unit is None or unit.deleted_at is not None or unit.kind not in LEVEL:
        raise ValidationError(f"未知的{what}：不在本机的机构目录中 / Unknown organisation: not in the network "
                              "directory on this computer.", field=name)
    return unit


def check(session, form: ReferralForm) -> dict:
    """The values to store, or ValidationError(field) for the first field that is wrong."""
    patient = session.get(Patient, form.patient_id) if form.patient_id else None
    if patient is None or patient.deleted_at is not None:
        raise ValidationError("患者不存在 / This patient does not exist.", field="patient")
    if form.direction not in DIRECTIONS:
        raise ValidationError("请选择上转或下转 / Choose up or down.", field="direction")
    if form.urgency not in URGENCIES:
        raise ValidationError(f"未知的紧急程度 {form.urgency!r} / Unknown urgency.", field="urgency")
    source = _unit(session, form.from_org_id, "from_org_id", "转出机构")
    target = _unit(session, form.to_org_id, "to_org_id", "接诊机构")
    if source.id == target.id:
        raise ValidationError("接诊机构与转出机构相同 / The receiving site is the sending site.", field="to_org_id")
    up = form.direction == "up"
    if (LEVEL[target.kind] > LEVEL[source.kind]) != up:
        raise ValidationError(
            f"{DIRECTION_ZH[form.direction]}应转往{'上级医院' if up else '社区工作站或社区防治点'}："
            f"{target.name}不是 / {'An up-referral goes to a hospital' if up else 'A down-referral goes to a community site'}.",
            field="to_org_id")
    if form.green_channel and not up:
        raise ValidationError("绿色通道只用于上转 / The green channel is for up-referrals.", field="green_channel")
    values = {
        "patient_id": patient.id, "case_id": form.case_id or None, "direction": form.direction,
        "green_channel": bool(form.green_channel), "urgency": "urgent" if form.green_channel else form.urgency,
        "from_org_id": source.id, "to_org_id": target.id,
        "to_department": _text(form, "to_department"),
        "reason": _text(form, "reason", "请填写转诊原因 / Give the reason for the referral."),
        "question": _text(form, "question"),
        "clinical_summary": _text(form, "clinical_summary"),
        "requested_exams": _text(form, "requested_exams"),
        "contact_person": _text(form, "contact_person"),
        "findings": _findings(session, patient.id, form.findings) or None,
    }
    return values


def _findings(session, patient_id: str, ids: list[str]) -> list[str]:
    ids = list(dict.fromkeys(i for i in ids or [] if i))
    if len(ids) > MAX_FINDINGS:
        raise ValidationError(f"最多附{MAX_FINDINGS}条检查发现 / At most {MAX_FINDINGS} findings.", field="findings")
    if not ids:
        return []
    found = set(session.scalars(select(TimelineEvent.id).where(
        TimelineEvent.id.in_(ids), TimelineEvent.patient_id == patient_id, TimelineEvent.deleted_at.is_(None))))
    missing = [i for i in ids if i not in found]
    if missing:
        raise ValidationError("所附检查发现不在该患者的时间线上 / A finding is not on this patient's timeline.",
                              field="findings")
    return ids
