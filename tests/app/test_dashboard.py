"""The dashboard on a hand-built caseload: exact counts, rates, medians, the patients
behind each number, per station and per case manager, and the export."""
from __future__ import annotations

import csv
import datetime as dt
from types import SimpleNamespace

import pytest

from app import clock
from app.dashboard import Period
from app.dashboard import build
from app.dashboard.export import export_dashboard
from db.models import Case
from db.models import Followup
from db.models import MdtRequest
from db.models import Patient
from db.models import Referral
from db.models import Screening
from db.models import TimelineEvent
from tests.app.test_import_data import network
from tests.support import seed_rows
from ui.sheet_words import sheet_words

UTC = dt.timezone.utc
TODAY = dt.date(2026, 6, 1)


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


@pytest.fixture
def caseload(profile):
    """Six lung cases (a-f), see each comment; patients p.a … p.f."""
    net = network(profile)
    p, c = SimpleNamespace(), SimpleNamespace()
    clock.pin(at("2026-06-01", 2))
    with seed_rows(profile) as tx:  # as pulled from the server: a referral may already be scheduled
        def case(key, stage, station, cm=None, clinic=None, opened="2026-01-03"):
            pid = tx.add(Patient(name=f"患者{key}", sex="M", birth_date=dt.date(1960, 1, 1))).id
            setattr(p, key, pid)
            setattr(c, key, tx.add(Case(patient_id=pid, cancer_type="lung", stage=stage, station_id=station,
                                        community_cm_id=cm, clinic_cm_id=clinic, opened_at=at(opened))).id)

        def event(key, kind, day, hour=10, **kw):
            tx.add(TimelineEvent(patient_id=getattr(p, key), case_id=getattr(c, key), kind=kind,
                                 occurred_at=at(day, hour), title=kind, **kw))

        def screen(key, day, result):
            sid = tx.add(Screening(patient_id=getattr(p, key), programme="lung_ldct",
                                   screened_on=dt.date.fromisoformat(day), result=result)).id
            event(key, "screening", day, ref_table="screenings", ref_id=sid)

        case("a", "screen", net.station_a, net.cm_a)  # pushed by a list, screened normal
        event("a", "screening", "2026-01-05", data={"step": "pushed"})
        screen("a", "2026-01-10", "normal")
        case("b", "treat", net.station_a, net.cm_a, net.clinic_cm)  # the whole way, treated in the county
        event("b", "stage", "2026-01-05", data={"from": "prevent", "to": "screen"})
        screen("b", "2026-01-10", "high_risk")
        event("b", "exam", "2026-01-20")
        mdt = tx.add(MdtRequest(patient_id=p.b, case_id=c.b, question="?", state="decided", decision="新辅助治疗后手术",
                                slot_at=at("2026-02-01", 9), decided_at=at("2026-02-01", 11))).id
        event("b", "mdt", "2026-02-01", ref_table="mdt_requests", ref_id=mdt)
        event("b", "treatment", "2026-02-15", org_unit_id=net.centre)
        case("c", "diagnose", net.station_a, net.cm_a)  # abnormal screen, examined, no diagnosis yet
        screen("c", "2026-01-12", "abnormal")
        event("c", "exam", "2026-01-15")
        case("d", "treat", net.station_a, None, net.clinic_cm, opened="2026-02-01")  # came with symptoms
        event("d", "treatment", "2026-03-01", org_unit_id=net.partner)
        event("d", "treatment", "2026-03-15", org_unit_id=net.partner)
        case("e", "prevent", net.station_b, net.cm_b)  # on the list, nothing else yet
        case("f", "screen", net.station_b, net.cm_b, opened="2025-05-01")  # screened last year
        screen("f", "2025-06-01", "high_risk")
        for key, sent, scheduled, state in (("b", at("2026-01-21", 8), at("2026-01-21", 20), "scheduled"),
                                            ("c", at("2026-01-16", 8), at("2026-01-18", 8), "closed"),
                                            ("a", None, None, "draft")):
            tx.add(Referral(patient_id=getattr(p, key), case_id=getattr(c, key), direction="up",
                            from_org_id=net.station_a, to_org_id=net.centre, reason="r", state=state,
                            short_code=f"T{key.upper()}0001", sent_at=sent, scheduled_at=scheduled))
        for key, due, status, attempts in (("a", "2026-02-01", "done", 1), ("b", "2026-03-01", "done", 2),
                                           ("c", "2026-04-01", "missed", 3), ("e", "2026-05-01", "planned", 0),
                                           ("e", "2026-07-01", "planned", 0), ("a", "2026-03-03", "cancelled", 0)):
            tx.add(Followup(patient_id=getattr(p, key), case_id=getattr(c, key), due_date=dt.date.fromisoformat(due),
                            status=status, attempts=attempts, assignee_id=net.cm_a))
    clock.pin(None)
    return SimpleNamespace(net=net, p=p, c=c)


