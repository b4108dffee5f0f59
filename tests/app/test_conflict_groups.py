"""Fields that belong together are settled as one choice (app.sync.conflicts.GROUPS): the
declaration itself, what a person is asked, and what a choice writes — without a server
(the round trip between two desktops is tests/e2e/test_conflict_groups_e2e.py)."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app import clock
from app.problems import ProblemError
from app.rulebook.cases import DERIVED
from app.sync import conflicts
from app.sync.wire import CLIENT_FIELDS
from app.sync.wire import COLUMNS
from db.models import MODEL_BY_TABLE
from db.models import Case
from db.models import OrgUnit
from db.models import OutboxEntry
from db.models import Patient
from db.models import Referral
from db.models import Task


def test_every_group_names_fields_a_desktop_sends_and_each_field_once():
    for table, groups in conflicts.GROUPS.items():
        seen: set[str] = set()
        for key, fields in groups.items():
            assert key not in COLUMNS[table], f"{table}: the group {key} would shadow the field of that name"
            assert len(fields) >= 2
            for field in fields:
                assert field in CLIENT_FIELDS[table] and field != "deleted_at", (table, field)
                column = MODEL_BY_TABLE[table].__table__.columns[field]
                assert not column.info.get("derived") and not column.info.get("legacy"), (table, field)
                assert field not in seen, (table, field)
                seen.add(field)
    # a case's next step and due date are derived (db/summary.py): never a field to choose
    assert not (DERIVED | {"due_date", "next_action"}) & {f for fs in conflicts.GROUPS["cases"].values() for f in fs}


def test_a_clash_on_any_field_of_a_group_asks_once_for_the_group():
    assert conflicts.group_of("cases", "stage") == conflicts.group_of("cases", "closed_at") == "pathway"
    assert conflicts.group_of("cases", "risk_level") == "risk_level"  # on its own
    assert conflicts.members("cases", "pathway") == ("stage", "closed_at")
    assert conflicts.members("patients", "phone") == ("phone",)
    assert conflicts.choice_keys("cases", conflicts.FIELDS, {"stage", "closed_at", "risk_level"}) == \
        ["pathway", "risk_level"]
    assert conflicts.choice_keys("referrals", conflicts.FIELDS, {"state", "scheduled_at", "to_org_id"}) == \
        ["referral_step", "route"]
    assert conflicts.choice_keys("patients", conflicts.FIELDS, {"sex", "phone", "address"}) == \
        ["identity", "home", "phone"]
    assert conflicts.choice_keys("tasks", conflicts.DELETED_HERE, {"state"}) == [conflicts.RECORD]


class FakeClient:
    """Stands in for the server's answer to a fetch: the server's row written over this one."""

    def __init__(self, profile, table, row_id, **server):
        self.profile, self.table, self.row_id, self.server = profile, table, row_id, server

    def fetch_rows(self, table, ids, overwrite_local=False):
        assert (table, ids, overwrite_local) == (self.table, [self.row_id], True)
        with self.profile.sessions.begin() as s:
            row = s.get(MODEL_BY_TABLE[table], self.row_id)
            for field, value in self.server.items():
                setattr(row, field, value)
            row.version += 1
        return 1


def _case_in_conflict(profile):
    """A case this desktop moved to 预防 (with that stage's step) while the server's copy was
    closed by a colleague and moved to 诊断: the clash is on the stage; the closing came
    only from there."""
    with profile.store.write() as tx:
        p = tx.add(Patient(name="钱桂兰", sex="F", birth_date=dt.date(1961, 4, 9)))
        case = tx.add(Case(patient_id=p.id, cancer_type="lung", stage="screen", risk_level="high",
                           opened_at=dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc)))
    with profile.sessions.begin() as s:
        s.execute(OutboxEntry.__table__.delete())
        s.get(Case, case.id).version = 2
    with profile.store.write() as tx:
        row = tx.session.get(Case, case.id)
        tx.update(row, stage="prevent", risk_level="low")
        tx.add(Task(patient_id=p.id, case_id=case.id, kind="stage", args={"stage": "prevent"}, state="open",
                    due_date=dt.date(2026, 2, 1)))
    with profile.sessions.begin() as s:
        s.execute(OutboxEntry.__table__.delete().where(OutboxEntry.table_name == "tasks"))
        entry = s.scalars(select(OutboxEntry)).one()
        entry.status = "conflict"
        entry.server_detail = {"kind": "both_changed", "version": 3,
                               "fields": {"stage": {"server": "diagnose", "client": "prevent"}}}
        return case.id, entry.seq


@pytest.mark.parametrize("side", [conflicts.MINE, conflicts.SERVER])
def test_a_group_is_kept_whole_from_one_side_never_mixed(profile, side):
    case_id, seq = _case_in_conflict(profile)
    closed = dt.datetime(2026, 2, 3, 8, 0, tzinfo=dt.timezone.utc)
    client = FakeClient(profile, "cases", case_id, stage="diagnose", closed_at=closed)
    with pytest.raises(ValueError):  # the fields of a group are not chosen one by one
        conflicts.resolve(profile, client, seq, {"stage": side})
    conflicts.resolve(profile, client, seq, {"pathway": side})
    with profile.sessions() as s:
        case = s.get(Case, case_id)
        steps = s.scalars(select(Task).where(Task.case_id == case_id, Task.kind == "stage")).all()
        pending = s.scalars(select(OutboxEntry).where(OutboxEntry.table_name == "cases")).all()
    if side == conflicts.MINE:  # this desktop's stage AND its (open) case, with its step
        assert (case.stage, case.closed_at) == ("prevent", None)
        assert [t.state for t in steps] == ["open"]
        (entry,) = pending
        assert entry.changes["stage"][1] == "prevent" and entry.changes["closed_at"][1] is None
    else:  # the server's stage AND its closing; this desktop's step for 预防 is cancelled
        assert case.stage == "diagnose" and case.closed_at is not None
        assert [t.state for t in steps] == ["cancelled"]
        assert all("stage" not in e.changes for e in pending)
    assert case.risk_level == "low"  # outside the clash: sent again as it was


def test_this_desktops_side_is_remembered_when_a_try_fails_after_the_servers_row_came(profile):
    """The server's row replaces this one before the choice is written; a try that fails then
    (the connection lost on the answer's last page) writes nothing, and "mine" still means
    this desktop's values on the next try, not the server's that now sit in the row."""
    case_id, seq = _case_in_conflict(profile)
    client = FakeClient(profile, "cases", case_id, stage="diagnose",
                        closed_at=dt.datetime(2026, 2, 3, tzinfo=dt.timezone.utc))
    written = client.fetch_rows

    def lost(*args, **kw):
        written(*args, **kw)
        raise ConnectionError("lost on the last page")

    client.fetch_rows = lost  # type: ignore[method-assign]
    with pytest.raises(ConnectionError):
        conflicts.resolve(profile, client, seq, {"pathway": conflicts.MINE})
    with profile.sessions() as s:
        assert s.get(OutboxEntry, seq).status == "conflict"
        assert s.get(Case, case_id).closed_at is not None  # the server's, for now
    client.fetch_rows = written  # type: ignore[method-assign]
    conflicts.resolve(profile, client, seq, {"pathway": conflicts.MINE})
    with profile.sessions() as s:
        case = s.get(Case, case_id)
        assert (case.stage, case.closed_at) == ("prevent", None)  # this desktop's, not the server's closing


def test_a_referral_step_is_kept_whole_and_a_choice_the_rule_book_refuses_writes_nothing(profile):
    """Booked here, cancelled there: keeping this desktop's step would reopen a cancelled
    referral (the state machine refuses: nothing written, the reason by code); keeping the
    server's takes its cancellation AND drops this desktop's appointment — never a
    cancelled referral with an appointment."""
    now = clock.now()
    with profile.store.write() as tx:
        station = tx.add(OrgUnit(kind="street_station", code="G-S01", name="澄江街道工作站"))
        centre = tx.add(OrgUnit(kind="centre", code="G-C01", name="县肿瘤防治中心"))
        p = tx.add(Patient(name="吴德明", sex="M", birth_date=dt.date(1957, 6, 2)))
        ref = tx.add(Referral(patient_id=p.id, direction="up", from_org_id=station.id, to_org_id=centre.id,
                              reason="低剂量CT提示结节", state="draft", short_code="G0000001"))
    with profile.sessions.begin() as s:
        s.execute(OutboxEntry.__table__.delete())
        row = s.get(Referral, ref.id)
        row.state, row.sent_at, row.version = "accepted", now - dt.timedelta(hours=2), 4
    with profile.store.write() as tx:
        tx.update(tx.session.get(Referral, ref.id), state="scheduled", scheduled_at=now + dt.timedelta(days=2),
                  scheduled_place="胸外科门诊 3 诊室")
    with profile.sessions.begin() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        entry.status = "conflict"
        entry.server_detail = {"kind": "both_changed", "version": 5,
                               "fields": {"state": {"server": "cancelled", "client": "scheduled"}}}
        seq = entry.seq
    assert conflicts.choice_keys("referrals", conflicts.FIELDS, {"state"}) == ["referral_step"]
    client = FakeClient(profile, "referrals", ref.id, state="cancelled", state_reason="患者要求取消", closed_at=now,
                        scheduled_at=None, scheduled_place=None)  # the server's row, as it is there
    with pytest.raises(ProblemError) as refused:
        conflicts.resolve(profile, client, seq, {"referral_step": conflicts.MINE})
    assert (refused.value.problems[0].code, refused.value.problems[0].field) == ("referral.final", "state")
    with profile.sessions() as s:
        assert s.get(OutboxEntry, seq).status == "conflict"  # nothing written: choose again
    conflicts.resolve(profile, client, seq, {"referral_step": conflicts.SERVER})
    with profile.sessions() as s:
        row = s.get(Referral, ref.id)
        assert (row.state, row.state_reason) == ("cancelled", "患者要求取消")
        assert row.scheduled_at is None and row.scheduled_place is None
        # this desktop's booking went with its step: not sent again (per field it would have been)
        assert not s.scalars(select(OutboxEntry).where(OutboxEntry.table_name == "referrals")).all()


def test_yes_and_no_are_codes_not_words():
    assert conflicts.parse_value("patients", "contract_signed", conflicts.YES) is True
    assert conflicts.parse_value("patients", "contract_signed", conflicts.NO) is False
    for word in ("是", "否", "yes", "no"):  # words are the window's (ui/sync/resend_dialog.py)
        with pytest.raises(Exception):  # noqa: B017
            conflicts.parse_value("patients", "contract_signed", word)
    assert conflicts.value_kind("patients", "contract_signed") == "bool"
