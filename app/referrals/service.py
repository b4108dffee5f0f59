"""Referral writes: the form saved or sent, and each step of the state machine.

Every step is one Store.write(): the referral row, a timeline event (kind "referral") that
says what happened with the facts in `data`, the case's next action, and for a closed
down-referral the community follow-up, all succeed or fail together. A refusal (wrong
state, bad field) raises ValidationError before anything is written.
"""
from __future__ import annotations

import datetime as dt

from app import clock
from app.errors import ValidationError
from app.pathway import for_profile
from app.pathway.actions import new_short_code
from app.referrals import states
from app.referrals.deadline import BREACH_REASONS
from app.referrals.deadline import countdown
from app.referrals.deadline import is_late
from app.referrals.forms import DIRECTION_ZH
from app.referrals.forms import ReferralForm
from app.referrals.forms import check
from app.referrals.prefill import org_choices
from app.referrals.prefill import prefill
from app.referrals.view import ReferralView
from app.referrals.view import load_view
from app.referrals.view import lookup_code
from db.models import Case
from db.models import Followup
from db.models import OrgUnit
from db.models import Patient
from db.models import Referral
from db.models import TimelineEvent
from db.models.enums import FollowupStatus

REASON_MAX = 1000
PLACE_MAX = 120
FIRST_COMMUNITY_VISIT = "7d"  # a down-referred patient is visited at home within a week