def test_the_funnel_counts_and_lists_its_patients(profile, caseload):
    p = caseload.p
    board = build(profile.sessions, today=TODAY)
    f = board.overall
    assert [f[k].value for k in ("pushed", "screened", "positive", "examined", "diagnosed", "treated")] == [5, 4, 3, 2, 1, 1]
    assert set(f["pushed"].patients) == {p.a, p.b, p.c, p.e, p.f}
    assert set(f["positive"].patients) == {p.b, p.c, p.f}
    assert set(f["examined"].patients) == {p.b, p.c}
    assert f["treated"].patients == (p.b,)
    in_2026 = build(profile.sessions, Period(dt.date(2026, 1, 1), TODAY), today=TODAY).overall
    assert [in_2026[k].value for k in ("pushed", "screened", "positive")] == [4, 3, 2]


def test_rates_medians_and_the_ones_that_missed(profile, caseload):
    p = caseload.p
    f = build(profile.sessions, today=TODAY).overall
    r = f["referral_24h"]
    assert (r.value, r.numerator, r.denominator, r.patients, r.others) == (0.5, 1, 2, (p.b,), (p.c,))
    done = f["followup_completion"]
    assert (done.numerator, done.denominator) == (2, 4) and set(done.others) == {p.c, p.e}
    chase = f["chase_rate"]
    assert (chase.numerator, chase.denominator, chase.others) == (2, 3, (p.e,))
    local = f["treated_locally"]
    assert (local.value, local.patients, local.others) == (0.5, (p.b,), (p.d,))
    assert f["days_to_diagnosis"].value == 22.0 and f["days_to_treatment"].value == 36.0
    assert f["days_to_diagnosis"].patients == (p.b,)


def test_per_station_and_per_case_manager(profile, caseload):
    net = caseload.net
    board = build(profile.sessions, today=TODAY)
    stations = {g.group_id: g for g in board.by_station}
    assert stations[net.station_a].label == "澄江街道工作站"
    assert stations[net.station_a]["pushed"].value == 3 and stations[net.station_b]["pushed"].value == 2
    assert stations[net.station_a]["treated_locally"].denominator == 2
    cms = {g.group_id: g for g in board.by_cm}
    assert cms[net.cm_a]["pushed"].value == 2 and cms[net.clinic_cm]["pushed"].value == 1
    assert cms[net.cm_a]["followup_completion"].denominator == 4  # follow-ups count with their assignee
    narrowed = build(profile.sessions, station_id=net.station_b, today=TODAY)
    assert narrowed.overall["pushed"].value == 2 and narrowed.overall.label == "湾头街道工作站"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_writes_every_scope(profile, caseload, tmp_path, suffix):
    board = build(profile.sessions, today=TODAY)
    out = tmp_path / f"stats{suffix}"
    n = export_dashboard(profile.store, board, out, words=sheet_words("zh_CN"))
    assert n == 1 + len(board.by_station) + len(board.by_cm)
    if suffix == ".csv":
        rows = list(csv.reader(out.open(encoding="utf-8-sig")))
        assert rows[0][:3] == ["范围", "名称", "推送人数"] and rows[1][:3] == ["全部", "全部", "5"]
        assert "24小时内完成转诊" in rows[0] and rows[1][rows[0].index("24小时内完成转诊")] == "50.0"
