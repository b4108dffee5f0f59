"""The records behind timeline events: screenings, referrals, MDT requests, follow-ups,
letters. Each function appends its row and returns the timeline title as a code and its
arguments (ui/problem_templates/timeline.py words them), as the services write them."""
from __future__ import annotations

import datetime as dt
import uuid
from functools import lru_cache

from app.demo import vocab
from app.demo.context import Context
from app.demo.context import PatientInfo
from app.demo.network import Staff
from app.demo.network import Unit
from app.demo.rows import EPOCH_ORDINAL as _EPOCH
from app.demo.rows import Format

HOUR = 3600
DAY = 86400
# Referral states by the age of the referral in days: recent ones are still moving.
REFERRAL_POOLS = (
    (7, (("draft", 10), ("sent", 25), ("received", 20), ("accepted", 20), ("scheduled", 15),
         ("rejected", 5), ("cancelled", 5))),
    (30, (("scheduled", 15), ("seen", 35), ("closed", 40), ("rejected", 5), ("cancelled", 5))),
    (None, (("closed", 85), ("seen", 3), ("rejected", 5), ("cancelled", 7))),
)
MDT_RECENT = (("requested", 35), ("ready", 30), ("booked", 35))
MDT_OLD = (("decided", 88), ("cancelled", 12))
RESULTS = ("normal", "high_risk", "abnormal")


