"""The inbox: conflicts first, then refused changes, then referrals and MDT decisions newest
first; a referral is in the receiver's inbox, not the sender's; seen items leave the count."""
from __future__ import annotations

import datetime as dt

import pytest

from app import clock
from app.inbox import CONFLICT
from app.inbox import MDT_DECISION
from app.inbox import REFERRAL_IN
from app.inbox import REFUSED
from app.inbox import Inbox
from app.problems import Problem
from db.ids import uuid7
from db.models import MdtRequest
from db.models import OutboxEntry
from db.models import Referral
from tests.app.test_referrals import NOON
from tests.app.test_referrals import seed
from ui import problem_words

DAY = dt.timedelta(days=1)


@pytest.fixture
def world(profile):
    ids = seed(profile)
    yield profile, ids
    clock.pin(None)


def outbox(profile, row_id, status, *, table="patients", created=NOON, detail=None):
    with profile.sessions.begin() as s:
        s.add(OutboxEntry(mutation_id=uuid7(), table_name=table, row_id=row_id, op="update", base_version=1,
                          changes={"phone": ["13800001234", "13800004321"]}, user_id=None, device_id="d1",
                          schema_version="0008", created_at=created, status=status,
                          server_reason="refused", server_detail=detail))


def decide(profile, patient_id, days_ago, decision="手术后辅助化疗"):
    with profile.sessions.begin() as s:
        m = s.query(MdtRequest).filter_by(patient_id=patient_id).one()
        m.state, m.decision, m.decided_at = "decided", decision, NOON - days_ago * DAY
        m.slot_at = NOON - days_ago * DAY
        return m.id


def kinds(items):
    return [i.kind for i in items]


def test_a_referral_is_in_the_receivers_inbox_not_the_senders(world):
    profile, ids = world
    sender = Inbox(profile, ids["me"], ids["stations"][0])  # 新城: sent ABC123
    receiver = Inbox(profile, ids["other"], ids["stations"][1])  # 老街: ABC123 is to them
    assert REFERRAL_IN not in kinds(sender.items())
    [item] = [i for i in receiver.items() if i.kind == REFERRAL_IN]
    assert (item.table, item.patient_name, item.params["short_code"]) == ("referrals", "张三", "ABC123")
    assert problem_words.words(Problem(item.code, None, item.params), "zh_CN") == \
        "来自新城街道工作站的上转（ABC123，已发送）：肺结节8mm"
    assert problem_words.words(Problem(item.code, None, item.params), "en") == \
        "Incoming up-referral from 新城街道工作站 (ABC123), sent: 肺结节8mm"


def test_an_answered_referral_leaves_the_inbox(world):
    profile, ids = world
    receiver = Inbox(profile, ids["other"], ids["stations"][1])
    with profile.sessions.begin() as s:
        s.query(Referral).filter_by(short_code="ABC123").one().state = "accepted"
    assert REFERRAL_IN not in kinds(receiver.items())


def test_mdt_decisions_of_my_cases_in_the_last_two_weeks(world):
    profile, ids = world
    decide(profile, ids["王五"][0], days_ago=2)  # 王五's case belongs to "other"
    [item] = [i for i in Inbox(profile, ids["other"]).items() if i.kind == MDT_DECISION]
    assert (item.patient_id, item.table, item.params["decision"]) == (ids["王五"][0], "mdt_requests", "手术后辅助化疗")
    assert MDT_DECISION not in kinds(Inbox(profile, ids["me"]).items())
    decide(profile, ids["王五"][0], days_ago=15)
    assert MDT_DECISION not in kinds(Inbox(profile, ids["other"]).items())


def test_conflicts_first_then_refused_then_newest_first(world):
    profile, ids = world
    decide(profile, ids["王五"][0], days_ago=1)  # newer than the referral (sent_at none: its row's time)
    with profile.sessions.begin() as s:
        s.query(Referral).filter_by(short_code="ABC123").one().sent_at = NOON - 3 * DAY
    outbox(profile, ids["李四"][0], "rejected", created=NOON - 10 * DAY,
           detail={"problems": [{"code": "field.required", "field": "phone", "params": {}}]})
    outbox(profile, ids["张三"][0], "conflict", created=NOON - 20 * DAY,
           detail={"fields": {"phone": {"client": "1", "server": "2"}}})
    outbox(profile, ids["王五"][0], "pending")  # waiting is not news
    items = Inbox(profile, ids["other"], ids["stations"][1]).items()
    assert kinds(items) == [CONFLICT, REFUSED, MDT_DECISION, REFERRAL_IN]
    conflict, refused = items[0], items[1]
    assert (conflict.patient_name, conflict.patient_id, conflict.table) == ("张三", ids["张三"][0], "patients")
    assert conflict.params["conflict"] == "fields" and conflict.seq is not None
    assert refused.outbox.problems[0].code == "field.required"
    assert problem_words.words(Problem(conflict.code, None, conflict.params), "zh_CN") == \
        "您对这条患者的修改与服务器上的版本冲突：请选择保留哪一个。"


def test_mark_seen_lowers_the_count_and_is_kept_per_person(world):
    profile, ids = world
    decide(profile, ids["王五"][0], days_ago=1)
    outbox(profile, ids["张三"][0], "conflict", detail={"fields": {"phone": {"client": "1", "server": "2"}}})
    inbox = Inbox(profile, ids["other"], ids["stations"][1])
    items = inbox.items()
    assert inbox.count() == len(items) == 3
    inbox.mark_seen([items[0].id])
    assert inbox.count() == 2
    assert [i.seen for i in inbox.items()] == [True, False, False]
    assert Inbox(profile, ids["other"]).count() == 2  # kept in the profile, not in the object
    assert Inbox(profile, ids["me"], ids["stations"][0]).count() == 1  # the conflict: my own seen list
    inbox.mark_all_seen()
    assert inbox.count() == 0
    outbox(profile, ids["李四"][0], "rejected")
    assert inbox.count() == 1  # something new arrived


def test_seen_list_forgets_items_that_left_and_survives_damage(world):
    profile, ids = world
    inbox = Inbox(profile, ids["other"], ids["stations"][1])
    inbox.mark_seen(["referral_in:gone", *(i.id for i in inbox.items())])
    assert "referral_in:gone" not in inbox.seen_ids()
    profile.set_local(inbox.key, "not json")
    assert inbox.count() == 1


def test_nobody_signed_in_has_no_referrals_or_decisions(world):
    profile, _ids = world
    assert Inbox(profile, None).items() == []


def test_a_clash_another_person_settled_on_my_patient_is_in_my_inbox(world):
    from app.inbox import SETTLED
    from app.sync.conflicts import RESOLVED_CODE
    from db.models import TimelineEvent

    profile, ids = world
    pid = ids["张三"][0]  # one of "me"'s cases
    with profile.sessions.begin() as s:
        for author in (ids["other"], ids["me"]):  # a colleague's settling, and my own
            s.add(TimelineEvent(patient_id=pid, kind="note", occurred_at=NOON - DAY, author_id=author, title="",
                                title_code=RESOLVED_CODE,
                                title_args={"table": "patients", "fields": ["phone"], "kept": "server"}))
    items = [i for i in Inbox(profile, ids["me"], ids["stations"][0]).items() if i.kind == SETTLED]
    assert len(items) == 1 and items[0].patient_id == pid  # mine is not news to me
    words = problem_words.words(Problem(items[0].code, None, items[0].params), "zh_CN")
    assert words == "周杰处理了这条患者的同步冲突：保留了服务器上的版本。"
