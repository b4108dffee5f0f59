"""The programmes' funnel (issue #18 item 5) on a hand-built cohort: each step's count,
conversion and median days, the boundaries of each step (a booking cancelled, an exam on day 90
and on day 91 of the loop, a screen still inside its 90 days), the period, programme and station,
随访率 / 随访及时率 per case manager and station, and the export read back by a spreadsheet reader."""
from __future__ import annotations

import csv
import datetime as dt
from types import SimpleNamespace

import pytest

from app import clock
from app.dashboard.funnel import STEPS
from app.dashboard.funnel import FunnelQuery
from app.dashboard.funnel import build_funnel
from app.dashboard.funnel import step_patients
from app.dashboard.funnel_export import export_funnel
from app.dashboard.metrics import Period
from db.models import Case
from db.models import ExamSlot
from db.models import Followup
from db.models import MdtRequest
from db.models import Patient
from db.models import Screening
from db.models import SlotBooking
from db.models import TimelineEvent
from tests.app.test_import_data import network
from tests.support import seed_rows
from ui.sheet_words import sheet_words

UTC = dt.timezone.utc
TODAY = dt.date(2026, 6, 1)


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


@pytest.fixture
def cohort(profile):
    """Lung cases a-h and one colorectal case i; each comment says how far it gets."""
    net = network(profile)
    p, c = SimpleNamespace(), SimpleNamespace()
    clock.pin(at("2026-06-01", 2))
    with seed_rows(profile) as tx:  # as pulled from the server: bookings the hospital registered
        ct = tx.add(ExamSlot(org_unit_id=net.centre, modality="ldct", starts_at=at("2026-01-20", 1), capacity=20)).id
        late = tx.add(ExamSlot(org_unit_id=net.centre, modality="ldct", starts_at=at("2026-04-12", 1), capacity=9)).id

        def case(key, stage, opened, station=net.station_a, cm=net.cm_a, cancer="lung"):
            pid = tx.add(Patient(name=f"居民{key}", sex="M", birth_date=dt.date(1960, 1, 1))).id
            setattr(p, key, pid)
            setattr(c, key, tx.add(Case(patient_id=pid, cancer_type=cancer, stage=stage, station_id=station,
                                        community_cm_id=cm, opened_at=at(opened))).id)

        def event(key, kind, day, **kw):
            return tx.add(TimelineEvent(patient_id=getattr(p, key), case_id=getattr(c, key), kind=kind,
                                        occurred_at=at(day), title=kind, **kw))

        def screen(key, day, result, programme="lung_ldct"):
            sid = tx.add(Screening(patient_id=getattr(p, key), programme=programme,
                                   screened_on=dt.date.fromisoformat(day), result=result)).id
            event(key, "screening", day, ref_table="screenings", ref_id=sid)

        def book(key, booked, state, attended=None, slot=ct):
            tx.add(SlotBooking(slot_id=slot, patient_id=getattr(p, key), case_id=getattr(c, key), state=state,
                               booked_at=at(booked), attended_at=at(attended) if attended else None))

        case("a", "screen", "2026-01-05")  # invited by a list on 5 Jan, screened normal 10 Jan
        event("a", "screening", "2026-01-05", data={"step": "pushed"})
        screen("a", "2026-01-10", "normal")
        case("b", "treat", "2026-01-05", cm=net.cm_b)  # the whole way
        event("b", "stage", "2026-01-05", data={"from": "prevent", "to": "screen"})
        screen("b", "2026-01-10", "high_risk")
        book("b", "2026-01-11", "attended", "2026-01-20")
        screen("b", "2026-01-21", "abnormal")  # the LDCT's nodule
        event("b", "stage", "2026-01-21", data={"from": "screen", "to": "diagnose"})
        mdt = tx.add(MdtRequest(patient_id=p.b, case_id=c.b, question="?", state="decided",
                                decided_at=at("2026-02-01"))).id
        event("b", "mdt", "2026-02-01", ref_table="mdt_requests", ref_id=mdt)
        event("b", "treatment", "2026-02-15", org_unit_id=net.centre)
        case("c", "screen", "2026-01-06")  # high risk 12 Jan; a no-show, then examined on day 90
        screen("c", "2026-01-12", "high_risk")
        book("c", "2026-01-13", "no_show")
        book("c", "2026-04-01", "attended", "2026-04-12", slot=late)
        case("d", "screen", "2026-01-06")  # high risk 12 Jan, examined on day 91
        screen("d", "2026-01-12", "high_risk")
        book("d", "2026-01-14", "attended", "2026-04-13", slot=late)
        case("e", "screen", "2026-05-18")  # high risk 20 May: inside its 90 days, not examined yet
        screen("e", "2026-05-20", "high_risk")
        case("f", "screen", "2026-01-14")  # high risk 15 Jan, its booking cancelled: never booked
        screen("f", "2026-01-15", "high_risk")
        book("f", "2026-01-16", "cancelled")
        case("g", "treat", "2026-02-01")  # came with symptoms: no sign of a screening population
        event("g", "treatment", "2026-03-01", org_unit_id=net.centre)
        case("h", "screen", "2025-05-01", station=net.station_b, cm=net.cm_b)  # last year
        screen("h", "2025-06-01", "high_risk")
        case("i", "diagnose", "2026-01-31", station=net.station_b, cm=net.cm_b, cancer="colorectal")  # FIT +
        screen("i", "2026-02-01", "abnormal", "colorectal_fit")
        book("i", "2026-02-02", "attended", "2026-02-10")
        case("j", "prevent", "2026-03-01")  # on the list, nothing else yet
        book("a", "2026-01-04", "booked")  # before any positive screen: not the funnel's booking

        def followup(cm, key, due, status, done=None):
            tx.add(Followup(patient_id=getattr(p, key), case_id=getattr(c, key), due_date=dt.date.fromisoformat(due),
                            status=status, assignee_id=cm, completed_at=at(done) if done else None))

        followup(net.cm_a, "a", "2026-03-01", "done", "2026-03-01")  # on the day
        followup(net.cm_a, "c", "2026-03-01", "done", "2026-03-08")  # 7 days late: still timely
        followup(net.cm_a, "d", "2026-03-01", "done", "2026-03-09")  # 8 days late: done, not timely
        followup(net.cm_a, "e", "2026-05-25", "missed")
        followup(net.cm_a, "a", "2026-04-01", "cancelled")
        followup(net.cm_a, "a", "2026-07-01", "planned")  # not due yet
        followup(net.cm_b, "h", "2026-02-01", "done", "2026-01-30")  # early is timely
        followup(net.cm_b, "i", "2026-05-01", "planned")  # past its date, not done
    clock.pin(None)
    return SimpleNamespace(net=net, p=p, c=c)


