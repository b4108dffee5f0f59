"""Gathering the records of one patient or all, and writing them as one Bundle."""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
from sqlalchemy import select

from app import clock
from app.errors import CaseDeskError
from app.fhir import resources as R
from app.problems import refuse
from app.tasks import describe
from db.models import Case
from db.models import Followup
from db.models import MdtRequest
from db.models import OrgUnit
from db.models import Patient
from db.models import Referral
from db.models import Task
from db.models import User

if TYPE_CHECKING:
    from app.profile import Profile

APPOINTMENT_STATES = {"scheduled": "booked", "seen": "fulfilled", "closed": "fulfilled"}


def _in(model, column, patient_ids):
    q = select(model).where(model.deleted_at.is_(None))
    return q.where(column.in_(patient_ids)) if patient_ids is not None else q


def build_bundle(session, patient_id: str | None = None, work_words=None) -> dict:
    """`work_words(code, params) -> str` words a task (ui/ has the words; app/commands passes
    them in the export's language); without it a task's words are its code."""
    work_words = work_words or (lambda code, params: params.get("text") or code)
    ids = None
    if patient_id is not None:
        p = session.get(Patient, patient_id)
        if p is None or p.deleted_at is not None:
            raise refuse("fhir.no_patient", "patient_id", patient=patient_id)
        ids = [patient_id]
    names = dict(session.execute(select(OrgUnit.id, OrgUnit.name)).all())
    people = dict(session.execute(select(User.id, User.display_name)).all())
    entries: list[dict] = []
    tasks = list(session.scalars(_in(Task, Task.patient_id, ids).order_by(Task.id)))
    open_work: dict[str, list] = {}
    for t in tasks:
        if t.state == "open":
            open_work.setdefault(t.case_id, []).append((work_words(*describe(t.kind, t.title, t.args)), t.due_date))
    for p in session.scalars(_in(Patient, Patient.id, ids).order_by(Patient.id)):
        entries.append(R.patient(p, names.get(p.community_id)))
    for c in session.scalars(_in(Case, Case.patient_id, ids).order_by(Case.id)):
        cond = R.condition(c, c.patient_id)
        if cond:
            entries.append(cond)
        managers = "、".join(people[u] for u in (c.community_cm_id, c.clinic_cm_id, c.ward_cm_id) if u in people)
        entries.append(R.care_plan(c, c.patient_id, cond is not None, f"个案管理师：{managers}" if managers else "",
                                   open_work.get(c.id, [])))
    for r in session.scalars(_in(Referral, Referral.patient_id, ids).order_by(Referral.id)):
        entries.append(R.service_request(r, names.get(r.from_org_id, ""), names.get(r.to_org_id, "")))
        if r.scheduled_at and r.state in APPOINTMENT_STATES:
            entries.append(R.appointment(R.derived_id(r.id, "appointment"), r.patient_id, r.scheduled_at,
                                         APPOINTMENT_STATES[r.state], f"转诊就诊：{names.get(r.to_org_id, '')}",
                                         r.id, r.scheduled_place))
    for m in session.scalars(_in(MdtRequest, MdtRequest.patient_id, ids).order_by(MdtRequest.id)):
        if m.slot_at and m.state in ("booked", "decided"):
            entries.append(R.appointment(R.derived_id(m.id, "appointment"), m.patient_id, m.slot_at,
                                         "booked" if m.state == "booked" else "fulfilled",
                                         f"MDT多学科会诊：{m.question[:80]}", None, None))
    for f in session.scalars(_in(Followup, Followup.patient_id, ids).order_by(Followup.id)):
        entries.append(R.task(f, people.get(f.assignee_id)))
    for t in tasks:
        entries.append(R.work_task(t, people.get(t.owner_id), work_words(*describe(t.kind, t.title, t.args))))
    return {
        "resourceType": "Bundle", "id": str(uuid.uuid4()), "type": "collection",
        "timestamp": R.instant(clock.now()),
        "entry": [{"fullUrl": f"urn:uuid:{e['id']}", "resource": e} for e in entries],
    }


def export_fhir(profile: Profile, out: Path, patient_id: str | None = None, work_words=None) -> dict[str, int]:
    """Write the bundle; returns resources by type. Audited as an export."""
    out = Path(out)
    with profile.sessions() as s:
        bundle = build_bundle(s, patient_id, work_words)
    counts: dict[str, int] = {}
    for e in bundle["entry"]:
        t = e["resource"]["resourceType"]
        counts[t] = counts.get(t, 0) + 1
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_bytes(orjson.dumps(bundle, option=orjson.OPT_INDENT_2))
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CaseDeskError.coded("fhir.cannot_write", path=str(out), reason=exc.strerror or str(exc)) from exc
    profile.store.record_access("export", table="patients", row_id=patient_id,
                                detail={"format": "fhir", "file": out.name, "resources": counts})
    return counts
