"""The 24-hour clock with the clock pinned: countdown, breach at 24 h, the reason code,
the board's tabs and the per-case countdown the worklist can show."""
from __future__ import annotations

import datetime as dt

import pytest

from app import clock
from app.errors import ValidationError
from app.referrals import countdowns_for_cases
from app.referrals.board import BoardQueries
from app.referrals.board import my_units
from app.referrals.deadline import countdown
from tests.app.test_referrals import advance
from tests.app.test_referrals import get
from tests.app.test_referrals import up_form
from tests.app.test_referrals import world  # noqa: F401 - the fixture

HOUR = dt.timedelta(hours=1)


def sent(service, ids, name="张三"):
    """Sent by the street station, received at the county centre (whose ward case manager then
    takes the receiving side's steps for the rest of the test)."""
    store = service.store
    store.user_id = ids["me"]
    rid = service.save(up_form(service, ids, name=name), send=True)
    store.user_id = ids["ward"]
    service.receive(rid)
    return rid


def test_the_countdown_runs_from_sent_and_breaches_at_24_hours(world):  # noqa: F811
    profile, ids, service = world
    rid = sent(service, ids)
    ref = get(profile, rid)
    assert countdown(ref.state, ref.sent_at).seconds == 24 * 3600
    advance(20)
    c = service.get(rid).clock()
    assert c.status == "warning" and c.seconds == 4 * 3600 and not c.breached
    advance(4)
    assert service.get(rid).clock().status == "warning"  # exactly 24 h: not yet late
    advance(1 / 3600)
    c = service.get(rid).clock()
    assert c.status == "overdue" and c.breached and c.needs_reason and c.seconds == -1


def test_scheduling_late_asks_for_the_reason_code(world):  # noqa: F811
    profile, ids, service = world
    rid = sent(service, ids)
    service.accept(rid)
    advance(30)
    at = clock.now() + 2 * HOUR
    with pytest.raises(ValidationError) as exc:
        service.schedule(rid, at, "一体化门诊")
    assert exc.value.field == "breach_reason" and get(profile, rid).state == "accepted"
    with pytest.raises(ValidationError):
        service.schedule(rid, at, "一体化门诊", breach_reason="because")
    service.schedule(rid, at, "一体化门诊", breach_reason="no_slot")
    ref = get(profile, rid)
    assert (ref.state, ref.breach_reason) == ("scheduled", "no_slot")
    c = service.get(rid).clock()
    assert c.status == "late" and c.breached and not c.needs_reason


def test_the_reason_can_be_given_while_still_waiting_but_not_before_the_breach(world):  # noqa: F811
    profile, ids, service = world
    rid = sent(service, ids)
    with pytest.raises(ValidationError) as exc:
        service.record_breach(rid, "no_slot")
    assert exc.value.problem.code == "referral.within_24h"
    advance(25)
    service.record_breach(rid, "missing_info")
    assert not service.get(rid).clock().needs_reason
    service.accept(rid)
    service.schedule(rid, clock.now() + HOUR, "门诊")  # the recorded reason stands
    assert get(profile, rid).breach_reason == "missing_info"


def test_on_time_scheduling_stops_the_clock_as_met(world):  # noqa: F811
    profile, ids, service = world
    rid = sent(service, ids)
    service.accept(rid)
    advance(23)
    service.schedule(rid, clock.now() + 48 * HOUR, "门诊")  # the appointment may be later
    advance(100)
    c = service.get(rid).clock()
    assert c.status == "met" and not c.breached


def test_board_tabs_from_each_side_and_breached(world):  # noqa: F811
    profile, ids, service = world
    early = sent(service, ids)
    advance(2)
    late = sent(service, ids, "王五")
    with profile.sessions() as s:
        station, centre = my_units(s, ids["stations"][0]), my_units(s, ids["centre"])
    assert ids["point"] in station  # a street station sees its community points' referrals
    community, hospital = BoardQueries(profile.sessions, station), BoardQueries(profile.sessions, centre)
    assert [r.id for r in hospital.clocks("incoming")] == [early, late]  # most pressing first
    assert [r.id for r in community.clocks("outgoing")][:2] == [early, late]
    assert early not in {r.id for r in community.clocks("incoming")}  # not to the station
    advance(23)  # early is now 25 h old, late 23 h
    assert [r.id for r in hospital.clocks("breached")] == [early]
    assert hospital.counts()["breached"] == 1
    rows = hospital.rows([early])
    assert rows[early].patient_name == "张三" and rows[early].to_org == "县肿瘤防治中心"


def test_worklist_countdown_per_case(world):  # noqa: F811
    profile, ids, service = world
    rid = sent(service, ids)
    advance(3)
    with profile.sessions() as s:
        clocks = countdowns_for_cases(s, [ids["张三"][1], ids["李四"][1]])
    assert clocks[ids["张三"][1]].seconds == 21 * 3600 and ids["李四"][1] not in clocks
    assert rid