@pytest.fixture(autouse=True)
def pinned():
    clock.pin(at("2026-06-01", 2))
    yield
    clock.pin(None)


def counts(funnel) -> list[int]:
    return [funnel[k].count for k in STEPS]


def test_each_step_counts_the_cases_that_got_that_far(profile, cohort):
    board = build_funnel(profile.sessions, today=TODAY)
    f = board.overall
    # invited: a b c d e f h i j (g came with symptoms); screened: not j; high risk: not a;
    # booked: b c d i (f's booking cancelled, a's came before any positive screen);
    # examined: b c d i; positive: b (i's colonoscopy found nothing); diagnosed, treated: b.
    assert counts(f) == [9, 8, 7, 4, 4, 1, 1, 1]
    assert [f[k].conversion for k in STEPS] == [None, 8 / 9, 7 / 8, 4 / 7, 1.0, 1 / 4, 1.0, 1.0]
    assert board.programmes == ["colorectal", "lung"]
    assert set(step_patients(profile.sessions, FunnelQuery(), "booked", TODAY)) == {cohort.p.b, cohort.p.c,
                                                                                    cohort.p.d, cohort.p.i}


def test_median_days_between_steps(profile, cohort):
    f = build_funnel(profile.sessions, today=TODAY).overall
    # invited → screened: a 5, b 5, c 6, d 6, e 2, f 1, h 31, i 0 → median of 8 = (5 + 5) / 2
    assert f["screened"].median_days == 5.0
    assert f["high_risk"].median_days == 0.0
    # booked: b 1, c 1, d 2, i 1; examined: b 9, c (no-show 13 Jan, attended 12 Apr) 89, d 89, i 8
    assert (f["booked"].median_days, f["examined"].median_days) == (1.0, 49.0)
    assert (f["positive"].median_days, f["diagnosed"].median_days, f["treated"].median_days) == (1.0, 11.0, 14.0)
    assert f["invited"].median_days is None


def test_loop_closure_day_90_counts_day_91_does_not(profile, cohort):
    p = cohort.p
    f = build_funnel(profile.sessions, FunnelQuery(Period(dt.date(2026, 1, 1), TODAY)), today=TODAY).overall
    # positive screens in 2026: b (10 days), c (day 90), i (9 days) met; d (day 91) and f failed;
    # e is 12 days old and not examined: pending, out of the denominator.
    assert (f.loop_met, f.loop_failed, f.loop_pending, f.loop_rate) == (3, 2, 1, 0.6)
    q = FunnelQuery(Period(dt.date(2026, 1, 1), TODAY), programme="lung")
    assert set(step_patients(profile.sessions, q, "loop_met", TODAY)) == {p.b, p.c}
    assert set(step_patients(profile.sessions, q, "loop_failed", TODAY)) == {p.d, p.f}
    assert step_patients(profile.sessions, q, "loop_pending", TODAY) == [p.e]


