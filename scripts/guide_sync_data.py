"""The sync problems the guide's sync pictures show, made on a demo profile: one conflict
with a colleague's change and one refused change (scripts/guide_screenshots.py)."""
from __future__ import annotations


def _entry(profile, patient_id, status, reason=None, detail=None, **edit) -> int:
    """A change to a demo patient waiting in the outbox in `status`, as a sync would leave it."""
    from sqlalchemy import select

    from db.models import OutboxEntry
    from db.models import Patient

    with profile.sessions.begin() as s:  # as if the server had the patient already
        s.execute(OutboxEntry.__table__.delete().where(OutboxEntry.row_id == patient_id))
        s.get(Patient, patient_id).version = 3
    with profile.store.write() as tx:
        tx.update(tx.session.get(Patient, patient_id), **edit)
    with profile.sessions.begin() as s:
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == patient_id)).one()
        entry.status, entry.server_reason, entry.server_detail = status, reason, detail
        return entry.seq


_CONFLICT: dict[str, int] = {}


def sync_problems(window) -> int:
    from ui.worklist.model import PATIENT_ID_ROLE

    profile, model = window.profile, window.workspace.worklist_page.model
    if not _CONFLICT:
        first, second = (model.data(model.index(row, 0), PATIENT_ID_ROLE) for row in (3, 4))
        from sqlalchemy import select

        from db.models import User

        with profile.sessions() as session:  # the colleague who changed it on another desk
            other = session.scalars(select(User).where(User.active.is_(True)).order_by(User.username).limit(1)).one()
        detail = {"fields": {"phone": {"server": "13911112222", "client": "13733334444"}}, "version": 4,
                  "server_change": {"user_id": other.id, "device_id": "0190f000-aaaa-7000-8000-00000000beef",
                                    "at": "2026-12-02T06:30:00Z"}}
        _CONFLICT["seq"] = _entry(profile, first, "conflict", "changed on both sides", detail,
                                  phone="13733334444", address="城关镇解放路8号")
        problems = {"problems": [{"code": "field.invalid", "field": "phone", "params": {}}]}
        _entry(profile, second, "rejected", "phone: refused", problems, phone="1360000")
    return _CONFLICT["seq"]
