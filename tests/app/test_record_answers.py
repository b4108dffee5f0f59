"""A push's answers land in the desktop's rows: the server's version, number, times and
stamps, stored as every other write stores them (a query by that time finds the row), and
the acknowledged entries leave the outbox. The answers are written as a server writes them."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.serial import to_wire
from app.sync import local
from app.sync.wire import WireError
from app.sync.wire import from_wire
from db.models import OrgUnit
from db.models import OutboxEntry
from db.models import Patient
from db.models import TimelineEvent
from db.models import User

UTC = dt.timezone.utc


def test_acknowledged_rows_take_the_servers_version_number_times_and_stamps(profile):
    with profile.store.write() as tx:
        station = tx.add(OrgUnit(kind="street_station", code="A-S01", name="澄江街道工作站"))
        author = tx.add(User(username="cm-ack", display_name="何发福", role="community_cm", org_unit_id=station.id))
        p = tx.add(Patient(name="钱芳", sex="F", birth_date=dt.date(1968, 2, 3)))
        note = tx.add(TimelineEvent(patient_id=p.id, kind="note", title="电话随访",
                                    occurred_at=dt.datetime(2026, 12, 1, 8, tzinfo=UTC)))
    with profile.sessions.begin() as s:
        entries = {e.row_id: e.mutation_id for e in s.scalars(select(OutboxEntry))
                   if e.table_name in ("patients", "timeline_events")}
        counts, merged = local.record_results(s, [
            {"mutation_id": entries[p.id], "status": "applied", "version": 3, "server_seq": 901,
             "updated_at": "2026-12-05T08:09:10.123456Z", "deleted_at": "2026-12-05T08:09:11Z"},
            {"mutation_id": entries[note.id], "status": "merged", "version": 2, "server_seq": 902,
             "updated_at": "2026-12-05T08:09:10Z", "stamped": {"author_id": author.id}},
        ])
    assert counts == {"applied": 1, "merged": 1} and merged == {("timeline_events", note.id)}
    with profile.sessions() as s:
        held = s.get_one(Patient, p.id)
        assert (held.version, held.server_seq) == (3, 901)
        assert held.updated_at == dt.datetime(2026, 12, 5, 8, 9, 10, 123456, tzinfo=UTC)
        assert held.deleted_at == dt.datetime(2026, 12, 5, 8, 9, 11, tzinfo=UTC)
        # Stored as every write stores a time: a query by the time finds the row.
        assert s.scalar(select(Patient.id).where(Patient.updated_at == held.updated_at)) == p.id
        assert s.scalar(select(TimelineEvent.id).where(
            TimelineEvent.updated_at == dt.datetime(2026, 12, 5, 8, 9, 10, tzinfo=UTC))) == note.id
        kept = s.get_one(TimelineEvent, note.id)
        assert (kept.version, kept.server_seq, kept.author_id) == (2, 902, author.id)
        left = {e.table_name for e in s.scalars(select(OutboxEntry))}
        assert left == {"org_units", "users"}  # not answered: still to go


def test_a_servers_time_is_stored_exactly_as_the_general_conversion_stores_it(profile):
    """The short way for the server's own time format gives the very text the column type's
    conversion gives (else a query by that time would miss the row), and a string that only
    looks like a time is refused as before, naming the field."""
    with profile.sessions() as s:
        dialect = s.get_bind().dialect
    general = local._bind(dialect, "patients", "updated_at")
    for value in (dt.datetime(2026, 12, 5, 8, 9, 10, 1, tzinfo=UTC), dt.datetime(1999, 1, 1, 0, 0, 0, 999999, tzinfo=UTC),
                  dt.datetime(2026, 12, 5, 16, 9, 10, 500000, tzinfo=dt.timezone(dt.timedelta(hours=8)))):
        wire = to_wire(value)
        assert len(wire) == 27  # the form the short way takes
        assert local._stored(dialect, "patients", "updated_at", wire) == general(from_wire("patients", "updated_at", wire))
    with pytest.raises(WireError) as raised:
        local._stored(dialect, "patients", "updated_at", "2026-13-05T08:09:10.123456Z")
    assert raised.value.field == "updated_at"
    assert local._stored(dialect, "patients", "server_seq", 901) == 901