def test_period_programme_and_station(profile, cohort):
    net = cohort.net
    year = build_funnel(profile.sessions, FunnelQuery(Period(dt.date(2026, 1, 1), TODAY)), today=TODAY)
    assert counts(year.overall)[:3] == [8, 7, 6]  # h was invited in 2025
    lung = {f.programme: f for f in year.by_programme}["lung"]
    assert counts(lung) == [7, 6, 5, 3, 3, 1, 1, 1]
    stations = {f.station_id: f for f in year.by_station}
    assert stations[net.station_a].label == "澄江街道工作站" and stations[net.station_a]["invited"].count == 7
    assert counts(stations[net.station_b])[:5] == [1, 1, 1, 1, 1]
    only_b = build_funnel(profile.sessions, FunnelQuery(station_id=net.station_b), today=TODAY)
    assert counts(only_b.overall)[:3] == [2, 2, 2] and [f.station_id for f in only_b.by_station] == [net.station_b]
    colorectal = build_funnel(profile.sessions, FunnelQuery(programme="colorectal"), today=TODAY).overall
    assert counts(colorectal) == [1, 1, 1, 1, 1, 0, 0, 0] and colorectal["positive"].median_days is None
    march = build_funnel(profile.sessions, FunnelQuery(Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))),
                         today=TODAY).overall
    assert counts(march) == [1, 0, 0, 0, 0, 0, 0, 0] and march["screened"].conversion == 0.0


def test_followup_rate_and_timely_rate_per_case_manager_and_station(profile, cohort):
    net = cohort.net
    board = build_funnel(profile.sessions, today=TODAY)
    cms = {r.group_id: r for r in board.followups_by_cm}
    a, b = cms[net.cm_a], cms[net.cm_b]
    assert (a.label, a.due, a.done, a.timely, a.rate, a.timely_rate) == ("陈一", 4, 3, 2, 0.75, 0.5)
    assert (b.due, b.done, b.timely, b.rate, b.timely_rate) == (2, 1, 1, 0.5, 0.5)
    stations = {r.group_id: r for r in board.followups_by_station}
    assert (stations[net.station_a].due, stations[net.station_a].timely) == (4, 2)
    assert (stations[net.station_b].due, stations[net.station_b].done) == (2, 1)
    assert (board.followups_overall.due, board.followups_overall.done, board.followups_overall.timely) == (6, 4, 3)
    march = build_funnel(profile.sessions, FunnelQuery(Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
                                                       programme="lung"), today=TODAY)
    assert [(r.group_id, r.due, r.done, r.timely) for r in march.followups_by_cm] == [(net.cm_a, 3, 3, 2)]


@pytest.mark.parametrize("reader", ["openpyxl", "calamine"])
def test_the_export_reads_back_as_numbers_and_words_without_formulas(profile, cohort, tmp_path, reader):
    board = build_funnel(profile.sessions, today=TODAY)
    out = tmp_path / "funnel.xlsx"
    n = export_funnel(profile.store, board, out, words=sheet_words("zh_CN"))
    if reader == "openpyxl":
        from openpyxl import load_workbook

        wb = load_workbook(out)
        cells = [c for row in wb.active.iter_rows() for c in row]
        assert all(c.data_type != "f" for c in cells)
        rows = [[c.value for c in row] for row in wb.active.iter_rows()]
    else:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(out))
        sheet = book.get_sheet_by_index(0)
        rows = sheet.to_python()
        assert not any(str(v).startswith("=") for row in rows for v in row)
    header, overall = rows[0], rows[1]
    assert header[:3] == ["范围", "名称", "筛查项目"] and overall[:3] == ["全部", "全部", "全部"]
    assert overall[header.index("邀请/推送")] == 9 and overall[header.index("已治疗")] == 1
    assert overall[header.index("高危 转化率%")] == 87.5
    assert overall[header.index("已检查 中位天数")] == 49
    assert overall[header.index("90天闭环率%")] == 50  # all time: b c i met; d, f and last year's h failed
    follow = rows.index(next(r for r in rows if r and r[0] == "范围" and "随访率%" in r))
    cm_rows = {r[1]: r for r in rows[follow + 1:] if r and r[0] == "个案管理师"}
    fh = rows[follow]
    assert cm_rows["陈一"][fh.index("随访率%")] == 75 and cm_rows["陈一"][fh.index("随访及时率%")] == 50
    assert n == len([r for r in rows[1:] if r and r[0] and r[0] != "范围"])


