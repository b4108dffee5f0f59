"""Registering a patient at the desk and editing contact details (app/registration.py), and
the first screening invitation of a newly listed or registered resident."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app import idcard
from app.pathway import Pathway
from app.pathway.rules import BUNDLED_DIR
from app.pathway.rules import load_rules
from app.pathway.textfile import RuleFileError
from app.problems import ProblemError
from app.registration import DuplicateFound
from app.registration import NewCase
from app.registration import PersonForm
from app.registration import Registration
from app.screening.importer import import_file
from db.models import Case
from db.models import OutboxEntry
from db.models import Patient
from db.models import User
from tests.app.test_import_data import good_row
from tests.app.test_import_data import network
from tests.app.test_import_data import write_csv
from tests.app.work_of import open_tasks
from tests.support import seed_rows
from ui.due_words import explain

TODAY = dt.date(2026, 12, 3)  # a Thursday
BIRTH = dt.date(1961, 3, 9)
ID_A = idcard.make_id("330206", BIRTH, 41, "F")


@pytest.fixture
def desk(profile):
    """Station A's community case manager at the desk, with one family doctor per station."""
    clock.pin(dt.datetime.combine(TODAY, dt.time(2), tzinfo=dt.timezone.utc))
    net = network(profile)
    with seed_rows(profile) as tx:
        net.doctor_a = tx.add(User(username="fd_a", display_name="何医生", role="family_doctor",
                                   org_unit_id=net.point_a1)).id
        net.doctor_b = tx.add(User(username="fd_b", display_name="吴医生", role="family_doctor",
                                   org_unit_id=net.point_b1)).id
    profile.store.user_id = net.cm_a
    yield profile, net, Registration.for_profile(profile)
    profile.store.user_id = None
    clock.pin(None)


def form(net, **kw) -> PersonForm:
    values = dict(id_number=ID_A, name="陈秀英", phone="138 1234 5678", address="澄江路8号",
                  community_id=net.point_a1, family_doctor_id=net.doctor_a)
    values.update(kw)
    return PersonForm(**values)


def patients(profile) -> int:
    with profile.sessions() as s:
        return s.scalar(select(func.count()).select_from(Patient))


def codes(err) -> list[tuple[str, str | None]]:
    return [(p.code, p.field) for p in err.value.problems]


def test_a_walk_in_is_registered_with_birth_date_and_sex_from_the_id_number(desk):
    profile, net, reg = desk
    pid = reg.register(form(net, id_number=ID_A.lower()))
    with profile.sessions() as s:
        p = s.get(Patient, pid)
        outbox = s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == pid)).all()
    assert (p.birth_date, p.sex, p.id_number, p.phone) == (BIRTH, "F", ID_A, "13812345678")
    assert (p.name_pinyin, p.name_initials, p.community_id, p.family_doctor_id) == (
        "chenxiuying", "cxy", net.point_a1, net.doctor_a)
    assert [e.op for e in outbox] == ["insert"]  # synced like any other record


@pytest.mark.parametrize("kw, expected", [
    ({"id_number": ID_A[:17] + ("0" if ID_A[17] != "0" else "1")}, [("register.id_number_invalid", "id_number")]),
    ({"id_number": ""}, [("register.id_number_required", "id_number")]),
    ({"birth_date": dt.date(1961, 3, 10)}, [("register.birth_date_mismatch", "birth_date")]),
    ({"sex": "M"}, [("register.sex_mismatch", "sex")]),
    ({"name": "  ", "phone": "12345"}, [("register.name_required", "name"), ("register.phone_invalid", "phone")]),
    ({"community_id": None}, [("register.community_required", "community_id")]),
])
def test_a_bad_form_is_refused_field_by_field_and_nothing_is_written(desk, kw, expected):
    profile, net, reg = desk
    with pytest.raises(ProblemError) as err:
        reg.register(form(net, **kw))
    assert codes(err) == expected
    assert patients(profile) == 0


def test_the_check_digit_reason_is_given(desk):
    _, net, reg = desk
    bad = ID_A[:17] + ("0" if ID_A[17] != "0" else "1")
    with pytest.raises(ProblemError) as err:
        reg.register(form(net, id_number=bad))
    assert err.value.problem.params == {"why": "check_digit"}


