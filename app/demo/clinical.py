"""One case's pathway: its phases over the past years, the timeline events in order,
the records behind them, and the case row itself."""
from __future__ import annotations

import itertools
from bisect import bisect

from app.demo import records
from app.demo import vocab
from app.demo.context import WORKDAY_SECONDS
from app.demo.context import Context
from app.demo.context import PatientInfo
from app.demo.context import cumulative

PATHWAY = ("prevent", "screen", "diagnose", "treat", "rehab", "support")
PHASE_DAYS = {"prevent": (60, 720), "screen": (60, 1400), "diagnose": (7, 60),
              "treat": (45, 300), "rehab": (90, 1800), "support": (30, 720)}
INTENSITY = {"prevent": 0.5, "screen": 1.0, "diagnose": 5.0, "treat": 3.0, "rehab": 1.0, "support": 1.2}
_FILLERS = {
    "prevent": (("note", 3), ("call", 3), ("letter", 0.4), ("followup", 1)),
    "screen": (("screening", 3), ("call", 2), ("letter", 0.4), ("note", 1), ("followup", 1),
               ("exam", 1)),
    "diagnose": (("exam", 5), ("call", 2), ("note", 1), ("letter", 0.4), ("mdt", 1),
                 ("referral", 0.5)),
    "treat": (("treatment", 5), ("exam", 2), ("call", 2), ("note", 1), ("followup", 1), ("mdt", 0.4),
              ("referral", 0.2)),
    "rehab": (("followup", 5), ("call", 3), ("exam", 2), ("note", 1), ("letter", 0.3),
              ("referral", 0.2), ("screening", 0.2)),
    "support": (("followup", 3), ("call", 3), ("note", 2), ("letter", 0.3)),
}
FILLERS = {ph: cumulative(f) for ph, f in _FILLERS.items()}
RISKS = {stage: cumulative(zip(("low", "medium", "high"), w)) for stage, w in vocab.RISK_WEIGHTS.items()}
ENTRY = {"prevent": "enrol", "screen": "screening", "diagnose": "ref_up", "treat": "mdt_plan",
         "rehab": "ref_down", "support": "stage"}
STORED_KIND = {"enrol": "note", "screening_abn": "screening", "ref_up": "referral",
               "ref_down": "referral", "ref_active": "referral", "mdt_plan": "mdt",
               "mdt_active": "mdt", "exam_first": "exam"}
COMMUNITY_PHASES = frozenset(("prevent", "screen", "rehab", "support"))
PLANNED_FOLLOWUP_RATE = {"prevent": 0.2, "screen": 0.3, "diagnose": 0.3, "treat": 0.8,
                         "rehab": 0.9, "support": 0.9}
ACTIVE_REFERRAL_RATE = 0.08
ACTIVE_MDT_RATE = 0.25
CLOSED_RATE = 0.05  # rehabilitation or support finished
MAX_SPAN_DAYS = 3000
DAY = 86400