def test_the_export_as_csv_in_english(profile, cohort, tmp_path):
    board = build_funnel(profile.sessions, today=TODAY)
    out = tmp_path / "funnel.csv"
    export_funnel(profile.store, board, out, words=sheet_words("en"))
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0][:4] == ["Scope", "Station / person", "Programme", "Invited / pushed"]
    assert rows[1][3] == "9"


def test_a_step_on_the_same_day_counts_the_day_before_does_not(profile, cohort):
    """Steps compare calendar days: a slot booked hours before the questionnaire was recorded, on
    the same day, is its booking; one booked the day before is not (it was for something else)."""
    net = cohort.net
    with seed_rows(profile) as tx:
        pid = tx.add(Patient(name="居民k", sex="F", birth_date=dt.date(1958, 3, 1))).id
        cid = tx.add(Case(patient_id=pid, cancer_type="lung", stage="screen", station_id=net.station_a,
                          community_cm_id=net.cm_a, opened_at=at("2026-02-01"))).id
        sid = tx.add(Screening(patient_id=pid, programme="lung_ldct", screened_on=dt.date(2026, 2, 10),
                               result="high_risk")).id
        tx.add(TimelineEvent(patient_id=pid, case_id=cid, kind="screening", occurred_at=at("2026-02-10", 14),
                             title="", ref_table="screenings", ref_id=sid))
        slot = tx.add(ExamSlot(org_unit_id=net.centre, modality="ldct", starts_at=at("2026-02-10", 13), capacity=5)).id
        tx.add(SlotBooking(slot_id=slot, patient_id=pid, case_id=cid, state="booked", booked_at=at("2026-02-09", 12)))
        tx.add(SlotBooking(slot_id=slot, patient_id=pid, case_id=cid, state="attended", booked_at=at("2026-02-10", 12),
                           attended_at=None))  # attendance without a time: the slot's start, the same day
    f = build_funnel(profile.sessions, FunnelQuery(programme="lung"), today=TODAY).overall
    before = [8, 7, 6, 3, 3, 1, 1, 1]  # the lung cases of the cohort
    assert counts(f) == [n + 1 for n in before[:5]] + before[5:]
    february = FunnelQuery(Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28)))
    assert set(step_patients(profile.sessions, february, "examined", TODAY)) == {pid, cohort.p.i}


def test_a_name_that_looks_like_a_formula_stays_text(profile, cohort, tmp_path):
    """Station and case manager names come from spreadsheets people fill in: never a formula."""
    import zipfile

    from openpyxl import load_workbook

    from db.models import OrgUnit
    from db.models import User

    with seed_rows(profile) as tx:
        tx.session.get(OrgUnit, cohort.net.station_b).name = "=1+2"
        tx.session.get(User, cohort.net.cm_b).display_name = '@HYPERLINK("http://x")'
    out = tmp_path / "funnel.xlsx"
    export_funnel(profile.store, build_funnel(profile.sessions, today=TODAY), out, words=sheet_words("en"))
    with zipfile.ZipFile(out) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    cells = {c.value: c for row in load_workbook(out).active.iter_rows() for c in row if c.value is not None}
    assert cells["=1+2"].data_type == "s" and cells['@HYPERLINK("http://x")'].data_type == "s"


def test_an_exam_outside_the_pool_closes_the_loop_but_is_no_booking(profile, cohort):
    """A diagnostic exam recorded on the timeline (made outside the slot pool) closes the loop
    within its 90 days; the funnel's booked and exam-done steps stay the pool's."""
    net = cohort.net
    with seed_rows(profile) as tx:
        pid = tx.add(Patient(name="居民m", sex="M", birth_date=dt.date(1955, 5, 5))).id
        cid = tx.add(Case(patient_id=pid, cancer_type="lung", stage="screen", station_id=net.station_a,
                          community_cm_id=net.cm_a, opened_at=at("2026-02-01"))).id
        sid = tx.add(Screening(patient_id=pid, programme="lung_q", screened_on=dt.date(2026, 2, 2),
                               result="high_risk")).id
        for kind, day, ref in (("screening", "2026-02-02", sid), ("exam", "2026-03-04", None)):
            tx.add(TimelineEvent(patient_id=pid, case_id=cid, kind=kind, occurred_at=at(day), title="",
                                 ref_table="screenings" if ref else None, ref_id=ref))
    year = FunnelQuery(Period(dt.date(2026, 1, 1), TODAY))
    f = build_funnel(profile.sessions, year, today=TODAY).overall
    assert counts(f)[2:5] == [7, 4, 4]  # one more high risk; no more booked or examined
    assert (f.loop_met, f.loop_failed, f.loop_pending) == (4, 2, 1)
    assert pid in step_patients(profile.sessions, year, "loop_met", TODAY)