class ReferralService:
    def __init__(self, profile):
        self.profile = profile
        self.store = profile.store

    # -- reading -------------------------------------------------------------------
    def prefill(self, patient_id: str, direction: str = "up", case_id: str | None = None):
        with self.store.sessions() as s:
            return prefill(s, patient_id, direction, self.store.user_id, case_id)

    def org_choices(self, direction: str | None = None, side: str = "to"):
        with self.store.sessions() as s:
            return org_choices(s, direction, side)

    def get(self, referral_id: str) -> ReferralView:
        with self.store.sessions() as s:
            return load_view(s, referral_id)

    def find_by_code(self, code: str) -> ReferralView | None:
        """The referral a receiving site types the slip's code for; local data, so offline too."""
        with self.store.sessions() as s:
            view = lookup_code(s, code)
        if view is not None:
            self.store.record_access("read", "referrals", view.id, detail={"by": "short_code"})
        return view

    # -- the form ------------------------------------------------------------------
    def save(self, form: ReferralForm, referral_id: str | None = None, send: bool = False) -> str:
        """Create or edit a draft; `send` sends it in the same transaction."""
        with self.store.write() as tx:
            s = tx.session
            values = check(s, form)
            if referral_id is None:
                ref = tx.add(Referral(**values, state=states.S.DRAFT.value, short_code=new_short_code(s)))
                self._event(tx, ref, "draft", f"{DIRECTION_ZH[ref.direction]}单草稿：{_name(s, ref.to_org_id)}")
            else:
                ref = self._load(s, referral_id)
                if ref.state != states.S.DRAFT.value:
                    raise ValidationError("只有草稿可以修改 / Only a draft can be edited.", field="state")
                if tx.update(ref, **values):
                    self._event(tx, ref, "edit", f"修改{DIRECTION_ZH[ref.direction]}单草稿")
            if send:
                self._step(tx, ref, "send")
            return ref.id

    # -- the state machine ---------------------------------------------------------
    def send(self, rid: str) -> None:
        self._act(rid, "send")

    def receive(self, rid: str) -> None:
        self._act(rid, "receive")

    def accept(self, rid: str) -> None:
        self._act(rid, "accept")

    def reject(self, rid: str, reason: str) -> None:
        self._act(rid, "reject", reason=_reason(reason, "state_reason", "请写明拒绝原因 / Say why it is rejected."))

    def cancel(self, rid: str, reason: str) -> None:
        self._act(rid, "cancel", reason=_reason(reason, "state_reason", "请写明取消原因 / Say why it is cancelled."))

    def schedule(self, rid: str, at: dt.datetime, place: str, breach_reason: str | None = None) -> None:
        if not isinstance(at, dt.datetime) or at.tzinfo is None:
            raise ValidationError("请选择预约日期和时间 / Choose the appointment date and time.", field="scheduled_at")
        if at < clock.now():
            raise ValidationError(f"预约时间 {at.astimezone():%Y-%m-%d %H:%M} 已过去 / The appointment is in the past.",
                                  field="scheduled_at")
        place = (place or "").strip()
        if not place:
            raise ValidationError("请填写就诊地点 / Say where the patient should go.", field="scheduled_place")
        if len(place) > PLACE_MAX:
            raise ValidationError(f"地点过长（最多{PLACE_MAX}字）/ At most {PLACE_MAX} characters.", field="scheduled_place")
        if breach_reason is not None and breach_reason not in BREACH_REASONS:
            raise ValidationError("请选择超时原因 / Choose a reason code.", field="breach_reason")
        self._act(rid, "schedule", at=at, place=place, breach_reason=breach_reason)

    def mark_seen(self, rid: str) -> None:
        self._act(rid, "seen")

    def close(self, rid: str, note: str = "") -> str | None:
        """Close the loop; a down-referral gets its community follow-up. Returns its id."""
        return self._act(rid, "close", note=(note or "").strip()[:REASON_MAX])

    def record_breach(self, rid: str, code: str) -> None:
        """The reason code for a referral that missed its 24 hours."""
        if code not in BREACH_REASONS:
            raise ValidationError("请选择超时原因 / Choose a reason code.", field="breach_reason")
        with self.store.write() as tx:
            ref = self._load(tx.session, rid)
            if not countdown(ref.state, ref.sent_at, None).breached and not ref.breach_reason:
                raise ValidationError("该转诊单未超过24小时 / This referral is within its 24 hours.",
                                      field="breach_reason")
            tx.update(ref, breach_reason=code, note="超时原因")
            self._event(tx, ref, "breach", f"转诊超时原因：{BREACH_REASONS[code]}", breach_reason=code)

    # -- inside the transaction ----------------------------------------------------
    def _act(self, rid: str, action: str, **kw):
        with self.store.write() as tx:
            return self._step(tx, self._load(tx.session, rid), action, **kw)

    def _step(self, tx, ref: Referral, action: str, reason: str | None = None, at=None, place=None,
              breach_reason: str | None = None, note: str = ""):
        refused = states.refusal(ref.state, action)
        if refused:
            raise ValidationError(refused, field="state")
        s, now = tx.session, clock.now()
        old, new = ref.state, states.target(action)
        to, arrow = _name(s, ref.to_org_id), DIRECTION_ZH[ref.direction]
        fields: dict = {"state": new}
        data: dict = {}
        follow_up = None
        if action == "send":
            fields["sent_at"] = now
            title = f"发出{arrow}单：{_name(s, ref.from_org_id)} → {to}" + ("（绿色通道）" if ref.green_channel else "")
            self._next(tx, ref, f"等待{to}预约（24小时内）", now)
        elif action == "receive":
            title = f"{to}已接收{arrow}单"
        elif action == "accept":
            title = f"{to}接受转诊"
        elif action in ("reject", "cancel"):
            fields.update(state_reason=reason, closed_at=now)
            title = f"{to}拒绝转诊：{reason}" if action == "reject" else f"取消转诊：{reason}"
            self._next(tx, ref, f"转诊未成（{reason[:40]}），请重新安排", now)
        elif action == "schedule":
            late = is_late(ref.sent_at, now) and old != states.S.SCHEDULED.value
            code = breach_reason or ref.breach_reason
            if late and not code:
                raise ValidationError("已超过24小时：请选择超时原因 / Past 24 hours: choose a reason code.",
                                      field="breach_reason")
            fields.update(scheduled_at=at, scheduled_place=place)
            if late:
                fields["breach_reason"] = code
            data.update(scheduled_at=at.isoformat(), place=place, late=late,
                        hours_to_schedule=round((now - ref.sent_at).total_seconds() / 3600, 2) if ref.sent_at else None)
            title = f"{'改约' if old == new else '预约就诊'}：{at.astimezone():%Y-%m-%d %H:%M} {place}"
            self._next(tx, ref, f"按预约就诊：{place}", at)
        elif action == "seen":
            title = f"已在{to}就诊"
        else:  # close
            fields["closed_at"] = now
            title = f"{arrow}闭环：转诊已关闭" + (f"（{note}）" if note else "")
            if ref.direction == "down":
                follow_up = self._community_followup(tx, ref)
                data["followup_id"] = follow_up
        tx.update(ref, **fields, note=reason or note or None)
        self._event(tx, ref, action, title, body=reason or note or None, old=old, **data)
        return follow_up

    def _event(self, tx, ref: Referral, action: str, title: str, body: str | None = None,
               old: str | None = None, **data) -> None:
        tx.add(TimelineEvent(
            patient_id=ref.patient_id, case_id=ref.case_id, kind="referral", occurred_at=clock.now(),
            org_unit_id=ref.to_org_id if states.SIDE.get(action) == "to" else ref.from_org_id,
            author_id=self.store.user_id, title=title[:200], body=body,
            data={"action": action, "from": old, "to": ref.state, "direction": ref.direction,
                  "short_code": ref.short_code, **data},
            ref_table="referrals", ref_id=ref.id))

    @staticmethod
    def _next(tx, ref: Referral, text: str, when: dt.datetime) -> None:
        case = tx.session.get(Case, ref.case_id) if ref.case_id else None
        if case is not None and case.closed_at is None:
            tx.update(case, next_action=text[:200], due_date=when.astimezone().date())

    def _community_followup(self, tx, ref: Referral) -> str:
        """The loop's end: the community station's first home visit, within a week."""
        s = tx.session
        case = s.get(Case, ref.case_id) if ref.case_id else None
        patient = s.get(Patient, ref.patient_id)
        due = for_profile(self.profile).after(clock.today(), FIRST_COMMUNITY_VISIT, None,
                                              ["下转闭环：社区首次上门随访在一周内"])
        f = tx.add(Followup(patient_id=ref.patient_id, case_id=ref.case_id, due_date=due.date, method="home",
                            status=FollowupStatus.PLANNED.value, attempts=0, rule_id="referral-down-close",
                            assignee_id=(case.community_cm_id if case else None) or patient.family_doctor_id,
                            notes=f"下转接收：{ref.short_code}，{_name(s, ref.to_org_id)}"))
        if case is not None and case.closed_at is None:
            tx.update(case, next_action="社区首次随访（下转后）", due_date=due.date)
        return f.id

    @staticmethod
    def _load(session, rid: str) -> Referral:
        ref = session.get(Referral, rid)
        if ref is None or ref.deleted_at is not None:
            raise ValidationError("转诊单不存在 / This referral does not exist.", field="referral")
        return ref


def _reason(text: str, field: str, missing: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(missing, field=field)
    if len(text) > REASON_MAX:
        raise ValidationError(f"原因过长（最多{REASON_MAX}字）/ At most {REASON_MAX} characters.", field=field)
    return text


def _name(session, unit_id: str | None) -> str:
    unit = session.get(OrgUnit, unit_id) if unit_id else None
    return unit.name if unit else "?"

