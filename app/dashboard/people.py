"""The patients behind a dashboard number, as a list a person can scan and open.

Listing them is an access to personal data: audited as a read, like opening a patient.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from app import clock
from app.masking import mask_id_number
from db.models import OrgUnit
from db.models import Patient

if TYPE_CHECKING:
    from app.profile import Profile

LIMIT = 2000  # a list longer than this is a report, not something to scroll: export it instead


@dataclass(frozen=True)
class PersonRow:
    patient_id: str
    name: str
    sex: str
    age: int
    masked_id: str
    community: str


def people(profile: Profile, patient_ids, what: str = "") -> list[PersonRow]:
    """Rows for the first LIMIT ids, in the order given (a median's list: slowest first)."""
    ids = list(dict.fromkeys(patient_ids))[:LIMIT]
    if not ids:
        return []
    today = clock.today()
    found: dict[str, PersonRow] = {}
    with profile.sessions() as s:
        for start in range(0, len(ids), 500):
            block = ids[start:start + 500]
            rows = s.execute(select(Patient.id, Patient.name, Patient.sex, Patient.birth_date, Patient.id_number,
                                    OrgUnit.name).outerjoin(OrgUnit, OrgUnit.id == Patient.community_id)
                             .where(Patient.id.in_(block), Patient.deleted_at.is_(None)))
            for pid, name, sex, birth, id_number, community in rows:
                found[pid] = PersonRow(pid, name, sex, _age(birth, today), mask_id_number(id_number), community or "")
    profile.store.record_access("read", table="patients", detail={"what": "dashboard list", "figure": what,
                                                                   "patients": len(found)})
    return [found[i] for i in ids if i in found]


def _age(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
