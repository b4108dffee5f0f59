"""Moving many follow-ups at once (#17 item 1): 1,000 cases' next follow-ups to one day in ONE
transaction with progress, a clinic visit never on a day off, all or nothing (a refusal on the
last one leaves the 999 before it where they were), every refusal in words; and one letter per
selected case printed as one batch."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app import bulk
from app import clock
from app.demo import generate
from app.errors import CaseDeskError
from app.letters.batch import print_batch
from app.letters.kinds import KINDS
from app.pathway import for_profile
from app.problems import ProblemError
from db.models import AuditEntry
from db.models import Case
from db.models import Followup
from db.models import Letter
from db.models import OutboxEntry
from db.models import Patient
from db.models import Referral
from ui import problem_words


@pytest.fixture(scope="module")
def crowd(tmp_path_factory, keyring_backend):
    from app.profile import Profile
    profile = Profile.open(tmp_path_factory.mktemp("bulk_move") / "p")
    generate(profile, 2000, 3, (1, 2), parallel=False)
    yield profile
    profile.close()


def counts(profile):
    with profile.sessions() as s:
        return (s.scalar(select(func.count()).select_from(OutboxEntry)),
                s.scalar(select(func.count()).select_from(AuditEntry)))


def due_dates(profile, fids):
    with profile.sessions() as s:
        return dict(s.execute(select(Followup.id, Followup.due_date).where(Followup.id.in_(fids))).all())


def a_saturday(weeks_ahead=3):
    day = clock.today() + dt.timedelta(weeks=weeks_ahead)
    return day + dt.timedelta(days=(5 - day.weekday()) % 7)


def test_a_thousand_cases_next_follow_ups_moved_in_one_transaction(crowd):
    profile = crowd
    calendar = for_profile(profile).calendar
    with profile.sessions() as s:
        open_cases = list(s.scalars(select(Case.id).where(Case.closed_at.is_(None)).order_by(Case.id)))
        found = bulk.next_followups(s, open_cases)
    case_ids = [c for c in open_cases if c in found][:1000]
    assert len(case_ids) == 1000
    fids = [found[c] for c in case_ids]
    saturday = a_saturday()
    monday = calendar.next_working_day(saturday).date
    before, written = due_dates(profile, fids), counts(profile)

    # The last one refused (its patient "born" after the day): the 999 moved before it are not.
    with profile.sessions.begin() as s:
        last = s.get(Followup, fids[-1])
        patient = s.get(Patient, last.patient_id)
        born, name = patient.birth_date, patient.name
        patient.birth_date = saturday + dt.timedelta(days=30)
    seen = []
    with pytest.raises(ProblemError) as exc:
        bulk.reschedule_cases(profile.store, calendar, case_ids, saturday, "", lambda d, t: seen.append(d))
    assert seen[-1] == 950  # progress came while it worked; then all of it rolled back
    assert due_dates(profile, fids) == before and counts(profile) == written
    assert [p.code for p in exc.value.problems] == ["bulk.refused_for", "followup.before_birth"]
    assert name in problem_words.say(exc.value, "zh_CN") and "未改期任何随访" in problem_words.say(exc.value, "zh_CN")
    with profile.sessions.begin() as s:
        s.get(Patient, last.patient_id).birth_date = born

    # Cancelled half way: nothing either.
    stop = []
    with pytest.raises(CaseDeskError):
        bulk.reschedule_cases(profile.store, calendar, case_ids, saturday, "", lambda d, t: stop.append(d), lambda: len(stop) >= 3)
    assert due_dates(profile, fids) == before and counts(profile) == written

    progress = []
    placements = bulk.reschedule_cases(profile.store, calendar, case_ids, saturday, "clinic moved",
                                       lambda done, total: progress.append((done, total)))
    assert progress[-1] == (1000, 1000) and len(progress) == 20
    with profile.sessions() as s:
        rows = s.execute(select(Followup.method, Followup.due_date, Followup.status).where(Followup.id.in_(fids))).all()
    assert {status for _m, _d, status in rows} == {"planned"}
    assert {d for m, d, _s in rows if m == "clinic"} == {monday}  # a clinic visit never on a day off
    assert {d for m, d, _s in rows if m != "clinic"} == {saturday}
    assert sum(p.moved for p in placements) == sum(m == "clinic" for m, _d, _s in rows) > 0
    outbox, audit = counts(profile)
    assert outbox - written[0] == audit - written[1] >= 1000  # each change queued and audited


def test_refusals_say_what_and_leave_everything(crowd):
    profile = crowd
    calendar = for_profile(profile).calendar
    with profile.sessions() as s:
        open_cases = list(s.scalars(select(Case.id).where(Case.closed_at.is_(None)).order_by(Case.id.desc())))
        found = bulk.next_followups(s, open_cases)
        lacking = [c for c in open_cases if c not in found][:2]
    written = counts(profile)
    with pytest.raises(ProblemError) as exc:
        bulk.reschedule_cases(profile.store, calendar, [*list(found)[:5], *lacking], a_saturday())
    assert exc.value.problem.code == "bulk.no_open_followup" and exc.value.problem.params["count"] == len(lacking)
    assert "所选个案中有 2 个没有可改期的随访" in problem_words.say(exc.value, "zh_CN")
    assert "2 of the selected cases have no open follow-up" in problem_words.say(exc.value, "en")
    with pytest.raises(ProblemError) as exc:
        bulk.reschedule_cases(profile.store, calendar, [], a_saturday())
    assert problem_words.say(exc.value, "zh_CN") == "请先选择至少一行。"
    with pytest.raises(ProblemError) as exc:  # more than ten years ahead
        bulk.reschedule(profile.store, calendar, list(found.values())[:3], clock.today().replace(year=clock.today().year + 11))
    assert "followup.too_far_ahead" in [p.code for p in exc.value.problems]
    assert counts(profile) == written


def test_one_letter_per_selected_case_in_one_pdf(crowd, tmp_path):
    profile = crowd
    kind = KINDS["followup_reminder"]
    with profile.sessions() as s:
        open_cases = list(s.scalars(select(Case.id).where(Case.closed_at.is_(None)).order_by(Case.id)))
        found = bulk.next_followups(s, open_cases)
        planned = set(s.scalars(select(Followup.case_id).where(Followup.status == "planned")))
    chosen = [c for c in open_cases if c in found and c in planned][:25]
    prepared = bulk.letters_for_cases(profile, kind, chosen)
    letters = [*(r.data for r in prepared.ready), *prepared.skipped]
    assert len(letters) == 25  # one per case, printable or said why not
    assert {r.data.case_id for r in prepared.ready} <= set(chosen)
    out = tmp_path / "selected.pdf"
    result = print_batch(profile, kind, out, paper="A4", prepared=prepared)
    assert out.read_bytes().startswith(b"%PDF") and len(result.printed) == len(prepared.ready)
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Letter).where(Letter.id.in_(result.letter_ids))) == len(result.printed)
    with profile.sessions() as s:  # a case without a sent referral has no referral slip
        referred = set(s.scalars(select(Referral.case_id)))
    with pytest.raises(ProblemError) as exc:
        bulk.letters_for_cases(profile, KINDS["referral_slip"], [c for c in chosen if c not in referred][:3])
    assert problem_words.say(exc.value, "zh_CN") == "所选个案都没有可打印的转诊单。"