def plan_phases(ctx: Context, final: str) -> list[tuple[str, int, int]]:
    """(phase, first day, days) up to yesterday, oldest first, ending in `final`."""
    rnd = ctx.random
    fi = PATHWAY.index(final)
    if fi <= 1:
        start = 0 if fi == 0 or rnd() < 0.3 else 1
    else:
        start = 1 if rnd() < 0.6 else 2
    phases = list(PATHWAY[start:fi + 1])
    if final == "support" and rnd() < 0.5:
        phases.remove("rehab")
    spans = [ctx.randint(*PHASE_DAYS[ph]) for ph in phases]
    spans[-1] = ctx.randint(1, PHASE_DAYS[final][1])  # the current phase is still going on
    while sum(spans) > MAX_SPAN_DAYS:
        spans = [max(1, s * 2 // 3) for s in spans]
    day = ctx.today_day - sum(spans)
    out = []
    for ph, span in zip(phases, spans):
        out.append((ph, day, span))
        day += span
    return out


def build_case(ctx: Context, p: PatientInfo, case_id: str, cancer_key: str, final: str,
               n_events: int) -> tuple:
    """Write the case's events and records; return the case row."""
    rnd, fmt, net = ctx.random, ctx.fmt, ctx.net
    cancer = vocab.CANCERS[cancer_key]
    phases = plan_phases(ctx, final)
    closed = final in ("rehab", "support") and rnd() < CLOSED_RATE
    at, today = ctx.at, ctx.today_day
    # Entry events mark each phase; the rest fill the phases by length and intensity.
    entries = []
    for i, (ph, day, span) in enumerate(phases):
        kind = ENTRY[ph]
        if ph == "diagnose" and i == 0:
            kind = "exam_first"  # came with symptoms, not from a screen
        entries.append((at(day), kind, i))
        if ph == "screen" and i + 1 < len(phases):
            entries.append((at(day + span - 1), "screening_abn", i))  # fillers end the day before
    entries = entries[-n_events:] if n_events else []
    events = entries
    m = n_events - len(entries)
    if m > 0:
        last = len(phases) - 1
        cum = list(itertools.accumulate(span ** 0.5 * INTENSITY[ph] for ph, _, span in phases))
        total = cum[-1]
        picks = sorted(bisect(cum, rnd() * total) for _ in range(m))
        previous = 0
        for i in picks:
            ph, day, span = phases[i]
            if i != previous and ph != "support":  # the first filler of a phase marks the change
                previous = i
                events.append((day * DAY + WORKDAY_SECONDS - 60, "stage", i))
                continue
            u = rnd()
            if i == last:
                u = u ** 0.5  # recent weeks are busier than long-past ones
            end = span - 1 if ph == "screen" and i < last else span
            kinds, kcum = FILLERS[ph]
            events.append(((day + int(u * end)) * DAY + int(rnd() * WORKDAY_SECONDS),
                           kinds[bisect(kcum, rnd() * kcum[-1])], i))
            previous = i
        if not closed and len(events) > len(entries):
            # Work in progress: a recent referral or an MDT request being prepared.
            if rnd() < ACTIVE_REFERRAL_RATE:
                events[-1] = (at(today - ctx.randint(1, 7)), "ref_active", last)
            elif final in ("diagnose", "treat") and rnd() < ACTIVE_MDT_RATE:
                events[-1] = (at(today - ctx.randint(1, 14)), "mdt_active", last)
    events.sort()

    street, point, centre = p.street, p.point, net.centre
    station, doctor = street.station, p.doctor
    cm, ward, clinic = street.community_cm, net.ward_cms[cancer_key], ctx.choice(net.clinic_cms)
    partner = ctx.choice(net.partners)
    append, ids, ts, choice, pid = ctx.rows["timeline_events"].append, ctx.ids, fmt.ts, ctx.choice, p.id
    finding = cancer.results[2]
    last_screening = regimen = surgery = None
    cycle = 0
    for epoch, kind, i in events:
        eid = ids()
        ph = phases[i][0]
        if ph in COMMUNITY_PHASES:
            org = point if rnd() < 0.6 else station
            r = rnd()
            author = doctor if r < 0.45 else cm if r < 0.85 or ph in ("prevent", "screen") else ward
        else:
            org = centre if rnd() < 0.85 else partner
            author = clinic if ph == "diagnose" else ward
        body = data = ref_table = ref_id = None
        title, code, args = "", None, None  # a person's own title, or the software's code and args
        if kind == "call":
            title, body = choice(vocab.CALL_TITLES), choice(vocab.CALL_BODIES)
        elif kind == "followup":
            ref_id, code, args = records.followup(ctx, p, case_id, epoch, author)
            ref_table = "followups"
        elif kind == "exam":
            code, args = "timeline.exam", {"exam": choice(cancer.exams)}
        elif kind == "screening" or kind == "screening_abn":
            org = centre if cancer.programme == "lung_ldct" else org
            ref_id, code, args = records.screening(ctx, p, cancer, epoch, org, kind == "screening_abn")
            ref_table, last_screening = "screenings", eid
        elif kind == "note" or kind == "enrol":
            if kind == "enrol":
                code = "timeline.screening.enrolled"
            else:
                title = choice(vocab.NOTE_TITLES[ph])
        elif kind == "treatment":
            if regimen is None:  # one plan per case: a drug or radiation course, maybe surgery
                regimen, surgery = _treatment_plan(ctx, cancer)
            if surgery and rnd() < 0.3:
                code, args = "timeline.treatment.given", {"treatment": surgery}
                data = ctx.json(surgery, lambda: {"regimen": surgery})
                surgery = None
            else:
                cycle += 1
                code, args = "timeline.treatment.cycle", {"regimen": regimen, "cycle": cycle}
                data = ctx.json((regimen, cycle), lambda: {"regimen": regimen, "cycle": cycle})
        elif kind == "stage":
            prev = phases[i - 1][0] if i else ph
            code, args = "timeline.stage.changed", {"from_stage": prev, "to_stage": ph}
            data = ctx.json((prev, ph), lambda: {"from": prev, "to": ph})
        elif kind == "exam_first":
            code, args = "timeline.clinic.first_visit", {"finding": finding, "exam": choice(cancer.exams)}
        elif kind == "letter":
            ref_id, code, args = records.letter(ctx, p, ph, epoch, author)
            ref_table = "letters"
        elif kind == "mdt" or kind == "mdt_plan" or kind == "mdt_active":
            org = centre
            ref_id, code, args = records.mdt(ctx, p, case_id, cancer, epoch,
                                             finding if ph != "treat" or kind == "mdt_plan" else "",
                                             decided=kind == "mdt_plan")
            ref_table = "mdt_requests"
        else:  # referrals
            green, findings = False, None
            if kind == "ref_down":
                src, dst, reason, by = centre, station, vocab.DOWN_REASON.format(label=cancer.label), ward
            elif kind != "ref_up" and ph in ("diagnose", "treat"):
                src, dst, reason, by = centre, partner, vocab.PARTNER_REASON, clinic
            else:
                src, dst, by = station, centre, cm
                reason = (vocab.UP_REASON.format(screen=cancer.screen, finding=finding)
                          if ph in ("prevent", "screen", "diagnose") else vocab.RECHECK_REASON)
                if kind == "ref_up":
                    green = rnd() < 0.55
                    findings = [last_screening] if last_screening else None
            org, author = src, by
            ref_id, code, args = records.referral(ctx, p, case_id, cancer, epoch,
                                                  "down" if kind == "ref_down" else "up", src, dst,
                                                  reason, finding, by, findings, green)
            ref_table = "referrals"
        append((eid, pid, case_id, STORED_KIND.get(kind, kind), ts(epoch), org.id, author.id,
                title, code, None if args is None else ctx.fmt.json(args), body, data, ref_table, ref_id))

    # The case row.
    opened = phases[0][1] * DAY + 3600
    last_event = None
    if events:
        opened, last_event = min(opened, events[0][0]), events[-1][0]
    risk = ctx.weighted(RISKS[final])
    closed_at = None
    if closed:
        closed_at = ts((last_event or opened) + 3600)
    else:
        step = choice(vocab.NEXT_ACTIONS[final])
        choice(cancer.exams)  # drawn as before steps were codes: the same seed keeps its network
        r = rnd()
        offset = (-ctx.randint(1, 60) if r < 0.12 else 0 if r < 0.18
                  else ctx.randint(1, 30) if r < 0.80 else ctx.randint(31, 120))
        due = ctx.today_ordinal + offset
        owner = ward if final == "treat" else cm
        if rnd() < PLANNED_FOLLOWUP_RATE[final]:
            records.planned_followup(ctx, p, case_id, due, owner)  # the follow-up is the open work
        else:
            records.care_task(ctx, p, case_id, step, due, owner)
    return (case_id, pid, cancer_key, final, risk, station.id, clinic.id,
            ward.id if PATHWAY.index(final) >= 2 else None, cm.id,
            ts(last_event) if last_event is not None else None, ts(opened), closed_at)


def _treatment_plan(ctx: Context, cancer: vocab.Cancer) -> tuple[str, str | None]:
    surgery = ctx.choice(cancer.operations) if cancer.operations and ctx.random() < 0.6 else None
    return ctx.choice(cancer.courses), surgery