def screening(ctx: Context, p: PatientInfo, cancer: vocab.Cancer, at: int, org: Unit,
              abnormal: bool) -> tuple[str, str, dict]:
    """Returns (row id, title code, title args)."""
    if abnormal:
        k = 2
    else:
        r = ctx.random()
        k = 0 if r < 0.72 else 1 if r < 0.95 else 2
    text = cancer.results[k]
    sid = ctx.ids()
    details = ctx.json((cancer.programme, k), lambda: {"test": cancer.screen, "summary": text})
    ctx.rows["screenings"].append((sid, p.id, cancer.programme, ctx.fmt.date(at // DAY + _EPOCH),
                                   RESULTS[k], details, org.id))
    return sid, "timeline.screening.result", {"programme": cancer.programme, "result": text}


def referral(ctx: Context, p: PatientInfo, case_id: str, cancer: vocab.Cancer, at: int,
             direction: str, source: Unit, target: Unit, reason: str, finding: str,
             contact: Staff, findings: list[str] | None, green: bool) -> tuple[str, str, dict]:
    fmt = ctx.fmt
    age = ctx.today_day - at // DAY
    pool = next(pool for limit, pool in REFERRAL_POOLS if limit is None or age <= limit)
    state = ctx.pick_state(ctx.referral_states, pool)
    now = ctx.today_day * DAY
    sent = None if state == "draft" else at
    scheduled = closed = place = breach = state_reason = None
    if state in ("scheduled", "seen", "closed"):
        delay = ctx.randint(3, 22) * HOUR if ctx.random() < 0.85 else ctx.randint(26, 96) * HOUR
        if delay > 24 * HOUR:
            breach = ctx.choice(vocab.BREACH_REASONS)
        scheduled = at + delay
        if state == "scheduled":  # booked: the appointment is still ahead
            scheduled = max(scheduled, now + ctx.randint(0, 5) * DAY + ctx.randint(1, 9) * HOUR)
        place = ctx.choice(vocab.PLACES).format(dept=cancer.dept)
        if state == "closed":
            closed = min(scheduled + ctx.randint(1, 10) * DAY, now - HOUR)
    elif state in ("rejected", "cancelled"):
        closed = min(at + ctx.randint(2, 48) * HOUR, now - HOUR)
        state_reason = ctx.choice(vocab.REJECT_REASONS if state == "rejected" else vocab.CANCEL_REASONS)
    up = direction == "up"
    summary = vocab.SUMMARY.format(
        age=p.age, sex="男" if p.sex == "M" else "女", finding=finding,
        extra=ctx.choice(vocab.SUMMARY_EXTRA).format(py=int(p.pack_years or 20)))
    rid = ctx.ids()
    ctx.rows["referrals"].append((
        rid, p.id, case_id, direction, green, "urgent" if green else "routine", source.id, target.id,
        cancer.dept if up else vocab.DOWN_DEPARTMENT, reason,
        "请协助明确诊断并制定治疗方案" if up else None, summary,
        fmt.json(findings) if findings else None,
        ctx.choice(vocab.REFERRAL_EXAMS) if up else None, f"{contact.display_name} {contact.phone}",
        state, state_reason, ctx.short_code(), _ts(fmt, sent), _ts(fmt, scheduled), place,
        _ts(fmt, closed), breach, *((None, None, None) if up else (
            vocab.DOWN_DISCHARGE.format(label=cancer.label), vocab.DOWN_PLAN, vocab.DOWN_REHAB))))
    if state == "draft":
        return rid, "timeline.referral.draft", {"direction": direction, "to_org": target.name}
    return rid, "timeline.referral.sent_green" if green else "timeline.referral.sent", {
        "direction": direction, "from_org": source.name, "to_org": target.name}


def mdt(ctx: Context, p: PatientInfo, case_id: str, cancer: vocab.Cancer, at: int, finding: str,
        decided: bool) -> tuple[str, str, dict]:
    fmt = ctx.fmt
    age = ctx.today_day - at // DAY
    if decided:
        state = "decided"
    else:
        state = ctx.pick_state(ctx.mdt_states, MDT_RECENT if age <= 14 else MDT_OLD)
    question = cancer.question.format(finding=finding) if finding else vocab.MDT_TREAT_QUESTION
    specialties = ctx.rng.sample(cancer.specialties, ctx.randint(3, len(cancer.specialties)))
    ready = state != "requested"
    pathology, staging = ready or ctx.random() < 0.5, ready or ctx.random() < 0.3
    checklist = ctx.json(("checklist", pathology, staging),
                         lambda: {"pathology": pathology, "imaging": True, "staging": staging})
    slot = decision = decided_at = None
    if state == "booked":
        slot = (ctx.today_day + ctx.randint(1, 10)) * DAY + 6 * HOUR
    elif state == "decided":
        slot = at
        decision = ctx.choice(vocab.MDT_DECISIONS)
        decided_at = at + ctx.randint(1, 3) * HOUR
    mid = ctx.ids()
    ctx.rows["mdt_requests"].append((mid, p.id, case_id, question, fmt.json(specialties),
                                     checklist, state, _ts(fmt, slot), decision,
                                     _ts(fmt, decided_at)))
    if decision:
        return mid, "timeline.mdt.decided_text", {"decision": decision}
    codes = {"requested": "timeline.mdt.requested", "ready": "timeline.mdt.ready",
             "booked": "timeline.mdt.booked_plain", "cancelled": "timeline.mdt.cancelled_plain"}
    return mid, codes[state], {"specialties": specialties} if state == "requested" else {}


@lru_cache(maxsize=None)
def _working(ordinal: int) -> bool:
    from app import pathway  # local: the rule files are read only when a demo is made
    return pathway.load().calendar.info(dt.date.fromordinal(ordinal)).working


def clinic_day(ordinal: int, step: int = 1) -> int:
    """A clinic visit's day: `ordinal` if the clinic is open then, else the next working day
    (step -1: the one before, for a visit already held). The same calendar as the workstation
    (app/followups.place), so the demo never invites anyone to a closed clinic."""
    for _ in range(40):
        if _working(ordinal):
            return ordinal
        ordinal += step
    return ordinal


def followup(ctx: Context, p: PatientInfo, case_id: str, at: int, assignee: Staff) -> tuple[str, str, dict]:
    r = ctx.random()
    status = "done" if r < 0.80 else "missed" if r < 0.94 else "cancelled"
    method = ctx.choice(vocab.FOLLOWUP_METHODS)
    due_ordinal = at // DAY + _EPOCH - ctx.randint(0, 3)
    if method == "clinic":  # held (or due) on or before the event: the working day before
        due_ordinal = clinic_day(due_ordinal, -1)
    due = ctx.fmt.date(due_ordinal)
    rule = ctx.choice(vocab.FOLLOWUP_RULES)
    fid = ctx.ids()
    row: tuple
    if status == "done":
        outcome, label = ctx.choice(vocab.FOLLOWUP_OUTCOMES)
        row = (fid, p.id, case_id, due, method, status, assignee.id, ctx.randint(1, 2),
               ctx.fmt.ts(at), True, outcome, label, rule)
        title = "timeline.followup.done", {"method": method, "outcome": outcome, "label": label}
    elif status == "missed":
        note = vocab.MISSED_NOTE.format(n=3)
        row = (fid, p.id, case_id, due, method, status, assignee.id, 3, None, False, None, note, rule)
        title = "timeline.followup.unreached_repeatedly", {"attempts": 3}
    else:
        row = (fid, p.id, case_id, due, method, status, assignee.id, 0, None, None, None,
               "患者已在外院复查", rule)
        title = "timeline.followup.cancelled", {"reason": "患者已在外院复查"}
    ctx.rows["followups"].append(row)
    return fid, *title


def planned_followup(ctx: Context, p: PatientInfo, case_id: str, due_ordinal: int,
                     assignee: Staff) -> int:
    """Returns the follow-up's day (a clinic visit moves to a working day; the case follows it)."""
    overdue = due_ordinal < ctx.today_ordinal
    attempts = ctx.randint(0, 2) if overdue else 0
    method = ctx.choice(vocab.FOLLOWUP_METHODS)
    if method == "clinic":
        due_ordinal = clinic_day(due_ordinal)
    ctx.rows["followups"].append((
        ctx.ids(), p.id, case_id, ctx.fmt.date(due_ordinal), method,
        "planned", assignee.id, attempts, None, None, None,
        "已拨打未接通" if attempts else None, ctx.choice(vocab.FOLLOWUP_RULES)))
    return due_ordinal


_TASK_IDS = uuid.UUID("0b6f3c9e-2a71-4d5e-8f40-7c1d9e2b5a36")


def derived_id(record_id: str, kind: str) -> str:
    return str(uuid.uuid5(_TASK_IDS, f"{kind}:{record_id}"))


def care_task(ctx: Context, p: PatientInfo, case_id: str, step: str, due_ordinal: int, owner: Staff) -> None:
    """The case's open care step as a task; its id follows from the case's, so adding tasks
    left every other id of a seed's network as it was."""
    ctx.rows["tasks"].append((
        derived_id(case_id, "demo-care-task"), p.id, case_id, "care", "", ctx.fmt.json({"step": step}),
        ctx.fmt.date(due_ordinal), owner.id, None, None, None, "open", None, None))


def letter(ctx: Context, p: PatientInfo, phase: str, at: int, author: Staff) -> tuple[str, str, dict]:
    kind = ctx.choice(vocab.LETTERS_BY_PHASE[phase])
    lid = ctx.ids()
    fields = {"patient_name": p.name, "date": str(ctx.fmt.date(at // DAY + _EPOCH))}
    ctx.rows["letters"].append((lid, p.id, kind, "2024.1", ctx.fmt.ts(at), author.id,
                                "患者遗失，补打" if ctx.random() < 0.05 else None, ctx.fmt.json(fields)))
    return lid, "timeline.letter.printed", {"letter_kind": kind}


def _ts(fmt: Format, epoch: int | None):
    return None if epoch is None else fmt.ts(epoch)

