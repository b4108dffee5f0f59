"""Which of a desktop's push batches may be applied at once (app/sync/push_apart.py): two
batches naming none of the same records go together; one that edits what the other added,
or points to the same patient, even through a row whose edit does not carry the patient,
waits for it. Units and people, named by everything, do not tie batches; a batch writing
them goes alone."""
from __future__ import annotations

import datetime as dt

from app.sync import local
from app.sync import push_apart
from db.models import Followup
from db.models import OrgUnit
from db.models import Patient
from db.models import TimelineEvent
from db.models import User

UTC = dt.timezone.utc


def batches(profile, after_seq: int, sizes: list[int]) -> list[list[local.Waiting]]:
    """The outbox after position `after_seq`, cut into batches of these sizes."""
    with profile.sessions() as s:
        waiting = local.pending_wire(s, sum(sizes), after_seq)
    out, at = [], 0
    for n in sizes:
        out.append(waiting[at:at + n])
        at += n
    return out


def names(profile, batch) -> frozenset[str]:
    with profile.sessions() as s:
        return push_apart.named(s, batch, push_apart.administered(s))


def last_seq(profile) -> int:
    with profile.sessions() as s:
        waiting = local.pending_wire(s, 100_000)
    return waiting[-1].seq


def test_batches_of_different_patients_go_together_and_an_edit_waits_for_its_insert(profile):
    with profile.store.write() as tx:
        station = tx.add(OrgUnit(kind="street_station", code="A-S01", name="澄江街道工作站"))
        author = tx.add(User(username="cm-apart", display_name="何发福", role="community_cm", org_unit_id=station.id))
        one = tx.add(Patient(name="钱芳", sex="F", birth_date=dt.date(1968, 2, 3), community_id=station.id))
        two = tx.add(Patient(name="孙立", sex="M", birth_date=dt.date(1959, 7, 9), community_id=station.id))
    start = last_seq(profile)
    with profile.store.write() as tx:
        # Every note names its author and unit, as every note of this desktop does.
        tx.add(TimelineEvent(patient_id=one.id, kind="note", title="电话随访", org_unit_id=station.id,
                             author_id=author.id, occurred_at=dt.datetime(2026, 12, 1, 8, tzinfo=UTC)))
        tx.add(TimelineEvent(patient_id=two.id, kind="note", title="电话随访", org_unit_id=station.id,
                             author_id=author.id, occurred_at=dt.datetime(2026, 12, 1, 9, tzinfo=UTC)))
        f = tx.add(Followup(patient_id=two.id, due_date=dt.date(2027, 1, 5), method="phone"))
    with profile.store.write() as tx:
        tx.update(tx.session.get(Followup, f.id), notes="改到下午")
    first, second, made, edited = (names(profile, b) for b in batches(profile, start, [1, 1, 1, 1]))
    assert push_apart.apart(first, second)  # notes of two patients: their author and unit tie nothing
    assert not push_apart.apart(second, made)  # the same patient
    assert not push_apart.apart(made, edited)  # the edit of the row the batch ahead adds
    # The edit carries only the notes; the follow-up's patient is read from the row held here.
    assert two.id in edited and not push_apart.apart(second, edited)
    assert push_apart.apart(first, edited)


def test_two_patients_with_one_resident_id_number_go_in_order(profile):
    """The server flags a second registration of one person by comparing ID numbers."""
    start = 0
    with profile.store.write() as tx:
        tx.add(Patient(name="钱芳", sex="F", birth_date=dt.date(1968, 2, 3), id_number="110101196802030020"))
        tx.add(Patient(name="钱芳", sex="F", birth_date=dt.date(1968, 2, 3), id_number="110101196802030020"))
        tx.add(Patient(name="孙立", sex="M", birth_date=dt.date(1959, 7, 9), id_number="110101195907090017"))
    first, again, other = (names(profile, b) for b in batches(profile, start, [1, 1, 1]))
    assert not push_apart.apart(first, again)
    assert push_apart.apart(first, other)


def test_a_batch_writing_units_or_people_goes_alone(profile):
    start = 0
    with profile.store.write() as tx:
        tx.add(OrgUnit(kind="street_station", code="A-S02", name="阳山街道工作站"))
        tx.add(Patient(name="周敏", sex="F", birth_date=dt.date(1971, 4, 1)))
    unit, patient = (names(profile, b) for b in batches(profile, start, [1, 1]))
    assert unit == push_apart.EVERYTHING
    assert not push_apart.apart(unit, patient) and not push_apart.apart(patient, unit)
    assert push_apart.apart(patient, frozenset())