def test_community_and_doctor_of_another_station_are_refused(desk):
    profile, net, reg = desk
    assert {c.id for c in reg.communities()} == {net.point_a1, net.point_a2}  # the station's points only
    assert [d.id for d in reg.doctors(net.point_a2)] == [net.doctor_a]
    with pytest.raises(ProblemError) as err:
        reg.register(form(net, community_id=net.point_b1, family_doctor_id=None))
    assert codes(err) == [("register.community_outside", "community_id")]
    with pytest.raises(ProblemError) as err:
        reg.register(form(net, family_doctor_id=net.doctor_b))
    assert codes(err) == [("register.doctor_other_station", "family_doctor_id")]
    assert patients(profile) == 0


def test_the_same_id_number_in_scope_is_refused_naming_the_existing_patient(desk):
    profile, net, reg = desk
    first = reg.register(form(net))
    with pytest.raises(DuplicateFound) as err:
        reg.register(form(net, name="陈秀英", phone="13900000000"), confirmed=True)  # no confirming this away
    assert codes(err) == [("register.same_id_number", "id_number")]
    assert err.value.problem.params["masked_id"] == ID_A[:6] + "********" + ID_A[-4:]
    assert [(d.patient_id, d.certain) for d in err.value.duplicates] == [(first, True)]
    assert patients(profile) == 1


def test_same_name_and_birth_date_or_phone_needs_confirming(desk):
    profile, net, reg = desk
    first = reg.register(form(net))
    other_id = idcard.make_id("330206", BIRTH, 43, "F")  # a namesake born the same day
    with pytest.raises(DuplicateFound) as err:
        reg.register(form(net, id_number=other_id, phone=""))
    assert codes(err) == [("register.possible_duplicate", None)]
    assert [(d.patient_id, d.reasons) for d in err.value.duplicates] == [(first, ("name_birth",))]
    assert patients(profile) == 1
    second = reg.register(form(net, id_number=other_id, phone=""), confirmed=True)
    assert second != first and patients(profile) == 2
    with pytest.raises(DuplicateFound) as err:  # the same phone, another name
        reg.register(form(net, id_number=idcard.make_id("330206", BIRTH, 45, "F"), name="陈小英"))
    assert err.value.duplicates[0].reasons == ("phone",)


def test_a_duplicate_in_another_stations_scope_is_not_revealed(desk):
    profile, net, reg = desk
    with seed_rows(profile) as tx:  # station B's patient, as a centre-wide copy might hold it
        tx.add(Patient(name="陈秀英", sex="F", birth_date=BIRTH, id_number=ID_A, phone="13812345678",
                       community_id=net.point_b1))
    assert reg.duplicates({"id_number": ID_A, "name": "陈秀英", "birth_date": BIRTH, "phone": "13812345678"}) == []
    pid = reg.register(form(net))  # nothing from station B is shown or named
    assert pid and patients(profile) == 2


def test_a_case_opened_at_registration_is_due_within_the_invitation_window(desk):
    profile, net, reg = desk
    pid = reg.register(form(net), case=NewCase("breast", "screen"))
    with profile.sessions() as s:
        case = s.scalars(select(Case).where(Case.patient_id == pid)).one()
    assert (case.cancer_type, case.stage, case.station_id, case.community_cm_id) == (
        "breast", "screen", net.station_a, net.cm_a)
    assert TODAY < case.due_date <= TODAY + dt.timedelta(days=14)  # not the 3-year repeat
    assert open_tasks(profile, case.id) == [("首次筛查邀请（乳腺癌）", case.due_date)]


def test_a_bad_case_choice_writes_nothing(desk):
    profile, net, reg = desk
    with pytest.raises(ProblemError) as err:
        reg.register(form(net), case=NewCase("spleen", "screen"))
    assert codes(err) == [("register.cancer_unknown", "cancer_type")]
    assert patients(profile) == 0


