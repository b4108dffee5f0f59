"""A pushed batch is written set-based (server/setwrite.py): one statement per table (and set
of changed columns), not one per row, and what lands is what the row-by-row path wrote —
values, defaults, versions, sequence numbers — with a refusal by the database still costing
only the one bad mutation. Real pushes on PostgreSQL."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import event

from db import migrate
from db.ids import uuid7
from server import setwrite


def bearer(auth: dict) -> dict:
    return {"Authorization": auth["Authorization"]}


def push(api, auth, mutations: list[dict]) -> list[dict]:
    answer = api.client.post("/sync/push", headers=bearer(auth),
                             json={"schema_version": migrate.head(), "mutations": mutations})
    assert answer.status_code == 200, answer.text
    return answer.json()["results"]


def insert(table: str, **values) -> dict:
    return {"mutation_id": uuid7(), "table": table, "row_id": uuid7(), "op": "insert", "base_version": 0,
            "changes": {k: [None, v] for k, v in values.items()}}


def update(table: str, row_id: str, version: int, **values) -> dict:
    return {"mutation_id": uuid7(), "table": table, "row_id": row_id, "op": "update", "base_version": version,
            "changes": {k: [None, v] for k, v in values.items()}}


def a_batch(api, tag: str = "甲") -> list[dict]:
    patients = api.sql("SELECT id, version FROM patients WHERE deleted_at IS NULL ORDER BY id LIMIT 30")
    notes = [insert("timeline_events", patient_id=pid, kind="note", title=f"随访 {tag}{i}",
                    occurred_at="2026-12-01T08:00:00Z") for i, (pid, _) in enumerate(patients)]
    followups = [insert("followups", patient_id=pid, due_date="2027-01-12") for pid, _ in patients[:10]]
    edits = [update("patients", pid, version, warning_flags=f"标记 {tag}{i}") for i, (pid, version) in enumerate(patients[:20])]
    phones = [update("patients", pid, version, phone=f"13{len(tag)}00{abs(hash(tag)) % 10}{i:04d}") for i, (pid, version) in enumerate(patients[20:])]
    return notes + followups + edits + phones


@pytest.fixture
def statements(api):
    seen: list[tuple[str, bool]] = []

    def note(_conn, _cursor, statement, _parameters, _context, executemany):
        seen.append((statement, executemany))

    event.listen(api.engine, "before_cursor_execute", note)
    yield seen
    event.remove(api.engine, "before_cursor_execute", note)


def writes(seen: list[tuple[str, bool]], table: str) -> list[str]:
    """The statements writing `table`; one sent as many (executemany: a statement per row) fails."""
    found = [(s, many) for s, many in seen if re.match(rf"\s*(INSERT INTO|UPDATE) {table}\b", s)]
    assert not any(many for _, many in found), f"{table} written row by row"
    return [s for s, _ in found]


def test_a_batch_is_one_statement_per_table_and_changed_columns(api, statements):
    results = push(api, api.login("clinic_cm"), a_batch(api))
    assert [r["status"] for r in results] == ["applied"] * len(results)
    assert len(writes(statements, "timeline_events")) == 1  # 30 notes
    assert len(writes(statements, "followups")) == 1  # 10 follow-ups
    assert len(writes(statements, "patients")) == 2  # 20 flags, 10 phones: two sets of columns
    assert len(writes(statements, "change_log")) == 1


def test_what_lands_is_what_the_row_by_row_path_wrote(api, monkeypatch):
    """The same kind of batch pushed twice, once set-based and once through the ORM's flush."""
    clinic = api.login("clinic_cm")
    content = {"timeline_events": "kind, replace(title, :tag, ''), occurred_at, author_id",
               "followups": "due_date, method, status, attempts, completed_at",
               "patients": "replace(warning_flags, :tag, ''), length(phone)"}

    def landed(batch, results, tag):
        out = []
        for m, r in zip(batch, results):
            row = api.sql(f"SELECT {content[m['table']]}, version = :v, server_seq = :s, updated_by, device_id "
                          f"FROM {m['table']} WHERE id = :i", tag=tag, v=r["version"], s=r["server_seq"],
                          i=m["row_id"])[0]
            out.append((m["table"], *row))
        return out

    first = a_batch(api, "甲")
    fast = landed(first, push(api, clinic, first), "甲")
    monkeypatch.setattr(setwrite, "flush", lambda session: 0)
    second = a_batch(api, "乙")
    slow = landed(second, push(api, clinic, second), "乙")
    assert fast == slow
    follow = next(row for row in fast if row[0] == "followups")
    assert follow[2:5] == ("phone", "planned", 0)  # defaults filled as the ORM fills them
    assert all(row[-4] is True and row[-3] is True for row in fast)  # the answer's version and number


def test_a_refused_row_costs_only_its_own_mutation(api):
    clinic = api.login("clinic_cm")
    batch = a_batch(api)[:12]
    batch.insert(5, insert("timeline_events", patient_id=str(uuid7()), kind="note", title="没有这个患者",
                           occurred_at="2026-12-01T08:00:00Z"))
    results = push(api, clinic, batch)
    assert [r["status"] for r in results].count("applied") == len(batch) - 1
    assert results[5]["status"] == "rejected"


def test_no_relationship_cascades_what_the_set_based_write_skips():
    """server/setwrite.py lets written rows go and registers new ones without the ORM's
    cascade walks; that is only the same as expunge / add while no relationship cascades
    them. A model that adds such a cascade must change setwrite.py first."""
    from db.models import Base

    cascading = [f"{m.class_.__name__}.{r.key}" for m in Base.registry.mappers for r in m.relationships
                 if r.cascade.expunge or r.cascade.save_update]
    assert cascading == [], cascading


def test_datetimes_land_as_the_utc_time_they_name_and_a_naive_one_is_refused(api):
    """The document as PostgreSQL reads it: a UTC time as it is, one in another zone as its
    UTC time, a date as the day; a time without a zone is refused as the ORM's flush refuses it."""
    import datetime as dt

    from sqlalchemy.exc import StatementError

    from db.models import Followup
    from db.models import TimelineEvent

    china = dt.timezone(dt.timedelta(hours=8))
    spec = setwrite._spec("timeline_events", ("occurred_at",))
    notes = [TimelineEvent(id=uuid7(), occurred_at=dt.datetime(2026, 12, 1, 8, 0, 0, 250, tzinfo=dt.timezone.utc)),
             TimelineEvent(id=uuid7(), occurred_at=dt.datetime(2026, 12, 1, 16, 0, tzinfo=china))]
    document = setwrite._document(spec, notes)
    read = api.sql("SELECT occurred_at FROM jsonb_to_recordset(CAST(:d AS jsonb)) AS v(occurred_at timestamp)",
                   d=document)
    assert [r[0] for r in read] == [dt.datetime(2026, 12, 1, 8, 0, 0, 250), dt.datetime(2026, 12, 1, 8, 0)]
    due = setwrite._document(setwrite._spec("followups", ("due_date",)), [Followup(id=uuid7(), due_date=dt.date(2027, 1, 12))])
    assert api.sql("SELECT due_date FROM jsonb_to_recordset(CAST(:d AS jsonb)) AS v(due_date date)",
                   d=due)[0][0] == dt.date(2027, 1, 12)
    with pytest.raises(StatementError):
        setwrite._document(spec, [TimelineEvent(id=uuid7(), occurred_at=dt.datetime(2026, 12, 1, 8, 0))])