def test_editing_contact_details_stores_a_landline_in_its_one_form(desk):
    profile, net, reg = desk
    pid = reg.register(form(net))
    changed = reg.edit(pid, form(net, phone="(0574) 8765 4321", address="澄江路10号", community_id=net.point_a2))
    assert set(changed) == {"phone", "address", "community_id"}
    with profile.sessions() as s:
        p = s.get(Patient, pid)
        assert (p.phone, p.address, p.community_id, p.id_number) == ("0574-87654321", "澄江路10号", net.point_a2, ID_A)
    with pytest.raises(ProblemError) as err:
        reg.edit(pid, form(net, phone="0574-123"))
    assert codes(err) == [("register.phone_invalid", "phone")]
    with pytest.raises(ProblemError) as err:
        reg.edit(pid, form(net, community_id=net.point_b1, family_doctor_id=None))
    assert codes(err) == [("register.community_outside", "community_id")]
    assert reg.current(pid).phone == "0574-87654321"


def test_an_edit_to_another_patients_phone_needs_confirming(desk):
    _, net, reg = desk
    first = reg.register(form(net))
    second = reg.register(form(net, id_number=idcard.make_id("330206", dt.date(1970, 1, 1), 11, "M"),
                               name="王强", phone="13900001111"))
    with pytest.raises(DuplicateFound) as err:
        reg.edit(second, form(net, phone="13812345678"))
    assert [d.patient_id for d in err.value.duplicates] == [first]
    assert reg.edit(second, form(net, phone="13812345678"), confirmed=True)["phone"][1] == "13812345678"


def test_an_imported_list_is_due_for_its_first_screening_within_14_days(profile, tmp_path):
    clock.pin(dt.datetime.combine(TODAY, dt.time(2), tzinfo=dt.timezone.utc))
    try:
        network(profile)
        rows = [good_row(), good_row("李芳", "女", "1958-03-02", seq=22, community="银湾", programme="两癌、结直肠癌")]
        report, result = import_file(profile, write_csv(tmp_path / "list.csv", rows))
        assert report.ok and result.cases == 4
        with profile.sessions() as s:
            dues = dict(s.execute(select(Case.cancer_type, Case.due_date)).all())
        assert set(dues) == {"lung", "breast", "cervical", "colorectal"}
        # 2026-12-17 is a Thursday, a working day: the last day of the 14-day window.
        assert all(d == dt.date(2026, 12, 17) for d in dues.values()), dues
    finally:
        clock.pin(None)


def test_a_family_doctor_corrects_the_phone_of_his_patient_in_another_community(desk):
    profile, net, reg = desk
    pid = reg.register(form(net, community_id=net.point_a2))  # signed with 何医生 of 金苑 (a1)
    profile.store.user_id = net.doctor_a  # his scope: his community point and his own patients
    assert [c.id for c in reg.communities()] == [net.point_a1]
    assert reg.edit(pid, form(net, community_id=net.point_a2, phone="13900002222"))["phone"][1] == "13900002222"
    with pytest.raises(ProblemError) as err:  # moving the patient still follows the rules
        reg.edit(pid, form(net, community_id=net.point_b1, family_doctor_id=None))
    assert codes(err) == [("register.community_outside", "community_id")]


def test_the_first_invitation_is_the_last_working_day_inside_the_window(tmp_path):
    pathway = Pathway(load_rules())
    due = pathway.first_invitation("breast", dt.date(2026, 12, 6))  # + 14 days = Sunday 20 December
    assert (due.date, due.rule_id) == (dt.date(2026, 12, 18), "screen-two-cancers")  # the Friday before
    assert "first invitation within 14 days (by 2026-12-20)" in explain(due, "en")
    rules_dir = tmp_path / "rules"
    shutil.copytree(BUNDLED_DIR, rules_dir)
    path = rules_dir / "screening.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('every = "6m"', 'every = "6m"\ninvite_within = "7d"'), encoding="utf-8")
    own = Pathway(load_rules(bundled_dir=rules_dir))
    assert own.first_invitation("liver", dt.date(2026, 12, 3)).date == dt.date(2026, 12, 10)  # its own window
    path.write_text(text.replace('invite_within = "14d"', 'invite_within = "soon"'), encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_rules(bundled_dir=rules_dir)
    assert "screening.toml:" in err.value.problems[0].params["where"]
